using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// The one text form of a generated command step (issue 17: counterexamples that paste back): the command's name and its
/// numbers, <c>Deliver(0,1,0)</c>, with an optional time in minutes from the start, <c>Scan(3,0)@+45min</c>. Ledger steps
/// and round scripts print this way; <see cref="ReadAll"/> finds every step in a printed script or in a failure message
/// holding one (FsCheck prints an array as <c>[|Scan(0,0); CloseSite(0,0)|]</c>), skipping names it does not know.
/// </summary>
public static partial class StepText
{
    /// <summary>A step as its name and numbers, then <c>@+Nmin</c> when <paramref name="minutes"/> is given.</summary>
    /// <param name="names">The command names by kind.</param>
    /// <param name="kind">The step's kind (an index into <paramref name="names"/>).</param>
    /// <param name="minutes">Minutes from the start, or null for an undated step.</param>
    /// <param name="numbers">The step's numbers.</param>
    /// <returns>The step's text.</returns>
    public static string Write(IReadOnlyList<string> names, int kind, int? minutes, params int[] numbers) =>
        string.Create(CultureInfo.InvariantCulture, $"{names[kind]}({string.Join(',', numbers)})")
        + (minutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"@{m:+0;-0;+0}min") : string.Empty);

    /// <summary>Every step in <paramref name="text"/> whose name is one of <paramref name="names"/> and that has <paramref name="arity"/> numbers, in order.</summary>
    /// <param name="text">A printed script (one step a line) or a failure message holding one.</param>
    /// <param name="names">The command names by kind.</param>
    /// <param name="arity">How many numbers a step has.</param>
    /// <returns>Each step's kind, numbers and minutes (null when undated).</returns>
    public static IEnumerable<(int Kind, int[] Numbers, int? Minutes)> ReadAll(string text, IReadOnlyList<string> names, int arity)
    {
        foreach (Match m in Step().Matches(text))
        {
            var kind = names.ToList().IndexOf(m.Groups["name"].Value);
            var numbers = m.Groups["numbers"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Int).ToArray();
            if (kind >= 0 && numbers.Length == arity)
            {
                yield return (kind, numbers, m.Groups["minutes"].Success ? Int(m.Groups["minutes"].Value) : null);
            }
        }
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(?<name>[A-Za-z]+)\((?<numbers>-?\d+(?:,-?\d+)*)\)(?:@(?<minutes>[+-]\d+)min)?")]
    private static partial Regex Step();
}
