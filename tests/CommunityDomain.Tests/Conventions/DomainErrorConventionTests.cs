using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Every <see cref="DomainError"/> in the library, found by reflection (so a new error cannot be forgotten), has a
/// stable code and a message in English and in Simplified Chinese that differ.
/// </summary>
public sealed class DomainErrorConventionTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Every concrete error type; generic ones closed over <see cref="DomainError"/>'s own assembly's first entity that fits.</summary>
    public static TheoryData<string> ErrorTypeNames() =>
        [.. ErrorTypes().Select(t => t.FullName!)];

    private static IEnumerable<Type> ErrorTypes() =>
        typeof(DomainError).Assembly.GetTypes()
            .Where(t => typeof(DomainError).IsAssignableFrom(t) && !t.IsAbstract && t.IsPublic)
            .Select(t => t.IsGenericTypeDefinition ? t.MakeGenericType(typeof(CommunityDomain.Communities.Compound)) : t)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>The contract sample when there is one (errors with internal constructors, e.g. NoFeasibleRoster), else one built from sample values.</summary>
    private static object? Sample(Type type) =>
        CommunityDomain.Tests.Contracts.ContractSamples.ByType.TryGetValue(type, out var sample) ? sample : SampleValues.Of(type);

    [Fact]
    public void The_library_has_errors_in_every_wing()
    {
        var namespaces = ErrorTypes().Select(t => t.Namespace!).Distinct().ToList();
        Assert.True(ErrorTypes().Count() >= 30, $"only {ErrorTypes().Count()} errors found");
        foreach (var wing in new[] { "Communities", "MassTesting", "Passes", "Supplies" })
        {
            Assert.Contains(namespaces, n => n.StartsWith($"CommunityDomain.{wing}", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ErrorTypeNames))]
    public void Every_domain_error_has_a_code_an_English_and_a_Chinese_message(string typeName)
    {
        var type = ErrorTypes().Single(t => t.FullName == typeName);
        var error = Assert.IsAssignableFrom<DomainError>(Sample(type));

        var english = error.MessageIn(English);
        var chinese = error.MessageIn(Chinese);

        Assert.Matches("^[a-z]+\\.[a-z0-9-]+$", error.Code);
        Assert.False(string.IsNullOrWhiteSpace(english), $"{type.Name} has no English message");
        Assert.DoesNotMatch("[\u4e00-\u9fff]", english);
        Assert.Matches("[\u4e00-\u9fff]", chinese);
        Assert.NotEqual(english, chinese);
    }

    [Fact]
    public void Codes_are_unique()
    {
        var codes = ErrorTypes().Select(t => Assert.IsAssignableFrom<DomainError>(Sample(t)).Code).ToList();
        var repeated = codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "Repeated codes: " + string.Join(", ", repeated));
    }
}
