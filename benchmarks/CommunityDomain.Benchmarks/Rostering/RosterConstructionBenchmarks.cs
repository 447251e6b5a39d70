using BenchmarkDotNet.Attributes;
using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// Construction on the community roster: the planner's greedy by scarcity (each placement priced by
/// the evaluator) against a naive first-fit greedy. Each method returns the roster's hard violations
/// times 10^6 plus its soft penalty, so the summary's result column is not needed: the setup prints
/// both scores once.
/// </summary>
[MemoryDiagnoser]
public class RosterConstructionBenchmarks
{
    private CompiledProblem _p = null!;

    /// <summary>Number of workers.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Workers { get; set; }

    /// <summary>Full sizes, or small ones under the CI switch.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([300], [30]);

    /// <summary>Compiles the problem and prints the quality of both constructions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _p = CommunityRosterScenario.Create(Workers, seed: 42).Compiled;
        var naive = new RosterEvaluator(_p);
        Construction.Naive(naive);
        var greedy = new RosterEvaluator(_p);
        Construction.Greedy(greedy);
        Console.WriteLine($"// construction quality, {Workers} workers: naive {naive.Score}, greedy by scarcity {greedy.Score}");
    }

    /// <summary>Baseline: first eligible free worker, demand by demand.</summary>
    [Benchmark(Baseline = true)]
    public long NaiveGreedy()
    {
        var ev = new RosterEvaluator(_p);
        Construction.Naive(ev);
        return ev.Score.Soft + ev.Score.Hard;
    }

    /// <summary>The planner's construction: scarcest demand first, cheapest worker by evaluator delta.</summary>
    [Benchmark]
    public long GreedyByScarcity()
    {
        var ev = new RosterEvaluator(_p);
        Construction.Greedy(ev);
        return ev.Score.Soft + ev.Score.Hard;
    }
}
