using System.Diagnostics;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Rostering;
using NodaTime;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>Solves a Curtois instance with the library's <see cref="RosterPlanner"/> through <see cref="CurtoisMapping"/>.</summary>
public static class CurtoisSolver
{
    /// <summary>Matches <see cref="CurtoisSolve"/>: maps, plans within the time limit, maps back (best roster even when infeasible).</summary>
    public static CurtoisSolution Solve(CurtoisInstance instance, TimeSpan timeLimit, int seed, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var problem = CurtoisMapping.ToProblem(instance);

        // Mapping time counts; keep a little for building the result roster and mapping it back.
        var left = timeLimit - watch.Elapsed - TimeSpan.FromSeconds(Math.Min(0.5, timeLimit.TotalSeconds * 0.02));
        var options = new PlannerOptions(seed, Duration.FromTimeSpan(left > TimeSpan.FromMilliseconds(10) ? left : TimeSpan.FromMilliseconds(10)));
        // COMMUNITYDOMAIN_PROGRESS=1 traces each new best to stderr (where the time goes: construction, sweep, walk).
        var trace = Environment.GetEnvironmentVariable("COMMUNITYDOMAIN_PROGRESS") == "1" ? new StderrProgress(watch) : null;
        if (trace is not null)
        {
            Console.Error.WriteLine($"progress wall={watch.Elapsed.TotalSeconds:F2} mapped (workers {problem.Workers.Count}, demands {problem.Demands.Count})");
        }
        OneOf.OneOf<Roster, NoFeasibleRoster> result;
        if (trace is null)
        {
            result = RosterPlanner.Plan(problem, options, trace, cancellationToken);
        }
        else
        {
            // With the trace on, also the lanes' counters (a problem of 18,000+ worker-dates on several cores: par28).
            (result, var lanes) = LaneReport.Plan(problem, options, trace, cancellationToken: cancellationToken);
            Console.Error.WriteLine($"progress wall={watch.Elapsed.TotalSeconds:F2} planned {lanes}");
        }

        var roster = result.Match(r => r, none => none.Best);
        // The planner's bound is on the mapped problem's soft score, which equals the Curtois objective.
        return CurtoisMapping.ToSolution(instance, roster).WithLowerBound(roster.LowerBound);
    }

    /// <summary>
    /// Matches <see cref="CurtoisBound"/>: the bound <see cref="Solve"/> attaches, computed alone by
    /// <see cref="RosterPlanner.LowerBound"/> on the mapped problem with the iterations an untimed plan spends on it
    /// (<c>curtois --check</c> has no time limit, so not the solve path's 10 % of its limit).
    /// </summary>
    /// <exception cref="NotSupportedException">The mapping refuses the instance (as <see cref="Solve"/> does).</exception>
    public static long? Bound(CurtoisInstance instance, long? upper, CancellationToken cancellationToken)
    {
        var problem = CurtoisMapping.ToProblem(instance);
        // As in Solve, the mapped problem's soft score is the Curtois objective, so the bound is on the objective.
        return RosterPlanner.LowerBound(problem, RosterPlanner.UntimedBoundIterations(problem.Compiled), upper, cancellationToken);
    }

    /// <summary>Writes each report as it comes (not posted to the thread pool as <see cref="Progress{T}"/> would).</summary>
    private sealed class StderrProgress(Stopwatch watch) : IProgress<PlannerProgress>
    {
        public void Report(PlannerProgress value) =>
            Console.Error.WriteLine($"progress wall={watch.Elapsed.TotalSeconds:F2} search={value.Elapsed.TotalSeconds:F2} iteration={value.Iteration} best={value.Best}");
    }
}
