using System.Globalization;
using System.Text;

namespace CommunityDomain.Views;

/// <summary>
/// Escaping and formatting shared by the views. Line ends are fixed ("\n" for Markdown and SVG, "\r\n" for
/// CSV as RFC 4180 asks) rather than <see cref="Environment.NewLine"/>, so the text is byte-identical on every machine.
/// </summary>
internal static class ViewText
{
    public const char Line = '\n';

    public const string CsvLine = "\r\n";

    /// <summary>A Markdown table cell: pipes escaped, line breaks flattened, empty shown as a space.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return " ";
        }

        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|':
                    sb.Append("\\|");
                    break;
                case '\r':
                case '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Appends one Markdown table row.</summary>
    public static void Row(StringBuilder sb, IEnumerable<string> cells)
    {
        sb.Append('|');
        foreach (var cell in cells)
        {
            sb.Append(' ').Append(Cell(cell)).Append(" |");
        }

        sb.Append(Line);
    }

    /// <summary>Appends a Markdown header row and its separator; <paramref name="rightAligned"/> marks numeric columns.</summary>
    public static void Header(StringBuilder sb, IReadOnlyList<string> cells, Func<int, bool> rightAligned)
    {
        Row(sb, cells);
        sb.Append('|');
        for (var i = 0; i < cells.Count; i++)
        {
            sb.Append(rightAligned(i) ? " ---: |" : " --- |");
        }

        sb.Append(Line);
    }

    /// <summary>
    /// An RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. A field a
    /// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a
    /// leading apostrophe, unless it is a plain number.
    /// </summary>
    public static string CsvField(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Appends one CSV record ending with CRLF.</summary>
    public static void CsvRow(StringBuilder sb, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }

            sb.Append(CsvField(field));
            first = false;
        }

        sb.Append(CsvLine);
    }

    /// <summary>Text escaped for XML content and attribute values; characters XML 1.0 forbids are dropped.</summary>
    public static string Xml(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\'':
                    sb.Append("&apos;");
                    break;
                default:
                    if (c >= 0x20 || c is '\t' or '\n' or '\r')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A coordinate with at most one decimal, invariant ("12.5", "300").</summary>
    public static string Num(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Minutes as a plain number of hours for CSV ("7.5").</summary>
    public static string HoursNumber(long minutes) => (minutes / 60.0).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
