using System.Text.Json.Serialization;
namespace CommunityDomain.Rostering;

/// <summary>How long and with which seed <see cref="RosterPlanner.Plan"/> searches.</summary>
/// <remarks>
/// At least one of <see cref="TimeLimit"/> and <see cref="IterationLimit"/> must be set. The time limit
/// measures elapsed time only (through <see cref="TimeProvider"/>'s timestamps, or a
/// <see cref="System.Diagnostics.Stopwatch"/> when none is given), never the calendar clock. With an
/// iteration limit and no time limit the result depends only on the problem, the seed and the
/// <see cref="DegreeOfParallelism"/> (which defaults to the machine's cores: give it to get the same roster on
/// every machine).
/// </remarks>
public sealed class PlannerOptions
{
    private readonly int? _degreeOfParallelism;

    /// <summary>Creates options.</summary>
    /// <param name="seed">The seed of the search's random choices.</param>
    /// <param name="timeLimit">Stop after this much elapsed time; positive, or null.</param>
    /// <param name="iterationLimit">Stop after this many moves; positive, or null.</param>
    /// <param name="timeProvider">The source of elapsed time; a stopwatch when null.</param>
    /// <exception cref="ArgumentException">Both limits are null, or a limit is not positive.</exception>
    public PlannerOptions(int seed, Duration? timeLimit = null, long? iterationLimit = null, TimeProvider? timeProvider = null)
    {
        // A rule across two parameters: a hand-written throw (CONTRIBUTING, "Guards").
        if (timeLimit is null && iterationLimit is null)
        {
            throw new ArgumentException("Give a time limit, an iteration limit or both.", nameof(timeLimit));
        }

        if (timeLimit is { } t)
        {
            Guard.Against.InvalidInput(t, nameof(timeLimit), static x => x > Duration.Zero, "The time limit must be positive.");
        }

        if (iterationLimit is { } i)
        {
            Guard.Against.NegativeOrZero(i, nameof(iterationLimit));
        }

        Seed = seed;
        TimeLimit = timeLimit;
        IterationLimit = iterationLimit;
        TimeProvider = timeProvider;
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>The elapsed-time limit, or null.</summary>
    public Duration? TimeLimit { get; }

    /// <summary>The move limit, or null.</summary>
    public long? IterationLimit { get; }

    /// <summary>
    /// How many searches run at once, each on its own core and each with the whole time and iteration limit; the
    /// best roster wins (fewest hard violations, then least penalty, then the lowest search number). They share one
    /// opening (construction and first sweep, done once) and then walk apart, each with its own seed. Search 0 uses
    /// <see cref="Seed"/> itself and is exactly the one-search plan, so with an iteration limit the answer is never
    /// worse than with one search. Under a time limit that holds only when the cores are free: on a machine busy
    /// with other work the walks share what CPU is left, each does fewer moves, and one search can win; give 1 there.
    /// Null (the default) means <see cref="Environment.ProcessorCount"/> (at most 1,024). From 1 to 1,024: each search
    /// holds a copy of the roster, so a degree far above any machine's cores only costs memory and time.
    /// </summary>
    /// <exception cref="ArgumentException">Zero, negative or above 1,024.</exception>
    public int? DegreeOfParallelism
    {
        get => _degreeOfParallelism;
        init
        {
            if (value is { } degree)
            {
                // int.MaxValue overflowed the count of searches (a degree times the walks a core takes).
                Guard.Against.OutOfRange(degree, nameof(DegreeOfParallelism), 1, MaxDegree, "The degree of parallelism lies between 1 and 1,024.");
            }

            _degreeOfParallelism = value;
        }
    }

    /// <summary>The degree of parallelism in effect: <see cref="DegreeOfParallelism"/>, or the machine's cores.</summary>
    internal int Degree => _degreeOfParallelism ?? Math.Min(Environment.ProcessorCount, MaxDegree);

    // The largest degree of parallelism taken.
    private const int MaxDegree = 1_024;

    /// <summary>
    /// From how many worker-dates a plan with more than one core solves one search's re-optimisations on lanes
    /// (<see cref="Engine.Search.SearchTuning.LanesFromWorkerDays"/>); the tests lower it to put small problems on that path.
    /// </summary>
    internal long LanesFromWorkerDays { get; init; } = Engine.Search.SearchTuning.LanesFromWorkerDays;

    /// <summary>
    /// How many passes over every worker the opening sweep makes on lanes (<see cref="Engine.Search.SearchTuning.LaneSweepPasses"/>);
    /// the measurements and tests set 1 for the single pass of before.
    /// </summary>
    internal int LaneSweepPasses { get; init; } = Engine.Search.SearchTuning.LaneSweepPasses;

    /// <summary>The walk's due point for a lane's row, per lane (<see cref="Engine.Search.SearchTuning.LaneWalkRowLagPerLane"/>; measurements).</summary>
    internal int LaneWalkRowLagPerLane { get; init; } = Engine.Search.SearchTuning.LaneWalkRowLagPerLane;

    /// <summary>
    /// Searches each core walks on a short horizon (<see cref="Engine.Search.SearchTuning.WalksPerCore"/>); 1 walks one
    /// search a core, as before (measurements and tests).
    /// </summary>
    internal int WalksPerCore { get; init; } = Engine.Search.SearchTuning.WalksPerCore;

    /// <summary>Where the lanes count their tasks and idle time (measurements only; null: not counted).</summary>
    internal Engine.Search.LaneStats? LaneStats { get; init; }

    /// <summary>The source of elapsed time, or null for a stopwatch.</summary>
    [JsonIgnore] // not data: a stored problem runs under the reader's own clock
    public TimeProvider? TimeProvider { get; }
}
