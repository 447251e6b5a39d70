using System.Globalization;
using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Tests.Communities.Identity;

public sealed class ChineseIdNumberTests
{
    // The worked example of GB 11643-1999: Beijing Chaoyang district, 1949-12-31, sequence 002.
    private const string Published = "11010519491231002X";

    [Fact]
    public void Constructor_published_example_is_accepted_with_its_parts()
    {
        var id = new ChineseIdNumber(Published);

        Assert.Equal(Published, id.Value);
        Assert.Equal("110105", id.RegionCode);
        Assert.Equal(new LocalDate(1949, 12, 31), id.BirthDate);
        Assert.Equal(Sex.Female, id.Sex);
    }

    [Fact]
    public void Create_published_parts_computes_the_published_check_character()
    {
        var id = ChineseIdNumber.Create("110105", new LocalDate(1949, 12, 31), 2);

        Assert.Equal(new ChineseIdNumber(Published), id);
        Assert.Equal('X', ChineseIdNumber.CheckCharacter("11010519491231002"));
    }

    [Fact]
    public void Create_odd_sequence_is_male_and_leap_day_is_kept()
    {
        var id = ChineseIdNumber.Create("110105", new LocalDate(2000, 2, 29), 1);

        Assert.Equal("110105200002290013", id.Value);
        Assert.Equal(Sex.Male, id.Sex);
        Assert.Equal(new LocalDate(2000, 2, 29), id.BirthDate);
    }

    [Fact]
    public void Constructor_lower_case_x_is_normalised_to_upper_case()
    {
        var id = new ChineseIdNumber("11010519491231002x");

        Assert.Equal(Published, id.Value);
        Assert.Equal(new ChineseIdNumber(Published), id);
    }

    [Fact]
    public void Constructor_surrounding_white_space_is_trimmed()
    {
        Assert.Equal(Published, new ChineseIdNumber("  " + Published + "\t").Value);
    }

    [Theory]
    [InlineData("", InvalidIdNumberReason.Length)]
    [InlineData("1101051949123100", InvalidIdNumberReason.Length)]
    [InlineData("11010519491231002X0", InvalidIdNumberReason.Length)]
    [InlineData("110105 19491231002X", InvalidIdNumberReason.Length)]
    [InlineData("11010519491231002A", InvalidIdNumberReason.Characters)]
    [InlineData("1101051949123100X2", InvalidIdNumberReason.Characters)]
    [InlineData("Ｘ1010519491231002X", InvalidIdNumberReason.Characters)]
    [InlineData("１1010519491231002X", InvalidIdNumberReason.Characters)]
    [InlineData("11010519490230002X", InvalidIdNumberReason.BirthDate)]
    [InlineData("110105190002290021", InvalidIdNumberReason.BirthDate)] // 1900 is not a leap year
    [InlineData("110105194913310021", InvalidIdNumberReason.BirthDate)]
    [InlineData("110105194912000021", InvalidIdNumberReason.BirthDate)]
    [InlineData("440524188001010014", InvalidIdNumberReason.BirthDate)] // the standard's 1880 example: right check, too early
    [InlineData("110105194912310021", InvalidIdNumberReason.CheckDigit)]
    [InlineData("110105194912310020", InvalidIdNumberReason.CheckDigit)]
    public void Parse_invalid_number_names_the_first_failed_check(string text, InvalidIdNumberReason reason)
    {
        var result = ChineseIdNumber.Parse(text);

        Assert.True(result.IsT1);
        Assert.Equal(reason, result.AsT1.Reason);
        Assert.False(ChineseIdNumber.TryParse(text, out var none));
        Assert.Equal(default, none);
        var ex = Assert.Throws<ArgumentException>(() => new ChineseIdNumber(text));
        Assert.Equal("value", ex.ParamName);
        Assert.Equal(result.AsT1.MessageIn(CultureInfo.InvariantCulture), ex.Message[..result.AsT1.MessageIn(CultureInfo.InvariantCulture).Length]);
    }

