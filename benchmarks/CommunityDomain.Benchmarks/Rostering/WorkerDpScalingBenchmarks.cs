using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CommunityDomain.Benchmarks.CommunityProblems;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
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
/// <para>
/// Category <c>exact</c>: the exact-minutes path alone (<c>WorkerScheduleDp.SolveExactMinutes</c>, what the DP falls back
/// to when minute prices jump over a narrow window), on 40, 85 and 120 shift types (baseline 40): every staff member's
/// window is narrowed to [their minimum, minimum + 4 h] over the 28 days, and the first <see cref="ExactWorkers"/> staff
/// whose exact state space fits the budget are re-optimised against the greedy construction's roster.
/// </para>
/// <para>
/// Category <c>year</c> (issue 20, weekend24): whole-row re-optimisations on Instance23 (364 days, 16 shift types, at most
/// 26 of 52 weekends each), the first <see cref="YearWorkers"/> staff against the greedy construction's roster, with the
/// search's price noise (seed 1): the plain path that extends every weekend count (baseline) against the path that skips
/// dominated and saturated counts, so the Ratio column is the per-solve cost of the pruned path.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkerDpScalingBenchmarks
{
    /// <summary>Workers in every problem (a constant: <c>OperationsPerInvoke</c> needs one).</summary>
    public const int Workers = 200;

    /// <summary>Workers re-optimised per invocation of an <c>exact</c> benchmark.</summary>
    public const int ExactWorkers = 10;

    /// <summary>Workers re-optimised per invocation of a <c>year</c> benchmark.</summary>
    public const int YearWorkers = 10;

    // A narrow window: the staff member's minimum plus a short shift (4 h), in minutes.
    private const int ExactWindowMinutes = 240;

    private readonly Dictionary<int, RosterProblem> _problems = [];
    private readonly Dictionary<int, ExactCase> _exact = [];
    private YearCase? _year;

    // The problems' size: Workers, or 20 in the CI smoke run (OperationsPerInvoke then over-divides; nothing is measured there).
    private static int Size => BenchmarkSizes.Small ? 20 : Workers;

    // The horizon of the generated problems: 28 days, or 7 in the CI smoke run.
    private static int Days => BenchmarkSizes.Small ? 7 : 28;

    // Each category sets up only its own problems: one setup for all thirteen benchmarks built Instance23's year and the
    // exact cases before every sweep too (29 s of CI's dry job on 2026-12-06's machine).

    /// <summary>Generates and compiles the four problems of the sweep and the construction (seed 1), so that compiling is not measured.</summary>
    [GlobalSetup(Targets = [nameof(Sweep_4_types), nameof(Sweep_16_types), nameof(Sweep_64_types), nameof(Sweep_128_types),
        nameof(Construction_4_types), nameof(Construction_16_types), nameof(Construction_64_types), nameof(Construction_128_types)])]
    public void Setup()
    {
        foreach (var types in new[] { 4, 16, 64, 128 })
        {
            var instance = CommunityInstanceGenerator.Create(new CommunityShape(Size, Days, types, seed: 1));
            var problem = CurtoisMapping.ToProblem(instance);
            _ = problem.Compiled;
            _problems[types] = problem;
        }
    }

    /// <summary>Builds the three problems of the exact-minutes path (seed 1), their rosters and picked workers.</summary>
    [GlobalSetup(Targets = [nameof(Exact_40_types), nameof(Exact_85_types), nameof(Exact_120_types)])]
    public void SetupExact()
    {
        foreach (var types in new[] { 40, 85, 120 })
        {
            _exact[types] = ExactCase.Create(NarrowWindows(CommunityInstanceGenerator.Create(new CommunityShape(Size, Days, types, seed: 1))));
        }
    }

    /// <summary>Compiles Instance23 and its greedy roster.</summary>
    [GlobalSetup(Targets = [nameof(Year_every_weekend_count), nameof(Year_weekend_counts_pruned)])]
    public void SetupYear() => _year = YearCase.Create(CurtoisParser.Load(YearCase.Instance23Path()));

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

    /// <summary>Baseline of the exact-minutes path: 40 shift types.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ExactWorkers)]
    [BenchmarkCategory("exact")]
    public int Exact_40_types() => _exact[40].Solve();

    /// <summary>85 shift types (the size of community-600-28-85-s1).</summary>
    [Benchmark(OperationsPerInvoke = ExactWorkers)]
    [BenchmarkCategory("exact")]
    public int Exact_85_types() => _exact[85].Solve();

    /// <summary>120 shift types.</summary>
    [Benchmark(OperationsPerInvoke = ExactWorkers)]
    [BenchmarkCategory("exact")]
    public int Exact_120_types() => _exact[120].Solve();

    /// <summary>Baseline of the year: every weekend count extended.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = YearWorkers)]
    [BenchmarkCategory("year")]
    public int Year_every_weekend_count() => _year!.Solve(pruned: false);

    /// <summary>Dominated and saturated weekend counts skipped.</summary>
    [Benchmark(OperationsPerInvoke = YearWorkers)]
    [BenchmarkCategory("year")]
    public int Year_weekend_counts_pruned() => _year!.Solve(pruned: true);

    // Every staff member (a positive minimum) gets the window [minimum, minimum + 4 h]; volunteers keep theirs.
    private static CurtoisInstance NarrowWindows(CurtoisInstance i) => new(
        i.Name,
        i.Days,
        i.Shifts,
        i.Staff.Select(s => s.MinTotalMinutes == 0 ? s : new CurtoisStaff(
            s.Id, s.MaxShifts, s.MinTotalMinutes + ExactWindowMinutes, s.MinTotalMinutes, s.MaxConsecutiveShifts,
            s.MinConsecutiveShifts, s.MinConsecutiveDaysOff, s.MaxWeekends, s.DaysOff)),
        i.OnRequests,
        i.OffRequests,
        i.Cover);

    // The search alone: Plan would add the lower bound (up to 400 subgradient iterations without a time limit), which
    // dwarfed the DP on the small problems. Returns the best soft score so that the work cannot be optimised away.
    private long Plan(int types, long iterations)
    {
        var engine = new SearchEngine(_problems[types].Compiled, new PlannerOptions(seed: 1, iterationLimit: iterations) { DegreeOfParallelism = 1 }, progress: null);
        engine.Run(CancellationToken.None);
        return engine.BestScore.Soft;
    }
}

