using System.Reflection;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Text a person reads or that names something is guarded by <see cref="TextGuard.Blank"/> (CONTRIBUTING, guard table,
/// "blank text"): white space alone and invisible format characters alone (U+200B, U+200D, U+2060, U+FEFF...) are
/// blank, where <c>Guard.Against.NullOrWhiteSpace</c> and <see cref="string.IsNullOrWhiteSpace(string)"/> let the
/// format characters through and a roster or notice printed an empty label.
/// </summary>
public sealed class BlankTextConventionTests
{
    /// <summary>Checks that pass invisible-only text; none is left in the library (issue 17).</summary>
    private static readonly string[] WhiteSpaceOnly =
    [
        "Guard.Against.NullOrWhiteSpace",
        "string.IsNullOrWhiteSpace",
        "String.IsNullOrWhiteSpace",
        "ArgumentException.ThrowIfNullOrWhiteSpace",
    ];

    private static readonly string[] Blanks = ["\u200B", "\u200D", "\u2060", "\uFEFF", " \u200B\u200C\u00AD ", "\u3000\uFEFF", ""];

    [Fact]
    public void The_library_checks_text_with_the_blank_guard_only()
    {
        var files = SourceTree.LibraryFiles().ToList();
        Assert.NotEmpty(files);
        var found = files
            .SelectMany(f => WhiteSpaceOnly.SelectMany(w => GuardScanner.LinesCalling(GuardScanner.Blank(f.Text), w).Select(line => $"{f.Path}:{line} {w}")))
            .ToList();
        Assert.True(found.Count == 0,
            "Use Guard.Against.Blank(x) (or TextGuard.IsBlank where blank text has a fallback): white space and format characters alone are blank:\n"
            + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_sees_a_white_space_check_in_code_and_not_in_a_string_or_comment()
    {
        const string text = """
            // Guard.Against.NullOrWhiteSpace(x) in a comment
            var s = "string.IsNullOrWhiteSpace(x)";
            Name = Guard.Against.NullOrWhiteSpace(name);
            """;
        Assert.Equal(3, Assert.Single(GuardScanner.LinesCalling(GuardScanner.Blank(text), "Guard.Against.NullOrWhiteSpace")));
        Assert.Empty(GuardScanner.LinesCalling(GuardScanner.Blank(text), "string.IsNullOrWhiteSpace"));
    }

    /// <summary>Every public type whose public constructor takes one string: a name, code, barcode or other text value.</summary>
    private static List<ConstructorInfo> TextValueConstructors() =>
        typeof(Id<>).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetConstructors())
            .Where(c => c.GetParameters() is [{ ParameterType: var p }] && p == typeof(string))
            .ToList();

    [Fact]
    public void Every_public_text_value_rejects_text_of_only_invisible_characters_naming_the_parameter()
    {
        var constructors = TextValueConstructors();
        Assert.Contains(constructors, c => c.DeclaringType == typeof(PersonName));
        Assert.Contains(constructors, c => c.DeclaringType == typeof(TubeBarcode));
        Assert.Contains(constructors, c => c.DeclaringType == typeof(CommandId));

        var wrong = new List<string>();
        foreach (var constructor in constructors)
        {
            var parameter = constructor.GetParameters()[0].Name;
            foreach (var blank in Blanks)
            {
                try
                {
                    _ = constructor.Invoke([blank]);
                    wrong.Add($"{constructor.DeclaringType!.Name}({Escaped(blank)}) was accepted");
                }
                catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException a)
                {
                    if (a.ParamName != parameter || a is ArgumentNullException)
                    {
                        wrong.Add($"{constructor.DeclaringType!.Name}({Escaped(blank)}) threw {a.GetType().Name} naming '{a.ParamName}', not '{parameter}'");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:X4}"));
}