    [Fact]
    public void Parse_null_is_a_length_error_and_the_constructor_throws_argument_null()
    {
        Assert.Equal(InvalidIdNumberReason.Length, ChineseIdNumber.Parse(null).AsT1.Reason);
        Assert.False(ChineseIdNumber.TryParse(null, out _));
        var ex = Assert.Throws<ArgumentNullException>(() => new ChineseIdNumber(null!));
        Assert.Equal("value", ex.ParamName);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519490230002X")]
    [InlineData("11010519491231002A")]
    [InlineData("11010519491231002X1")]
    public void Constructor_invalid_number_message_never_contains_the_number_or_its_parts(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChineseIdNumber(text));
        var error = ChineseIdNumber.Parse(text).AsT1;

        foreach (var shown in new[] { ex.Message, error.Message, error.MessageIn(new CultureInfo("zh-CN")), error.ToString() })
        {
            Assert.DoesNotContain(text, shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(text[6..14], shown, StringComparison.Ordinal); // the birth date
            Assert.DoesNotContain(text[..6], shown, StringComparison.Ordinal);  // the region code
        }
    }

    [Fact]
    public void Parse_error_has_a_code_and_messages_in_english_and_chinese()
    {
        var error = ChineseIdNumber.Parse("110105194912310021").AsT1;

        Assert.Equal("identity.invalid-id-number", error.Code);
        Assert.Equal("The ID number has an invalid check character.", error.MessageIn(CultureInfo.InvariantCulture));
        Assert.Equal("身份证号码的校验码错误。", error.MessageIn(new CultureInfo("zh-CN")));
        Assert.Equal("identity.invalid-id-number: The ID number has an invalid check character.", error.ToString());
    }

    [Theory]
    [InlineData(InvalidIdNumberReason.Length, "18 characters", "18位")]
    [InlineData(InvalidIdNumberReason.Characters, "digit or X", "数字或X")]
    [InlineData(InvalidIdNumberReason.BirthDate, "birth date", "出生日期")]
    [InlineData(InvalidIdNumberReason.CheckDigit, "check character", "校验码")]
    public void InvalidIdNumber_every_reason_has_its_own_messages(InvalidIdNumberReason reason, string english, string chinese)
    {
        var error = new InvalidIdNumber(reason);

        Assert.Contains(english, error.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(chinese, error.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidIdNumber_undefined_reason_throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new InvalidIdNumber((InvalidIdNumberReason)99));
    }

    [Fact]
    public void Masked_keeps_first_three_and_last_four_with_eleven_stars()
    {
        var id = new ChineseIdNumber(Published);

        Assert.Equal("110***********002X", id.Masked);
        Assert.Equal(id.Masked, id.ToString());
        Assert.Equal("110***********1234".Length, id.Masked.Length);
    }

    [Fact]
    public void Default_is_no_number()
    {
        ChineseIdNumber none = default;

        Assert.Equal(string.Empty, none.Value);
        Assert.Equal(string.Empty, none.RegionCode);
        Assert.Equal(string.Empty, none.Masked);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(Sex.Unknown, none.Sex);
        Assert.Equal(default, none.BirthDate);
        Assert.Throws<InvalidOperationException>(() => none.AgeOn(new LocalDate(2022, 8, 18)));
    }

    [Theory]
    [InlineData(2022, 8, 18, 72)]
    [InlineData(2022, 12, 30, 72)]
    [InlineData(2022, 12, 31, 73)]
    [InlineData(1949, 12, 31, 0)]
    public void AgeOn_counts_completed_years(int year, int month, int day, int age)
    {
        Assert.Equal(age, new ChineseIdNumber(Published).AgeOn(new LocalDate(year, month, day)));
    }

    [Fact]
    public void AgeOn_date_before_birth_throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChineseIdNumber(Published).AgeOn(new LocalDate(1949, 12, 30)));
        Assert.Equal("date", ex.ParamName);
    }

    [Theory]
    [InlineData("11010")]
    [InlineData("1101051")]
    [InlineData("11010A")]
    [InlineData("")]
    public void Create_region_code_not_six_digits_throws_naming_it(string regionCode)
    {
        var ex = Assert.Throws<ArgumentException>(() => ChineseIdNumber.Create(regionCode, new LocalDate(1990, 1, 1), 1));
        Assert.Equal("regionCode", ex.ParamName);
        Assert.StartsWith("The region code must be 6 digits 0-9.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_out_of_range_parts_throw_naming_them()
    {
        Assert.Equal("birthDate", Assert.ThrowsAny<ArgumentException>(
            () => ChineseIdNumber.Create("110105", new LocalDate(1899, 12, 31), 1)).ParamName);
        Assert.Equal("sequence", Assert.ThrowsAny<ArgumentException>(
            () => ChineseIdNumber.Create("110105", new LocalDate(1990, 1, 1), 1000)).ParamName);
        Assert.Equal("sequence", Assert.ThrowsAny<ArgumentException>(
            () => ChineseIdNumber.Create("110105", new LocalDate(1990, 1, 1), -1)).ParamName);
    }

    [Fact]
    public void Create_birth_date_in_another_calendar_is_converted_to_iso()
    {
        var julian = new LocalDate(1949, 12, 31).WithCalendar(CalendarSystem.Julian);

        Assert.Equal(new ChineseIdNumber(Published), ChineseIdNumber.Create("110105", julian, 2));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100X")]
    public void CheckCharacter_not_seventeen_digits_throws_naming_the_parameter(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => ChineseIdNumber.CheckCharacter(text));
        Assert.Equal("first17Digits", ex.ParamName);
        Assert.StartsWith("The first part of an ID number must be 17 digits 0-9.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_expression_cannot_bypass_the_guard()
    {
        // Get-only properties: `id with { Value = "..." }` does not compile, so the only copy is an equal one.
        var id = new ChineseIdNumber(Published);
        var copy = id with { };

        Assert.Equal(id, copy);
    }
}
