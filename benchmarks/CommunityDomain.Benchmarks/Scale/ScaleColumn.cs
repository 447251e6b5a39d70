using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CommunityDomain.Benchmarks.Scale;

/// <summary>
/// Columns computed from a <see cref="ScaleBenchmarks"/> row: communities per second per core, the same as a
/// ratio to the 1-thread baseline of the same run, and bytes allocated per community.
/// </summary>
public sealed class ScaleColumn : IColumn
{
    private readonly Kind _kind;

    private ScaleColumn(Kind kind) => _kind = kind;

    private enum Kind
    {
        PerCore,
        PerCoreRatio,
        AllocatedPerCommunity,
    }

    /// <summary>Communities per second per core.</summary>
    public static IColumn PerCore { get; } = new ScaleColumn(Kind.PerCore);

    /// <summary>Per-core throughput over the baseline's (1 thread, same community count).</summary>
    public static IColumn PerCoreRatio { get; } = new ScaleColumn(Kind.PerCoreRatio);

    /// <summary>Bytes allocated per community.</summary>
    public static IColumn AllocatedPerCommunity { get; } = new ScaleColumn(Kind.AllocatedPerCommunity);

    /// <inheritdoc />
    public string Id => $"{nameof(ScaleColumn)}.{_kind}";

    /// <inheritdoc />
    public string ColumnName => _kind switch
    {
        Kind.PerCore => "Communities/s/core",
        Kind.PerCoreRatio => "PerCoreVs1Thread",
        _ => "Alloc/community",
    };

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => (int)_kind;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => _kind == Kind.AllocatedPerCommunity ? UnitType.Size : UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => _kind switch
    {
        Kind.PerCore => "Communities planned per second, divided by the threads used",
        Kind.PerCoreRatio => "Communities/s/core over the 1-thread baseline's in the same run (1 = perfect scaling)",
        _ => "Bytes allocated per operation divided by the communities planned",
    };

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null)
        {
            return "?";
        }

        var communities = Convert.ToDouble(benchmarkCase.Parameters[nameof(ScaleBenchmarks.Communities)], CultureInfo.InvariantCulture);
        if (_kind == Kind.AllocatedPerCommunity)
        {
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / communities / 1024:N1} KB") : "?";
        }

        var perCore = PerCoreRate(benchmarkCase, report, communities);
        if (_kind == Kind.PerCore)
        {
            return perCore.ToString("N1", CultureInfo.InvariantCulture);
        }

        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var baseReport = baseline is null ? null : summary[baseline];
        return baseReport?.ResultStatistics is null
            ? "?"
            : (perCore / PerCoreRate(baseline!, baseReport, communities)).ToString("N2", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override string ToString() => ColumnName;

    private static double PerCoreRate(BenchmarkCase benchmarkCase, BenchmarkReport report, double communities)
    {
        // The baseline runs on one thread whatever the Degree parameter of its row says.
        var threads = benchmarkCase.Descriptor.Baseline ? 1 : Convert.ToDouble(benchmarkCase.Parameters[nameof(ScaleBenchmarks.Degree)], CultureInfo.InvariantCulture);
        return communities / (report.ResultStatistics!.Mean / 1e9) / threads;
    }
}
