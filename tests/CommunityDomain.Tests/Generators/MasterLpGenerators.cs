using System.Globalization;
using System.Text;

namespace CommunityDomain.Tests.Generators;

/// <summary>One column of a generated master LP: cost, upper bound (lower 0) and (row, value) entries.</summary>
public sealed record MasterColumn(double Cost, double Upper, (int Row, double Value)[] Entries);

/// <summary>A bound set on a column after every column is added (SetBounds).</summary>
public sealed record MasterFix(int Column, double Lower, double Upper);

/// <summary>
/// A generated master LP and how it is built: rows 0 .. Covers - 1 are cover rows, the rest convexity rows (rhs 1);
/// columns 0 .. 2 * rows - 1 are each row's +1 and -1 slacks; the first <see cref="FirstBatch"/> columns are added and solved
/// before the rest (a warm start) when that is fewer than all; the fixes are set after the last column, before the last solve.
/// <see cref="DiveScale"/>: built at the dive's scale (convexity slacks of 1e7 beside costs shifted by 1e-5).
/// </summary>
public sealed record MasterCase(int Seed, int Covers, double[] Rhs, IReadOnlyList<MasterColumn> Columns, int FirstBatch, IReadOnlyList<MasterFix> Fixes, bool DiveScale = false)
{
    /// <summary>The columns' bounds after the fixes.</summary>
    public (double Lower, double Upper) Bounds(int column)
    {
        var bounds = (0.0, Columns[column].Upper);
        foreach (var fix in Fixes.Where(f => f.Column == column))
        {
            bounds = (fix.Lower, fix.Upper);
        }

        return bounds;
    }

    /// <summary>A count line, the rhs, then one line per column (cost, upper, entries) and the fixes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"master seed {Seed}{(DiveScale ? " (dive scale)" : "")}: {Covers} cover rows, {Rhs.Length - Covers} convexity rows, {Columns.Count} columns, first batch {FirstBatch}\n");
        text.AppendLine(CultureInfo.InvariantCulture, $"rhs {string.Join(' ', Rhs)}");
        for (var j = 0; j < Columns.Count; j++)
        {
            var c = Columns[j];
            text.AppendLine(CultureInfo.InvariantCulture, $"{j}: cost {c.Cost} upper {c.Upper} [{string.Join(' ', c.Entries.Select(e => $"{e.Row}:{e.Value}"))}]");
        }

        text.AppendJoin('\n', Fixes.Select(f => $"fix {f.Column} to [{f.Lower}, {f.Upper}]"));
        return text.ToString();
    }
}

