using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Contracts;

/// <summary>Writes an <see cref="Actor"/> as its account name; <c>"system"</c> reads back as <see cref="Actor.System"/>.</summary>
/// <remarks>
/// Only the account is stored (the v1 contract): a role and area authorise a command when it runs and are the
/// host's to look up by account afterwards, so a stored event's actor reads back as an office account.
/// </remarks>
internal sealed class ActorJsonConverter : JsonConverter<Actor>
{
    public override Actor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var account = reader.GetString();
        return account == Actor.System.Account ? Actor.System : new Actor(account!);
    }

    public override void Write(Utf8JsonWriter writer, Actor value, JsonSerializerOptions options)
    {
        Guard.Against.Null(writer);
        writer.WriteStringValue(value.Account);
    }
}
