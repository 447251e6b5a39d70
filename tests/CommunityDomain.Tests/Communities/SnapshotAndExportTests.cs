using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Communities.State;
using CommunityDomain.Kernel;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>
/// The structure commands' events, the snapshot records they leave in <see cref="Community.ToState"/>, and the two
/// exports (anonymised statistics per compound, the register in clear), checked against the commands that made them.
/// </summary>
public sealed class SnapshotAndExportTests
{
    private static readonly Instant T0 = Instant.FromUtc(2022, 4, 1, 0, 0);

    private sealed record Built(Community Community, Compound Compound, Building Building, Unit Unit, Post Post, Household Household, Resident Resident);

    private static Built Build()
    {
        var community = Community.Create("Pubai", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new FakeClock(T0));
        var compound = community.AddCompound("Dongfang").AsT0;
        var building = community.AddBuilding(compound.Id, "3", new Position(12.5, -4)).AsT0;
        var unit = community.AddUnit(building.Id, "2", 6).AsT0;
        var post = community.AddPost(compound.Id, PostKind.Gate, "North gate").AsT0;
        var household = community.RegisterHousehold(new Room(unit.Id, 5, "502")).AsT0;
        var resident = community.RegisterResident(household.Id, new ResidentRegistration(PersonName.Of("王芳"), birthDate: new LocalDate(1941, 5, 1))).AsT0;
        return new Built(community, compound, building, unit, post, household, resident);
    }

    [Fact]
    public void AddBuilding_AddUnit_and_RegisterHousehold_raise_events_naming_what_was_made_and_where()
    {
        var b = Build();
        var events = b.Community.PendingEvents;

        var building = Assert.Single(events.OfType<BuildingAdded>());
        Assert.Equal((b.Building.Id, b.Compound.Id, 2L), (building.Building, building.Compound, building.Version));
        var unit = Assert.Single(events.OfType<UnitAdded>());
        Assert.Equal((b.Unit.Id, b.Building.Id, 3L), (unit.Unit, unit.Building, unit.Version));
        var household = Assert.Single(events.OfType<HouseholdRegistered>());
        Assert.Equal(b.Household.Id, household.Household);
        Assert.Equal(new Room(b.Unit.Id, 5, "502"), household.Room);
        Assert.All(events, e => Assert.Equal(T0, e.OccurredAt));
    }

    [Fact]
    public void ToState_holds_one_state_record_per_entity_with_the_values_given()
    {
        var b = Build();
        var order = b.Community.Issue(ControlOrderRequest.Sealed(ControlScope.Of(b.Building.Id), T0, "case contact")).AsT0;
        var incident = b.Community.ReportIncident(b.Post.Id, IncidentKind.GateFailure, T0 + Duration.FromHours(1), 1, "Gate motor failed").AsT0;

        var state = b.Community.ToState();

        Assert.Equal(new CompoundState(b.Compound.Id.Value, "Dongfang"), Assert.Single(state.Compounds));
        Assert.Equal(new BuildingState(b.Building.Id.Value, b.Compound.Id.Value, "3", 12.5, -4), Assert.Single(state.Buildings));
        Assert.Equal(new UnitState(b.Unit.Id.Value, b.Building.Id.Value, "2", 6), Assert.Single(state.Units));
        Assert.Equal(new PostState(b.Post.Id.Value, b.Compound.Id.Value, PostKind.Gate, "North gate"), Assert.Single(state.Posts));
        Assert.Equal(new HouseholdState(b.Household.Id.Value, b.Unit.Id.Value, 5, "502", null, null), Assert.Single(state.Households));
        ResidentState resident = Assert.Single(state.Residents);
        Assert.Equal((b.Resident.Id.Value, b.Household.Id.Value, Presence.Present), (resident.Id, resident.HouseholdId, resident.Presence));
        ControlOrderState stored = Assert.Single(state.ControlOrders);
        Assert.Equal((order.Id.Value, ControlLevel.Sealed, ControlScopeKind.Building, b.Building.Id.Value, (Instant?)null),
            (stored.Id, stored.Level, stored.ScopeKind, stored.ScopeTargetId, stored.LiftedAt));
        IncidentState open = Assert.Single(state.Incidents);
        Assert.Equal((incident.Id.Value, b.Post.Id.Value, 1, (Instant?)null), (open.Id, open.PostId, open.ExtraOnDuty, open.ResolvedAt));
    }

    [Fact]
    public void ExportStatistics_counts_each_compound_by_presence_age_band_and_seal()
    {
        var b = Build();
        var away = b.Community.RegisterResident(b.Household.Id, new ResidentRegistration(PersonName.Of("李雷"), birthDate: new LocalDate(2020, 1, 1))).AsT0;
        b.Community.MarkAway(away.Id, T0 + Duration.FromHours(2));
        b.Community.Issue(ControlOrderRequest.Sealed(ControlScope.Of(b.Unit.Id), T0, "case contact"));
        var other = b.Community.AddCompound("Meiyuan").AsT0;

        var stats = b.Community.ExportStatistics(T0 + Duration.FromDays(1)).AsT0;

        CompoundStatistics dongfang = stats.Compounds.Single(c => c.Compound == b.Compound.Id);
        Assert.Equal((1, 1, 1, 0), (dongfang.Households, dongfang.Present, dongfang.Away, dongfang.MovedOut));
        Assert.Equal((1, 1, 0), (dongfang.Under3, dongfang.Aged80Plus, dongfang.Aged18To59));
        Assert.Equal(1, dongfang.SealedHouseholds);
        CompoundStatistics meiyuan = stats.Compounds.Single(c => c.Compound == other.Id);
        Assert.Equal((0, 0, 0), (meiyuan.Households, meiyuan.Present, meiyuan.SealedHouseholds));
    }

    [Fact]
    public void ExportRegister_lists_current_residents_in_clear_only_for_an_actor_with_personal_data()
    {
        var b = Build();
        var office = Actor.Office("office.wang");

        Assert.True(b.Community.ExportRegister(office).IsT1);
        RegisterEntry entry = Assert.Single(b.Community.ExportRegister(office.WithPersonalData()).AsT0);

        Assert.Equal((b.Resident.Id, b.Household.Id, new Room(b.Unit.Id, 5, "502")), (entry.Resident, entry.Household, entry.Room));
        Assert.Equal("王芳", entry.Name.Value);
        Assert.Equal(Presence.Present, entry.Presence);
    }
}
