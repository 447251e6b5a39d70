using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Tests.Communities.Identity;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("王小明", "王**")]
    [InlineData("阿卜杜·热合曼", "阿******")]
    [InlineData("김민수", "김**")]
    [InlineData("John Smith", "J*** S****")]
    [InlineData("Jean-Luc Picard", "J***-L** P*****")]
    [InlineData("Li", "L*")]
    [InlineData("张", "*")]
    [InlineData("J", "*")]
    [InlineData("王 John", "王*****")]
    [InlineData("J R", "***")]
    [InlineData("A-B C", "*****")]
    [InlineData("-", "*")]
    [InlineData("J Smith", "J S****")]
    public void Masked_follows_the_documented_rule(string value, string masked)
    {
        var name = new PersonName(value);

        Assert.Equal(masked, name.Masked);
        Assert.Equal(masked, name.ToString());
        Assert.Equal(value, name.Value);
    }

    // Both ends of every range treated as CJK: a CJK name with a space keeps only its first character,
    // where the word rule would keep the first character of the second word too.
    [Theory]
    [InlineData(0x2E80)]
    [InlineData(0x2FDF)]
    [InlineData(0x3040)]
    [InlineData(0x30FF)]
    [InlineData(0x3100)]
    [InlineData(0x312F)]
    [InlineData(0x3400)]
    [InlineData(0x4DBF)]
    [InlineData(0x4E00)]
    [InlineData(0x9FFF)]
    [InlineData(0xAC00)]
    [InlineData(0xD7AF)]
    [InlineData(0xF900)]
    [InlineData(0xFAFF)]
    [InlineData(0x20000)]
    [InlineData(0x3134F)]
    public void Masked_cjk_range_ends_use_the_cjk_rule(int codePoint)
    {
        var c = char.ConvertFromUtf32(codePoint);

        Assert.Equal(c + "****", new PersonName(c + c + " " + c + c).Masked);
    }

    [Theory]
    [InlineData("Иван Петров", "И*** П*****")]
    [InlineData("Ἀλέξανδρος Παπᾶς", "Ἀ********* Π****")]
    public void Masked_other_scripts_use_the_word_rule(string value, string masked)
    {
        Assert.Equal(masked, new PersonName(value).Masked);
    }

    [Fact]
    public void Masked_supplementary_plane_character_is_kept_whole_and_counted_once()
    {
        // 𠮷 (U+20BB7) is two UTF-16 chars; masking must not split it.
        Assert.Equal("𠮷**", new PersonName("𠮷野家").Masked);
        Assert.Equal("*", new PersonName("𠮷").Masked);
    }

    [Fact]
    public void Masked_combining_accent_is_one_hidden_character()
    {
        // "Zoé" written as e + U+0301: three user-perceived characters.
        Assert.Equal("Z** L*", new PersonName("Zoe\u0301 Li").Masked);
    }

    [Fact]
    public void Constructor_trims_surrounding_white_space()
    {
        var name = new PersonName("  张三 ");

        Assert.Equal("张三", name.Value);
        Assert.Equal(new PersonName("张三"), name);
        Assert.Equal(name, PersonName.Of("张三"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("张\u0000三")]
    [InlineData("John\tSmith")]
    public void Constructor_blank_or_control_characters_throws_naming_the_parameter(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PersonName(value));

        Assert.Equal("value", ex.ParamName);
        Assert.StartsWith("A person's name must not", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_null_throws_argument_null()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new PersonName(null!)).ParamName);
    }

    [Fact]
    public void Constructor_accepts_64_characters_and_rejects_65_without_echoing_the_name()
    {
        var longest = new string('张', PersonName.MaxLength);
        Assert.Equal(longest, new PersonName(longest).Value);

        var tooLong = "Wolfeschlegelsteinhausenbergerdorff" + new string('x', 30);
        var ex = Assert.Throws<ArgumentException>(() => new PersonName(tooLong));
        Assert.Equal("value", ex.ParamName);
        Assert.DoesNotContain("Wolfeschlegel", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("A person's name must have at most 64 characters.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_is_no_name()
    {
        PersonName none = default;

        Assert.Equal(string.Empty, none.Value);
        Assert.Equal(string.Empty, none.Masked);
        Assert.Equal(string.Empty, none.ToString());
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200D")]
    [InlineData("\uFEFF")]
    [InlineData(" \u200B\u200C \u2060 ")]
    [InlineData("   ")]
    public void Constructor_name_of_only_invisible_characters_is_blank(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PersonName(value));

        Assert.Equal("value", ex.ParamName);
        Assert.StartsWith("A person's name must not be blank.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_keeps_a_visible_name_with_a_zero_width_joiner_inside()
    {
        Assert.Equal("Li\u200DWei", new PersonName("Li\u200DWei").Value);
    }
}
