using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityDomain.Rostering;

namespace CommunityDomain.Contracts;

/// <summary>Reads and writes a <see cref="RosterProblem"/> through <see cref="RosterProblemDocument"/> and <see cref="RosterProblem.Create"/>.</summary>
internal sealed class RosterProblemJsonConverter : JsonConverter<RosterProblem>
{
    public override RosterProblem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var d = JsonSerializer.Deserialize(ref reader, ContractResolver.Info<RosterProblemDocument>(options))
            ?? throw new JsonException("A roster problem is null.");
        return RosterProblem.Create(d.Horizon, d.Shifts, d.Demands, d.Workers, d.DefaultRules, d.RulesByKind, d.Wishes, d.Pins, d.Weights, zone: d.Zone);
    }

    public override void Write(Utf8JsonWriter writer, RosterProblem value, JsonSerializerOptions options)
    {
        Guard.Against.Null(value);
        var d = new RosterProblemDocument(
            value.Horizon, value.Shifts, value.Demands, value.Workers, value.DefaultRules, value.RulesByKind, value.Wishes, value.Pins, value.Weights, value.Zone);
        JsonSerializer.Serialize(writer, d, ContractResolver.Info<RosterProblemDocument>(options));
    }
}
