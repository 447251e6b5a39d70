using System.Text.RegularExpressions;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Every public type of the library is named by at least one test (a source scan of <c>tests/</c> for the type's name
/// as a word). The types not yet named are listed in <c>TypesWithoutTests.txt</c>, which may only shrink: a type on the
/// list that a test now names fails too, so the list stays the true debt.
/// </summary>
public sealed partial class PublicTypeCoverageTests
{
    private static readonly Lazy<HashSet<string>> WordsInTests = new(() =>
        [.. Word().Matches(SourceTree.AllTestText()).Select(m => m.Value)]);

    private static readonly Lazy<HashSet<string>> Baseline = new(() =>
        [.. File.ReadAllLines(Path.Combine(SourceTree.Root, "tests", "CommunityDomain.Tests", "Conventions", "TypesWithoutTests.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))]);

    [Fact]
    public void Every_public_type_is_named_by_a_test_or_listed_as_debt()
    {
        var unnamed = PublicTypeNames().Where(n => !WordsInTests.Value.Contains(n) && !Baseline.Value.Contains(n)).ToList();
        Assert.True(unnamed.Count == 0, "No test names these public types: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void The_debt_list_only_holds_public_types_no_test_names()
    {
        var names = PublicTypeNames().ToHashSet(StringComparer.Ordinal);
        var stale = Baseline.Value.Where(n => !names.Contains(n) || WordsInTests.Value.Contains(n)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Remove from TypesWithoutTests.txt (now tested, or gone): " + string.Join(", ", stale));
    }

    private static IEnumerable<string> PublicTypeNames() =>
        typeof(DomainError).Assembly.GetExportedTypes()
            .Select(t => t.Name.Split('`')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Word();
}
