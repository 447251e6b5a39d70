using BenchmarkDotNet.Attributes;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// Cost of one search move as the walk runs it (Begin, Apply, Commit, Undo) on the constructed community roster:
/// the blind change move (baseline) against the guided moves of issue 20 and the blind one-date swap. A guided move
/// reads its lists (<see cref="SearchIndex"/>) and may scan a few hundred cells, so it costs more per draw than a
/// blind draw that is usually refused; the search tables in docs/rostering.md say whether that pays.
/// </summary>
[MemoryDiagnoser]
public class SearchMoveBenchmarks
{
    private const int Moves = 1000;
    private RosterEvaluator _ev = null!;
    private MoveContext _context = null!;
    private readonly IMove _change = new ChangeMove();
    private readonly IMove _cover = new CoverMove();
    private readonly IMove _request = new RequestMove();
    private readonly IMove _swap = new SwapBlockMove(oneDate: true);
    private readonly IMove _guidedSwap = new GuidedSwapMove(oneDate: true);

    /// <summary>Number of workers.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Workers { get; set; }

    /// <summary>Full sizes, or small ones under the CI switch.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([300], [30]);

    /// <summary>Builds the constructed roster and the moves' context with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var problem = CommunityRosterScenario.Create(Workers, seed: 42);
        _ev = new RosterEvaluator(problem.Compiled);
        Construction.Greedy(_ev);
        _context = new MoveContext(_ev, new Random(7));
    }

    /// <summary>Baseline: a random worker-date gets a random choice (refused when not allowed).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Moves)]
    public long BlindChange() => Run(_change);

    /// <summary>A person moves towards a date-slot whose cover is off its demand.</summary>
    [Benchmark(OperationsPerInvoke = Moves)]
    public long Cover() => Run(_cover);

    /// <summary>A worker-date with a request gets a cheaper choice, swapping with a partner.</summary>
    [Benchmark(OperationsPerInvoke = Moves)]
    public long Request() => Run(_request);

    /// <summary>Two random workers swap one date (refused when either may not take the other's duty).</summary>
    [Benchmark(OperationsPerInvoke = Moves)]
    public long BlindSwapDate() => Run(_swap);

    /// <summary>A worker on duty swaps one date with a partner allowed on that duty.</summary>
    [Benchmark(OperationsPerInvoke = Moves)]
    public long GuidedSwapDate() => Run(_guidedSwap);

    private long Run(IMove move)
    {
        long sum = 0;
        for (var i = 0; i < Moves; i++)
        {
            _ev.Begin();
            move.Apply(_context);
            sum += _ev.Commit().Soft;
            _ev.Undo();
        }

        return sum;
    }
}