/// <summary>
/// Master LPs shaped like a roster's restricted master: 3-40 cover rows (rhs 0-6) and 1-15 convexity rows (rhs 1); every
/// row a +1 and a -1 slack (cover costs 1-100, the -1 one 0 a quarter of the time; convexity 1e5); 1-200 random 0/1
/// schedule columns with one convexity entry each, costs 0-20, upper 1. A quarter of the cases are at the dive's scale
/// (convexity 1e7, cover over slacks at the hard price 1e6, schedules of 0-2 points plus shifts of 1e-5, rhs lowered by
/// 1e-6, one to three workers without a schedule). A quarter of the cases repeat a few schedules many
/// times (degenerate), a third fix up to three schedules to [1, 1] or [0, 0], half add the schedules in two batches.
/// </summary>
public static class MasterLpGenerators
{
    public static Arbitrary<MasterCase> Master() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(Create), Shrink);

    public static MasterCase Create(int seed)
    {
        var r = new Random(seed);
        var covers = r.Next(3, 41);
        var workers = r.Next(1, 16);
        var rows = covers + workers;

        // A quarter of the cases at the dive's own scale: convexity slacks of 1e7 (PriceAndDive's Unassigned), over-cover
        // at the hard price (a demand's maximum defaults to its requirement), schedules of 0-2 points plus a distinct shift
        // of 1e-5 to 2e-5 (its CostShift), every rhs lowered by about 1e-6, and one to three workers without any schedule
        // (pricing found none their rules accept), left on their convexity slack: duals near 1e7 (session 58).
        var diveScale = r.Next(4) == 0;
        var stranded = diveScale && workers > 1 ? r.Next(1, Math.Min(3, workers - 1) + 1) : 0;
        var rhs = Enumerable.Range(0, rows).Select(i => (i < covers ? r.Next(0, 7) : 1.0) - (diveScale ? Shift(i) / 10 : 0)).ToArray();
        var columns = Slacks(r, covers, rows, diveScale ? 1e7 : 1e5, diveScale);
        var slacks = columns.Count;
        var count = r.Next(1, 201);
        columns.AddRange(Schedules(r, covers, workers - stranded, count, diveScale));
        var fixes = r.Next(3) != 0 ? [] : Enumerable.Range(0, r.Next(1, 4))
            .Select(_ => r.Next(2) == 0 ? new MasterFix(slacks + r.Next(count), 1, 1) : new MasterFix(slacks + r.Next(count), 0, 0))
            .ToList();
        var firstBatch = r.Next(2) == 0 ? slacks + r.Next(count + 1) : columns.Count;
        return new MasterCase(seed, covers, rhs, columns, firstBatch, fixes, diveScale);
    }

    /// <summary>
    /// One master of a given size, built as <see cref="Create"/> builds its cases (no degenerate repeats, no fixes, one
    /// batch), every cover rhs raised by a distinct perturbation of about 1e-6 as the dive's caller does.
    /// </summary>
    public static MasterCase Sized(int seed, int covers, int workers, int schedules)
    {
        var r = new Random(seed);
        var rows = covers + workers;
        var rhs = Enumerable.Range(0, rows).Select(i => (i < covers ? r.Next(0, 7) : 1.0) + (1e-6 * (1 + (i / (double)rows)))).ToArray();
        var columns = Slacks(r, covers, rows, 1e5, hardOver: false);
        var density = 0.05 + (0.1 * r.NextDouble());
        for (var c = 0; c < schedules; c++)
        {
            var entries = Enumerable.Range(0, covers).Where(_ => r.NextDouble() < density).Select(i => (i, 1.0))
                .Append((covers + r.Next(workers), 1.0)).ToArray();
            columns.Add(new MasterColumn(r.Next(0, 21), 1, entries));
        }

        return new MasterCase(seed, covers, rhs, columns, columns.Count, []);
    }

    /// <summary>
    /// Each row's +1 and -1 slack: cover costs 1-100 (the -1 one 0 a quarter of the time, or with <paramref name="hardOver"/>
    /// 1e6, the hard price of a maximum equal to the requirement, as a demand's default), convexity <paramref name="convexity"/>.
    /// </summary>
    private static List<MasterColumn> Slacks(Random r, int covers, int rows, double convexity, bool hardOver)
    {
        var columns = new List<MasterColumn>();
        for (var i = 0; i < rows; i++)
        {
            var isConvexity = i >= covers;
            columns.Add(new(isConvexity ? convexity : r.Next(1, 101), double.PositiveInfinity, [(i, 1.0)]));
            var over = r.Next(4) == 0 ? 0 : r.Next(1, 101);
            columns.Add(new(isConvexity ? convexity : hardOver ? 1e6 : over, double.PositiveInfinity, [(i, -1.0)]));
        }

        return columns;
    }

    /// <summary>A distinct shift per index, 1e-5 to 2e-5 (the dive's cost shift of a column).</summary>
    private static double Shift(int i) => 1e-5 * (1 + ((i * 7919L) % 1009 / 1009.0));

    /// <summary><paramref name="count"/> schedules of workers 0 .. <paramref name="workers"/> - 1, costs 0-20 (at the dive's scale 0-2 plus <see cref="Shift"/>).</summary>
    private static List<MasterColumn> Schedules(Random r, int covers, int workers, int count, bool diveScale)
    {
        var identical = r.Next(4) == 0;
        var density = 0.05 + (0.45 * r.NextDouble());
        var schedules = new List<MasterColumn>();
        for (var c = 0; c < count; c++)
        {
            if (identical && c > 0 && r.Next(5) != 0)
            {
                schedules.Add(schedules[r.Next(Math.Min(c, 3))]);
                continue;
            }

            var worker = r.Next(workers);
            var entries = Enumerable.Range(0, covers).Where(_ => r.NextDouble() < density).Select(i => (i, 1.0))
                .Append((covers + worker, 1.0)).ToArray();
            schedules.Add(new MasterColumn(diveScale ? r.Next(0, 3) + Shift(c) : r.Next(0, 21), 1, entries));
        }

        return schedules;
    }

    /// <summary>Fewer schedule columns (either half, then each one), the slacks and rows kept; fixes follow their columns.</summary>
    public static IEnumerable<MasterCase> Shrink(MasterCase c)
    {
        var slacks = 2 * c.Rhs.Length;
        var schedules = c.Columns.Count - slacks;
        if (schedules > 1)
        {
            yield return Without(c, slacks + (schedules / 2), c.Columns.Count);
            yield return Without(c, slacks, slacks + (schedules / 2));
        }

        for (var j = slacks; j < c.Columns.Count && schedules > 1; j++)
        {
            yield return Without(c, j, j + 1);
        }

        if (c.FirstBatch < c.Columns.Count)
        {
            yield return c with { FirstBatch = c.Columns.Count };
        }

        if (c.Fixes.Count > 0)
        {
            yield return c with { Fixes = [] };
        }
    }

    /// <summary>The case without columns [from, to).</summary>
    private static MasterCase Without(MasterCase c, int from, int to)
    {
        var removed = to - from;
        var columns = c.Columns.Take(from).Concat(c.Columns.Skip(to)).ToList();
        var fixes = c.Fixes.Where(f => f.Column < from || f.Column >= to)
            .Select(f => f.Column >= to ? f with { Column = f.Column - removed } : f).ToList();
        var firstBatch = c.FirstBatch <= from ? c.FirstBatch : Math.Max(from, c.FirstBatch - removed);
        return c with { Columns = columns, Fixes = fixes, FirstBatch = firstBatch };
    }
}

/// <summary>The arbitraries of the master LP properties.</summary>
public static class MasterLpArbitraries
{
    public static Arbitrary<MasterCase> Master() => MasterLpGenerators.Master();
}
