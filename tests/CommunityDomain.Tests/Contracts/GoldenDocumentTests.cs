using System.Text.Json.Nodes;
using CommunityDomain.Contracts;
using CommunityDomain.Tests.Conventions;

namespace CommunityDomain.Tests.Contracts;

/// <summary>
/// Version-1 documents frozen in <c>Contracts/Golden</c> (one per document kind) still load: a change that
/// would break stored documents fails here. Add a golden document for every new contract; never edit one,
/// add an upgrade step in <see cref="CommunityJson"/> instead when the contract changes.
/// </summary>
public sealed class GoldenDocumentTests
{
    private const string Relative = "tests/CommunityDomain.Tests/Contracts/Golden";

    public static TheoryData<string> Kinds() => [.. ContractCatalog.KindOf.Values.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Golden_v1_document_of_every_kind_still_loads(string kind)
    {
        var path = Path.Combine(Folder, kind + ".json");
        Assert.True(File.Exists(path), $"No golden document for {kind}: write one with CommunityJson.Write and commit it as {Relative}/{kind}.json");
        var text = File.ReadAllText(path);
        Assert.Equal(1, JsonNode.Parse(text)!["version"]!.GetValue<int>());
        var type = ContractCatalog.KindOf.Single(x => x.Value == kind).Key;

        var value = Read(type, text);
        var again = Read(type, InvokeWrite(type, value));
        Assert.True(DeepEquality.Difference(value, again) is null, DeepEquality.Difference(value, again));
    }

    [Fact]
    public void Every_golden_document_is_a_known_kind()
    {
        var unknown = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension)
            .Where(k => !ContractCatalog.KindOf.Values.Contains(k!)).ToList();
        Assert.Empty(unknown);
    }

    private static object Read(Type type, string json)
    {
        var read = typeof(CommunityJson).GetMethod(nameof(CommunityJson.Read))!.MakeGenericMethod(type);
        var result = (OneOf.IOneOf)read.Invoke(null, [json])!;
        Assert.True(result.Index == 0, $"{type.Name}: {result.Value}");
        return result.Value;
    }

    private static string InvokeWrite(Type type, object value) =>
        (string)typeof(CommunityJson).GetMethod(nameof(CommunityJson.Write))!.MakeGenericMethod(type).Invoke(null, [value])!;

    private static string Folder => SourceTree.Folder(Relative);
}
