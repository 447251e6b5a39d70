using BenchmarkDotNet.Attributes;
using CommunityDomain.MassTesting.Planners;
using NodaTime;

namespace CommunityDomain.Benchmarks.MassTesting;

/// <summary>Planning Dongfang (1080 households, 2 sites): the call-wave planner against the id-order baseline.</summary>
[MemoryDiagnoser]
public class WaveBenchmarks
{
    private WaveProblem _problem = null!;

    /// <summary>Builds the compound with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup() => _problem = WaveFactory.Dongfang(seed: 18);

    /// <summary>Baseline: buildings in id order, each called when the queue has room.</summary>
    [Benchmark(Baseline = true)]
    public Instant IdOrderBaselineFinish() => IdOrderBaseline.Finish(_problem);

    /// <summary>The call-wave planner.</summary>
    [Benchmark]
    public Instant WavePlannerFinish() => WavePlanner.Plan(_problem).ExpectedFinish;
}
