using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using OneOf;

namespace CommunityDomain.Tests.Contracts;

/// <summary>Every planner input and output and every domain event is a registered contract that round-trips.</summary>
public sealed class ContractCatalogTests
{
    private static readonly Type[] NotContracts =
    [
        typeof(CancellationToken), typeof(string), typeof(Duration), typeof(Instant), typeof(LocalDate), typeof(LocalDateTime), typeof(LocalTime),
    ];

    public static TheoryData<string> EventTypeNames() => [.. ContractSamples.EventTypes.Select(t => t.FullName!)];

    public static TheoryData<string> ContractTypeNames() => [.. ContractCatalog.Types.Select(Name)];

    [Fact]
    public void Planner_entry_points_take_and_return_only_contracts()
    {
        var entryPoints = ContractSamples.PlannerEntryPoints();
        Assert.True(entryPoints.Length >= 12, $"only {entryPoints.Length} entry points found");
        var missing = entryPoints
            .SelectMany(m => m.GetParameters().Select(p => (Where: $"{m.DeclaringType!.Name}.{m.Name}({p.Name})", ParameterType: p.ParameterType))
                .Append((Where: $"{m.DeclaringType!.Name}.{m.Name} returns", ParameterType: m.ReturnType)))
            .SelectMany(x => Unwrap(x.ParameterType).Select(t => (Where: x.Where, Type: t)))
            .Where(x => !IsCovered(x.Type))
            .Select(x => $"{x.Where}: {Name(x.Type)}")
            .ToList();
        Assert.True(missing.Count == 0, "Not a registered contract:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(EventTypeNames))]
    public void Every_domain_event_is_a_registered_contract(string typeName)
    {
        var type = ContractSamples.EventTypes.Single(t => t.FullName == typeName);
        Assert.True(ContractCatalog.KindOf.ContainsKey(type), $"{type.Name} has no document kind");
        Assert.Contains(ContractCatalog.Events, e => e.Type == type);
    }

    [Theory]
    [MemberData(nameof(ContractTypeNames))]
    public void Every_contract_round_trips_its_sample(string typeName)
    {
        var type = ContractCatalog.Types.Single(t => Name(t) == typeName);
        Assert.True(ContractSamples.ByType.TryGetValue(type, out var sample), $"no sample for {typeName}");
        var back = ContractSamples.RoundTrip(type, sample, out var json);
        Assert.True(DeepEquality.Difference(sample, back) is null, DeepEquality.Difference(sample, back) + "\n" + json);
    }

    [Fact]
    public void Kinds_and_discriminators_are_unique()
    {
        var kinds = ContractCatalog.KindOf.Values.ToList();
        Assert.Equal(kinds.Count, kinds.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Write_of_an_event_as_IDomainEvent_carries_its_discriminator()
    {
        foreach (var (type, kind) in ContractCatalog.Events)
        {
            var json = CommunityJson.Write((IDomainEvent)ContractSamples.ByType[type]);
            Assert.Contains($"\"$type\":\"{kind}\"", json, StringComparison.Ordinal);
            Assert.StartsWith($"{{\"schema\":\"event\",\"version\":{CommunityJson.SchemaVersion},\"data\":", json, StringComparison.Ordinal);
        }
    }

    private static bool IsCovered(Type type) =>
        ContractCatalog.KindOf.ContainsKey(type)
        || NotContracts.Contains(type) || type.IsPrimitive || type.IsEnum
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(Id<>) || g == typeof(IProgress<>)))
        || (ElementOf(type) is { } e && (ContractCatalog.KindOf.ContainsKey(typeof(IReadOnlyList<>).MakeGenericType(e)) || e.IsPrimitive || NotContracts.Contains(e)));

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Unwrap(inner);
        }

        return typeof(IOneOf).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap) : [type];
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static string Name(Type t) => t.IsGenericType ? $"{t.Name.Split('`')[0]}<{string.Join(",", t.GetGenericArguments().Select(Name))}>" : t.Name;
}
