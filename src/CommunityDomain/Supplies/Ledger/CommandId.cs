using System.Text.Json.Serialization;
using CommunityDomain.Kernel;
namespace CommunityDomain.Supplies.Ledger;

/// <summary>The caller-chosen id of a stock command, which makes the command idempotent.</summary>
/// <remarks>
/// Replaying a command with the same id and the same payload changes nothing; the same id with a
/// different payload is rejected. <c>default(CommandId)</c> is empty and rejected by every command.
/// </remarks>
public readonly record struct CommandId
{
    /// <summary>Creates a command id.</summary>
    /// <param name="value">The id text, e.g. <c>"rcv-2022-08-18-001"</c>; not blank.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank.</exception>
    [JsonConstructor]
    public CommandId(string value) => Value = Guard.Against.Blank(value).Trim();

    /// <summary>The id text (empty only for <c>default</c>).</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>True for <c>default(CommandId)</c>.</summary>
    public bool IsDefault => Value.Length == 0;

    /// <summary>Creates a command id.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    public static CommandId Of(string value) => new(value);

    /// <summary>The id text.</summary>
    public override string ToString() => Value;
}
