using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace CommunityDomain.Tests.Contracts;

/// <summary>
/// A structural comparison written for the contract tests, independent of the serializer: public
/// properties recursively, lists in order, sets and dictionaries by content. It compares computed
/// properties too, so a value rebuilt from a document must recompute them identically.
/// </summary>
public static class DeepEquality
{
    /// <summary>Null when equal, else the path of the first difference and both values.</summary>
    /// <remarks>Values of type <paramref name="skip"/> count as equal (e.g. the actor a record keeps, when comparing the
    /// same command run by two actors).</remarks>
    public static string? Difference(object? expected, object? actual, string path = "$", int depth = 0, Type? skip = null)
    {
        if (depth > 40)
        {
            return $"{path}: too deep";
        }

        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
        }

        var type = expected.GetType();
        if (skip is not null && type == skip && actual.GetType() == skip)
        {
            return null;
        }

        var collection = expected is IEnumerable && actual is IEnumerable && expected is not string;
        if (!collection && type != actual.GetType())
        {
            return $"{path}: type {type.Name} vs {actual.GetType().Name}";
        }

        if (IsAtom(type))
        {
            return Equals(expected, actual) ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
        }

        if (expected is IDictionary ed && actual is IDictionary ad)
        {
            if (ed.Count != ad.Count)
            {
                return $"{path}: {ed.Count} entries vs {ad.Count}";
            }

            foreach (DictionaryEntry e in ed)
            {
                if (!ad.Contains(e.Key))
                {
                    return $"{path}[{e.Key}]: missing";
                }

                if (Difference(e.Value, ad[e.Key], $"{path}[{e.Key}]", depth + 1, skip) is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        if (expected is IEnumerable ee && actual is IEnumerable ae)
        {
            var left = ee.Cast<object?>().ToList();
            var right = ae.Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: {left.Count} items vs {right.Count}";
            }

            if (IsSet(type))
            {
                // Sets have no order: every element must have an equal partner.
                return left.All(l => right.Any(r => Difference(l, r, path, depth + 1, skip) is null)) ? null : $"{path}: sets differ";
            }

            for (var i = 0; i < left.Count; i++)
            {
                if (Difference(left[i], right[i], $"{path}[{i}]", depth + 1, skip) is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        // A stored document never carries a member marked [JsonIgnore] (e.g. Roster.LowerBound, which belongs to the
        // problem at planning time), so such members are not part of what a round trip must keep.
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .ToList();
        if (properties.Count == 0)
        {
            return Equals(expected, actual) ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
        }

        foreach (var p in properties)
        {
            if (Difference(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}", depth + 1, skip) is { } d)
            {
                return d;
            }
        }

        return null;
    }

    private static bool IsAtom(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type.Namespace == "NodaTime" || (type.IsGenericType && type.GetGenericTypeDefinition().FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal))
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CommunityDomain.Kernel.Id<>));

    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>) || i.GetGenericTypeDefinition() == typeof(ISet<>)));

    private static string Show(object? value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
