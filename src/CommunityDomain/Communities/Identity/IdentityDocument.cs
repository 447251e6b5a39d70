using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.Communities.Identity;

/// <summary>An identity document: its kind and number, shown only masked.</summary>
/// <remarks>
/// <para>
/// A <see cref="IdentityDocumentKind.MainlandIdCard"/> number must be a valid <see cref="ChineseIdNumber"/>
/// and gives <see cref="IdNumber"/> and <see cref="BirthDate"/>. Any other kind takes 4-32 characters of
/// ASCII letters, digits and <c>-</c>; surrounding white space is trimmed and letters are upper-cased, and
/// <see cref="IdNumber"/> and <see cref="BirthDate"/> are null. Two documents are equal when kind and
/// normalised number are equal.
/// </para>
/// <para>
/// <see cref="Masked"/>: a mainland number as <see cref="ChineseIdNumber.Masked"/>; any other number keeps
/// its first character and last 2 characters with stars for the rest, at least 2 stars
/// (<c>E12345678</c> → <c>E******78</c>); a number of fewer than 8 characters keeps only its last 2
/// (<c>AB12</c> → <c>**12</c>). <see cref="ToString"/> is
/// <c>"&lt;Kind&gt; &lt;Masked&gt;"</c>. Exception messages never contain the number.
/// </para>
/// <para>
/// <c>default(IdentityDocument)</c> is "no document": <see cref="Kind"/> is 0, <see cref="Number"/>,
/// <see cref="Masked"/> and <see cref="ToString"/> are empty.
/// </para>
/// </remarks>
public readonly record struct IdentityDocument
{
    /// <summary>The shortest accepted number of a document other than a mainland ID card.</summary>
    public const int MinOtherLength = 4;

    /// <summary>The longest accepted number of a document other than a mainland ID card.</summary>
    public const int MaxOtherLength = 32;

    private readonly string? _number;
    private readonly ChineseIdNumber _idNumber;

    /// <summary>Creates a document of a kind with its number.</summary>
    /// <param name="kind">The kind of document; a defined value.</param>
    /// <param name="number">The document number, valid for <paramref name="kind"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="number"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is undefined, or <paramref name="number"/> is not valid for it.</exception>
    [JsonConstructor]
    public IdentityDocument(IdentityDocumentKind kind, string number)
    {
        Kind = Guard.Against.EnumOutOfRange(kind);
        Guard.Against.Null(number);
        if (kind == IdentityDocumentKind.MainlandIdCard)
        {
            // Re-thrown so the exception names this constructor's parameter, still without the number.
            _idNumber = ChineseIdNumber.Parse(number).Match(
                static id => id,
                static error => throw new ArgumentException(error.MessageIn(CultureInfo.InvariantCulture), nameof(number)));
            _number = _idNumber.Value;
        }
        else
        {
            var trimmed = number.Trim();
            Guard.Against.InvalidInput(trimmed, nameof(number), static n =>
                    n.Length is >= MinOtherLength and <= MaxOtherLength && n.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'),
                $"A document number must have {MinOtherLength}-{MaxOtherLength} characters of letters, digits and '-'.");
            _number = trimmed.ToUpperInvariant();
        }
    }

    /// <summary>The kind of document (0 only for <c>default</c>).</summary>
    public IdentityDocumentKind Kind { get; }

    /// <summary>The normalised number in clear text, for storage and comparison only; display <see cref="Masked"/>.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>The mainland ID number of a <see cref="IdentityDocumentKind.MainlandIdCard"/>, otherwise null.</summary>
    public ChineseIdNumber? IdNumber => Kind == IdentityDocumentKind.MainlandIdCard ? _idNumber : null;

    /// <summary>The birth date from a mainland ID number, otherwise null.</summary>
    public LocalDate? BirthDate => IdNumber?.BirthDate;

    /// <summary>The masked number (see the remarks), e.g. <c>110***********1234</c> or <c>E******78</c>.</summary>
    public string Masked => Kind == IdentityDocumentKind.MainlandIdCard
        ? _idNumber.Masked
        : Masking.KeepEnds(Number, head: Number.Length < 8 ? 0 : 1, tail: 2, minimumStars: 2);

    /// <summary>Creates a mainland ID card document.</summary>
    /// <param name="number">A valid 18-character mainland ID number.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is null or not a valid ID number.</exception>
    public static IdentityDocument MainlandId(string number) => new(IdentityDocumentKind.MainlandIdCard, number);

    /// <summary>Creates a document of a kind with its number.</summary>
    /// <param name="kind">The kind of document; a defined value.</param>
    /// <param name="number">The document number, valid for <paramref name="kind"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is undefined, or <paramref name="number"/> is null or not valid for it.</exception>
    public static IdentityDocument Of(IdentityDocumentKind kind, string number) => new(kind, number);

    /// <summary>The kind and the masked number, e.g. <c>Passport E******78</c>; empty for <c>default</c>.</summary>
    public override string ToString() => Kind == 0 ? string.Empty : $"{Kind} {Masked}";
}
