using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.Passes;

/// <summary>A pass's serial number, unique within its issuing office.</summary>
/// <remarks><c>default(PassSerial)</c> is 0 and names no pass.</remarks>
public readonly record struct PassSerial
{
    /// <summary>Creates a serial.</summary>
    /// <param name="value">The serial; positive.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not positive.</exception>
    [JsonConstructor]
    public PassSerial(int value) => Value = Guard.Against.NegativeOrZero(value);

    /// <summary>The serial's value.</summary>
    public int Value { get; }

    /// <summary>E.g. <c>P000042</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P{Value:D6}");
}
