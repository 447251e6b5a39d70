using BenchmarkDotNet.Attributes;
using CommunityDomain.Benchmarks.CommunityProblems;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// Construction: the planner's greedy by scarcity (each placement priced by the evaluator) against a naive
/// first-fit greedy, on the community roster (<c>Workers</c> = 300: <see cref="CommunityRosterScenario"/>) and on a
/// district problem (<c>Workers</c> = 600: the generator's 600 workers x 28 days x 85 shift types, tightness 0.9, seed 1,
/// the shape of <c>community-600-28-85-s1</c>, which the "feasible within 1 s" is about). Each method returns
/// the roster's hard violations times 10^6 plus its soft penalty, so the summary's result column is not needed: the
/// setup prints both scores once.
/// </summary>
[MemoryDiagnoser]
public class RosterConstructionBenchmarks
{
    private CompiledProblem _p = null!;
    private SearchIndex _index = null!;

    /// <summary>Number of workers: 300 (the community scenario) or 600 (the generated district problem).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Workers { get; set; }

    /// <summary>Full sizes, or small ones under the CI switch.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([300, 600], [30]);

    /// <summary>Compiles the problem and prints the quality of both constructions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _p = Workers == 600
            ? CurtoisMapping.ToProblem(CommunityInstanceGenerator.Create(new CommunityShape(600, 28, 85, seed: 1, tightness: 0.9))).Compiled
            : CommunityRosterScenario.Create(Workers, seed: 42).Compiled;
        _index = new SearchIndex(_p);
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

    /// <summary>The planner's construction: scarcest demand first, cheapest worker by evaluator delta, scanning the
    /// allowed-worker lists the search builds once per plan (built in the setup here, as the search's are before it).</summary>
    [Benchmark]
    public long GreedyByScarcity()
    {
        var ev = new RosterEvaluator(_p);
        Construction.Greedy(ev, index: _index);
        return ev.Score.Soft + ev.Score.Hard;
    }
}
