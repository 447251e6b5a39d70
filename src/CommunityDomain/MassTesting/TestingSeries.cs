using System.Globalization;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Errors;
using CommunityDomain.MassTesting.Events;
using CommunityDomain.MassTesting.State;
using OneOf;

namespace CommunityDomain.MassTesting;

/// <summary>A series of whole-population testing rounds on consecutive days, e.g. five days from 18 August.</summary>
/// <remarks>
/// Starting a round is the series' only command: it raises the series' version by one. Only an actor with
/// <see cref="Permission.TestingRounds"/> over the whole community (the community office) may start one; anyone
/// else gets <see cref="NotPermitted"/> and nothing changes. The series and its
/// rounds are stored together (<see cref="ToState"/>, <see cref="Restore"/>); a restored series equals the
/// original in state and in every query, and judges every later command as the original would.
/// </remarks>
public sealed class TestingSeries : AggregateRoot
{
    private readonly IClock _clock;
    private readonly List<TestingRound> _rounds = [];

    private TestingSeries(Id<TestingSeries> id, string name, LocalDate firstDay, int days, LocalTime dailyStart, DateTimeZone zone, IClock clock, long version = 0)
        : base(version)
    {
        Id = id;
        Name = name;
        FirstDay = firstDay;
        Days = days;
        DailyStart = dailyStart;
        Zone = zone;
        _clock = clock;
    }

    /// <summary>The series' id.</summary>
    public Id<TestingSeries> Id { get; }

    /// <summary>The series' name.</summary>
    public string Name { get; }

    /// <summary>The first day.</summary>
    public LocalDate FirstDay { get; }

    /// <summary>The number of consecutive days.</summary>
    public int Days { get; }

    /// <summary>The last day.</summary>
    public LocalDate LastDay => FirstDay.PlusDays(Days - 1);

    /// <summary>The local time every round starts (05:00 in the story).</summary>
    public LocalTime DailyStart { get; }

    /// <summary>The community's zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The rounds started so far, in date order.</summary>
    public IReadOnlyList<TestingRound> Rounds => _rounds;

    /// <summary>Creates a series.</summary>
    /// <param name="id">The series' id.</param>
    /// <param name="name">A name.</param>
    /// <param name="firstDay">The first day.</param>
    /// <param name="days">How many consecutive days (1-366).</param>
    /// <param name="dailyStart">The daily start time.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="clock">The clock that stamps events.</param>
    /// <returns>The series.</returns>
    public static TestingSeries Create(Id<TestingSeries> id, string name, LocalDate firstDay, int days, LocalTime dailyStart, DateTimeZone zone, IClock clock) =>
        new(Guard.Against.DefaultId(id), Guard.Against.Blank(name).Trim(), firstDay, Guard.Against.OutOfRange(days, nameof(days), 1, 366, "A series lasts 1 to 366 days."),
            dailyStart, Guard.Against.Null(zone), Guard.Against.Null(clock));

    /// <summary>When the round of a date starts.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The instant (the earlier one if the local time is ambiguous).</returns>
    public Instant StartOf(LocalDate date) => date.At(DailyStart).InZoneLeniently(Zone).ToInstant();

    /// <summary>Starts the round of a must-test list's date, with its pooling policy.</summary>
    /// <param name="mustTest">The must-test list derived at the round's start.</param>
    /// <param name="policy">The pooling policy.</param>
    /// <param name="by">Who starts it: <see cref="Permission.TestingRounds"/> over the whole community (the community office).</param>
    /// <returns>The round, or why not (<see cref="NotPermitted"/> for an actor without the role or not over the whole community).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mustTest"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policy"/> is default.</exception>
    public OneOf<TestingRound, RoundOutsideSeries, RoundAlreadyStarted, NotPermitted> StartRound(MustTestList mustTest, PoolingPolicy policy, Actor by = default)
    {
        Guard.Against.Null(mustTest);
        Guard.Against.InvalidInput(policy, nameof(policy), static p => !p.IsDefault, "The pooling policy is default.");

        // A round covers its whole must-test list: starting one is the office's call, never a compound's.
        if (by.Check(Permission.TestingRounds) is { } denied)
        {
            return denied;
        }

        var date = mustTest.At.InZone(Zone).Date;
        if (date < FirstDay || date > LastDay)
        {
            return new RoundOutsideSeries(date, FirstDay, LastDay);
        }

        if (_rounds.Any(r => r.Date == date))
        {
            return new RoundAlreadyStarted(date);
        }

        var number = Period.Between(FirstDay, date, PeriodUnits.Days).Days + 1;
        var round = new TestingRound(Id, number, date, mustTest, policy, _clock);
        _rounds.Add(round);
        _rounds.Sort((a, b) => a.Date.CompareTo(b.Date));
        Raise(new TestingRoundStarted(_clock.GetCurrentInstant(), by, NextVersion(), Id, number, mustTest.Entries.Count));
        return round;
    }

