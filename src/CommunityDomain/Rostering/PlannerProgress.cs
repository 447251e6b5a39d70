using System.Globalization;

namespace CommunityDomain.Rostering;

/// <summary>A progress report: the best score so far, after how many moves and how much elapsed time.</summary>
/// <remarks>Reports come only when the best score improves, so successive <see cref="Best"/> values never get worse.</remarks>
public readonly record struct PlannerProgress
{
    /// <summary>Creates a report.</summary>
    /// <param name="iteration">Moves tried so far.</param>
    /// <param name="best">The best score so far.</param>
    /// <param name="elapsed">Elapsed time since planning started.</param>
    public PlannerProgress(long iteration, ScorePart best, Duration elapsed)
    {
        Iteration = iteration;
        Best = best;
        Elapsed = elapsed;
    }

    /// <summary>Moves tried so far.</summary>
    public long Iteration { get; }

    /// <summary>The best score so far.</summary>
    public ScorePart Best { get; }

    /// <summary>Elapsed time since planning started.</summary>
    public Duration Elapsed { get; }

    /// <summary>E.g. <c>#1200 0hard/607soft after 0.35 s</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Iteration} {Best} after {Elapsed.TotalSeconds:0.00} s");
}
