using System.Globalization;
using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Tests.Generators;

/// <summary>The parts of a mainland ID number: region code, birth date and sequence.</summary>
public sealed record IdParts(string RegionCode, LocalDate BirthDate, int Sequence)
{
    /// <summary>The first 17 digits.</summary>
    public string First17 => string.Create(CultureInfo.InvariantCulture,
        $"{RegionCode}{BirthDate.Year:D4}{BirthDate.Month:D2}{BirthDate.Day:D2}{Sequence:D3}");

    /// <summary>The full valid number, with the check character from the test's own oracle.</summary>
    public string Number => First17 + Mod11_2.CheckCharacterFor(First17);

    public override string ToString() => $"{Number} ({RegionCode} {BirthDate:yyyy-MM-dd} #{Sequence})";
}

/// <summary>
/// An independent ISO 7064 MOD 11-2 oracle written from the standard's own formulation: a number
/// a1..a18 (X = 10) is valid when sum(a_i * 2^(18-i)) mod 11 == 1. The library uses a weight table and
/// a lookup string instead, so agreement between the two is evidence, not a tautology.
/// </summary>
public static class Mod11_2
{
    public static bool IsValid(string number)
    {
        if (number.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var c = number[i];
            int value;
            if (c is >= '0' and <= '9')
            {
                value = c - '0';
            }
            else if (c == 'X' && i == 17)
            {
                value = 10;
            }
            else
            {
                return false;
            }

            sum = (sum + (value * PowerOfTwoMod11(17 - i))) % 11;
        }

        return sum == 1;
    }

    public static char CheckCharacterFor(string first17) =>
        "0123456789X".Single(c => IsValid(first17 + c));

    private static int PowerOfTwoMod11(int exponent)
    {
        var result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result = result * 2 % 11;
        }

        return result;
    }
}

/// <summary>A name and how it was generated (CJK or word-based, for the masking oracle).</summary>
public sealed record GeneratedName(string Value, bool IsCjk)
{
    public override string ToString() => Value;
}

/// <summary>A number for a document that is not a mainland ID card.</summary>
public sealed record OtherDocumentNumber(IdentityDocumentKind Kind, string Number)
{
    public override string ToString() => $"{Kind} {Number}";
}

/// <summary>A phone number as typed (with spaces and hyphens) and its expected normalised value.</summary>
public sealed record TypedPhone(string Typed, string Normalised, bool IsMainlandMobile)
{
    public override string ToString() => $"'{Typed}' -> {Normalised}";
}

/// <summary>FsCheck arbitraries for the identity value objects; pass with <c>Arbitrary = new[] { typeof(IdentityGenerators) }</c>.</summary>
public static class IdentityGenerators
{
    private static readonly LocalDate FirstBirth = new(1900, 1, 1);
    private static readonly LocalDate LastBirth = new(2025, 12, 31);

    public static Gen<IdParts> IdPartsGen { get; } =
        from region in Gen.Choose(0, 999_999)
        from dayOffset in Gen.Choose(0, Period.Between(FirstBirth, LastBirth, PeriodUnits.Days).Days)
        from sequence in Gen.Choose(0, 999)
        select new IdParts(region.ToString("D6", CultureInfo.InvariantCulture), FirstBirth.PlusDays(dayOffset), sequence);

    public static Arbitrary<IdParts> IdParts() => Arb.From(IdPartsGen, ShrinkIdParts);

    public static Arbitrary<GeneratedName> Names() => Arb.From(Gen.OneOf(CjkName, LatinName, SingleCharacterName));

    public static Arbitrary<OtherDocumentNumber> OtherDocumentNumbers() => Arb.From(
        from kind in Gen.Elements(Enum.GetValues<IdentityDocumentKind>().Where(k => k != IdentityDocumentKind.MainlandIdCard))
        from length in Gen.Choose(IdentityDocument.MinOtherLength, IdentityDocument.MaxOtherLength)
        from chars in Gen.ArrayOf(Gen.Elements("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-".ToCharArray()), length)
        select new OtherDocumentNumber(kind, new string(chars)));

    public static Arbitrary<TypedPhone> Phones() => Arb.From(Gen.OneOf(MainlandMobile, OtherPhone).SelectMany(Typed));

    private static Gen<GeneratedName> CjkName =>
        from length in Gen.Choose(2, 4)
        from chars in Gen.ArrayOf(Gen.Choose(0x4E00, 0x9FA5).Select(c => (char)c), length)
        select new GeneratedName(new string(chars), IsCjk: true);

    private static Gen<GeneratedName> LatinName =>
        from wordCount in Gen.Choose(1, 3)
        from words in Gen.ArrayOf(Word, wordCount)
        from separators in Gen.ArrayOf(Gen.Elements(" ", "-"), wordCount)
        select new GeneratedName(
            string.Concat(words.Select((w, i) => i == 0 ? w : separators[i] + w)), IsCjk: false);

    private static Gen<string> Word =>
        from first in Gen.Choose('A', 'Z')
        from restLength in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 9))) // initials are common enough to matter
        from rest in Gen.ArrayOf(Gen.Choose('a', 'z').Select(c => (char)c), restLength)
        select (char)first + new string(rest);

    private static Gen<GeneratedName> SingleCharacterName =>
        Gen.OneOf(Gen.Choose('A', 'Z'), Gen.Choose(0x4E00, 0x9FA5))
            .Select(c => new GeneratedName(((char)c).ToString(), IsCjk: c >= 0x4E00));

    private static Gen<(string Digits, bool Mobile)> MainlandMobile =>
        from second in Gen.Choose('3', '9')
        from rest in Gen.ArrayOf(Digit, 9)
        select ("1" + (char)second + new string(rest), true);

    private static Gen<(string Digits, bool Mobile)> OtherPhone =>
        from plus in Gen.Elements(true, false)
        from length in Gen.Choose(PhoneNumber.MinDigits, PhoneNumber.MaxDigits)
        from first in Gen.Choose('2', '9') // not '1' and no +86 / 0086 prefix, so it never reads as a mainland mobile
        from rest in Gen.ArrayOf(Digit, length - 1)
        where !(plus && first == '8' && rest.Length > 0 && rest[0] == '6') // "+86" then a mobile would be stored without the prefix
        select ((plus ? "+" : string.Empty) + (char)first + new string(rest), false);

    private static Gen<char> Digit => Gen.Choose('0', '9').Select(c => (char)c);

    // Spaces and hyphens sprinkled between characters, as people type them.
    private static Gen<TypedPhone> Typed((string Digits, bool Mobile) phone) =>
        from gaps in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(string.Empty)), (1, Gen.Elements(" ", "-", " - "))), phone.Digits.Length)
        select new TypedPhone(string.Concat(phone.Digits.Select((c, i) => c + gaps[i])), phone.Digits, phone.Mobile);

    private static IEnumerable<IdParts> ShrinkIdParts(IdParts parts)
    {
        if (parts.RegionCode != "110105")
        {
            yield return parts with { RegionCode = "110105" };
        }

        if (parts.BirthDate != FirstBirth)
        {
            yield return parts with { BirthDate = FirstBirth };
        }

        if (parts.Sequence > 1)
        {
            yield return parts with { Sequence = parts.Sequence % 2 };
        }
    }
}
