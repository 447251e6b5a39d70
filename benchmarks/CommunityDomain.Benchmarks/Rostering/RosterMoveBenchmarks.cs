using BenchmarkDotNet.Attributes;
using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// Cost of evaluating one change move (a worker-day gets another slot or a day off) on the community
/// roster: incremental evaluation (the planner's hot path) against scoring the whole roster again.
/// </summary>
[MemoryDiagnoser]
public class RosterMoveBenchmarks
{
    private const int Moves = 1000;
    private RosterEvaluator _ev = null!;
    private int[] _work = [];
    private (int W, int D, int S)[] _moves = [];

    /// <summary>Number of workers.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Workers { get; set; }

    /// <summary>Full sizes, or small ones under the CI switch.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([60, 300], [30]);

    /// <summary>Builds a constructed roster and a fixed list of random allowed moves.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var problem = CommunityRosterScenario.Create(Workers, seed: 42);
        var p = problem.Compiled;
        _ev = new RosterEvaluator(p);
        Construction.Greedy(_ev);
        _work = (int[])_ev.Assign.Clone();
        var r = new Random(7);
        _moves = new (int, int, int)[Moves];
        for (var i = 0; i < Moves; i++)
        {
            int w, d, c;
            do
            {
                w = r.Next(p.WorkerCount);
                d = r.Next(p.Days);
                c = r.Next(p.Choices);
            }
            while (!p.Allowed[p.ChoiceIndex(w, d, c)]);
            _moves[i] = (w, d, c - 1);
        }
    }

    /// <summary>Baseline: apply the move to a copy and score everything from scratch.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 100)]
    public long FullRecomputation()
    {
        long sum = 0;
        for (var i = 0; i < 100; i++)
        {
            var (w, d, s) = _moves[i];
            var cell = (w * _ev.P.Days) + d;
            var old = _work[cell];
            _work[cell] = s;
            sum += RosterEvaluator.FullScore(_ev.P, _work).Soft;
            _work[cell] = old;
        }

        return sum;
    }

    /// <summary>Incremental: set, commit (delta), undo; no allocation.</summary>
    [Benchmark(OperationsPerInvoke = Moves)]
    public long Incremental()
    {
        long sum = 0;
        foreach (var (w, d, s) in _moves)
        {
            _ev.Begin();
            _ev.Set(w, d, s);
            sum += _ev.Commit().Soft;
            _ev.Undo();
        }

        return sum;
    }
}