    /// <summary>The series' statistics: the sum over its rounds.</summary>
    /// <returns>The statistics.</returns>
    public RoundStatistics Statistics() => RoundStatistics.Sum(_rounds.Select(r => r.Statistics()));

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Series '{Name}' {FirstDay:yyyy-MM-dd} x{Days}");

    /// <summary>Everything the series holds, its rounds included, as plain data for storage (masked names only).</summary>
    /// <returns>The state; <see cref="Restore"/> rebuilds an equal series from it.</returns>
    public TestingSeriesState ToState() => new()
    {
        Id = Id.Value,
        Name = Name,
        FirstDay = FirstDay,
        Days = Days,
        DailyStart = DailyStart,
        ZoneId = Zone.Id,
        Version = Version,
        Rounds = [.. _rounds.Select(r => r.ToState())],
    };

    /// <summary>Rebuilds a series and its rounds from stored state, with no pending events.</summary>
    /// <param name="state">The stored state.</param>
    /// <param name="clock">The clock that stamps future events of the series and its rounds.</param>
    /// <returns>A series equal to the one the state was taken from: same rounds, sites, tubes, results, re-samples,
    /// exemptions with their reasons, and versions; every later command is judged as the original would judge it.</returns>
    /// <exception cref="ArgumentException">The state is inconsistent. The exception's parameter name is the path of the
    /// member at fault, e.g. <c>state.Rounds[1].Tubes[3].Members[0]</c>; the message names ids and the rule broken,
    /// never a name or a reason. Rejected: an unknown zone, rounds out of date order or outside the series, a round
    /// whose number, date or list instant disagree, a version lower than the commands recorded, and anything the
    /// commands cannot produce (a resident sampled twice, a tube over its pool size, a re-sample of someone not on
    /// the re-sample list, a result without its instant, barcodes out of sequence, an excused resident who was sampled).</exception>
    public static TestingSeries Restore(TestingSeriesState state, IClock clock)
    {
        Guard.Against.Null(state);
        Guard.Against.Null(clock);
        const string path = nameof(state);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(state.ZoneId ?? string.Empty) ?? throw StoredPath.Fail(path + ".ZoneId", "unknown time zone.");
        var id = new Id<TestingSeries>(StoredPath.Positive(state.Id, path + ".Id"));
        var name = StoredPath.Text(state.Name, path + ".Name");
        var days = state.Days is >= 1 and <= 366 ? state.Days : throw StoredPath.Fail(path + ".Days", "a series lasts 1 to 366 days.");
        var rounds = StoredPath.List(state.Rounds, path + ".Rounds");
        if (state.Version != rounds.Count)
        {
            throw StoredPath.Fail(path + ".Version", "the version is the number of rounds started.");
        }

        var series = new TestingSeries(id, name, state.FirstDay, days, state.DailyStart, zone, clock, state.Version);
        for (var i = 0; i < rounds.Count; i++)
        {
            var r = rounds[i];
            var at = $"{path}.Rounds[{i}]";
            if (r.Date < series.FirstDay || r.Date > series.LastDay || (i > 0 && r.Date <= rounds[i - 1].Date))
            {
                throw StoredPath.Fail(at + ".Date", "rounds are in date order, within the series.");
            }

            if (r.Number != Period.Between(series.FirstDay, r.Date, PeriodUnits.Days).Days + 1)
            {
                throw StoredPath.Fail(at + ".Number", "a round's number is its day in the series.");
            }

            if (r.MustTest is { } list && list.At.InZone(zone).Date != r.Date)
            {
                throw StoredPath.Fail(at + ".MustTest.At", "the must-test list was derived on the round's date.");
            }

            series._rounds.Add(TestingRound.Restore(id, r, clock, at));
        }

        return series;
    }
}
