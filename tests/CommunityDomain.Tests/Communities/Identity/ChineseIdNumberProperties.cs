using System.Globalization;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Communities.Identity;

[Properties(Arbitrary = new[] { typeof(IdentityGenerators) }, MaxTest = 200)]
public sealed class ChineseIdNumberProperties
{
    private const string Alphabet = "0123456789X";

    [Property]
    public void Valid_generated_numbers_are_accepted_and_round_trip(IdParts parts)
    {
        // The number's check character comes from the test's own MOD 11-2 oracle, not from the library.
        var text = parts.Number;

        var id = new ChineseIdNumber(text);

        Assert.True(Mod11_2.IsValid(text));
        Assert.Equal(text, id.Value);
        Assert.Equal(parts.RegionCode, id.RegionCode);
        Assert.Equal(parts.BirthDate, id.BirthDate);
        Assert.Equal(parts.Sequence % 2 == 1 ? Sex.Male : Sex.Female, id.Sex);
        Assert.Equal(id, ChineseIdNumber.Create(parts.RegionCode, parts.BirthDate, parts.Sequence));
        Assert.Equal(text[17], ChineseIdNumber.CheckCharacter(text.AsSpan(0, 17)));
        Assert.True(ChineseIdNumber.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(id, ChineseIdNumber.Parse(text).AsT0);
        Assert.Equal(id, new ChineseIdNumber(id.Value));
        Assert.Equal(id, new ChineseIdNumber(text.ToLowerInvariant()));
    }

    [Property]
    public void Every_single_character_change_is_rejected(IdParts parts)
    {
        var valid = parts.Number;
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var replacement in Alphabet)
            {
                if (replacement == valid[position])
                {
                    continue;
                }

                var changed = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));

                // MOD 11-2 itself catches every substitution (checked by the independent oracle) ...
                Assert.False(Mod11_2.IsValid(changed), $"oracle accepted {changed}");

                // ... and the library rejects it for the first reason that applies.
                var result = ChineseIdNumber.Parse(changed);
                Assert.True(result.IsT1, $"accepted {changed}");
                Assert.Equal(ExpectedReason(changed, position, replacement), result.AsT1.Reason);
                Assert.False(ChineseIdNumber.TryParse(changed, out _));
            }
        }
    }

    [Property]
    public void Changing_only_the_check_character_is_always_a_check_digit_error(IdParts parts)
    {
        var first17 = parts.First17;
        var wrong = Alphabet.Where(c => c != parts.Number[17]).ToArray();

        Assert.Equal(10, wrong.Length);
        Assert.All(wrong, c =>
            Assert.Equal(InvalidIdNumberReason.CheckDigit, ChineseIdNumber.Parse(first17 + c).AsT1.Reason));
    }

    [Property]
    public void Masked_id_numbers_show_only_the_first_3_and_last_4_characters(IdParts parts)
    {
        var id = new ChineseIdNumber(parts.Number);
        var masked = id.ToString();

        Assert.Equal(id.Masked, masked);
        Assert.Equal(18, masked.Length);
        for (var i = 0; i < masked.Length; i++)
        {
            var kept = i < 3 || i >= 14;
            Assert.Equal(kept ? id.Value[i] : '*', masked[i]);
        }

        Assert.DoesNotContain(id.Value, masked, StringComparison.Ordinal);
        Assert.DoesNotContain(id.Value[3..14], masked, StringComparison.Ordinal);
        Assert.Equal(7, masked.Count(c => c != '*'));
    }

    [Property]
    public void Constructor_messages_never_contain_the_rejected_text(IdParts parts, PositiveInt position)
    {
        // A changed check character always fails, and the message must not repeat the number.
        var valid = parts.Number;
        var index = position.Get % 18;
        var replacement = valid[index] == '0' ? '1' : '0';
        var changed = string.Concat(valid.AsSpan(0, index), replacement.ToString(), valid.AsSpan(index + 1));

        var ex = Assert.Throws<ArgumentException>(() => new ChineseIdNumber(changed));

        Assert.Equal("value", ex.ParamName);
        Assert.DoesNotContain(changed, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(valid, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(changed[..14], ex.Message, StringComparison.Ordinal);
    }

    // An independent reading of the layout: a digit turned into X is a bad character, a broken date
    // part is a bad birth date, anything else must be caught by the check character.
    private static InvalidIdNumberReason ExpectedReason(string changed, int position, char replacement)
    {
        if (position < 17 && replacement == 'X')
        {
            return InvalidIdNumberReason.Characters;
        }

        var dateOk = DateTime.TryParseExact(changed.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date) && date.Year >= 1900;
        return dateOk ? InvalidIdNumberReason.CheckDigit : InvalidIdNumberReason.BirthDate;
    }
}
