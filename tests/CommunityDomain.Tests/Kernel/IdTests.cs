using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Kernel;

public sealed class IdTests
{
    private sealed class Sample;

    [Fact]
    public void Constructor_zero_throws_naming_the_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Id<Sample>(0));
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Default_is_flagged_and_rejected_by_the_guard()
    {
        Id<Sample> none = default;
        Assert.True(none.IsDefault);
        var ex = Assert.Throws<ArgumentException>(() => Ardalis.GuardClauses.Guard.Against.DefaultId(none));
        Assert.Equal("none", ex.ParamName);
    }

    [Fact]
    public void ToString_names_the_entity_type_and_value()
    {
        Assert.Equal("Sample#42", new Id<Sample>(42).ToString());
    }

    [FsCheck.Xunit.Property]
    public bool Ids_order_as_their_values(PositiveInt a, PositiveInt b) =>
        (new Id<Sample>(a.Get) < new Id<Sample>(b.Get)) == (a.Get < b.Get);
}
