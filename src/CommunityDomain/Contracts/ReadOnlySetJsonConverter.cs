using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityDomain.Contracts;

/// <summary>
/// Writes an <see cref="IReadOnlySet{T}"/> as a sorted array (stable documents whatever the set's hash order)
/// and reads it back as a set. One closed instance per element type used in a contract.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ReadOnlySetJsonConverter<T> : JsonConverter<IReadOnlySet<T>>
{
    private readonly IComparer<T> _order;

    public ReadOnlySetJsonConverter(IComparer<T> order) => _order = order;

    public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var items = JsonSerializer.Deserialize(ref reader, ContractResolver.Info<List<T>>(options))
            ?? throw new JsonException("A set is null.");
        var set = new HashSet<T>(items);
        return set.Count == items.Count ? set : throw new JsonException("A set lists an element twice.");
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options)
    {
        Guard.Against.Null(value);
        var sorted = value.Order(_order).ToList();
        JsonSerializer.Serialize(writer, sorted, ContractResolver.Info<List<T>>(options));
    }
}
