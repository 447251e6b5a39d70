using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.Passes;

/// <summary>The id of a signing key, carried in every pass code so a gate picks the right public key.</summary>
/// <remarks><c>default(PassKeyId)</c> is 0 and names no key.</remarks>
public readonly record struct PassKeyId : IComparable<PassKeyId>
{
    /// <summary>Creates a key id.</summary>
    /// <param name="value">1 to 65535.</param>
    /// <exception cref="ArgumentException">Out of range.</exception>
    [JsonConstructor]
    public PassKeyId(int value) => Value = Guard.Against.OutOfRange(value, nameof(value), 1, ushort.MaxValue, "A pass key id is 1 to 65535.");

    /// <summary>The id's value.</summary>
    public int Value { get; }

    /// <inheritdoc />
    public int CompareTo(PassKeyId other) => Value.CompareTo(other.Value);

    /// <summary>Orders key ids by value.</summary>
    public static bool operator <(PassKeyId left, PassKeyId right) => left.Value < right.Value;

    /// <summary>Orders key ids by value.</summary>
    public static bool operator >(PassKeyId left, PassKeyId right) => left.Value > right.Value;

    /// <summary>Orders key ids by value.</summary>
    public static bool operator <=(PassKeyId left, PassKeyId right) => left.Value <= right.Value;

    /// <summary>Orders key ids by value.</summary>
    public static bool operator >=(PassKeyId left, PassKeyId right) => left.Value >= right.Value;

    /// <summary>E.g. <c>key 3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"key {Value}");
}
