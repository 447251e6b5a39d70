using CommunityDomain.Communities;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Communities;

public sealed class ResidentTests
{
    private static readonly Id<Household> Home = new(1);
    private static readonly Id<Household> Other = new(2);

    [Fact]
    public void RegisterResident_adds_a_present_member_and_derives_birth_date_from_the_id_number()
    {
        var community = CommunityOps.Seeded();
        var id = ChineseIdNumber.Create("610526", new LocalDate(1948, 5, 17), 21);
        var resident = community.RegisterResident(Other, new ResidentRegistration(PersonName.Of("王建国"), IdentityDocument.MainlandId(id.Value))).AsT0;

        Assert.Equal(new LocalDate(1948, 5, 17), resident.BirthDate);
        Assert.Equal(74, resident.AgeOn(new LocalDate(2022, 8, 18)));
        Assert.Equal(Presence.Present, resident.Presence);
        Assert.Contains(resident.Id, community.Get(Other).Members);
        var registered = Assert.IsType<ResidentRegistered>(community.PendingEvents[^1]);
        Assert.Equal(resident.Id, registered.Resident);
    }

    [Fact]
    public void RegisterResident_duplicate_id_number_is_rejected_with_masked_number()
    {
        var community = CommunityOps.Seeded();
        var before = community.ToState();

        var result = community.RegisterResident(Other, PeoplePool.Registrations[0]);

        var error = result.AsT2;
        Assert.Equal(new Id<Resident>(1), error.Holder);
        Assert.Contains("***********", error.MaskedNumber, StringComparison.Ordinal);
        Assert.DoesNotContain(PeoplePool.Registrations[0].Document!.Value.Number, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, community.ToState());
    }

    [Fact]
    public void RegisterResident_unknown_household_returns_NotFound()
    {
        Assert.True(CommunityOps.Seeded().RegisterResident(new Id<Household>(77), PeoplePool.Registrations[15]).IsT1);
    }

    [Fact]
    public void Registration_birth_date_disagreeing_with_id_number_throws()
    {
        var id = IdentityDocument.MainlandId(ChineseIdNumber.Create("110105", new LocalDate(1990, 1, 2), 3).Value);
        var ex = Assert.Throws<ArgumentException>(() => new ResidentRegistration(PersonName.Of("李四"), id, birthDate: new LocalDate(1991, 1, 2)));
        Assert.Equal("birthDate", ex.ParamName);
    }

    [Fact]
    public void MoveResident_moves_membership_and_raises_event()
    {
        var community = CommunityOps.Seeded();
        var resident = new Id<Resident>(1);

        Assert.True(community.MoveResident(resident, Other, CommunityOps.At(5)).IsT0);

        Assert.DoesNotContain(resident, community.Get(Home).Members);
        Assert.Contains(resident, community.Get(Other).Members);
        var moved = Assert.IsType<ResidentMoved>(community.PendingEvents[^1]);
        Assert.Equal((Home, Other), (moved.From, moved.To));
    }

    [Fact]
    public void MoveResident_to_own_household_succeeds_silently()
    {
        var community = CommunityOps.Seeded();
        var version = community.Version;
        Assert.True(community.MoveResident(new Id<Resident>(1), Home, CommunityOps.At(5)).IsT0);
        Assert.Equal(version, community.Version);
        Assert.Empty(community.PendingEvents);
    }

    [Fact]
    public void MarkAway_twice_changes_once_and_MarkPresent_returns()
    {
        var community = CommunityOps.Seeded();
        var resident = new Id<Resident>(2);

        community.MarkAway(resident, CommunityOps.At(1));
        community.MarkAway(resident, CommunityOps.At(2));
        Assert.Single(community.PendingEvents);
        Assert.Equal(Presence.Away, community.Get(resident).Presence);
        Assert.Equal(CommunityOps.At(1), community.Get(resident).PresenceSince);

        community.MarkPresent(resident, CommunityOps.At(30));
        Assert.IsType<ResidentReturned>(community.PendingEvents[^1]);
        Assert.Equal(Presence.Present, community.Get(resident).Presence);
    }

    [Fact]
    public void MoveOut_twice_returns_AlreadyMovedOut_and_frees_the_id_number()
    {
        var community = CommunityOps.Seeded();
        var resident = new Id<Resident>(1);

        Assert.True(community.MoveOut(resident, CommunityOps.At(3)).IsT0);
        var again = community.MoveOut(resident, CommunityOps.At(4));

        Assert.Equal(new AlreadyMovedOut(resident, CommunityOps.At(3)), again.AsT2);
        Assert.DoesNotContain(resident, community.Get(Home).Members);
        Assert.True(community.MarkAway(resident, CommunityOps.At(5)).IsT2);
        Assert.True(community.RegisterResident(Other, PeoplePool.Registrations[0]).IsT0);
    }

