using System.Globalization;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>How a repair trades score against changes to the published roster.</summary>
public sealed class RepairOptions
{
    /// <summary>The soft penalty ladder the candidate re-plans are made with (independent of the caller's penalty).</summary>
    internal static readonly int[] Ladder = [0, 2, 10, 50, 250, 1_000, 10_000];

    /// <summary>Creates options.</summary>
    /// <param name="perChangePenalty">Soft penalty per changed assignment (a worker-date whose duty differs); zero or more.</param>
    /// <param name="frozenBefore">
    /// The moment the repair is made (e.g. when the change was reported): an assignment whose duty starts before it is
    /// never removed, moved or given to someone else (a duty in progress stays as published), and no new duty starting
    /// before it is added; null to allow every duty to change.
    /// </param>
    /// <param name="zone">
    /// The time zone the freeze is read in; null for the problem's (<see cref="RosterProblem.Zone"/>). A problem in UTC (one
    /// created without a zone) takes this one, as before problems had zones; any other problem must have this zone.
    /// </param>
    /// <param name="seed">Seed of the candidate re-plans.</param>
    /// <param name="iterationLimit">Moves per candidate re-plan; at least 1.</param>
    /// <exception cref="ArgumentException">A number is out of range.</exception>
    public RepairOptions(long perChangePenalty, Instant? frozenBefore = null, DateTimeZone? zone = null, int seed = 1, long iterationLimit = 5_000)
    {
        PerChangePenalty = Guard.Against.Negative(perChangePenalty);
        FrozenBefore = frozenBefore;
        Zone = zone;
        Seed = seed;
        IterationLimit = Guard.Against.NegativeOrZero(iterationLimit);
    }

    /// <summary>Soft penalty per changed assignment.</summary>
    public long PerChangePenalty { get; }

    /// <summary>
    /// Duties starting before this instant (their date at their shift's start time in <see cref="Zone"/>) are never
    /// touched and none is added; null when every duty may change.
    /// </summary>
    public Instant? FrozenBefore { get; }

    /// <summary>The time zone the freeze is read in, or null for the problem's.</summary>
    public DateTimeZone? Zone { get; }

    /// <summary>Seed of the candidate re-plans.</summary>
    public int Seed { get; }

    /// <summary>Moves per candidate re-plan.</summary>
    public long IterationLimit { get; }

    /// <summary>
    /// Elapsed time the whole repair may take, shared out among the candidate re-plans still to run; positive, or
    /// null (the default) for no limit. With a limit, the result depends on the machine's speed.
    /// </summary>
    /// <exception cref="ArgumentException">The limit is zero or negative.</exception>
    public Duration? TimeLimit
    {
        get;
        init
        {
            if (value is { } t)
            {
                Guard.Against.InvalidInput(t, nameof(TimeLimit), static x => x > Duration.Zero, "The time limit must be positive.");
            }

            field = value;
        }
    }

    /// <summary>The source of elapsed time for <see cref="TimeLimit"/>, or null for a stopwatch.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // not data: a stored option runs under the reader's own clock
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>E.g. <c>penalty 50 per change, frozen before 2022-08-23 07:30 (Asia/Shanghai), seed 1, 3000 moves</c> (without a zone, the instant in UTC and "the problem's zone").</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"penalty {PerChangePenalty} per change{(FrozenBefore is { } n ? $", frozen before {n.InZone(Zone ?? DateTimeZone.Utc).LocalDateTime:uuuu-MM-dd HH:mm} ({Zone?.Id ?? "UTC, read in the problem's zone"})" : "")}, seed {Seed}, {IterationLimit} moves{(TimeLimit is { } t ? $", {t.TotalSeconds:0.###} s" : "")}");
}
