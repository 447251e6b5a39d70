using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering.Coordination;

namespace CommunityDomain.Contracts;

/// <summary>
/// Resolver modifiers that shape the generated metadata: polymorphism for <see cref="IDomainEvent"/> and
/// <see cref="RosterChange"/> (configured here, so the kernel knows nothing of the wings), and the rule that
/// only data is stored.
/// </summary>
internal static class ContractResolver
{
    private static readonly System.Reflection.Assembly Library = typeof(IDomainEvent).Assembly;

    /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/>.</summary>
    internal static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <summary>Adds the discriminators of the two polymorphic families.</summary>
    internal static void AddPolymorphism(JsonTypeInfo info)
    {
        var family = info.Type == typeof(IDomainEvent) ? ContractCatalog.Events
            : info.Type == typeof(RosterChange) ? ContractCatalog.RosterChanges
            : null;
        if (family is null)
        {
            return;
        }

        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = System.Text.Json.Serialization.JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (type, kind) in family)
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, kind));
        }

        info.PolymorphismOptions = polymorphism;
    }

    /// <summary>
    /// Drops the library's computed properties: a property that no constructor parameter sets and that has
    /// no setter (<c>IsDefault</c>, <c>People</c>, <c>Gap</c>, <c>Message</c>, ...) is derived from the data, not data.
    /// </summary>
    internal static void OnlyData(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != Library)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.AssociatedParameter is null && property.Set is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
