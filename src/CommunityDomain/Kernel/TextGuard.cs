using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CommunityDomain.Kernel;

/// <summary>Guard clauses for text a person reads or that names something, in the Ardalis.GuardClauses style.</summary>
public static class TextGuard
{
    /// <summary>
    /// Throws when <paramref name="input"/> is null, or blank to a reader: empty, or only white space and invisible
    /// format characters (Unicode category Cf: zero-width space U+200B, zero-width joiner U+200D, word joiner U+2060,
    /// the byte order mark U+FEFF and the like), which <see cref="string.Trim()"/> and
    /// <see cref="string.IsNullOrWhiteSpace(string)"/> leave and which print as an empty label.
    /// </summary>
    /// <param name="guardClause">The guard clause entry point.</param>
    /// <param name="input">The text to check.</param>
    /// <param name="parameterName">Filled in by the compiler with the argument expression.</param>
    /// <param name="message">The message of the exception; when null, "Required input {parameterName} was blank."
    /// (and the framework's null message for a null input).</param>
    /// <returns><paramref name="input"/> unchanged (not trimmed), for assign-and-return style.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is blank.</exception>
    public static string Blank(
        this IGuardClause guardClause,
        [NotNull] string? input,
        [CallerArgumentExpression(nameof(input))] string? parameterName = null,
        string? message = null)
    {
        Guard.Against.Null(guardClause);
        Guard.Against.Null(input, parameterName, message);
        return Guard.Against.InvalidInput(input, parameterName!, static text => !IsBlank(text),
            message ?? $"Required input {parameterName} was blank.");
    }

    /// <summary>Whether <paramref name="text"/> is null, empty, or only white space and format characters (category Cf).</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when a reader would see nothing.</returns>
    internal static bool IsBlank([NotNullWhen(false)] string? text)
    {
        if (text is null)
        {
            return true;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A name as one line of text, the one place every name a host typed is made safe for a text people read: line breaks
    /// (CR, LF, NEL, the Unicode line and paragraph separators), tabs and other control characters become a space, runs of
    /// white space one space, and the ends are trimmed ("王\n芳" → "王 芳"), so a name cannot split a ready-to-send notice
    /// across lines or push a call's text onto another line. The invisible bidirectional controls (the embeddings,
    /// overrides and isolates U+202A-U+202E and U+2066-U+2069, the marks U+200E, U+200F and U+061C) are dropped, so a name
    /// cannot reverse the rest of a notice ("楼\u202Eevil" reads "楼evil"). The separator of a place within a compound
    /// (<c>›</c>, see <c>Labels.Within</c> in the views) becomes <c>&gt;</c>, so a name cannot hold it. The views' labels
    /// and the call-wave planner's <c>WaveCall</c> texts both use it.
    /// </summary>
    /// <param name="name">The name as stored.</param>
    /// <returns>The name on one line.</returns>
    internal static string Flat(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                space = sb.Length > 0;
                continue;
            }

            if (IsBidiControl(c))
            {
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            // '›' joins a compound to a post, building or address in English ("Block A, North › Gate, main"): a name never
            // holds it, so the join cannot be misread, whatever commas the names hold.
            sb.Append(c == '\u203A' ? '>' : c);
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is one of the invisible bidirectional controls (Unicode category Cf) that
    /// <see cref="Flat"/> drops.</summary>
    /// <param name="c">The character.</param>
    /// <returns>True for U+202A-U+202E, U+2066-U+2069, U+200E, U+200F and U+061C.</returns>
    internal static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
