using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// Plan quality beside the timings of <see cref="DeliveryFirstFitBenchmarks"/>: the runs a row's method opens and their
/// ratio to the lower bound. Recomputed here from the row's size (same seed, same code), so the figure does not depend
/// on the timed runs.
/// </summary>
public sealed class DeliveryRunsColumn : IColumn
{
    private static readonly ConcurrentDictionary<(int Parcels, string Method), (int Runs, long Bound)> Cache = new();
    private readonly bool _ratio;

    private DeliveryRunsColumn(bool ratio) => _ratio = ratio;

    /// <summary>Runs opened.</summary>
    public static IColumn Runs { get; } = new DeliveryRunsColumn(false);

    /// <summary>Runs over the lower bound.</summary>
    public static IColumn RunsPerBound { get; } = new DeliveryRunsColumn(true);

    /// <inheritdoc />
    public string Id => _ratio ? "DeliveryRuns.PerBound" : "DeliveryRuns.Count";

    /// <inheritdoc />
    public string ColumnName => _ratio ? "Runs/bound" : "Runs";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => _ratio ? 1 : 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => _ratio
        ? "Runs over the lower bound ceil(load / capacity) summed over delivery windows (1 = no plan can do better)"
        : "Runs the method opens on the row's instance";

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var parcels = Convert.ToInt32(benchmarkCase.Parameters[nameof(DeliveryFirstFitBenchmarks.Parcels)], CultureInfo.InvariantCulture);
        var (runs, bound) = Measure(parcels, benchmarkCase.Descriptor.WorkloadMethod.Name);
        return _ratio
            ? (bound == 0 ? "-" : ((double)runs / bound).ToString("0.0000", CultureInfo.InvariantCulture))
            : runs.ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>Runs and lower bound for one method on one size.</summary>
    /// <param name="parcels">The size.</param>
    /// <param name="method">A benchmark method name of <see cref="DeliveryFirstFitBenchmarks"/>.</param>
    /// <returns>The runs the method opens and the bound.</returns>
    public static (int Runs, long Bound) Measure(int parcels, string method) => Cache.GetOrAdd((parcels, method), static key =>
    {
        var benchmark = new DeliveryFirstFitBenchmarks { Parcels = key.Parcels };
        benchmark.Setup();
        var runs = key.Method == nameof(DeliveryFirstFitBenchmarks.PlannerRuns) ? benchmark.PlannerRuns() : benchmark.FirstFitDecreasingRuns();
        return (runs, DeliveryFirstFitBenchmarks.LowerBound(DeliveryFirstFitBenchmarks.Instance(key.Parcels).Parcels));
    });

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
