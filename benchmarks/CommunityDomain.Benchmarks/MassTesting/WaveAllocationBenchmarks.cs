using BenchmarkDotNet.Attributes;
using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Benchmarks.MassTesting;

/// <summary>
/// Memory of the call-wave planner over issue 15's verifier set (v15a: the 240 compounds of 10-30 households from seed 30,
/// where the branch and bound and its memo do most of the work): one operation plans all 240, so the Allocated column is
/// the allocation over the set (divide by 240 for a plan). The baseline plans the same compounds in id order. The figures
/// in docs/testing-rounds.md ("Allocation per plan") come from this row; with <c>--job dry</c> it runs the set once. Under
/// <c>COMMUNITYDOMAIN_BENCH_SMALL=1</c> (CI's dry job, which measures nothing) only the first 24 compounds are planned.
/// </summary>
[MemoryDiagnoser]
public class WaveAllocationBenchmarks
{
    private IReadOnlyList<WaveProblem> _problems = [];

    /// <summary>Builds the 240 compounds (24 under the CI switch).</summary>
    [GlobalSetup]
    public void Setup() => _problems = BenchmarkSizes.Small ? [.. WaveFactory.VerifierCompounds().Take(24)] : WaveFactory.VerifierCompounds();

    /// <summary>Baseline: each compound's buildings in id order to the nearest site.</summary>
    [Benchmark(Baseline = true)]
    public long IdOrderBaselineSet() => _problems.Sum(p => (IdOrderBaseline.Finish(p) - p.Start).BclCompatibleTicks);

    /// <summary>The call-wave planner on every compound of the set.</summary>
    [Benchmark]
    public long WavePlannerSet() => _problems.Sum(p => (WavePlanner.Plan(p).ExpectedFinish - p.Start).BclCompatibleTicks);
}