    [Fact]
    public void PresenceResult_names_its_case_and_error_culture_free()
    {
        var community = CommunityOps.Seeded();
        var resident = new Id<Resident>(1);

        PresenceResult away = community.MarkAway(resident, CommunityOps.At(1));
        PresenceResult late = community.MarkPresent(resident, CommunityOps.At(0));
        PresenceResult gone = community.MoveOut(resident, CommunityOps.At(2));
        PresenceResult again = community.MoveOut(resident, CommunityOps.At(3));

        Assert.Equal((true, (DomainError?)null, "success"), (away.Succeeded, away.Error, away.ToString()));
        Assert.False(late.Succeeded);
        Assert.IsType<ChangeOutOfOrder>(late.Error);
        Assert.Equal(late.AsT3.Code, late.ToString());
        Assert.True(gone.Succeeded);
        Assert.Equal(new AlreadyMovedOut(resident, CommunityOps.At(2)), again.Error);
        Assert.Equal("alreadymovedout", again.Match(_ => "success", _ => "notfound", _ => "alreadymovedout", _ => "outoforder", _ => "notpermitted"));
        Assert.True(community.MarkPresent(new Id<Resident>(999), CommunityOps.At(4)).TryPickT1(out var missing, out _));
        Assert.Equal(new NotFound<Resident>(new Id<Resident>(999)), missing);
    }

    [Fact]
    public void Presence_change_dated_before_the_last_change_is_out_of_order()
    {
        var community = CommunityOps.Seeded();
        var resident = new Id<Resident>(3);
        community.MarkAway(resident, CommunityOps.At(10));
        var before = community.ToState();

        var result = community.MarkPresent(resident, CommunityOps.At(9));

        Assert.Equal(new ChangeOutOfOrder(resident, CommunityOps.At(9), CommunityOps.At(10)), result.AsT3);
        Assert.Equal(before, community.ToState());
    }

    [Fact]
    public void SetHouseholdContact_requires_a_member_and_clears_when_member_leaves()
    {
        var community = CommunityOps.Seeded();
        var member = new Id<Resident>(1);

        Assert.True(community.SetHouseholdContact(Home, new Id<Resident>(3), null).IsT2);
        Assert.True(community.SetHouseholdContact(Home, member, new PhoneNumber("13912345678")).IsT0);
        Assert.Equal(member, community.Get(Home).ContactPerson);
        var changed = Assert.IsType<HouseholdContactChanged>(community.PendingEvents[^1]);
        Assert.True(changed.HasPhone);

        community.MoveResident(member, Other, CommunityOps.At(1));
        Assert.Null(community.Get(Home).ContactPerson);
        Assert.NotNull(community.Get(Home).ContactPhone);
    }

    [Fact]
    public void NeedsOf_counts_ages_and_conditions_of_members_not_moved_out()
    {
        var community = CommunityOps.Seeded();
        var home = community.RegisterHousehold(new Room(new Id<Unit>(2), 6, "601")).AsT0.Id;
        var on = new LocalDate(2022, 8, 18);
        void Add(string name, LocalDate born, HealthConditions conditions) =>
            community.RegisterResident(home, new ResidentRegistration(PersonName.Of(name), birthDate: born, conditions: conditions)).AsT0.ToString();
        Add("甲", new LocalDate(1940, 1, 1), HealthConditions.Bedridden | HealthConditions.ChronicallyIll);
        Add("乙", new LocalDate(1960, 8, 18), HealthConditions.None);
        Add("丙", new LocalDate(2021, 1, 1), HealthConditions.None);
        Add("丁", new LocalDate(1995, 1, 1), HealthConditions.Pregnant | HealthConditions.Disabled);

        var needs = community.NeedsOf(home, on);

        Assert.Equal(new HouseholdNeeds(4, 4, 2, 1, 1, 1, 1, 1, 1), needs);
        Assert.True(needs.IsVulnerable);
        var oldest = community.Get(home).Members[0];
        community.MoveOut(oldest, CommunityOps.At(1));
        Assert.Equal(new HouseholdNeeds(3, 3, 1, 0, 1, 1, 0, 1, 0), community.NeedsOf(home, on));
    }
}
