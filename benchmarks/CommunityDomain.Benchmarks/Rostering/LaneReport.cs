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
        RosterProblem problem, PlannerOptions options, IProgress<PlannerProgress>? progress = null, int? laneSweepPasses = null, int? walkRowLagPerLane = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stats = new LaneStats();
        var counted = new PlannerOptions(options.Seed, options.TimeLimit, options.IterationLimit, options.TimeProvider)
        {
            DegreeOfParallelism = options.DegreeOfParallelism,
            LaneStats = stats,
            LaneSweepPasses = laneSweepPasses ?? SearchTuning.LaneSweepPasses,
            LaneWalkRowLagPerLane = walkRowLagPerLane ?? SearchTuning.LaneWalkRowLagPerLane,
        };
        var result = RosterPlanner.Plan(problem, counted, progress, cancellationToken);
        return (result, string.Create(CultureInfo.InvariantCulture,
            $"lanes={stats.Lanes} tasks={stats.Tasks} open={stats.OpenSeconds:F1}s idle={100 * stats.IdleShare:F1}% search-wait={stats.SearchWaitSeconds:F1}s opening={stats.OpeningScore} at {stats.OpeningSeconds:F1}s it={stats.OpeningIterations} rows={stats.RowTasks} rowsolve={stats.RowSolveSeconds:F1}s ruins={stats.RuinTasks} ruinsolve={stats.RuinSolveSeconds:F1}s draw={stats.DrawSeconds:F2}s apply={stats.ApplySeconds:F2}s"));
    }
}
