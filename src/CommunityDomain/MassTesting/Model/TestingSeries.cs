using System.Globalization;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Errors;
using CommunityDomain.MassTesting.Events;
using OneOf;

namespace CommunityDomain.MassTesting;

/// <summary>A series of whole-population testing rounds on consecutive days, e.g. five days from 18 August.</summary>
public sealed class TestingSeries : AggregateRoot
{
    private readonly IClock _clock;
    private readonly List<TestingRound> _rounds = [];

    private TestingSeries(Id<TestingSeries> id, string name, LocalDate firstDay, int days, LocalTime dailyStart, DateTimeZone zone, IClock clock)
        : base(0)
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
        new(Guard.Against.DefaultId(id), Guard.Against.NullOrWhiteSpace(name).Trim(), firstDay, Guard.Against.OutOfRange(days, nameof(days), 1, 366),
            dailyStart, Guard.Against.Null(zone), Guard.Against.Null(clock));

    /// <summary>When the round of a date starts.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The instant (the earlier one if the local time is ambiguous).</returns>
    public Instant StartOf(LocalDate date) => date.At(DailyStart).InZoneLeniently(Zone).ToInstant();

    /// <summary>Starts the round of a must-test list's date, with its pooling policy.</summary>
    /// <param name="mustTest">The must-test list derived at the round's start.</param>
    /// <param name="policy">The pooling policy.</param>
    /// <param name="by">Who starts it.</param>
    /// <returns>The round, or why not.</returns>
    public OneOf<TestingRound, RoundOutsideSeries, RoundAlreadyStarted> StartRound(MustTestList mustTest, PoolingPolicy policy, Actor by = default)
    {
        Guard.Against.Null(mustTest);
        if (policy.IsDefault)
        {
            throw new ArgumentException("The pooling policy is default.", nameof(policy));
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
}
