using System.Text.Json.Serialization;
using CommunityDomain.Kernel;
namespace CommunityDomain.Communities.Identity;

/// <summary>A person's full name, shown only masked.</summary>
/// <remarks>
/// <para>
/// <see cref="Value"/> is the trimmed full name: not blank (white space and invisible format characters such as
/// U+200B, U+200D and U+FEFF alone count as blank), at most <see cref="MaxLength"/> UTF-16
/// characters, no control characters. Two names are equal when their values are equal (ordinal).
/// </para>
/// <para>
/// Masking rule (<see cref="Masked"/>, also <see cref="ToString"/>), counted in user-perceived
/// characters: a name that contains any Han ideograph, kana or Hangul keeps its first character and
/// shows every other character as <c>*</c> (<c>张三</c> → <c>张*</c>, <c>欧阳娜娜</c> → <c>欧***</c>);
/// any other name keeps the first character of each word, keeps white space and hyphens, and shows every
/// other character as <c>*</c> (<c>John Smith</c> → <c>J*** S****</c>, <c>Jean-Luc</c> → <c>J***-L**</c>).
/// A name this would show whole is all stars instead, so no name is ever shown in clear: a one-character
/// name is <c>*</c>, initials only are <c>J R</c> → <c>***</c>. The mask has one character per character
/// of the name, so it shows the name's length.
/// </para>
/// <para><c>default(PersonName)</c> is "no name": <see cref="Value"/> and <see cref="Masked"/> are empty.</para>
/// </remarks>
public readonly record struct PersonName
{
    /// <summary>The longest accepted name, in UTF-16 characters.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    /// <summary>Creates a name.</summary>
    /// <param name="value">The full name; trimmed, then not blank, at most 64 characters, no control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank, too long or has control characters.</exception>
    [JsonConstructor]
    public PersonName(string value)
    {
        // Blank also rejects zero-width spaces, joiners and the BOM alone (format characters Trim leaves): they show nothing.
        var trimmed = Guard.Against.Blank(value, message: "A person's name must not be blank.").Trim();
        Guard.Against.StringTooLong(trimmed, MaxLength, nameof(value),
            $"A person's name must have at most {MaxLength} characters.");
        Guard.Against.InvalidInput(trimmed, nameof(value), static name => !name.Any(char.IsControl),
            "A person's name must not contain control characters.");
        _value = trimmed;
    }

    /// <summary>The full name in clear text, for storage and comparison only; display <see cref="Masked"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The masked name (see the masking rule in the remarks), e.g. <c>张*</c> or <c>J*** S****</c>.</summary>
    public string Masked => Masking.PersonName(Value);

    /// <summary>Creates a name.</summary>
    /// <param name="value">The full name; trimmed, then not blank, at most 64 characters, no control characters.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, blank, too long or has control characters.</exception>
    public static PersonName Of(string value) => new(value);

    /// <summary>The masked name, never the clear one.</summary>
    public override string ToString() => Masked;
}
