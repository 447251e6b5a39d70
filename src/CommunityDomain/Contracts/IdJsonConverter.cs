using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Contracts;

/// <summary>Writes an <see cref="Id{TEntity}"/> as its bare number; reading runs the id's own guard.</summary>
/// <typeparam name="TEntity">The entity type; one closed instance per entity type is listed in <see cref="CommunityJson"/>.</typeparam>
/// <remarks>A zero or negative number reaches <see cref="Id{TEntity}(int)"/>, whose guard rejects it.</remarks>
internal sealed class IdJsonConverter<TEntity> : JsonConverter<Id<TEntity>>
{
    public override Id<TEntity> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt32());

    public override void Write(Utf8JsonWriter writer, Id<TEntity> value, JsonSerializerOptions options)
    {
        Guard.Against.Null(writer);
        writer.WriteNumberValue(value.Value);
    }

    public override Id<TEntity> ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new Id<TEntity>(value)
            : throw new JsonException("An id key is not a positive number.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Id<TEntity> value, JsonSerializerOptions options)
    {
        Guard.Against.Null(writer);
        writer.WritePropertyName(value.Value.ToString(CultureInfo.InvariantCulture));
    }
}
