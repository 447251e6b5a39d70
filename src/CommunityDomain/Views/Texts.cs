using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace CommunityDomain.Views;

/// <summary>
/// The display texts of every view, notice, announcement, explanation and score description, one table per
/// culture, read from the JSON files under <c>Views/Texts/</c> that are embedded in this assembly as
/// <c>CommunityDomain.Texts.{culture}.json</c> (so the package needs no satellite assembly: a third language is
/// one more file). Templates name their placeholders (<c>{worker}</c>); a convention test checks that every
/// culture has every key with the same placeholders.
/// </summary>
/// <remarks>
/// Culture resolution: the culture's own table, then its parents (<c>zh-Hans-CN</c> → <c>zh-Hans</c> → <c>zh</c>),
/// then <c>zh-CN</c> for any other Chinese culture, then English. A key missing from the chosen table falls back
/// to English (the convention test keeps that from happening in a release).
/// </remarks>
internal static class Texts
{
    private const string Prefix = "CommunityDomain.Texts.";
    private const string Suffix = ".json";

    /// <summary>The reference culture, whose table defines the keys.</summary>
    public const string English = "en";

    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Tables = new(Load);

    /// <summary>Every culture with a table, by name (<c>en</c>, <c>zh-CN</c>).</summary>
    public static IReadOnlyDictionary<string, FrozenDictionary<string, string>> All => Tables.Value;

    /// <summary>The table for a culture (see the remarks for the fallback order).</summary>
    public static FrozenDictionary<string, string> For(CultureInfo culture)
    {
        var tables = Tables.Value;
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (tables.TryGetValue(c.Name, out var table))
            {
                return table;
            }
        }

        return culture.TwoLetterISOLanguageName == "zh" && tables.TryGetValue("zh-CN", out var chinese) ? chinese : tables[English];
    }

    /// <summary>The template of <paramref name="key"/> in <paramref name="table"/>, else in English.</summary>
    /// <exception cref="KeyNotFoundException">No culture has the key (a bug in the library, not in the caller's input).</exception>
    public static string Template(FrozenDictionary<string, string> table, string key) =>
        table.TryGetValue(key, out var t) ? t
        : Tables.Value[English].TryGetValue(key, out var en) ? en
        : throw new KeyNotFoundException("No display text '" + key + "'.");

    /// <summary>
    /// Fills a template's <c>{name}</c> placeholders; <c>{{</c> and <c>}}</c> stand for braces. Unknown names stay as written.
    /// Two placeholders written side by side (<c>"{compound}{post}"</c>, as Chinese joins names) are joined with a space
    /// when the join would glue a Latin word to a name (<see cref="NeedsSpace"/>): "Südhof Tor Nord", "东方小区 Tor Nord",
    /// but "东方小区东门" and "8月18日（周四）05:00". A compound's name (<c>{compound}</c>) joined at once to the next name also
    /// takes a space when it holds anything but letters and digits, or the next name starts with a symbol ("梅苑(二期) 东门",
    /// "X- 东门", "甲·乙 东门"): a symbol inside a name hides where the name ends.
    /// </summary>
    public static string Fill(string template, ReadOnlySpan<(string Name, string Value)> args)
    {
        var sb = new StringBuilder(template.Length + 32);
        // The length of the text when the last placeholder's value ended, so a value that follows it at once is a join.
        var afterValue = -1;
        var lastName = string.Empty;
        var lastValue = string.Empty;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                sb.Append(c);
                continue;
            }

            var arg = IndexOf(args, template.AsSpan(i + 1, close - i - 1));
            if (arg < 0)
            {
                sb.Append(template, i, close - i + 1);
            }
            else
            {
                var (n, v) = args[arg];
                if (afterValue == sb.Length && NeedsJoinSpace(sb, lastName, lastValue, v))
                {
                    sb.Append(' ');
                }

                sb.Append(v);
                afterValue = sb.Length;
                lastName = n;
                lastValue = v;
            }

            i = close;
        }

        return sb.ToString();
    }

    // The phases of Fill besides its scan: which argument a placeholder names (the first of that name), and whether a
    // value that follows the previous one at once needs a space between them (the rules of Fill's summary).
    private static int IndexOf(ReadOnlySpan<(string Name, string Value)> args, ReadOnlySpan<char> name)
    {
        for (var k = 0; k < args.Length; k++)
        {
            if (name.SequenceEqual(args[k].Name))
            {
                return k;
            }
        }

        return -1;
    }

    private static bool NeedsJoinSpace(StringBuilder sb, string lastName, string lastValue, string v) =>
        sb.Length > 0 && v.Length > 0
        && (NeedsSpace(sb[^1], v[0]) || (lastName == Boundary && (HasSymbol(lastValue) || !char.IsLetterOrDigit(v[0]))));

    // The placeholder whose value is a compound's name: where it meets the next name at once, the boundary must stay visible.
    private const string Boundary = "compound";

    // Whether a name holds a character other than a letter or digit (a bracket, a hyphen, a middle dot, a space).
    private static bool HasSymbol(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether two names joined without a separator need a space between them: when a Latin (or other non-CJK) letter
    /// meets a letter or digit, or two digits meet ("Südhof" + "Tor", "东方小区" + "Tor Nord", "Haus 3" + "Tor"); never at
    /// punctuation or whitespace, between two CJK characters, or between CJK and digits (the project's Chinese sets no
    /// space there: "3号楼", "需提供48小时内").
    /// </summary>
    /// <param name="left">The last character of the first name.</param>
    /// <param name="right">The first character of the second name.</param>
    /// <returns>True when a space belongs between them.</returns>
    internal static bool NeedsSpace(char left, char right)
    {
        if (!char.IsLetterOrDigit(left) || !char.IsLetterOrDigit(right))
        {
            return false;
        }

        var leftCjk = IsCjk(left);
        var rightCjk = IsCjk(right);
        return (leftCjk, rightCjk) switch
        {
            (true, true) => false,
            (true, false) => !char.IsDigit(right),
            (false, true) => !char.IsDigit(left),
            _ => true,
        };
    }

    // Han ideographs, kana, hangul and the CJK compatibility ranges: scripts written without spaces between words.
    private static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');

    /// <summary>The placeholder names a template uses, for the convention tests.</summary>
    public static IReadOnlySet<string> Placeholders(string template)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close > i)
            {
                names.Add(template[(i + 1)..close]);
                i = close;
            }
        }

        return names;
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(Texts).Assembly;
        var tables = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(Suffix, StringComparison.Ordinal))
            {
                tables[resource[Prefix.Length..^Suffix.Length]] = Read(assembly, resource);
            }
        }

        return tables.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenDictionary<string, string> Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return json.RootElement.EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }
}
