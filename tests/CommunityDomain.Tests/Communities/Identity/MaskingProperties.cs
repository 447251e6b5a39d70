using CommunityDomain.Communities.Identity;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Communities.Identity;

/// <summary>
/// Masked forms never reveal more than the documented characters: each position of the mask holds either
/// a star or the clear character at a documented kept position, and the clear value never appears in
/// <c>ToString()</c> once it is longer than its kept parts.
/// </summary>
[Properties(Arbitrary = new[] { typeof(IdentityGenerators) }, MaxTest = 200)]
public sealed class MaskingProperties
{
    [Property]
    public void Masked_names_show_only_the_documented_characters(GeneratedName generated)
    {
        var name = new PersonName(generated.Value);
        var value = name.Value;
        var masked = name.ToString();

        Assert.Equal(name.Masked, masked);
        Assert.Equal(value.Length, masked.Length); // generated names are one char per visible character
        var kept = KeptNamePositions(value, generated.IsCjk);
        for (var i = 0; i < value.Length; i++)
        {
            Assert.Equal(kept.Contains(i) ? value[i] : '*', masked[i]);
        }

        Assert.Contains('*', masked);
        Assert.DoesNotContain(value, masked, StringComparison.Ordinal);
    }

    [Property]
    public void Masked_documents_show_only_the_documented_characters(OtherDocumentNumber generated)
    {
        var document = IdentityDocument.Of(generated.Kind, generated.Number);
        var number = document.Number;
        var masked = document.Masked;
        var head = number.Length < 8 ? 0 : 1;
        var stars = Math.Max(2, number.Length - head - 2);

        Assert.Equal(head + stars + 2, masked.Length);
        Assert.True(head == 0 || number[0] == masked[0]);
        Assert.Equal(new string('*', stars), masked.Substring(head, stars));
        Assert.Equal(number[^2..], masked[^2..]);
        Assert.Equal($"{generated.Kind} {masked}", document.ToString());
        Assert.DoesNotContain(number, document.ToString(), StringComparison.Ordinal);
    }

    [Property]
    public void Masked_mainland_documents_show_only_the_first_3_and_last_4_characters(IdParts parts)
    {
        var document = IdentityDocument.MainlandId(parts.Number);
        var shown = document.ToString();

        Assert.Equal("MainlandIdCard " + parts.Number[..3] + new string('*', 11) + parts.Number[^4..], shown);
        Assert.DoesNotContain(parts.Number, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(parts.Number.Substring(6, 8), shown, StringComparison.Ordinal); // the birth date
    }

    [Property]
    public void Masked_phones_show_only_the_documented_characters(TypedPhone generated)
    {
        var phone = new PhoneNumber(generated.Typed);
        var value = phone.Value;
        var masked = phone.ToString();

        Assert.Equal(generated.Normalised, value);
        Assert.Equal(generated.IsMainlandMobile, phone.IsMainlandMobile);
        Assert.Equal(value.Length, masked.Length);
        var (head, tail) = value.Length < 11 ? (0, 2) : (3, 4);
        for (var i = 0; i < value.Length; i++)
        {
            var kept = i < head || i >= value.Length - tail;
            Assert.Equal(kept ? value[i] : '*', masked[i]);
        }

        Assert.DoesNotContain(value, masked, StringComparison.Ordinal);
        if (value.Length - head - tail > Math.Max(head, tail))
        {
            // Too long to hide inside a kept run of the mask, so finding it would mean a leak.
            Assert.DoesNotContain(value[head..^tail], masked, StringComparison.Ordinal);
        }
    }

    [Property]
    public void Phone_guard_rejects_text_with_a_letter_naming_the_parameter(NonEmptyString text, PositiveInt at)
    {
        // Any letter makes the text not a phone number, wherever it is.
        var raw = text.Get;
        var index = at.Get % (raw.Length + 1);
        var typed = raw.Insert(index, "a");

        var ex = Assert.Throws<ArgumentException>(() => new PhoneNumber(typed));

        Assert.Equal("value", ex.ParamName);
        Assert.False(PhoneNumber.TryParse(typed, out _));
    }

    [Property]
    public void Document_guard_rejects_numbers_too_short_or_too_long_naming_the_parameter(OtherDocumentNumber generated, bool tooLong)
    {
        var number = tooLong
            ? generated.Number + new string('9', IdentityDocument.MaxOtherLength + 1 - generated.Number.Length)
            : generated.Number[..(IdentityDocument.MinOtherLength - 1)];

        var ex = Assert.Throws<ArgumentException>(() => IdentityDocument.Of(generated.Kind, number));

        Assert.Equal("number", ex.ParamName);
        // The message is the same for any number of that length, so it carries none of it; a 3-character number can
        // still occur in its words by chance ("4-3" in "4-32 characters"), so only a long one is searched for.
        var same = Assert.Throws<ArgumentException>(() => IdentityDocument.Of(generated.Kind, new string('9', number.Length)));
        Assert.Equal(same.Message, ex.Message);
        if (tooLong)
        {
            Assert.DoesNotContain(number, ex.Message, StringComparison.Ordinal);
        }
    }

    [Property]
    public void Name_guard_rejects_names_over_64_characters_naming_the_parameter(GeneratedName generated)
    {
        var tooLong = string.Concat(Enumerable.Repeat(generated.Value, (PersonName.MaxLength / generated.Value.Length) + 1));
        if (tooLong.Length <= PersonName.MaxLength)
        {
            tooLong += "x";
        }

        var ex = Assert.Throws<ArgumentException>(() => new PersonName(tooLong));

        Assert.Equal("value", ex.ParamName);
        Assert.DoesNotContain(tooLong, ex.Message, StringComparison.Ordinal);
    }

    // The documented rule, read independently: CJK names keep index 0; other names keep separators and
    // the first character after the start or a separator; a name this would show whole (one character,
    // initials only) keeps nothing.
    private static HashSet<int> KeptNamePositions(string value, bool cjk)
    {
        var kept = new HashSet<int>();
        if (value.Length == 1)
        {
            return kept;
        }

        if (cjk)
        {
            kept.Add(0);
            return kept;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var separator = value[i] is ' ' or '-';
            var wordStart = i == 0 || value[i - 1] is ' ' or '-';
            if (separator || wordStart)
            {
                kept.Add(i);
            }
        }

        // Initials only: the whole name would show, so nothing is kept.
        return kept.Count == value.Length ? [] : kept;
    }
}
