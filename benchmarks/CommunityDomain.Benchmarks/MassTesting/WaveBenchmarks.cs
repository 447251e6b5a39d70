using BenchmarkDotNet.Attributes;
using CommunityDomain.MassTesting.Planners;
using NodaTime;

namespace CommunityDomain.Benchmarks.MassTesting;

/// <summary>
/// Planning one compound with the call-wave planner against the id-order baseline: Dongfang (1080 households, 2 sites),
/// one building on three sites (split across them), a tiny compound (the exact search), and ten households on five sites
/// whose walk-downs differ (the household search at its full budget, then the branch and bound's proof), and issue 15's
/// verifier compound that allocated most (21 households on 2 sites: the branch and bound at its full budget, memo full), and
/// issue 15's many-station compounds 36 (one site of 127 stations, 90 households) and 1 (four sites, 38 households), which
/// the round-packing start brings to their bound (helper waves16).
/// </summary>
[MemoryDiagnoser]
public class WaveBenchmarks
{
    private WaveProblem _problem = null!;

    /// <summary>The compound planned.</summary>
    [Params("dongfang", "one-building-3-sites", "tiny", "walk-downs-10", "verifier-21", "many-stations-36", "many-stations-1")]
    public string Compound { get; set; } = "dongfang";

    /// <summary>Builds the compound with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup() => _problem = Compound switch
    {
        "one-building-3-sites" => WaveFactory.OneBuildingThreeSites(seed: 109),
        "tiny" => WaveFactory.Tiny(seed: 4),
        "walk-downs-10" => WaveFactory.OneBuildingWalkDowns(),
        "verifier-21" => WaveFactory.VerifierCompound(),
        "many-stations-36" => WaveFactory.ManyStationCompound(36),
        "many-stations-1" => WaveFactory.ManyStationCompound(1),
        _ => WaveFactory.Dongfang(seed: 18),
    };

    /// <summary>Baseline: buildings in id order to the nearest site, each called when the queue has room.</summary>
    [Benchmark(Baseline = true)]
    public Instant IdOrderBaselineFinish() => IdOrderBaseline.Finish(_problem);

    /// <summary>The call-wave planner.</summary>
    [Benchmark]
    public Instant WavePlannerFinish() => WavePlanner.Plan(_problem).ExpectedFinish;
}
