using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.State;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

public sealed class StateTests
{
    [Fact]
    public void Restore_keeps_version_lifted_orders_contacts_and_moved_out_residents()
    {
        var community = CommunityOps.Seeded();
        var order = community.Issue(ControlOrderRequest.Sealed(new CommunityDomain.Kernel.Id<Household>(1), CommunityOps.At(0), "contact")).AsT0;
        community.Lift(order.Id, CommunityOps.At(5), "negative", CommunityDomain.Kernel.Actor.Of("head"));
        community.MoveOut(new CommunityDomain.Kernel.Id<Resident>(2), CommunityOps.At(3));
        community.SetHouseholdContact(new CommunityDomain.Kernel.Id<Household>(1), new CommunityDomain.Kernel.Id<Resident>(1), null);

        var state = community.ToState();
        var rebuilt = Community.Restore(state, new FakeClock(CommunityOps.T0));

        Assert.Equal(state, rebuilt.ToState());
        Assert.Equal(community.Version, rebuilt.Version);
        Assert.Equal("head", rebuilt.Get(order.Id).LiftedBy?.Account);
        Assert.Equal(Presence.MovedOut, rebuilt.Get(new CommunityDomain.Kernel.Id<Resident>(2)).Presence);
    }

    [Fact]
    public void Restore_inconsistent_state_throws_naming_state()
    {
        var state = CommunityOps.Seeded().ToState();
        var dangling = state with { Units = [.. state.Units, new UnitState(state.Units.Count + 1, 99, "X", 6)] };
        var outOfOrder = state with { Compounds = [.. state.Compounds.Reverse()] };
        var badZone = state with { ZoneId = "Mars/Olympus" };
        var duplicateRoom = state with { Households = [.. state.Households, state.Households[0] with { Id = state.Households.Count + 1 }] };

        foreach (var bad in new[] { dangling, outOfOrder, badZone, duplicateRoom })
        {
            Assert.Equal("state", Assert.Throws<ArgumentException>(() => Community.Restore(bad, new FakeClock(CommunityOps.T0))).ParamName);
        }
    }

    [Fact]
    public void State_ToString_shows_counts_only()
    {
        var state = CommunityOps.Seeded().ToState();
        var text = state.ToString();
        Assert.Contains("10 households", text, StringComparison.Ordinal);
        Assert.DoesNotContain("张", text, StringComparison.Ordinal);
    }

    [Fact]
    public void States_differing_in_one_resident_are_not_equal()
    {
        var a = CommunityOps.Seeded();
        var b = CommunityOps.Seeded();
        b.MarkAway(new CommunityDomain.Kernel.Id<Resident>(4), CommunityOps.At(1));
        Assert.NotEqual(a.ToState(), b.ToState());
    }
}
