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
}
