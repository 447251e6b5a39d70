using BenchmarkDotNet.Attributes;
using CommunityDomain.Supplies.Delivery;
using NodaTime;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// Delivery runs for generated compounds, against a named baseline: next fit in input order per building
/// (a new run whenever the parcel does not fit), what a coordinator does with a list and a scale.
/// </summary>
[MemoryDiagnoser]
public class DeliveryRunBenchmarks
{
    private static readonly string[] Runners = ["runner.1", "runner.2", "runner.3", "runner.4", "runner.5"];
    private Parcel[] _parcels = [];
    private BuildingSite[] _sites = [];
    private RunOptions _options = null!;

    /// <summary>Parcels (2,000 under the CI switch).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Parcels { get; set; }

    /// <summary>Runner capacity in kilograms.</summary>
    [Params(10, 30)]
    public int CapacityKg { get; set; }

    /// <summary>100,000 parcels (2,000 under the CI switch).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([100_000], [2_000]);

    /// <summary>Generates compounds with a fixed seed and prints the plan's gap to the lower bound.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_parcels, _sites) = SupplyFactory.Compounds(Parcels, seed: 7);
        _options = new RunOptions(CapacityKg * 1000, Duration.FromMinutes(90));
        var plan = RunPlanner.Plan(_parcels, _sites, _options, Runners);
        Console.WriteLine($"// {Parcels} parcels, {CapacityKg} kg: planner {plan}; next-fit baseline {NextFitRuns()} runs");
    }

    /// <summary>Baseline: next fit per building in input order.</summary>
    [Benchmark(Baseline = true)]
    public int NextFitPerBuilding() => NextFitRuns();

    /// <summary>The library's planner.</summary>
    [Benchmark]
    public int Planner() => RunPlanner.Plan(_parcels, _sites, _options, Runners).Runs.Count;

    private int NextFitRuns()
    {
        var runs = 0;
        long load = 0;
        var building = default(CommunityDomain.Kernel.Id<CommunityDomain.Communities.Building>);
        foreach (var p in _parcels)
        {
            if (p.Building != building || load + p.WeightGrams > _options.Capacity)
            {
                runs++;
                load = 0;
                building = p.Building;
            }

            load += p.WeightGrams;
        }

        return runs;
    }
}
