using System.Globalization;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine.Search;
using OneOf;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// Plans with the lanes' counters on (docs/rostering.md, "One search on both cores", par28): on a problem that takes the
/// lanes, how many tasks they solved, how long they were open, the share of that time they waited for a task, and how
/// long the search waited for a lane's result. Measurements only: the roster is the plain <see cref="RosterPlanner.Plan"/>'s.
/// </summary>
public static class LaneReport
{
    /// <summary>Plans <paramref name="problem"/> as <see cref="RosterPlanner.Plan"/> does; returns the result and one line of lane counters.</summary>
    public static (OneOf<Roster, NoFeasibleRoster> Result, string Lanes) Plan(
        RosterProblem problem, PlannerOptions options, IProgress<PlannerProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stats = new LaneStats();
        var counted = new PlannerOptions(options.Seed, options.TimeLimit, options.IterationLimit, options.TimeProvider)
        {
            DegreeOfParallelism = options.DegreeOfParallelism,
            LaneStats = stats,
        };
        var result = RosterPlanner.Plan(problem, counted, progress, cancellationToken);
        return (result, string.Create(CultureInfo.InvariantCulture,
            $"lanes={stats.Lanes} tasks={stats.Tasks} open={stats.OpenSeconds:F1}s idle={100 * stats.IdleShare:F1}% search-wait={stats.SearchWaitSeconds:F1}s"));
    }
}
