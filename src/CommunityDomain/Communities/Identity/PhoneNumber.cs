using System.Diagnostics;
using System.Text.Json.Serialization;

namespace CommunityDomain.Communities.Identity;

/// <summary>A phone number, shown only masked.</summary>
/// <remarks>
/// <para>
/// Normalising removes white space and <c>-</c>, then accepts either a mainland mobile number (11 digits
/// starting with <c>13</c>-<c>19</c>; written with a <c>+86</c> or <c>0086</c> prefix it is stored without
/// it, so both spellings are equal) or any other number of 5-15 ASCII digits with an optional leading
/// <c>+</c>. <see cref="Value"/> is the normalised text; two numbers are equal when their values are.
/// </para>
/// <para>
/// <see cref="Masked"/> (also <see cref="ToString"/>) keeps the first 3 and the last 4 characters and
/// shows a star for each other one (<c>138****5678</c>); a number of fewer than 11 characters keeps only its
/// last 2 (<c>62345678</c> → <c>******78</c>), so a short number never shows more than a quarter of itself. A leading <c>+</c> counts as a character. Exception messages
/// never contain the number.
/// </para>
/// <para><c>default(PhoneNumber)</c> is "no phone": <see cref="Value"/> and <see cref="Masked"/> are empty.</para>
/// </remarks>
public readonly record struct PhoneNumber
{
    /// <summary>The fewest digits of a number that is not a mainland mobile.</summary>
    public const int MinDigits = 5;

    /// <summary>The most digits of any number (the ITU E.164 limit).</summary>
    public const int MaxDigits = 15;

    private const int MainlandMobileLength = 11;

    private readonly string? _value;

    /// <summary>Creates a phone number.</summary>
    /// <param name="value">The number; white space and <c>-</c> are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a phone number; the message does not repeat it.</exception>
    [JsonConstructor]
    public PhoneNumber(string value)
    {
        Guard.Against.Null(value);
        _value = Guard.Against.InvalidInput(
            Normalise(value),
            nameof(value),
            static n => n is not null,
            $"A phone number must be a mainland mobile number or {MinDigits}-{MaxDigits} digits with an optional leading '+'.");
    }

    // Trusted path for text that Normalise has produced.
    private PhoneNumber(string normalised, bool validated)
    {
        Debug.Assert(validated && Normalise(normalised) == normalised, "only normalised numbers take this path");
        _value = normalised;
    }

    /// <summary>The normalised number in clear text, for storage, dialling and comparison only; display <see cref="Masked"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The masked number (see the remarks), e.g. <c>138****5678</c>.</summary>
    public string Masked => Value.Length < 11
        ? Masking.KeepEnds(Value, head: 0, tail: 2)
        : Masking.KeepEnds(Value, head: 3, tail: 4);

    /// <summary>True for a mainland mobile number: 11 digits starting with 13-19.</summary>
    public bool IsMainlandMobile => _value is not null && IsMainlandMobileNumber(_value);

    /// <summary>Reads a phone number without throwing.</summary>
    /// <param name="value">The text to read; may be null.</param>
    /// <param name="phone">The number when valid, otherwise <c>default</c>.</param>
    /// <returns>True when <paramref name="value"/> is a phone number.</returns>
    public static bool TryParse(string? value, out PhoneNumber phone)
    {
        if (value is not null && Normalise(value) is { } normalised)
        {
            phone = new PhoneNumber(normalised, validated: true);
            return true;
        }

        phone = default;
        return false;
    }

    /// <summary>Creates a phone number.</summary>
    /// <param name="value">The number; white space and <c>-</c> are ignored.</param>
    /// <returns>The phone number.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or not a phone number.</exception>
    public static PhoneNumber Of(string value) => new(value);

    /// <summary>The masked number, never the clear one.</summary>
    public override string ToString() => Masked;

    // Returns the normalised number, or null when the text is not a phone number.
    private static string? Normalise(string value)
    {
        Span<char> kept = stackalloc char[MaxDigits + 1];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }

            var plus = c == '+' && length == 0;
            if ((!plus && !char.IsAsciiDigit(c)) || length == kept.Length)
            {
                return null;
            }

            kept[length++] = c;
        }

        var text = kept[..length];
        var digits = text.StartsWith("+") ? text[1..] : text;
        if (digits.Length is < MinDigits or > MaxDigits)
        {
            return null;
        }

        // The country prefix of a mainland mobile is dropped so "+86 138..." equals "138...".
        if (text.StartsWith("+86") && IsMainlandMobileNumber(text[3..]))
        {
            return text[3..].ToString();
        }

        if (text.StartsWith("0086") && IsMainlandMobileNumber(text[4..]))
        {
            return text[4..].ToString();
        }

        return text.ToString();
    }

    private static bool IsMainlandMobileNumber(ReadOnlySpan<char> text) =>
        text.Length == MainlandMobileLength && text[0] == '1' && text[1] is >= '3' and <= '9'
        && !text.ContainsAnyExceptInRange('0', '9');
}
