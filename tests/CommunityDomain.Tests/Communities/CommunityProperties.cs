using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

public sealed class CommunityProperties
{
    [Property(Arbitrary = [typeof(CommunityArbitraries)], MaxTest = 300)]
    public void A_failed_command_changes_nothing_and_a_change_raises_one_event_per_version(CommunityOp[] ops)
    {
        var clock = new FakeClock(CommunityOps.T0);
        CommandAtomicity.Check(CommunityOps.Seeded(clock), clock, ops);
    }

    [Property(Arbitrary = [typeof(CommunityArbitraries)], MaxTest = 200)]
    public void A_rebuilt_community_equals_the_original(CommunityOp[] ops)
    {
        var community = CommunityOps.Seeded();
        foreach (var op in ops)
        {
            op.Apply(community);
        }

        var rebuilt = Community.Restore(community.ToState(), new FakeClock(CommunityOps.T0));

        Assert.Equal(community.ToState(), rebuilt.ToState());
        Assert.Equal(community.Version, rebuilt.Version);
        Assert.Empty(rebuilt.PendingEvents);
        foreach (var household in community.Households)
        {
            Assert.Equal(household.Members, rebuilt.Get(household.Id).Members);
            for (var hour = -12; hour <= 300; hour += 24)
            {
                Assert.Equal(community.EffectiveLevel(household.Id, CommunityOps.At(hour)), rebuilt.EffectiveLevel(household.Id, CommunityOps.At(hour)));
            }
        }
    }

    [Property(Arbitrary = [typeof(ControlArbitraries)], MaxTest = 300)]
    public void Effective_level_is_the_most_restrictive_order_in_force_over_a_covering_scope(CommunityOp[] ops)
    {
        var community = CommunityOps.Seeded();
        foreach (var op in ops)
        {
            op.Apply(community);
        }

        for (var hour = -12; hour <= 360; hour += 7)
        {
            var at = CommunityOps.At(hour);
            foreach (var household in community.Households)
            {
                Assert.Equal(BruteForceLevel(community, household, at), community.EffectiveLevel(household.Id, at));
            }
        }
    }

    [Property(Arbitrary = [typeof(ControlArbitraries)], MaxTest = 300)]
    public void Sealed_households_are_exactly_those_whose_effective_level_is_sealed(CommunityOp[] ops)
    {
        var community = CommunityOps.Seeded();
        foreach (var op in ops)
        {
            op.Apply(community);
        }

        for (var hour = -12; hour <= 360; hour += 11)
        {
            var at = CommunityOps.At(hour);
            var expected = community.Households.Where(h => BruteForceLevel(community, h, at) == ControlLevel.Sealed).Select(h => h.Id);
            Assert.Equal(expected, community.SealedHouseholds(at));
        }
    }

    /// <summary>Independent recomputation: scan every order, decide coverage and force from raw fields.</summary>
    private static ControlLevel BruteForceLevel(Community community, Household household, Instant at)
    {
        var unit = community.Get(household.Room.Unit);
        var building = community.Get(unit.BuildingId);
        var level = ControlLevel.None;
        foreach (var order in community.ControlOrders)
        {
            var covers = order.Scope.Kind switch
            {
                ControlScopeKind.Community => true,
                ControlScopeKind.Compound => order.Scope.TargetId == building.CompoundId.Value,
                ControlScopeKind.Building => order.Scope.TargetId == building.Id.Value,
                ControlScopeKind.Unit => order.Scope.TargetId == unit.Id.Value,
                _ => order.Scope.TargetId == household.Id.Value,
            };
            var started = order.From <= at;
            var notEnded = (order.Until is null || at < order.Until) && (order.LiftedAt is null || at < order.LiftedAt);
            if (covers && started && notEnded && order.Level > level)
            {
                level = order.Level;
            }
        }

        return level;
    }
}
