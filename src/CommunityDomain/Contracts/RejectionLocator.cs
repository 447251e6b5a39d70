using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CommunityDomain.Contracts;

/// <summary>
/// Finds where in a document a domain guard threw. The guards throw <see cref="ArgumentException"/>
/// without a JSON path, so on that (rare) path the document is walked with the contract metadata: the
/// deepest member that fails on its own is the one the domain rejected.
/// </summary>
internal static class RejectionLocator
{
    /// <summary>The JSON path of the deepest member of <paramref name="node"/> that fails with an <see cref="ArgumentException"/> on its own.</summary>
    internal static string Find(JsonNode node, Type type, string path, JsonSerializerOptions options, int depth = 0)
    {
        if (depth > 32)
        {
            return path;
        }

        var info = options.GetTypeInfo(type == typeof(Rostering.RosterProblem) ? typeof(RosterProblemDocument) : type);
        if (info.PolymorphismOptions is { } polymorphism && node is JsonObject tagged
            && tagged.TryGetPropertyValue(polymorphism.TypeDiscriminatorPropertyName, out var tag) && tag is JsonValue v && v.TryGetValue(out string? discriminator))
        {
            var derived = polymorphism.DerivedTypes.FirstOrDefault(d => Equals(d.TypeDiscriminator, discriminator)).DerivedType;
            if (derived is null)
            {
                return path;
            }

            var untagged = (JsonObject)tagged.DeepClone();
            untagged.Remove(polymorphism.TypeDiscriminatorPropertyName);
            return Find(untagged, derived, path, options, depth + 1);
        }

        if (info.Kind == JsonTypeInfoKind.Object && node is JsonObject obj)
        {
            foreach (var property in info.Properties)
            {
                if (obj.TryGetPropertyValue(property.Name, out var child) && child is not null && Rejects(child, property.PropertyType, options))
                {
                    return Find(child, property.PropertyType, path + "." + property.Name, options, depth + 1);
                }
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element && node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child && Rejects(child, element, options))
                {
                    return Find(child, element, $"{path}[{i}]", options, depth + 1);
                }
            }
        }

        return path;
    }

    private static bool Rejects(JsonNode node, Type type, JsonSerializerOptions options)
    {
        try
        {
            node.Deserialize(options.GetTypeInfo(type));
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
#pragma warning disable CA1031 // Any other failure is not the domain's rejection: keep looking elsewhere.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
