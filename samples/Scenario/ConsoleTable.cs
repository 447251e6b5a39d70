using System.Text;

namespace Pubai;

/// <summary>
/// A view's Markdown as a console shows it to the office: headings without their <c>#</c> marks, tables as aligned
/// columns without the <c>| --- |</c> rule, bold marks and escapes dropped. The views stay Markdown for pages
/// (docs/views); the story on a console should read like a printed sheet.
/// </summary>
public static class ConsoleTable
{
    /// <summary>The lines as plain text: each run of table rows aligned in columns (two spaces between them).</summary>
    /// <param name="markdown">Lines of a view's Markdown.</param>
    /// <returns>The plain lines.</returns>
    public static IReadOnlyList<string> Plain(IEnumerable<string> markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var result = new List<string>();
        var table = new List<string[]>();
        foreach (var line in markdown)
        {
            if (line.StartsWith('|'))
            {
                if (!IsRule(line))
                {
                    table.Add([.. line.Trim().Trim('|').Split(" | ").Select(c => Inline(c.Trim()))]);
                }

                continue;
            }

            Flush(table, result);
            result.Add(Inline(line.TrimStart('#').TrimStart()));
        }

        Flush(table, result);
        return result;
    }

    private static bool IsRule(string line) => line.Trim().Trim('|').Split('|').All(c => c.Trim().Trim(':').Length > 0 && c.Trim().Trim(':').All(ch => ch == '-'));

    // Bold marks and Markdown escapes are for a page, not a console ("**436 h**", "梅苑\(二期\)").
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        var t = text.Replace("**", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] == '\\' && i + 1 < t.Length && (char.IsPunctuation(t[i + 1]) || char.IsSymbol(t[i + 1])))
            {
                continue;
            }

            sb.Append(t[i]);
        }

        return sb.ToString().Trim();
    }

    private static void Flush(List<string[]> table, List<string> result)
    {
        if (table.Count == 0)
        {
            return;
        }

        var columns = table.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => table.Max(r => c < r.Length ? Width(r[c]) : 0)).ToArray();
        foreach (var row in table)
        {
            var sb = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                sb.Append(row[c]);
                if (c < row.Length - 1)
                {
                    sb.Append(' ', widths[c] - Width(row[c]) + 2);
                }
            }

            result.Add(sb.ToString().TrimEnd());
        }

        table.Clear();
    }

    // Columns a console gives a text: two for a wide (CJK, full-width) character, one otherwise.
    private static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
        }

        return width;
    }
}
