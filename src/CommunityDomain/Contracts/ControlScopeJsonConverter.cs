using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityDomain.Communities.Control;

namespace CommunityDomain.Contracts;

/// <summary>Writes a <see cref="ControlScope"/> as <c>{"kind":"Building","targetId":7}</c> and reads it back through the scope's own check.</summary>
internal sealed class ControlScopeJsonConverter : JsonConverter<ControlScope>
{
    public override ControlScope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = JsonSerializer.Deserialize(ref reader, ContractResolver.Info<ScopeDocument>(options))
            ?? throw new JsonException("A control scope is null.");
        return ControlScope.FromStored(document.Kind, document.TargetId);
    }

    public override void Write(Utf8JsonWriter writer, ControlScope value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new ScopeDocument(value.Kind, value.TargetId), ContractResolver.Info<ScopeDocument>(options));

    /// <summary>The stored shape of a scope.</summary>
    internal sealed record ScopeDocument(ControlScopeKind Kind, int TargetId);
}
