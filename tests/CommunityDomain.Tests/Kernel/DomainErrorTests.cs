using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Kernel;

public sealed class DomainErrorTests
{
    public static TheoryData<DomainError> Errors => new()
    {
        new NotFound<Compound>(new Id<Compound>(3)),
        new NotFound<ControlOrder>(new Id<ControlOrder>(3)),
        new NameTaken("compound", "Dongfang"),
        new RoomOccupied(new Room(new Id<Unit>(1), 3, "302"), new Id<Household>(4)),
        new FloorOutOfRange(new Id<Unit>(1), 9, 6),
        new DuplicateIdNumber("110***********1234", new Id<Resident>(2)),
        new AlreadyMovedOut(new Id<Resident>(2), Instant.FromUtc(2022, 8, 18, 0, 0)),
        new ChangeOutOfOrder(new Id<Resident>(2), Instant.FromUtc(2022, 8, 18, 0, 0), Instant.FromUtc(2022, 8, 19, 0, 0)),
        new OrderAlreadyLifted(new Id<ControlOrder>(1), Instant.FromUtc(2022, 8, 18, 0, 0)),
        new OrderAlreadyEnded(new Id<ControlOrder>(1), Instant.FromUtc(2022, 8, 18, 0, 0)),
        new BirthDateInFuture(new Id<Household>(4), new LocalDate(2022, 8, 18)),
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_error_has_a_code_an_English_and_a_Chinese_message(DomainError error)
    {
        var english = error.MessageIn(CultureInfo.GetCultureInfo("en-GB"));
        var chinese = error.MessageIn(CultureInfo.GetCultureInfo("zh-Hans-CN"));

        Assert.StartsWith("community.", error.Code, StringComparison.Ordinal);
        Assert.Matches("^[ -~]+$", english);
        Assert.Matches("[\u4e00-\u9fff]", chinese);
        Assert.NotEqual(english, chinese);
        Assert.Equal($"{error.Code}: {english}", error.ToString());
    }

    [Fact]
    public void Message_follows_the_current_UI_culture()
    {
        var error = new NameTaken("compound", "Dongfang");
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Contains("已存在", error.Message, StringComparison.Ordinal);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Actor_default_is_system_and_blank_account_throws()
    {
        Assert.Equal("system", default(Actor).Account);
        Assert.Equal(Actor.System, default);
        Assert.Equal("office.wang", Actor.Of(" office.wang ").ToString());
        Assert.Equal("account", Assert.Throws<ArgumentException>(() => Actor.Of(" ")).ParamName);
    }
}
