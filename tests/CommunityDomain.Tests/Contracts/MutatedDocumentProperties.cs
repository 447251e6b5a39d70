using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CommunityDomain.Communities;
using CommunityDomain.Communities.State;
using CommunityDomain.Contracts;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Passes;
using CommunityDomain.Passes.State;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Supplies.Ledger.State;
using CommunityDomain.Tests.Conventions;
using FsCheck.Xunit;
using NodaTime.Testing;
using OneOf;

namespace CommunityDomain.Tests.Contracts;

/// <summary>
/// "A bad document never half-loads", over documents of every contract kind: each golden v1 document is mutated
/// (bytes and tokens, nulls in lists, out-of-range numbers, enum numbers, lone surrogates, deep nesting) and fed to
/// <see cref="CommunityJson.Read{T}"/>. It never throws; what it returns writes back and reads back unchanged; and a
/// stored aggregate state it returns either restores or is refused with the documented <see cref="ArgumentException"/>.
/// </summary>
public sealed class MutatedDocumentProperties
{
    private const string Relative = "tests/CommunityDomain.Tests/Contracts/Golden";

    private static readonly PassSigningKeys Keys = PassSigningKeys.Generate(new PassKeyId(2));

    private static readonly Lazy<IReadOnlyList<(string Kind, Type Type, string Text)>> Goldens = new(() =>
        [.. ContractCatalog.KindOf.OrderBy(k => k.Value, StringComparer.Ordinal)
            .Select(k => (k.Value, k.Key, File.ReadAllText(Path.Combine(Folder, k.Value + ".json"))))]);

    /// <summary>Values a token may be replaced with: what the contracts never write, and the edges of the numbers.</summary>
    private static readonly string[] Tokens =
    [
        "null", "0", "-1", "1", "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1e400", "1.5", "1e-400",
        "\"\"", "\" \"", "\"\\uDFFF\"", "\"\\uD800x\"", "\"\uDFFF\"", "\"a\\u0000b\"", "true", "[]", "{}", "[null]", "{\"x\":null}",
        "\"9999-12-31T23:59:59Z\"", "\"-9998-01-01T00:00:00Z\"", "\"P1D\"", "\"1:00:00\"", "\"99999999:00:00:00\"", "\"Asia/Nowhere\"",
        "\"2022-02-30\"", "\"2022-08-18T25:00:00Z\"", "\"None\"", "\"none\"", "\"Gate, Checkpoint\"", "\"1\"",
    ];

    public static TheoryData<string> Kinds() => [.. ContractCatalog.KindOf.Values.Order(StringComparer.Ordinal)];

