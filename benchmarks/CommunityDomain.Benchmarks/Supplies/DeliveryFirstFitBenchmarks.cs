using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CommunityDomain.Supplies.Delivery;
using NodaTime;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// Delivery runs against first-fit decreasing under the same rules (issue 15): the fast
/// <see cref="FirstFitDecreasing"/> is the named baseline and <see cref="RunPlanner"/> runs beside it, on generated
/// compounds with delivery windows (<see cref="SupplyFactory.WindowedCompounds"/>) at three sizes. Besides time and
/// memory, the columns <c>Runs</c> and <c>Runs/bound</c> give each method's run count and its ratio to the lower
/// bound ceil(load / capacity) per window.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class DeliveryFirstFitBenchmarks
{
    private static readonly string[] Runners = ["runner.1", "runner.2", "runner.3", "runner.4", "runner.5"];
    private Parcel[] _parcels = [];
    private BuildingSite[] _sites = [];

    /// <summary>The options every method plans with: 10 kg runners, a 90-minute budget, 2 minutes a door, 60 m neighbours.</summary>
    public static RunOptions Options { get; } = new(10_000, Duration.FromMinutes(90));

    /// <summary>Parcels (1,000, 10,000 and 100,000; 200, 1,000 and 2,000 under the CI switch).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Parcels { get; set; }

    /// <summary>Three sizes: every window under 5,000 parcels (the size above which the planner skipped its own first-fit
    /// pass before issue 15's last change), the no-window group above it, and every group above it.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000, 10_000, 100_000], [200, 1_000, 2_000]);

    /// <summary>Generates the instance with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup() => (_parcels, _sites) = Instance(Parcels);

    /// <summary>The instance a size plans: <see cref="SupplyFactory.WindowedCompounds"/> with seed 15.</summary>
    /// <param name="parcels">The number of parcels.</param>
    /// <returns>Parcels and sites.</returns>
    public static (Parcel[] Parcels, BuildingSite[] Sites) Instance(int parcels) => SupplyFactory.WindowedCompounds(parcels, seed: 15);

    /// <summary>Baseline: first-fit decreasing under the planner's rules.</summary>
    [Benchmark(Baseline = true)]
    public int FirstFitDecreasingRuns() => FirstFitDecreasing.CountRuns(_parcels, _sites, Options);

    /// <summary>The library's planner (whole plan, with run sheets' parcels in visiting order).</summary>
    [Benchmark]
    public int PlannerRuns() => RunPlanner.Plan(_parcels, _sites, Options, Runners).Runs.Count;

    /// <summary>The lower bound the <c>Runs/bound</c> column divides by: ceil(load / capacity) summed over windows.</summary>
    /// <remarks>Per window, because no run mixes windows; it is at least the planner's own bound (one ceiling over everything).</remarks>
    /// <param name="parcels">The parcels.</param>
    /// <returns>The bound.</returns>
    public static long LowerBound(IEnumerable<Parcel> parcels) =>
        parcels.Where(p => Options.LoadOf(p) <= Options.Capacity && Options.PerStop <= Limit(p.Window))
            .GroupBy(p => p.Window)
            .Sum(w => (w.Sum(Options.LoadOf) + Options.Capacity - 1) / Options.Capacity);

    private static Duration Limit(Interval? window) => window is { } w && w.Duration < Options.TimeBudget ? w.Duration : Options.TimeBudget;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(DeliveryRunsColumn.Runs, DeliveryRunsColumn.RunsPerBound);
    }
}
