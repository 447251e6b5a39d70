using BenchmarkDotNet.Attributes;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// The community-size solve of the issue (6 compounds, ~300 workers, 14 days) with an iteration
/// limit, against construction alone. The setup prints whether each reaches zero hard violations.
/// </summary>
[MemoryDiagnoser]
public class CommunityRosterSolveBenchmarks
{
    private RosterProblem _problem = null!;

    /// <summary>Number of workers.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Workers { get; set; }

    /// <summary>Moves after construction.</summary>
    [ParamsSource(nameof(MoveCounts))]
    public long Iterations { get; set; }

    /// <summary>Full sizes, or small ones under the CI switch.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([300], [30]);

    /// <summary>20,000 moves, or 2,000 under the CI switch (its dry job measures nothing: 14 s -> 10 s; on 30 workers most of
    /// the rest is each plan's bound).</summary>
    public static IEnumerable<long> MoveCounts => BenchmarkSizes.Pick([20_000], [2_000]).Select(x => (long)x);

    /// <summary>Builds the problem and prints the hard violations of both variants once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _problem = CommunityRosterScenario.Create(Workers, seed: 42);
        var ev = new RosterEvaluator(_problem.Compiled);
        Construction.Greedy(ev);
        var plan = RosterPlanner.Plan(_problem, new PlannerOptions(1, iterationLimit: Iterations) { DegreeOfParallelism = 1 }).Match(r => r, n => n.Best);
        Console.WriteLine($"// {Workers} workers: construction {ev.Score} (feasible: {ev.Hard == 0}); plan with {Iterations} moves {plan.Score} (feasible: {plan.Score.IsFeasible})");
    }

    /// <summary>Baseline: greedy construction only.</summary>
    [Benchmark(Baseline = true)]
    public long ConstructionOnly()
    {
        var ev = new RosterEvaluator(_problem.Compiled);
        Construction.Greedy(ev);
        return ev.Score.Soft + ev.Score.Hard;
    }

    /// <summary>The planner with the iteration limit (seed 1).</summary>
    [Benchmark]
    public long Plan() =>
        RosterPlanner.Plan(_problem, new PlannerOptions(1, iterationLimit: Iterations) { DegreeOfParallelism = 1 }).Match(r => r.Score.Hard, n => n.Best.Score.Hard);
}
