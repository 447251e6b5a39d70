using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CommunityDomain.Benchmarks.CommunityProblems;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine.Search;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// Cost per worker of the planner's exact one-worker re-optimisation (the per-worker DP) against the number of
/// shift types, through the planner's search engine (construction and sweep, without the lower bound and the roster
/// the public <c>Plan</c> adds) on generated community problems (<see cref="CommunityInstanceGenerator"/>) of
/// <see cref="Workers"/> workers and the same demand per worker: 4, 16, 64 and 128 shift types.
/// </summary>
/// <remarks>
/// The search starts with one best-response sweep, one DP per worker, so an iteration limit of
/// <see cref="Workers"/> is the greedy construction plus exactly one DP per worker (category <c>sweep</c>);
/// an iteration limit of 1 is the construction plus one DP (category <c>construction</c>). Times are per worker
/// (<c>OperationsPerInvoke</c>); the DP's own cost per worker is the sweep's minus the construction's. Each
/// category's baseline is the 4-type problem, so the Ratio column is the growth with shift types. The horizon
/// is 28 days; under <c>COMMUNITYDOMAIN_BENCH_SMALL=1</c> (the CI dry job, which measures nothing) 20 workers
/// and 7 days keep the smoke run short.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkerDpScalingBenchmarks
{
    /// <summary>Workers in every problem (a constant: <c>OperationsPerInvoke</c> needs one).</summary>
    public const int Workers = 200;

    private readonly Dictionary<int, RosterProblem> _problems = [];

    // The problems' size: Workers, or 20 in the CI smoke run (OperationsPerInvoke then over-divides; nothing is measured there).
    private static int Size => BenchmarkSizes.Small ? 20 : Workers;

    /// <summary>Generates and compiles the four problems (seed 1), so that compiling is not measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var days = BenchmarkSizes.Small ? 7 : 28;
        foreach (var types in new[] { 4, 16, 64, 128 })
        {
            var instance = CommunityInstanceGenerator.Create(new CommunityShape(Size, days, types, seed: 1));
            var problem = CurtoisMapping.ToProblem(instance);
            _ = problem.Compiled;
            _problems[types] = problem;
        }
    }

    /// <summary>Baseline of the sweep: 4 shift types.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Workers)]
    [BenchmarkCategory("sweep")]
    public long Sweep_4_types() => Plan(4, Size);

    /// <summary>16 shift types.</summary>
    [Benchmark(OperationsPerInvoke = Workers)]
    [BenchmarkCategory("sweep")]
    public long Sweep_16_types() => Plan(16, Size);

    /// <summary>64 shift types.</summary>
    [Benchmark(OperationsPerInvoke = Workers)]
    [BenchmarkCategory("sweep")]
    public long Sweep_64_types() => Plan(64, Size);

    /// <summary>128 shift types.</summary>
    [Benchmark(OperationsPerInvoke = Workers)]
    [BenchmarkCategory("sweep")]
    public long Sweep_128_types() => Plan(128, Size);

    /// <summary>Baseline of the construction: 4 shift types.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Workers)]
    [BenchmarkCategory("construction")]
    public long Construction_4_types() => Plan(4, 1);

    /// <summary>16 shift types.</summary>
    [Benchmark(OperationsPerInvoke = Workers)]
    [BenchmarkCategory("construction")]
    public long Construction_16_types() => Plan(16, 1);

    /// <summary>64 shift types.</summary>
    [Benchmark(OperationsPerInvoke = Workers)]
    [BenchmarkCategory("construction")]
    public long Construction_64_types() => Plan(64, 1);

    /// <summary>128 shift types.</summary>
    [Benchmark(OperationsPerInvoke = Workers)]
    [BenchmarkCategory("construction")]
    public long Construction_128_types() => Plan(128, 1);

    // The search alone: Plan would add the lower bound (up to 400 subgradient iterations without a time limit), which
    // dwarfed the DP on the small problems. Returns the best soft score so that the work cannot be optimised away.
    private long Plan(int types, long iterations)
    {
        var engine = new SearchEngine(_problems[types].Compiled, new PlannerOptions(seed: 1, iterationLimit: iterations) { DegreeOfParallelism = 1 }, progress: null);
        engine.Run(CancellationToken.None);
        return engine.BestScore.Soft;
    }
}
