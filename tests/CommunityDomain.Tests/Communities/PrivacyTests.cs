using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Communities;

/// <summary>Residents' names, ID numbers and phones never appear in clear in ToString, messages or events.</summary>
public sealed class PrivacyTests
{
    private static IEnumerable<string> SecretsOf(ResidentRegistration r) =>
        new[] { r.Name.Value, r.Document?.Number, r.Phone?.Value }.Where(s => s is { Length: > 1 })!;

    [Fact]
    public void Resident_registration_and_household_ToString_show_no_clear_personal_data()
    {
        var community = CommunityOps.Seeded();
        community.SetHouseholdContact(new Id<Household>(1), new Id<Resident>(1), PeoplePool.Registrations[0].Phone);
        foreach (var resident in community.Residents)
        {
            var texts = new[]
            {
                resident.ToString(), resident.Registration.ToString(), community.Get(resident.HouseholdId).ToString(),
                resident.Name.ToString(), resident.Document?.ToString() ?? string.Empty, resident.Phone?.ToString() ?? string.Empty,
                community.ToState().Residents[resident.Id.Value - 1].ToString(),
                community.ToState().Households[resident.HouseholdId.Value - 1].ToString(),
            };
            foreach (var secret in SecretsOf(resident.Registration))
            {
                Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Events_of_a_whole_history_carry_no_clear_personal_data()
    {
        var community = Community.Create("Privacy", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new NodaTime.Testing.FakeClock(CommunityOps.T0));
        foreach (var op in new CommunityOp[]
        {
            new AddCompoundOp(1), new AddBuildingOp(1, 1, 0, 0), new AddUnitOp(1, 1, 6),
            new RegisterHouseholdOp(1, 1, 1), new RegisterHouseholdOp(1, 2, 1),
            new RegisterResidentOp(1, 0), new RegisterResidentOp(1, 3), new ContactOp(1, 1, true),
            new MoveResidentOp(2, 2, 1), new PresenceOp(1, Presence.Away, 2), new PresenceOp(2, Presence.MovedOut, 3),
        })
        {
            Assert.True(op.Apply(community), op.ToString());
        }

        var eventTexts = community.PendingEvents.Select(e => e.ToString()).ToList();
        Assert.Equal(11, eventTexts.Count);
        foreach (var secret in new[] { 0, 3 }.SelectMany(i => SecretsOf(PeoplePool.Registrations[i])).Append("13800138000"))
        {
            Assert.All(eventTexts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Duplicate_id_number_message_is_masked_in_both_languages()
    {
        var community = CommunityOps.Seeded();
        var error = community.RegisterResident(new Id<Household>(2), PeoplePool.Registrations[0]).AsT2;
        var number = PeoplePool.Registrations[0].Document!.Value.Number;

        Assert.DoesNotContain(number, error.MessageIn(CultureInfo.GetCultureInfo("en-US")), StringComparison.Ordinal);
        Assert.DoesNotContain(number, error.MessageIn(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.DoesNotContain(number, error.ToString(), StringComparison.Ordinal);
    }
}
