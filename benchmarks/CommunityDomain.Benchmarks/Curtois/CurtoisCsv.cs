using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// The solution file of the command contract: one <c>EmployeeID,Day,ShiftID</c> line per worked employee-day
/// (day 0-based); an employee-day not listed is a day off; <c>#</c> lines and blank lines are ignored.
/// </summary>
public static class CurtoisCsv
{
    /// <summary>The column header, written as a comment.</summary>
    public const string Header = "EmployeeID,Day,ShiftID";

    /// <summary>Writes a <c>#</c> comment header and one line per worked employee-day, by employee then day.</summary>
    /// <param name="instance">The instance the solution belongs to.</param>
    /// <param name="solution">The roster; its shape must match the instance.</param>
    /// <param name="writer">The destination; not closed.</param>
    /// <exception cref="ArgumentException">The solution does not fit the instance.</exception>
    public static void Write(CurtoisInstance instance, CurtoisSolution solution, TextWriter writer)
    {
        Guard.Against.Null(instance);
        Guard.Against.Null(solution);
        Guard.Against.Null(writer);
        CurtoisEvaluator.CheckShape(instance, solution);
        writer.Write("# ");
        writer.Write(instance.Name);
        writer.Write('\n');
        writer.Write("# ");
        writer.Write(Header);
        writer.Write('\n');
        for (var e = 0; e < solution.Employees; e++)
        {
            var row = solution.Row(e);
            for (var d = 0; d < row.Length; d++)
            {
                if (row[d] >= 0)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{instance.Staff[e].Id},{d},{instance.Shifts[row[d]].Id}\n"));
                }
            }
        }
    }

    /// <summary>
    /// The instance name a file written by <see cref="Write"/> starts with (its first line <c># NAME</c>, its second the
    /// <c>#</c> column header), or null for a file that does not start so (any other program's). Reads at most two lines.
    /// </summary>
    /// <param name="reader">The file, at its start; not closed.</param>
    /// <returns>The name, or null.</returns>
    public static string? WrittenFor(TextReader reader)
    {
        Guard.Against.Null(reader);
        return reader.ReadLine() is { } first && first.StartsWith("# ", StringComparison.Ordinal) && first.Length > 2
            && reader.ReadLine() == "# " + Header
            ? first[2..]
            : null;
    }

    /// <summary>Reads a solution written by <see cref="Write"/> or any program following the contract.</summary>
    /// <param name="instance">The instance whose ids the file uses.</param>
    /// <param name="reader">The source; read to the end, not closed.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="CurtoisFormatException">A line has the wrong field count, an unknown employee or shift
    /// id, a day that is not an integer in the horizon, or a second shift for an employee-day.</exception>
    public static CurtoisSolution Read(CurtoisInstance instance, TextReader reader)
    {
        Guard.Against.Null(instance);
        Guard.Against.Null(reader);
        var days = instance.Days;
        var cells = new int[instance.Staff.Count * days];
        Array.Fill(cells, CurtoisSolution.Off);
        var lineOf = new int[cells.Length];
        var lineNumber = 0;
        var firstData = true;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // A bare column header as the first data line is tolerated.
            if (firstData && string.Equals(line.Replace(" ", string.Empty, StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
            {
                firstData = false;
                continue;
            }

            firstData = false;
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != 3)
            {
                throw new CurtoisFormatException(lineNumber, $"{fields.Length} fields, expected 3 ({Header})");
            }

            var e = instance.StaffIndex(fields[0]);
            if (e < 0)
            {
                throw new CurtoisFormatException(lineNumber, $"unknown staff id '{fields[0]}'");
            }

            if (!int.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
            {
                throw new CurtoisFormatException(lineNumber, $"day '{fields[1]}' is not an integer");
            }

            if (d < 0 || d >= days)
            {
                throw new CurtoisFormatException(lineNumber, $"day {d} is out of range 0..{days - 1}");
            }

            var t = instance.ShiftIndex(fields[2]);
            if (t < 0)
            {
                throw new CurtoisFormatException(lineNumber, $"unknown shift id '{fields[2]}'");
            }

            var k = (e * days) + d;
            if (lineOf[k] != 0)
            {
                throw new CurtoisFormatException(lineNumber, $"employee '{fields[0]}' has a second shift on day {d} (first on line {lineOf[k]})");
            }

            lineOf[k] = lineNumber;
            cells[k] = t;
        }

        return CurtoisSolution.Own(instance.Staff.Count, days, cells);
    }
}
