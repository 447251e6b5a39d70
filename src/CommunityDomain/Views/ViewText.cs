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

    /// <summary>The characters a Markdown renderer (CommonMark with GitHub's extensions) may read as markup inside a line.</summary>
    public const string MarkdownSignificant = "\\`*_[]<>#|~&${}";

    /// <summary>
    /// A Markdown table cell that stays one cell and shows its text as written, for any text: every character a
    /// renderer could read as markup (<see cref="MarkdownSignificant"/>: emphasis, code, links, HTML, entities, headings,
    /// pipes, strikethrough, maths, attribute braces) is backslash-escaped, which CommonMark allows for any ASCII punctuation; line breaks
    /// are flattened to spaces, characters no UTF-8 file can hold (lone surrogates) and C0 controls dropped; empty shown
    /// as a space.
    /// </summary>
    public static string Cell(string? text)
    {
        // Our own emphasis (Strong) is the only markup a cell carries; its text is escaped like any other.
        if (text is [StrongMark, ..] && text.IndexOf(StrongEnd, StringComparison.Ordinal) is var end and > 0)
        {
            return Inline(text[1..end]) + "**" + Inline(text[(end + 1)..]) + "**";
        }

        var escaped = Inline(text);
        return escaped.Length == 0 ? " " : escaped;
    }

    // GitHub also links bare URLs, "www." addresses and e-mail addresses: the colon of "://" or "mailto:", the dot
    // after "www" and every "@" are escaped too, so a name that holds one still shows as text, not as a link.
    private static bool Autolinks(string text, int i) => text[i] switch
    {
        ':' => text.AsSpan(i + 1).StartsWith("//", StringComparison.Ordinal) || text.AsSpan(0, i).EndsWith("mailto", StringComparison.OrdinalIgnoreCase),
        '.' => text.AsSpan(0, i).EndsWith("www", StringComparison.OrdinalIgnoreCase),
        '@' => true,
        _ => false,
    };

    private const char StrongMark = '\u0002';
    private const char StrongEnd = '\u0003';

    /// <summary>
    /// A cell shown in bold (a total, a shortfall), with an optional plain <paramref name="prefix"/> (an icon):
    /// <see cref="Cell"/> escapes both parts and adds the emphasis itself, so no label can open or close it.
    /// </summary>
    public static string Strong(string text, string prefix = "") => StrongMark + prefix + StrongEnd + text;

    /// <summary>
    /// Text escaped for one line of Markdown (a heading, a paragraph, a list item): as <see cref="Cell"/>, but empty
    /// stays empty. A name a host typed (<c>*张*</c>) shows as typed rather than in italics.
    /// </summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (MarkdownSignificant.Contains(c, StringComparison.Ordinal) || Autolinks(text, i))
            {
                sb.Append('\\').Append(c);
            }
            else if (c is '\r' or '\n')
            {
                sb.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (c >= 0x20 || c == '\t'))
            {
                sb.Append(c);
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

    // A number as a spreadsheet reads it: sign, digits, point, exponent; no white space before or after.
    private const NumberStyles StrictNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>
    /// An RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. A field a
    /// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a
    /// leading apostrophe, unless it is a plain number. Lone surrogates (which no UTF-8 file can hold) are dropped.
    /// </summary>
    public static string CsvField(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // A lone surrogate cannot be written to a UTF-8 file: drop it (issue 18; the only change to CSV escaping).
        text = WithoutLoneSurrogates(text);
        if (text.Length == 0)
        {
            return string.Empty;
        }

        // A plain finite signed number ("-3", "+1.5e3") stays a number; "-Infinity" and "+NaN" parse as doubles but a
        // spreadsheet reads them as formulas, and a cell starting with a tab or CR is neutralised even when a number
        // follows ("\t1": the number styles would skip the leading white space), so only a sign may start a number.
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !(text[0] is '+' or '-' && double.TryParse(text, StrictNumber, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(text[i]).Append(text[++i]);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
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

    /// <summary>
    /// Text escaped for XML content and attribute values, valid XML 1.0 for any input: markup characters become
    /// entities, and characters XML 1.0 forbids are dropped - C0 controls other than tab, line feed and carriage
    /// return, the non-characters U+FFFE and U+FFFF, and lone surrogates (a surrogate pair, a character outside the
    /// Basic Multilingual Plane, is kept).
    /// </summary>
    public static string Xml(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
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
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (IsXmlChar(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A character XML 1.0 allows on its own (§2.2 Char), surrogates excluded: they are allowed only as a pair.</summary>
    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A coordinate with at most one decimal, invariant ("12.5", "300").</summary>
    public static string Num(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Minutes as a plain number of hours for CSV ("7.5").</summary>
    public static string HoursNumber(long minutes) => (minutes / 60.0).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
