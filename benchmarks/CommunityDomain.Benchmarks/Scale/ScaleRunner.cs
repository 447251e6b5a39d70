using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;

namespace CommunityDomain.Benchmarks.Scale;

/// <summary>Plans a city community by community: the unit of work a host shards.</summary>
public static class ScaleRunner
{
    /// <summary>Roster moves after construction: a fixed amount of work, not a time budget.</summary>
    public const long DefaultIterations = 5_000;

    /// <summary>Plans one community: its testing day, then its roster (seed from its index).</summary>
    public static ScaleOutcome PlanOne(ScaleCommunity community, long iterations = DefaultIterations)
    {
        var wave = WavePlanner.Plan(community.Testing);
        var roster = RosterPlanner.Plan(community.CreateRosterProblem(), new PlannerOptions(community.Index + 1, iterationLimit: iterations) { DegreeOfParallelism = 1 })
            .Match(r => r, n => n.Best);
        return new ScaleOutcome(community.Index, wave.ExpectedFinish, roster.Assignments.Count, roster.Score.Hard, roster.Score.Soft);
    }

    /// <summary>Plans every community on this thread, in order.</summary>
    public static ScaleOutcome[] Sequential(IReadOnlyList<ScaleCommunity> city, long iterations = DefaultIterations)
    {
        var outcomes = new ScaleOutcome[city.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = PlanOne(city[i], iterations);
        }

        return outcomes;
    }

    /// <summary>Plans every community with <see cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, ParallelOptions, Action{TSource, ParallelLoopState, long})"/>.</summary>
    public static ScaleOutcome[] Parallel(IReadOnlyList<ScaleCommunity> city, int degree, long iterations = DefaultIterations)
    {
        var outcomes = new ScaleOutcome[city.Count];
        // Each community writes its own slot, so no lock is needed and the order does not depend on the threads.
        System.Threading.Tasks.Parallel.ForEach(city, new ParallelOptions { MaxDegreeOfParallelism = degree }, (c, _, i) => outcomes[i] = PlanOne(c, iterations));
        return outcomes;
    }
}
