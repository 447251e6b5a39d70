using BenchmarkDotNet.Attributes;
using CommunityDomain.MassTesting.Planners;
using NodaTime;

namespace CommunityDomain.Benchmarks.MassTesting;

/// <summary>
/// The small compounds where the household search, its sideways walk and the branch and bound all run (issue 15's verifier
/// compounds of 10-30 households on 1-5 sites, <see cref="WaveFactory.VerifierCompounds"/>, the first twelve, planned one after
/// another): what waves28 measured its CPU cut on, against the id-order baseline.
/// </summary>
[MemoryDiagnoser]
public class WaveSmallCompoundBenchmarks
{
    private WaveProblem[] _problems = [];

    /// <summary>How many of the verifier's compounds are planned per operation.</summary>
    [Params(12)]
    public int Compounds { get; set; } = 12;

    /// <summary>Builds the compounds from the verifier's fixed seed.</summary>
    [GlobalSetup]
    public void Setup() => _problems = [.. WaveFactory.VerifierCompounds(Compounds)];

    /// <summary>Baseline: buildings in id order to the nearest site, each called when the queue has room; the latest finish.</summary>
    [Benchmark(Baseline = true)]
    public Instant IdOrderBaselineFinish() => _problems.Max(IdOrderBaseline.Finish);

    /// <summary>The call-wave planner on every compound; the latest finish.</summary>
    [Benchmark]
    public Instant WavePlannerFinish() => _problems.Max(p => WavePlanner.Plan(p).ExpectedFinish);
}
