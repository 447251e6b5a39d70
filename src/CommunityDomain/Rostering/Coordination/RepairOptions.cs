using System.Globalization;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>How a repair trades score against changes to the published roster.</summary>
public sealed class RepairOptions
{
    /// <summary>The soft penalty ladder the candidate re-plans are made with (independent of the caller's penalty).</summary>
    internal static readonly int[] Ladder = [0, 2, 10, 50, 250, 1_000, 10_000];

    /// <summary>Creates options.</summary>
    /// <param name="perChangePenalty">Soft penalty per changed assignment (a worker-date whose duty differs); zero or more.</param>
    /// <param name="now">Assignments dated before this are never touched; null to allow every date.</param>
    /// <param name="seed">Seed of the candidate re-plans.</param>
    /// <param name="iterationLimit">Moves per candidate re-plan; at least 1.</param>
    /// <exception cref="ArgumentException">A number is out of range.</exception>
    public RepairOptions(long perChangePenalty, LocalDate? now = null, int seed = 1, long iterationLimit = 5_000)
    {
        PerChangePenalty = Guard.Against.Negative(perChangePenalty);
        Now = now;
        Seed = seed;
        IterationLimit = Guard.Against.NegativeOrZero(iterationLimit);
    }

    /// <summary>Soft penalty per changed assignment.</summary>
    public long PerChangePenalty { get; }

    /// <summary>The first date that may change, or null.</summary>
    public LocalDate? Now { get; }

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

    /// <summary>E.g. <c>penalty 50 per change from 2022-08-20</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"penalty {PerChangePenalty} per change{(Now is { } n ? $" from {n:uuuu-MM-dd}" : "")}, seed {Seed}, {IterationLimit} moves{(TimeLimit is { } t ? $", {t.TotalSeconds:0.###} s" : "")}");
}
