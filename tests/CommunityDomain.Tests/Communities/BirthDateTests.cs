using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Communities;

/// <summary>A birth date after the registering day is refused; ages are never negative.</summary>
public sealed class BirthDateTests
{
    // CommunityOps.T0 is 2022-08-17 21:00 UTC = 2022-08-18 05:00 in Shanghai: the local date is the 18th.
    private static readonly LocalDate LocalToday = new(2022, 8, 18);

    [Fact]
    public void RegisterResident_id_number_born_after_the_clock_is_refused_in_both_languages_and_changes_nothing()
    {
        var community = CommunityOps.Seeded();
        var before = community.ToState();
        var id = ChineseIdNumber.Create("370203", new LocalDate(2023, 1, 2), 17);
        var registration = new ResidentRegistration(PersonName.Of("未来人"), IdentityDocument.MainlandId(id.Value));

        var error = community.RegisterResident(new Id<Household>(1), registration).AsT3;

        Assert.Equal(new BirthDateInFuture(new Id<Household>(1), LocalToday), error);
        var en = error.MessageIn(CultureInfo.GetCultureInfo("en"));
        var zh = error.MessageIn(CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Contains("after the registration date 2022-08-18", en, StringComparison.Ordinal);
        Assert.Contains("出生日期晚于登记日期 2022-08-18", zh, StringComparison.Ordinal);
        foreach (var text in new[] { en, zh, error.ToString() })
        {
            Assert.DoesNotContain(id.Value, text, StringComparison.Ordinal);
            Assert.DoesNotContain("20230102", text, StringComparison.Ordinal);
            Assert.DoesNotContain("未来人", text, StringComparison.Ordinal);
        }

        Assert.Equal(before, community.ToState());
        Assert.Empty(community.PendingEvents);
    }

    [Fact]
    public void RegisterResident_birth_date_given_directly_after_the_local_date_is_refused_but_today_is_accepted()
    {
        var community = CommunityOps.Seeded();

        // The UTC date is still the 17th; the community's local date (the 18th) decides.
        Assert.True(community.RegisterResident(new Id<Household>(1), new ResidentRegistration(PersonName.Of("新生儿"), birthDate: LocalToday)).IsT0);
        Assert.True(community.RegisterResident(new Id<Household>(1), new ResidentRegistration(PersonName.Of("明天"), birthDate: LocalToday.PlusDays(1))).IsT3);
    }

    [Fact]
    public void AgeOn_before_the_birth_date_is_unknown_so_the_person_is_never_counted_as_an_infant()
    {
        var community = CommunityOps.Seeded();
        var baby = community.RegisterResident(new Id<Household>(3), new ResidentRegistration(PersonName.Of("新生儿"), birthDate: LocalToday)).AsT0;

        Assert.Null(baby.AgeOn(LocalToday.PlusDays(-1)));
        Assert.Equal(0, baby.AgeOn(LocalToday));
        var needsBefore = community.NeedsOf(new Id<Household>(3), LocalToday.PlusDays(-1));
        var needsOn = community.NeedsOf(new Id<Household>(3), LocalToday);
        Assert.Equal(needsBefore.InfantsUnder3 + 1, needsOn.InfantsUnder3);
    }

    [Property]
    public void Age_is_never_negative(int birthOffsetDays, int onOffsetDays)
    {
        var community = CommunityOps.Seeded();
        var born = LocalToday.PlusDays(-Math.Abs(birthOffsetDays % 40000));
        var resident = community.RegisterResident(new Id<Household>(1), new ResidentRegistration(PersonName.Of("某人"), birthDate: born)).AsT0;
        var on = born.PlusDays(onOffsetDays % 40000);

        var age = resident.AgeOn(on);

        Assert.True(age is null ? on < born : age >= 0 && on >= born);
    }
}
