using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Tests.Communities.Identity;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678", "138****5678", true)]
    [InlineData("138 1234 5678", "13812345678", "138****5678", true)]
    [InlineData("+86 138-1234-5678", "13812345678", "138****5678", true)]
    [InlineData("0086 13812345678", "13812345678", "138****5678", true)]
    [InlineData("199-0000-1111", "19900001111", "199****1111", true)]
    [InlineData("12812345678", "12812345678", "128****5678", false)]
    [InlineData("010-62345678", "01062345678", "010****5678", false)]
    [InlineData("+44 20 7123 4567", "+442071234567", "+44******4567", false)]
    [InlineData("+8610 62345678", "+861062345678", "+86******5678", false)]
    [InlineData("+44 138 1234 5678", "+4413812345678", "+44*******5678", false)]
    [InlineData("0044 13812345678", "004413812345678", "004********5678", false)]
    [InlineData("+86 12812345678", "+8612812345678", "+86*******5678", false)]
    [InlineData("62345678", "62345678", "******78", false)]
    [InlineData("6234567890", "6234567890", "********90", false)]
    [InlineData("6234567", "6234567", "*****67", false)]
    [InlineData("12345", "12345", "***45", false)]
    [InlineData("+12345", "+12345", "****45", false)]
    [InlineData("123456789012345", "123456789012345", "123********2345", false)]
    public void Constructor_normalises_and_masks(string typed, string value, string masked, bool mobile)
    {
        var phone = new PhoneNumber(typed);

        Assert.Equal(value, phone.Value);
        Assert.Equal(masked, phone.Masked);
        Assert.Equal(masked, phone.ToString());
        Assert.Equal(mobile, phone.IsMainlandMobile);
        Assert.True(PhoneNumber.TryParse(typed, out var parsed));
        Assert.Equal(phone, parsed);
        Assert.Equal(phone, PhoneNumber.Of(value));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234")]
    [InlineData("+1234")]
    [InlineData("1234567890123456")]
    [InlineData("1+2345678")]
    [InlineData("++12345678")]
    [InlineData("138(1234)5678")]
    [InlineData("１３８12345678")]
    [InlineData("138.1234.5678")]
    public void Constructor_not_a_phone_number_throws_naming_the_parameter_without_echoing_it(string typed)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PhoneNumber(typed));

        Assert.Equal("value", ex.ParamName);
        Assert.StartsWith("A phone number must be a mainland mobile number or 5-15 digits", ex.Message, StringComparison.Ordinal);
        if (typed.Trim().Length > 0)
        {
            Assert.DoesNotContain(typed, ex.Message, StringComparison.Ordinal);
        }

        Assert.False(PhoneNumber.TryParse(typed, out var none));
        Assert.Equal(default, none);
    }

    [Fact]
    public void Constructor_null_throws_argument_null_and_try_parse_is_false()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new PhoneNumber(null!)).ParamName);
        Assert.False(PhoneNumber.TryParse(null, out _));
    }

    [Fact]
    public void Equality_is_by_normalised_value()
    {
        Assert.Equal(new PhoneNumber("+86 138 1234 5678"), new PhoneNumber("13812345678"));
        Assert.NotEqual(new PhoneNumber("13812345678"), new PhoneNumber("13812345679"));
    }

    [Fact]
    public void Default_is_no_phone()
    {
        PhoneNumber none = default;

        Assert.Equal(string.Empty, none.Value);
        Assert.Equal(string.Empty, none.Masked);
        Assert.Equal(string.Empty, none.ToString());
        Assert.False(none.IsMainlandMobile);
    }
}
