using BenchmarkDotNet.Attributes;
using CommunityDomain.MassTesting.Planners;
using NodaTime;

namespace CommunityDomain.Benchmarks.MassTesting;

/// <summary>
/// A city: 16,000 compounds, ~250,000 buildings, ~25 M residents (20 compounds under the CI switch), planned
/// compound by compound, against the id-order baseline over the same compounds.
/// </summary>
[MemoryDiagnoser]
public class CityWaveBenchmarks
{
    private WaveProblem[] _city = [];

    /// <summary>Compounds in the city.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Compounds { get; set; }

    /// <summary>16,000 compounds (20 under the CI switch).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([16_000], [20]);

    /// <summary>Generates the city with a fixed seed and prints its size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _city = WaveFactory.City(Compounds, seed: 25);
        var residents = _city.Sum(p => (long)p.People);
        var buildings = _city.Sum(p => (long)p.Buildings.Count);
        Console.WriteLine($"// city: {Compounds} compounds, {buildings} buildings, {residents} residents, {GC.GetTotalMemory(true) / 1_000_000} MB live after setup");
    }

    /// <summary>Baseline over every compound: the latest finish.</summary>
    [Benchmark(Baseline = true)]
    public Instant IdOrderBaselineCity()
    {
        var latest = WaveFactory.Start;
        foreach (var problem in _city)
        {
            var finish = IdOrderBaseline.Finish(problem);
            latest = finish > latest ? finish : latest;
        }

        return latest;
    }

    /// <summary>The planner over every compound, keeping every plan: the latest finish.</summary>
    [Benchmark]
    public Instant WavePlannerCity() => WavePlanner.PlanAll(_city).Max(p => p.ExpectedFinish);
}
