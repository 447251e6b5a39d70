using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Tests.Communities.Identity;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("", 3, 4, 0, "")]
    [InlineData("12345678", 3, 4, 0, "123*5678")]
    [InlineData("1234567", 3, 4, 0, "123*567")]
    [InlineData("12", 3, 4, 0, "1*")]
    [InlineData("1", 3, 4, 0, "*")]
    [InlineData("ABCD", 1, 2, 2, "A**CD")]
    [InlineData("ABC", 1, 2, 2, "A**C")]
    [InlineData("ABCDEFG", 0, 2, 0, "*****FG")]
    public void KeepEnds_keeps_the_ends_hides_at_least_one_character_and_pads_stars(string value, int head, int tail, int minimumStars, string masked)
    {
        Assert.Equal(masked, Masking.KeepEnds(value, head, tail, minimumStars));
    }

    [Fact]
    public void PersonName_empty_is_empty()
    {
        Assert.Equal(string.Empty, Masking.PersonName(string.Empty));
    }
}
