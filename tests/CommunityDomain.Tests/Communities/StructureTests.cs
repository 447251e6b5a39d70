using CommunityDomain.Communities;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

public sealed class StructureTests
{
    private static Community NewCommunity() =>
        Community.Create("Pubai", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new FakeClock(CommunityOps.T0));

    [Fact]
    public void Create_blank_name_throws_naming_the_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => Community.Create("  ", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new FakeClock(CommunityOps.T0)));
        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void AddCompound_new_name_assigns_sequential_ids_and_raises_event_with_actor()
    {
        var community = NewCommunity();
        var first = community.AddCompound("Dongfang", Actor.Of("office.wang")).AsT0;
        var second = community.AddCompound("Meiyuan").AsT0;

        Assert.Equal(1, first.Id.Value);
        Assert.Equal(2, second.Id.Value);
        Assert.Equal(2, community.Version);
        var added = Assert.IsType<CompoundAdded>(community.PendingEvents[0]);
        Assert.Equal("office.wang", added.By.Account);
        Assert.Equal(first.Id, added.Compound);
        Assert.Equal(CommunityOps.T0, added.OccurredAt);
        Assert.Equal(Actor.System, ((CompoundAdded)community.PendingEvents[1]).By);
    }

    [Fact]
    public void AddCompound_taken_name_returns_NameTaken_and_changes_nothing()
    {
        var community = NewCommunity();
        community.AddCompound("Dongfang");
        var before = community.ToState();

        var result = community.AddCompound(" Dongfang ");

        Assert.True(result.IsT1);
        Assert.Equal("Dongfang", result.AsT1.Name);
        Assert.Equal(before, community.ToState());
        Assert.Single(community.PendingEvents);
    }

    [Fact]
    public void AddBuilding_unknown_compound_returns_NotFound()
    {
        var result = NewCommunity().AddBuilding(new Id<Compound>(9), "1", new Position(0, 0));
        Assert.Equal(new NotFound<Compound>(new Id<Compound>(9)), result.AsT1);
    }

    [Fact]
    public void AddBuilding_default_compound_throws_naming_the_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewCommunity().AddBuilding(default, "1", new Position(0, 0)));
        Assert.Equal("compound", ex.ParamName);
    }

    [Fact]
    public void AddBuilding_same_name_in_same_compound_is_taken_but_allowed_in_another()
    {
        var community = NewCommunity();
        var a = community.AddCompound("A").AsT0.Id;
        var b = community.AddCompound("B").AsT0.Id;
        community.AddBuilding(a, "1", new Position(0, 0));

        Assert.True(community.AddBuilding(a, "1", new Position(5, 5)).IsT2);
        Assert.True(community.AddBuilding(b, "1", new Position(5, 5)).IsT0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void AddUnit_floors_out_of_range_throws(int floors)
    {
        var community = NewCommunity();
        var building = community.AddBuilding(community.AddCompound("A").AsT0.Id, "1", default).AsT0.Id;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => community.AddUnit(building, "1", floors));
        Assert.Equal("floors", ex.ParamName);
    }

    [Fact]
    public void AddPost_lists_posts_by_compound()
    {
        var community = NewCommunity();
        var compound = community.AddCompound("Dongfang").AsT0.Id;
        var gate = community.AddPost(compound, PostKind.Gate, "East gate").AsT0;

        Assert.Equal([gate], community.PostsOf(compound));
        Assert.Equal(PostKind.Gate, community.Get(gate.Id).Kind);
        Assert.True(community.AddPost(compound, PostKind.Checkpoint, "East gate").IsT2);
        Assert.IsType<PostAdded>(community.PendingEvents[^1]);
    }

    [Fact]
    public void RegisterHousehold_checks_unit_floor_and_room()
    {
        var community = CommunityOps.Seeded();
        var unit = new Id<Unit>(1);

        Assert.True(community.RegisterHousehold(new Room(new Id<Unit>(99), 1, "101")).IsT1);
        Assert.Equal(new FloorOutOfRange(unit, 7, 6), community.RegisterHousehold(new Room(unit, 7, "701")).AsT2);
        Assert.Equal(new Id<Household>(1), community.RegisterHousehold(new Room(unit, 1, "101")).AsT3.Occupant);
        var fresh = community.RegisterHousehold(new Room(unit, 5, "501")).AsT0;
        Assert.Equal(community.Get(unit).BuildingId, fresh.BuildingId);
        Assert.Equal(community.Get(fresh.BuildingId).CompoundId, fresh.CompoundId);
    }

    [Fact]
    public void Room_floor_zero_or_blank_door_throws()
    {
        Assert.Equal("floor", Assert.Throws<ArgumentException>(() => new Room(new Id<Unit>(1), 0, "1")).ParamName);
        Assert.Equal("door", Assert.Throws<ArgumentException>(() => new Room(new Id<Unit>(1), 1, " ")).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentException>(() => new Room(default, 1, "101")).ParamName);
    }

    [Fact]
    public void NeighboursOf_lists_same_compound_buildings_within_distance_nearest_first()
    {
        var community = NewCommunity();
        var a = community.AddCompound("A").AsT0.Id;
        var other = community.AddCompound("B").AsT0.Id;
        var origin = community.AddBuilding(a, "1", new Position(0, 0)).AsT0.Id;
        var far = community.AddBuilding(a, "2", new Position(100, 0)).AsT0.Id;
        var near = community.AddBuilding(a, "3", new Position(0, 30)).AsT0.Id;
        community.AddBuilding(other, "1", new Position(1, 1));

        Assert.Equal([near, far], community.NeighboursOf(origin, 100).Select(b => b.Id));
        Assert.Equal([near], community.NeighboursOf(origin, 50).Select(b => b.Id));
        Assert.Equal(30, community.Get(origin).Position.DistanceTo(community.Get(near).Position), 6);
    }

    [Fact]
    public void Position_non_finite_throws()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Position(double.NaN, 0)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new Position(0, double.PositiveInfinity)).ParamName);
    }

    [Fact]
    public void Get_unknown_id_throws_naming_the_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewCommunity().Get(new Id<Household>(3)));
        Assert.Equal("id", ex.ParamName);
    }
}