    [Property(MaxTest = 1500)]
    public void A_mutated_document_of_any_kind_reads_to_a_value_that_round_trips_or_to_an_error(NonNegativeInt kind, int seed, PositiveInt mutations)
    {
        var (name, type, text) = Goldens.Value[kind.Get % Goldens.Value.Count];
        var random = new Random(seed);
        var mutated = text;
        for (var i = 0; i < 1 + (mutations.Get % 3); i++)
        {
            mutated = Mutate(mutated, random);
        }

        Check(name, type, mutated);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_refuses_null_items_enum_numbers_and_lone_surrogates_wherever_they_go(string kind)
    {
        var (_, type, text) = Goldens.Value.Single(g => g.Kind == kind);
        var root = JsonNode.Parse(text)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        // Every value of a small document; an even sample of sixty in a large one (each check re-reads the whole text).
        var step = Math.Max(1, nodes.Count / 60);
        foreach (var (node, i) in nodes.Select((n, i) => (n, i)).Where(x => x.i % step == 0))
        {
            foreach (var token in new[] { "[null]", "0", "\"\\uDFFF\"", "\"\uD800\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" })
            {
                Check(kind, type, Replace(text, i, token));
            }

            if (node is JsonArray)
            {
                Check(kind, type, Replace(text, i, "[null]"));
            }
        }
    }

    [Theory]
    [InlineData("{\"schema\":\"events\",\"version\":1,\"data\":[{\"\\uD800\":1}]}")]
    [InlineData("{\"\\uDC00\":1,\"schema\":\"events\",\"version\":1,\"data\":[]}")]
    [InlineData("{\"schema\":\"events\",\"version\":1,\"data\":[],\"\\uD800\":1}")]
    public void An_escaped_lone_surrogate_in_a_member_name_is_malformed_not_an_exception(string document) =>
        Assert.Equal(ContractProblem.Malformed, CommunityJson.Read<IReadOnlyList<CommunityDomain.Kernel.IDomainEvent>>(document).AsT1.Problem);

    [Fact]
    public void The_cases_of_issue_13_are_errors_not_exceptions()
    {
        Assert.Equal(ContractProblem.Malformed, CommunityJson.Read<CommunityState>("{\"schema\":\"\\uDFFF\",\"version\":1}").AsT1.Problem);
        Assert.Equal(ContractProblem.Malformed, CommunityJson.Read<CommunityState>("{\"schema\":\"community.state\",\"version\":1,\"data\":{\"name\":\"\uDFFF\"}}").AsT1.Problem);
        var events = CommunityJson.Read<IReadOnlyList<CommunityDomain.Kernel.IDomainEvent>>("{\"schema\":\"events\",\"version\":1,\"data\":[null]}").AsT1;
        Assert.Equal((ContractProblem.InvalidValue, "$.data[0]"), (events.Problem, events.Path));

        var community = JsonNode.Parse(Goldens.Value.Single(g => g.Kind == "community.state").Text)!;
        var residents = community["data"]!["residents"]!.AsArray();
        residents.Add(null);
        var nullResident = CommunityJson.Read<CommunityState>(community.ToJsonString()).AsT1;
        Assert.Equal((ContractProblem.InvalidValue, $"$.data.residents[{residents.Count - 1}]"), (nullResident.Problem, nullResident.Path));

        var post = JsonNode.Parse(Goldens.Value.Single(g => g.Kind == "community.post-added").Text)!;
        post["data"]!["kind"] = 0;
        Assert.Equal((ContractProblem.InvalidValue, "$.data.kind"), (CommunityJson.Read<CommunityDomain.Communities.Events.PostAdded>(post.ToJsonString()).AsT1.Problem, CommunityJson.Read<CommunityDomain.Communities.Events.PostAdded>(post.ToJsonString()).AsT1.Path));
        post["data"]!["kind"] = "NoSuchKind";
        Assert.Equal(ContractProblem.InvalidValue, CommunityJson.Read<CommunityDomain.Communities.Events.PostAdded>(post.ToJsonString()).AsT1.Problem);
    }

    /// <summary>Read never throws; a value writes back and reads back unchanged; a state restores or throws ArgumentException.</summary>
    private static void Check(string kind, Type type, string document)
    {
        var read = Read(type, document);
        if (read.Index != 0)
        {
            Assert.IsType<ContractError>(read.Value);
            return;
        }

        var value = read.Value;
        var written = Write(type, value);
        var again = Read(type, written);
        Assert.True(again.Index == 0, $"{kind}: read {document}\nwrote {written}\nwhich reads as {again.Value}");
        Assert.True(DeepEquality.Difference(value, again.Value) is null, $"{kind}: {DeepEquality.Difference(value, again.Value)}\nfrom {document}");
        Assert.Equal(written, Write(type, again.Value));

        try
        {
            _ = Restore(value);
        }
        catch (ArgumentException e)
        {
            // The documented exception names the state, or (testing snapshots) the path of the member at fault in it.
            Assert.True(e.ParamName is { } p && (p == "state" || p.StartsWith("state.", StringComparison.Ordinal)), $"{kind}: {e.ParamName}");
        }
    }

    private static object? Restore(object value) => value switch
    {
        CommunityState s => Community.Restore(s, new FakeClock(Instant.FromUtc(2022, 8, 18, 0, 0))),
        StockLedgerState s => StockLedger.Restore(s, new FakeClock(Instant.FromUtc(2022, 8, 18, 0, 0))),
        PassOfficeState s => PassOffice.Restore(s, Keys, new FakeClock(Instant.FromUtc(2022, 8, 18, 0, 0))),
        PassGateState s => PassGate.Restore(s, Keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays),
        TestingSeriesState s => TestingSeries.Restore(s, new FakeClock(Instant.FromUtc(2022, 8, 18, 0, 0))),
        MustTestListState s => MustTestList.Restore(s),
        _ => null,
    };

    /// <summary>One mutation of the document's text: a token replaced, a null pushed into a list, or a byte-level edit.</summary>
    private static string Mutate(string text, Random random)
    {
        // Once the text is no longer JSON, only byte-level edits apply.
        switch (Parses(text) ? random.Next(6) : 4)
        {
            case 0:
            case 1:
            case 2:
                {
                    var nodes = new List<JsonNode>();
                    Collect(JsonNode.Parse(text), nodes);
                    return nodes.Count == 0 ? text : Replace(text, random.Next(nodes.Count), Tokens[random.Next(Tokens.Length)]);
                }

            case 3:
                {
                    // Deep nesting around a random value (deeper than the reader's limit, or just under it).
                    var nodes = new List<JsonNode>();
                    Collect(JsonNode.Parse(text), nodes);
                    var depth = random.Next(2) == 0 ? 70 : random.Next(1, 40);
                    return nodes.Count == 0 ? text : Replace(text, random.Next(nodes.Count), new string('[', depth) + "1" + new string(']', depth));
                }

            case 4:
                {
                    // A byte-level edit: delete, duplicate or insert a character, raw surrogates included.
                    var builder = new StringBuilder(text);
                    var at = random.Next(builder.Length);
                    char[] inserts = ['"', '{', '}', '[', ']', ',', ':', '\\', '0', '-', 'e', '\uDFFF', '\uD800', '\u0000', ' '];
                    switch (random.Next(3))
                    {
                        case 0:
                            builder.Remove(at, 1);
                            break;
                        case 1:
                            builder.Insert(at, builder[at]);
                            break;
                        default:
                            builder.Insert(at, inserts[random.Next(inserts.Length)]);
                            break;
                    }

                    return builder.ToString();
                }

            default:
                {
                    // A null (or a copy of a sibling) pushed into a random list.
                    var root = JsonNode.Parse(text)!;
                    var arrays = new List<JsonNode>();
                    Collect(root, arrays);
                    var lists = arrays.OfType<JsonArray>().ToList();
                    if (lists.Count == 0)
                    {
                        return text;
                    }

                    var list = lists[random.Next(lists.Count)];
                    // The sibling may itself be a null an earlier mutation pushed in: copy it as null.
                    list.Insert(random.Next(list.Count + 1), random.Next(2) == 0 || list.Count == 0 ? null : list[random.Next(list.Count)]?.DeepClone());
                    return root.ToJsonString();
                }
        }
    }

    private static bool Parses(string text)
    {
        try
        {
            // Nodes parse lazily: writing the whole tree out reads every string and member name.
            _ = JsonNode.Parse(text)?.ToJsonString();
            return true;
        }
#pragma warning disable CA1031 // Any failure means "not JSON" here.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The document with its <paramref name="index"/>-th value (in document order) replaced by raw JSON text.</summary>
    private static string Replace(string text, int index, string raw)
    {
        const string Marker = "\"@@MUTATION@@\"";
        var root = JsonNode.Parse(text)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[index];
        switch (target.Parent)
        {
            case JsonObject obj:
                obj[target.GetPropertyName()] = "@@MUTATION@@";
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = "@@MUTATION@@";
                break;
            default:
                return raw;
        }

        return root.ToJsonString().Replace(Marker, raw, StringComparison.Ordinal);
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, into);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, into);
                }

                break;
        }
    }

    private static IOneOf Read(Type type, string json) =>
        (IOneOf)typeof(CommunityJson).GetMethod(nameof(CommunityJson.Read))!.MakeGenericMethod(type).Invoke(null, [json])!;

    private static string Write(Type type, object value)
    {
        try
        {
            return (string)typeof(CommunityJson).GetMethod(nameof(CommunityJson.Write))!.MakeGenericMethod(type).Invoke(null, [value])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static string Folder => SourceTree.Folder(Relative);
}
