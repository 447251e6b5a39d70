using System.Diagnostics;
using System.Globalization;
using OneOf;

namespace CommunityDomain.Communities.Identity;

/// <summary>
/// An 18-character mainland resident ID number (GB 11643-1999), shown only masked.
/// </summary>
/// <remarks>
/// <para>
/// Layout: a 6-digit region code, the birth date as 8 digits <c>yyyyMMdd</c> (a real ISO calendar date
/// from 1900-01-01 on; a future date is not rejected here because this type has no clock), a 3-digit
/// sequence number (odd for men, even for women) and a check character: the ISO 7064 MOD 11-2 sum of the
/// first 17 digits with weights 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, taken modulo 11,
/// indexes <c>"10X98765432"</c>. Every weight is non-zero modulo the prime 11, so any single changed
/// digit changes the check character.
/// </para>
/// <para>
/// Surrounding white space is trimmed and a lower-case <c>x</c> check character becomes <c>X</c>; the
/// region code is only checked to be digits. <see cref="Masked"/> (also <see cref="ToString"/>) keeps the
/// first 3 and the last 4 characters with 11 stars between (<c>110***********1234</c>). Error and
/// exception messages never contain the number.
/// </para>
/// <para>
/// <c>default(ChineseIdNumber)</c> is "no number": <see cref="Value"/>, <see cref="RegionCode"/> and
/// <see cref="Masked"/> are empty, <see cref="Sex"/> is <see cref="Sex.Unknown"/> and
/// <see cref="BirthDate"/> is <c>default(LocalDate)</c>.
/// </para>
/// </remarks>
public readonly record struct ChineseIdNumber
{
    /// <summary>The number of characters of an ID number.</summary>
    public const int Length = 18;

    private const string CheckCharacters = "10X98765432";
    private const int FirstBirthYear = 1900;

    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    /// <summary>Creates an ID number, validating length, characters, birth date and check character.</summary>
    /// <param name="value">The 18-character number; surrounding white space is ignored, <c>x</c> is accepted for <c>X</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid number; the message says why without repeating it.</exception>
    public ChineseIdNumber(string value)
    {
        Guard.Against.Null(value);
        if (Validate(value, out var normalized) is { } reason)
        {
            throw new ArgumentException(new InvalidIdNumber(reason).MessageIn(CultureInfo.InvariantCulture), nameof(value));
        }

        _value = normalized;
    }

    // Trusted path for text that Validate has already accepted and normalised.
    private ChineseIdNumber(string normalized, bool validated)
    {
        Debug.Assert(validated && Validate(normalized, out _) is null, "only validated numbers take this path");
        _value = normalized;
    }

    /// <summary>The number in clear text (upper-case <c>X</c>), for storage and comparison only; display <see cref="Masked"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The 6-digit administrative region code of the first registration.</summary>
    public string RegionCode => _value is null ? string.Empty : _value[..6];

    /// <summary>The birth date encoded in characters 7-14.</summary>
    public LocalDate BirthDate => _value is null
        ? default
        : new LocalDate(Number(_value.AsSpan(6, 4)), Number(_value.AsSpan(10, 2)), Number(_value.AsSpan(12, 2)));

    /// <summary>The sex encoded by the sequence number: odd for <see cref="Sex.Male"/>, even for <see cref="Sex.Female"/>.</summary>
    public Sex Sex => _value is null ? Sex.Unknown : (_value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The masked number: first 3 and last 4 characters, 11 stars between (<c>110***********1234</c>).</summary>
    public string Masked => Masking.KeepEnds(Value, head: 3, tail: 4);

    /// <summary>Reads an ID number without throwing.</summary>
    /// <param name="value">The text to read; may be null.</param>
    /// <param name="idNumber">The number when valid, otherwise <c>default</c>.</param>
    /// <returns>True when <paramref name="value"/> is a valid number.</returns>
    public static bool TryParse(string? value, out ChineseIdNumber idNumber)
    {
        if (value is not null && Validate(value, out var normalized) is null)
        {
            idNumber = new ChineseIdNumber(normalized, validated: true);
            return true;
        }

        idNumber = default;
        return false;
    }

    /// <summary>Reads an ID number, returning why it is invalid instead of throwing.</summary>
    /// <param name="value">The text to read; may be null.</param>
    /// <returns>The number, or an <see cref="InvalidIdNumber"/> naming the first failed check.</returns>
    public static OneOf<ChineseIdNumber, InvalidIdNumber> Parse(string? value)
    {
        if (value is null)
        {
            return new InvalidIdNumber(InvalidIdNumberReason.Length);
        }

        return Validate(value, out var normalized) is { } reason
            ? new InvalidIdNumber(reason)
            : new ChineseIdNumber(normalized, validated: true);
    }

    /// <summary>Builds a valid number from its parts, computing the check character (for tests, samples and imports).</summary>
    /// <param name="regionCode">The 6-digit region code.</param>
    /// <param name="birthDate">The birth date, from 1900-01-01 to 9999-12-31 (converted to the ISO calendar).</param>
    /// <param name="sequence">The sequence number, 0-999: odd for men, even for women.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">A part is out of range.</exception>
    public static ChineseIdNumber Create(string regionCode, LocalDate birthDate, int sequence)
    {
        Guard.Against.InvalidInput(regionCode, nameof(regionCode), static code => code is { Length: 6 } && code.All(char.IsAsciiDigit),
            "The region code must be 6 digits 0-9.");
        var iso = birthDate.WithCalendar(CalendarSystem.Iso);
        Guard.Against.OutOfRange(iso.Year, nameof(birthDate), FirstBirthYear, 9999,
            "The birth date of an ID number must be from 1900-01-01 on.");
        Guard.Against.OutOfRange(sequence, nameof(sequence), 0, 999, "The sequence number is 0 to 999.");
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{iso.Year:D4}{iso.Month:D2}{iso.Day:D2}{sequence:D3}");
        return new ChineseIdNumber(first17 + CheckCharacter(first17), validated: true);
    }

    /// <summary>Computes the ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    /// <param name="first17Digits">Exactly 17 characters 0-9.</param>
    /// <returns>A digit or <c>X</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="first17Digits"/> is not 17 digits.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != Length - 1 || first17Digits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The first part of an ID number must be 17 digits 0-9.", nameof(first17Digits));
        }

        return CheckCharacterOf(first17Digits);
    }

    /// <summary>The person's age in whole years on a date.</summary>
    /// <param name="date">The date, in the ISO calendar, not before <see cref="BirthDate"/>.</param>
    /// <returns>The completed years of age (0 in the first year).</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is before the birth date or not in the ISO calendar.</exception>
    /// <exception cref="InvalidOperationException">This is <c>default(ChineseIdNumber)</c>.</exception>
    public int AgeOn(LocalDate date)
    {
        if (_value is null)
        {
            throw new InvalidOperationException("A default ID number has no birth date.");
        }

        var birth = BirthDate;
        Guard.Against.InvalidInput(date, nameof(date), d => d.Calendar == CalendarSystem.Iso && d >= birth,
            "The date must be an ISO date on or after the birth date.");
        return Period.Between(birth, date, PeriodUnits.Years).Years;
    }

    /// <summary>The masked number, never the clear one.</summary>
    public override string ToString() => Masked;

    // Returns null when valid (and the normalised text), otherwise the first failed check.
    private static InvalidIdNumberReason? Validate(string value, out string normalized)
    {
        normalized = string.Empty;
        var text = value.AsSpan().Trim();
        if (text.Length != Length)
        {
            return InvalidIdNumberReason.Length;
        }

        var last = text[^1];
        if (text[..^1].ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(last) || last is 'X' or 'x'))
        {
            return InvalidIdNumberReason.Characters;
        }

        int year = Number(text.Slice(6, 4)), month = Number(text.Slice(10, 2)), day = Number(text.Slice(12, 2));
        if (year < FirstBirthYear || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return InvalidIdNumberReason.BirthDate;
        }

        if (CheckCharacterOf(text[..^1]) != char.ToUpperInvariant(last))
        {
            return InvalidIdNumberReason.CheckDigit;
        }

        normalized = last == 'x' ? string.Concat(text[..^1], "X") : text.ToString();
        return null;
    }

    private static char CheckCharacterOf(ReadOnlySpan<char> first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < first17Digits.Length; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    // Digits only (checked by the caller).
    private static int Number(ReadOnlySpan<char> digits)
    {
        var number = 0;
        foreach (var digit in digits)
        {
            number = (number * 10) + (digit - '0');
        }

        return number;
    }
}
