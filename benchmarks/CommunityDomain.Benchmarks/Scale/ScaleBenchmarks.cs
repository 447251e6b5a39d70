using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace CommunityDomain.Benchmarks.Scale;

/// <summary>
/// A city sharded by community: 1,000 generated communities (2 under the CI switch), each a testing day
/// and a 14-day roster with a fixed iteration limit, planned on one thread (the baseline) and with
/// <see cref="Parallel"/>.ForEach at <see cref="Degree"/> threads.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ScaleBenchmarks
{
    private ScaleCommunity[] _city = [];

    /// <summary>Communities in the city.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Communities { get; set; }

    /// <summary>MaxDegreeOfParallelism of the parallel run (this machine has 2 cores).</summary>
    [Params(1, 2)]
    public int Degree { get; set; }

    /// <summary>1,000 communities (2 under the CI switch: 4 took 14 s of CI's dry job, which measures nothing).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000], [2]);

    /// <summary>Generates the city with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup() => _city = ScaleGenerator.City(Communities, seed: 7);

    /// <summary>Baseline: a plain loop on one thread (ignores <see cref="Degree"/>).</summary>
    [Benchmark(Baseline = true)]
    public long Sequential() => ScaleOutcome.Checksum(ScaleRunner.Sequential(_city));

    /// <summary>Parallel.ForEach with MaxDegreeOfParallelism = <see cref="Degree"/>.</summary>
    [Benchmark]
    public long ParallelForEach() => ScaleOutcome.Checksum(ScaleRunner.Parallel(_city, Degree));

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(ScaleColumn.PerCore, ScaleColumn.PerCoreRatio, ScaleColumn.AllocatedPerCommunity);
    }
}
