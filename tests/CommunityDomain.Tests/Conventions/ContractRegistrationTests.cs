using System.Text.RegularExpressions;
using CommunityDomain.Contracts;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// <see cref="ContractCatalog"/> is the one registration list (type, document kind, discriminator). The
/// <c>[JsonSerializable]</c> attributes on <see cref="CommunityJsonContext"/> cannot be derived from it: the System.Text.Json
/// source generator reads only attribute syntax at compile time, and source generators do not see each other's output, so
/// attributes written by a generator of ours would not reach it. Nor can the attributes be the list: the attribute type is
/// sealed and carries no document kind (CONTRIBUTING, "JSON contracts"). So the attributes mirror the catalog, and these
/// tests fail the build the moment the two lists differ, naming the missing line.
/// </summary>
public sealed partial class ContractRegistrationTests
{
    /// <summary>Types the context serializes for its converters, not contracts of their own (no document kind).</summary>
    private static readonly string[] ConverterHelpers = ["ControlScopeJsonConverter.ScopeDocument", "RosterProblemDocument", "List<string>", "List<LocalDate>"];

    [Fact]
    public void Every_catalog_contract_has_a_JsonSerializable_attribute_and_nothing_else_has_one()
    {
        var attributes = AttributeTypeNames();
        var catalog = ContractCatalog.Types.Select(CSharpName).ToHashSet(StringComparer.Ordinal);

        var notOnContext = catalog.Where(n => !attributes.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var notInCatalog = attributes.Where(n => !catalog.Contains(n) && !ConverterHelpers.Contains(n)).Order(StringComparer.Ordinal).ToList();

        Assert.True(notOnContext.Count == 0, "Add to CommunityJsonContext: " + string.Join(", ", notOnContext.Select(n => $"[JsonSerializable(typeof({n}))]")));
        Assert.True(notInCatalog.Count == 0, "Add to ContractCatalog (with a kind) or to ConverterHelpers: " + string.Join(", ", notInCatalog));
        Assert.Equal(attributes.Count, attributes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_attribute_the_source_generator_reads_is_sealed_and_holds_only_the_type()
    {
        // Why the catalog cannot live in the attributes (CONTRIBUTING): no subclass could add a kind, and the attribute's
        // public surface has no place for one.
        var attribute = typeof(System.Text.Json.Serialization.JsonSerializableAttribute);
        Assert.True(attribute.IsSealed);
        Assert.Equal(["GenerationMode", "TypeId", "TypeInfoPropertyName"], attribute.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_catalog_contract_has_generated_metadata()
    {
        var missing = ContractCatalog.Types.Where(t => CommunityJsonContext.Default.GetTypeInfo(t) is null).Select(CSharpName).ToList();
        Assert.True(missing.Count == 0, "No source-generated metadata for: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_attribute_reader_sees_every_line_of_the_context()
    {
        var text = File.ReadAllText(ContextPath());
        Assert.Equal(JsonSerializableLine().Count(text), AttributeTypeNames().Count);
        Assert.Contains("IReadOnlyList<IDomainEvent>", AttributeTypeNames());
        Assert.Equal("IReadOnlyList<IDomainEvent>", CSharpName(typeof(IReadOnlyList<CommunityDomain.Kernel.IDomainEvent>)));
    }

    private static List<string> AttributeTypeNames() =>
        [.. JsonSerializableType().Matches(File.ReadAllText(ContextPath())).Select(m => Regex.Replace(m.Groups[1].Value, @"\s+", string.Empty))];

    private static string ContextPath() => Path.Combine(SourceTree.Root, "src", "CommunityDomain", "Contracts", "CommunityJsonContext.cs");

    private static string CSharpName(Type type)
    {
        var name = type.IsNested ? $"{CSharpName(type.DeclaringType!)}.{type.Name}" : type.Name;
        if (type == typeof(string))
        {
            return "string";
        }

        if (!type.IsGenericType)
        {
            return name;
        }

        return $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(CSharpName))}>";
    }

    [GeneratedRegex(@"\[JsonSerializable\(typeof\(([^()]+)\)\)\]")]
    private static partial Regex JsonSerializableType();

    [GeneratedRegex(@"\[JsonSerializable\(")]
    private static partial Regex JsonSerializableLine();
}