/// <summary>
/// One problem of the <c>exact</c> category: the greedy construction's roster, the DP, and the first
/// <see cref="WorkerDpScalingBenchmarks.ExactWorkers"/> staff whose exact-minutes path fits the budget.
/// </summary>
internal sealed class ExactCase
{
    private readonly RosterEvaluator _ev;
    private readonly WorkerScheduleDp _dp;
    private readonly int[] _workers;
    private readonly int[] _row;

    private ExactCase(RosterEvaluator ev, WorkerScheduleDp dp, int[] workers)
    {
        (_ev, _dp, _workers) = (ev, dp, workers);
        _row = new int[ev.P.Days];
    }

    /// <summary>Maps and compiles <paramref name="instance"/>, constructs a roster and picks the workers.</summary>
    public static ExactCase Create(CurtoisInstance instance)
    {
        var p = CurtoisMapping.ToProblem(instance).Compiled;
        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var dp = new WorkerScheduleDp(p);
        var row = new int[p.Days];
        var workers = Enumerable.Range(0, p.WorkerCount)
            .Where(w => p.Rules[p.WorkerRules[w]].MinMinutes > 0 && dp.SolveExactMinutes(ev, w, row))
            .Take(WorkerDpScalingBenchmarks.ExactWorkers)
            .ToArray();
        return new ExactCase(ev, dp, workers);
    }

    /// <summary>Re-optimises every picked worker (the roster stays as it is); returns how many rows were found.</summary>
    public int Solve()
    {
        var found = 0;
        foreach (var w in _workers)
        {
            found += _dp.SolveExactMinutes(_ev, w, _row) ? 1 : 0;
        }

        return found;
    }
}

/// <summary>
/// The <c>year</c> category's problem: Instance23 compiled, the greedy construction's roster, and the DP both ways (every
/// weekend count extended, and dominated and saturated counts skipped).
/// </summary>
internal sealed class YearCase
{
    private const string Solution = "CommunityDomain.sln";
    private readonly RosterEvaluator _ev;
    private readonly WorkerScheduleDp _plain;
    private readonly WorkerScheduleDp _pruned;
    private readonly int[] _row;

    private YearCase(RosterEvaluator ev)
    {
        _ev = ev;
        _plain = new WorkerScheduleDp(ev.P, weekendPruning: false);
        _pruned = new WorkerScheduleDp(ev.P, weekendPruning: true);
        _row = new int[ev.P.Days];
    }

    /// <summary>Maps and compiles <paramref name="instance"/> and constructs a roster.</summary>
    public static YearCase Create(CurtoisInstance instance)
    {
        var ev = new RosterEvaluator(CurtoisMapping.ToProblem(instance).Compiled);
        Construction.Greedy(ev);
        return new YearCase(ev);
    }

    /// <summary>The repository's Instance23 (the first folder above the binaries that holds the solution file).</summary>
    public static string Instance23Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Solution)))
            {
                return Path.Combine(dir.FullName, "benchmarks", "roster-benchmark", "instances-large", "Instance23.txt");
            }
        }

        throw new DirectoryNotFoundException($"No folder holding {Solution} above {AppContext.BaseDirectory}.");
    }

    /// <summary>Re-optimises the first <see cref="WorkerDpScalingBenchmarks.YearWorkers"/> workers (the roster stays as it is); returns how many rows were found.</summary>
    public int Solve(bool pruned)
    {
        var dp = pruned ? _pruned : _plain;
        var rng = new Random(1);
        var found = 0;
        for (var w = 0; w < WorkerDpScalingBenchmarks.YearWorkers; w++)
        {
            found += dp.Solve(_ev, w, _row, rng) ? 1 : 0;
        }

        return found;
    }
}
