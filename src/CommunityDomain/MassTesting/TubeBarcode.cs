using System.Text.Json.Serialization;
using CommunityDomain.Kernel;
namespace CommunityDomain.MassTesting;

/// <summary>A tube's barcode, unique within its series.</summary>
/// <remarks><c>default(TubeBarcode)</c> has an empty value and names no tube.</remarks>
public readonly record struct TubeBarcode
{
    private readonly string? _value;

    /// <summary>Creates a barcode.</summary>
    /// <param name="value">Letters, digits and '-', 1-32 characters.</param>
    [JsonConstructor]
    public TubeBarcode(string value)
    {
        Guard.Against.Blank(value);
        _value = Guard.Against.InvalidInput(value, nameof(value), static v => v.Length <= 32 && v.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'),
            "A barcode has 1-32 letters, digits or '-'.");
    }

    /// <summary>The barcode text.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc/>
    public override string ToString() => Value;
}
