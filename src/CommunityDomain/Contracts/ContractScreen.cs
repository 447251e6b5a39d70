using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CommunityDomain.Contracts;

/// <summary>
/// Screens a document's <c>data</c> against the contract metadata before it is deserialized, for what the
/// serializer would accept but the contract never writes: a <c>null</c> inside a list or a dictionary (the
/// contracts hold no nullable items), an enum given as a number or as a name the enum does not define, and
/// a string that is not valid UTF-16 (a lone surrogate, escaped or raw).
/// </summary>
/// <remarks>
/// Without it a list could come back holding <c>null</c> (and <c>Restore</c> then fail with a
/// <see cref="NullReferenceException"/>), and an enum value nobody defined could be read but not written
/// back the same way. Members the metadata does not describe (ids, times, actors: custom converters)
/// are left to their converters.
/// </remarks>
internal static class ContractScreen
{
    /// <summary>The first problem in <paramref name="node"/> read as <paramref name="type"/>, or null when there is none.</summary>
    internal static ContractError? Find(JsonNode? node, Type type, string path, JsonSerializerOptions options, int depth = 0)
    {
        // The parser already refuses documents nested deeper than this; the guard keeps recursion bounded anyway.
        if (node is null || depth > 128)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            return Value(value, Nullable.GetUnderlyingType(type) ?? type, path);
        }

        var info = options.GetTypeInfo(type == typeof(Rostering.RosterProblem) ? typeof(RosterProblemDocument) : type);
        if (info.PolymorphismOptions is { } polymorphism && node is JsonObject tagged)
        {
            // An unknown or missing discriminator is the serializer's to report.
            var derived = tagged.TryGetPropertyValue(polymorphism.TypeDiscriminatorPropertyName, out var tag) && tag is JsonValue v && v.TryGetValue(out string? discriminator)
                ? polymorphism.DerivedTypes.FirstOrDefault(d => Equals(d.TypeDiscriminator, discriminator)).DerivedType
                : null;
            return derived is null ? null : Find(node, derived, path, options, depth + 1);
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object when node is JsonObject obj => Properties(obj, info, path, options, depth),
            JsonTypeInfoKind.Enumerable when info.ElementType is { } element && node is JsonArray array => Items(array, element, path, options, depth),
            JsonTypeInfoKind.Dictionary when info.ElementType is { } element && node is JsonObject map => Entries(map, info, element, path, options, depth),
            _ => null,
        };
    }

    // One phase per shape the metadata describes: an object's declared properties, a list's items, a dictionary's
    // keys and values. Each returns the first problem in document order, as the single recursive method did.
    private static ContractError? Properties(JsonObject obj, JsonTypeInfo info, string path, JsonSerializerOptions options, int depth)
    {
        foreach (var property in info.Properties)
        {
            if (obj.TryGetPropertyValue(property.Name, out var child)
                && Find(child, property.PropertyType, path + "." + property.Name, options, depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static ContractError? Items(JsonArray array, Type element, string path, JsonSerializerOptions options, int depth)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (array[i] is null && Nullable.GetUnderlyingType(element) is null)
            {
                return new ContractError(ContractProblem.InvalidValue, at, "null");
            }

            if (Find(array[i], element, at, options, depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static ContractError? Entries(JsonObject map, JsonTypeInfo info, Type element, string path, JsonSerializerOptions options, int depth)
    {
        foreach (var (key, child) in map)
        {
            var at = path + "." + key;
            if (Value(JsonValue.Create(key), Nullable.GetUnderlyingType(info.KeyType!) ?? info.KeyType!, path) is { } badKey)
            {
                return badKey;
            }

            if (child is null && Nullable.GetUnderlyingType(element) is null)
            {
                return new ContractError(ContractProblem.InvalidValue, at, "null");
            }

            if (Find(child, element, at, options, depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static ContractError? Value(JsonValue value, Type type, string path)
    {
        string? text = null;
        if (value.GetValueKind() == JsonValueKind.String && !TryText(value, out text))
        {
            return new ContractError(ContractProblem.InvalidValue, path, "not UTF-16 text");
        }

        if (!type.IsEnum)
        {
            return null;
        }

        // Enums are written as their names; a number, or a name (or combination of names) the enum does not
        // define, would read into a value that does not write back the same way.
        if (value.GetValueKind() != JsonValueKind.String || text is null)
        {
            return new ContractError(ContractProblem.InvalidValue, path, "an enum name was expected");
        }

        var names = Enum.GetNames(type);
        var flags = type.IsDefined(typeof(FlagsAttribute), inherit: false);
        var parts = flags ? text.Split(',', StringSplitOptions.TrimEntries) : [text];
        return parts.All(p => names.Contains(p, StringComparer.OrdinalIgnoreCase))
            ? null
            : new ContractError(ContractProblem.InvalidValue, path, "an enum name was expected");
    }

    /// <summary>The string, when it is well-formed UTF-16 (no lone surrogate).</summary>
    private static bool TryText(JsonValue value, out string? text)
    {
        text = null;
        try
        {
            if (!value.TryGetValue(out text))
            {
                return false;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
