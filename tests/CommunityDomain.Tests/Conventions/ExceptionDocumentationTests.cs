using System.Reflection;
using System.Xml.Linq;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Every public command (a public instance method of an aggregate that returns a <c>OneOf</c> result) documents the
/// exceptions it throws with <c>&lt;exception&gt;</c> (or says "Throws no exception"), read from the generated XML documentation file
/// (<c>CommunityDomain.xml</c>, copied beside the test binaries). Business failures are in the result; the
/// <c>&lt;exception&gt;</c> tag says which contract violations throw. Applies to the aggregates in
/// <see cref="SourceTree.ConvertedFolders"/>; widen with that list.
/// </summary>
public sealed class ExceptionDocumentationTests
{
    private static readonly Lazy<Dictionary<string, XElement>> Docs = new(() =>
    {
        var path = Path.ChangeExtension(typeof(DomainError).Assembly.Location, ".xml");
        return XDocument.Load(path).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);
    });

    /// <summary>What a command that throws nothing says in its documentation instead of an <c>&lt;exception&gt;</c>.</summary>
    private const string ThrowsNothing = "Throws no exception";

    public static TheoryData<string> CommandIds() => [.. Commands().Select(DocId)];

    [Fact]
    public void Converted_folders_have_aggregates_with_commands()
    {
        var aggregates = Commands().Select(m => m.DeclaringType!.Name).Distinct().ToList();
        Assert.Contains("Community", aggregates);
        Assert.Contains("PassOffice", aggregates);
        Assert.Contains("PassGate", aggregates);
        Assert.Contains("StockLedger", aggregates);
        Assert.Contains("TestingSeries", aggregates);
        Assert.Contains("TestingRound", aggregates);
        Assert.True(Commands().Count() >= 30, $"only {Commands().Count()} commands found");
    }

    [Theory]
    [MemberData(nameof(CommandIds))]
    public void Every_public_command_documents_its_exceptions(string id)
    {
        Assert.True(Docs.Value.TryGetValue(id, out var member), $"{id} has no XML documentation (or the doc id is computed wrongly)");
        var exceptions = member.Elements("exception").ToList();
        var throwsNothing = member.Value.Contains(ThrowsNothing, StringComparison.Ordinal);
        Assert.True(exceptions.Count > 0 || throwsNothing, $"{id} documents no <exception> (nor says \"{ThrowsNothing}\")");
        Assert.All(exceptions, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{id}: an <exception> says nothing"));
    }

    [Fact]
    public void Doc_ids_match_the_compilers()
    {
        var create = typeof(CommunityDomain.Communities.Community).GetMethod(nameof(CommunityDomain.Communities.Community.Create))!;
        Assert.Equal("M:CommunityDomain.Communities.Community.Create(System.String,NodaTime.DateTimeZone,NodaTime.IClock)", DocId(create));
        Assert.True(Docs.Value.ContainsKey(DocId(create)));
    }

    private static IEnumerable<MethodInfo> Commands() =>
        typeof(DomainError).Assembly.GetTypes()
            .Where(t => t.IsPublic && typeof(AggregateRoot).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => SourceTree.ConvertedFolders.Any(f => t.Namespace!.StartsWith($"CommunityDomain.{f}", StringComparison.Ordinal))
                && !SourceTree.NotYetConverted.Any(p => p.EndsWith("/" + t.Name, StringComparison.Ordinal)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && IsResult(m.ReturnType))
            .OrderBy(DocId, StringComparer.Ordinal);

    private static bool IsResult(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Namespace == "OneOf" && t.Name.StartsWith("OneOf", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string DocId(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var arguments = parameters.Length == 0 ? string.Empty : $"({string.Join(",", parameters.Select(p => TypeName(p.ParameterType)))})";
        var generic = method.IsGenericMethodDefinition ? $"``{method.GetGenericArguments().Length}" : string.Empty;
        return $"M:{TypeName(method.DeclaringType!)}.{method.Name}{generic}{arguments}";
    }

    private static string TypeName(Type type)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericMethodParameter)
        {
            return $"``{type.GenericParameterPosition}";
        }

        if (type.IsGenericTypeParameter)
        {
            return $"`{type.GenericParameterPosition}";
        }

        var outer = type.IsNested ? TypeName(type.DeclaringType!) + "." : type.Namespace + ".";
        var name = type.Name;
        if (!type.IsGenericType)
        {
            return outer + name;
        }

        var plain = name.Contains('`', StringComparison.Ordinal) ? name[..name.IndexOf('`', StringComparison.Ordinal)] : name;
        return type.IsGenericTypeDefinition
            ? outer + name
            : $"{outer}{plain}{{{string.Join(",", type.GetGenericArguments().Select(TypeName))}}}";
    }
}
