using System.Collections.Concurrent;

namespace CityHost;

/// <summary>
/// Counters the self-check reads: activations and planner runs per community. Process-wide, which is
/// only meaningful because this sample runs every silo in one process; a real cluster exports such
/// counts as metrics.
/// </summary>
public static class CityProbe
{
    private static readonly ConcurrentDictionary<long, int> Activations = new();
    private static readonly ConcurrentDictionary<long, int> PlannerRuns = new();

    /// <summary>Counts an activation of <paramref name="community"/>.</summary>
    public static void Activated(long community) => Activations.AddOrUpdate(community, 1, (_, n) => n + 1);

    /// <summary>Counts a planner run of <paramref name="community"/>.</summary>
    public static void Planned(long community) => PlannerRuns.AddOrUpdate(community, 1, (_, n) => n + 1);

    /// <summary>Activations of <paramref name="community"/> so far.</summary>
    public static int ActivationsOf(long community) => Activations.GetValueOrDefault(community);

    /// <summary>Planner runs of <paramref name="community"/> so far.</summary>
    public static int RunsOf(long community) => PlannerRuns.GetValueOrDefault(community);
}
