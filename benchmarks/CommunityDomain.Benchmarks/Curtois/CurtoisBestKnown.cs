using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// One row of <c>best_known.tsv</c> (<c>instance, best_known_objective, lower_bound</c>): the best objective
/// known for an instance and a proven lower bound.
/// </summary>
/// <remarks><c>default</c> has an empty name and zero values; <see cref="ParseTable"/> never returns it.</remarks>
public readonly record struct CurtoisBestKnown
{
    /// <summary>The file name of the table next to the instances folder.</summary>
    public const string FileName = "best_known.tsv";

    /// <summary>Creates a row.</summary>
    /// <param name="instance">The instance name, e.g. <c>Instance1</c>; not blank.</param>
    /// <param name="bestKnownObjective">The best known objective; non-negative.</param>
    /// <param name="lowerBound">A lower bound; non-negative and at most <paramref name="bestKnownObjective"/>.</param>
    /// <exception cref="ArgumentException">An argument breaks the rules above.</exception>
    public CurtoisBestKnown(string instance, int bestKnownObjective, int lowerBound)
    {
        Instance = Guard.Against.NullOrWhiteSpace(instance);
        BestKnownObjective = Guard.Against.Negative(bestKnownObjective);
        LowerBound = Guard.Against.OutOfRange(lowerBound, nameof(lowerBound), 0, bestKnownObjective);
    }

    /// <summary>The instance name.</summary>
    public string Instance { get; }

    /// <summary>The best known objective.</summary>
    public int BestKnownObjective { get; }

    /// <summary>A proven lower bound on the optimum.</summary>
    public int LowerBound { get; }

    /// <summary>The relative gap of <paramref name="objective"/> to the best known value, in percent.</summary>
    /// <param name="objective">An objective value.</param>
    public double GapPercent(int objective) =>
        BestKnownObjective == 0 ? (objective == 0 ? 0 : double.PositiveInfinity) : 100.0 * (objective - BestKnownObjective) / BestKnownObjective;

    /// <summary>Returns <c>Instance1: 607 (lower bound 607)</c> in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Instance}: {BestKnownObjective} (lower bound {LowerBound})");

    /// <summary>Parses the tab-separated table; the first line is a header, blank and <c>#</c> lines are skipped.</summary>
    /// <param name="text">The file content.</param>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="CurtoisFormatException">A row does not have three fields, two integers or a valid bound.</exception>
    public static IReadOnlyList<CurtoisBestKnown> ParseTable(string text)
    {
        Guard.Against.Null(text);
        var rows = new List<CurtoisBestKnown>();
        var lines = text.Split('\n');
        var header = true;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 3
                || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var best)
                || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var bound)
                || bound > best || f[0].Trim().Length == 0)
            {
                throw new CurtoisFormatException(n + 1, "expected instance<TAB>best_known_objective<TAB>lower_bound with lower_bound <= best");
            }

            rows.Add(new CurtoisBestKnown(f[0].Trim(), best, bound));
        }

        return rows;
    }

    /// <summary>
    /// Looks for <see cref="FileName"/> in the instance file's folder and its parent and returns the row of the
    /// instance (named after the file without extension), if any.
    /// </summary>
    /// <param name="instancePath">The instance file path.</param>
    /// <param name="row">The row found.</param>
    /// <returns>True when a readable table holds the instance.</returns>
    public static bool TryFindFor(string instancePath, out CurtoisBestKnown row)
    {
        Guard.Against.NullOrWhiteSpace(instancePath);
        row = default;
        var name = Path.GetFileNameWithoutExtension(instancePath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(instancePath));
        foreach (var dir in new[] { folder, folder is null ? null : Path.GetDirectoryName(folder) })
        {
            var table = dir is null ? null : Path.Combine(dir, FileName);
            if (table is null || !File.Exists(table))
            {
                continue;
            }

            try
            {
                foreach (var r in ParseTable(File.ReadAllText(table)))
                {
                    if (r.Instance == name)
                    {
                        row = r;
                        return true;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CurtoisFormatException)
            {
                // The table is informational; an unreadable one just means no comparison.
                return false;
            }
        }

        return false;
    }
}
