using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Communities;

public sealed class ControlOrderTests
{
    private static readonly Id<Compound> CompoundA = new(1);
    private static readonly Id<Household> InA = new(1);     // unit 1, building 1, compound 1
    private static readonly Id<Household> InB = new(7);     // unit 5, building 4, compound 2

    [Fact]
    public void EffectiveLevel_takes_the_most_restrictive_covering_order_in_force()
    {
        var community = CommunityOps.Seeded();
        community.Issue(ControlOrderRequest.Controlled(ControlScope.WholeCommunity, CommunityOps.At(0), "medium-risk area"));
        community.Issue(ControlOrderRequest.Sealed(CompoundA, CommunityOps.At(0), "cases"));
        community.Issue(ControlOrderRequest.Precaution(InA, CommunityOps.At(0), "watch"));

        Assert.Equal(ControlLevel.Sealed, community.EffectiveLevel(InA, CommunityOps.At(1)));
        Assert.Equal(ControlLevel.Controlled, community.EffectiveLevel(InB, CommunityOps.At(1)));
        Assert.Equal(ControlLevel.None, community.EffectiveLevel(InA, CommunityOps.At(-1)));
    }

    [Fact]
    public void Order_is_in_force_from_start_inclusive_to_planned_end_exclusive()
    {
        var community = CommunityOps.Seeded();
        var order = community.Issue(ControlOrderRequest.Sealed(new Id<Building>(1), CommunityOps.At(0), "cases", until: CommunityOps.At(24))).AsT0;

        Assert.Equal(ControlLevel.Sealed, community.EffectiveLevel(InA, CommunityOps.At(0)));
        Assert.Equal(ControlLevel.Sealed, community.EffectiveLevel(InA, CommunityOps.At(24).Minus(Duration.Epsilon)));
        Assert.Equal(ControlLevel.None, community.EffectiveLevel(InA, CommunityOps.At(24)));
        Assert.Equal(CommunityOps.At(24), order.EffectiveEnd);
    }

    [Fact]
    public void Lift_ends_the_order_early_and_raises_event()
    {
        var community = CommunityOps.Seeded();
        var order = community.Issue(ControlOrderRequest.Sealed(InA, CommunityOps.At(0), "contact")).AsT0;

        var lifted = community.Lift(order.Id, CommunityOps.At(10), "negative retest", Actor.Of("head.li")).AsT0;

        Assert.Equal(CommunityOps.At(10), lifted.EffectiveEnd);
        Assert.Equal(ControlLevel.None, community.EffectiveLevel(InA, CommunityOps.At(10)));
        Assert.Equal(ControlLevel.Sealed, community.EffectiveLevel(InA, CommunityOps.At(9)));
        var raised = Assert.IsType<ControlOrderLifted>(community.PendingEvents[^1]);
        Assert.Equal("head.li", raised.By.Account);
    }

    [Fact]
    public void Lift_twice_returns_OrderAlreadyLifted_and_changes_nothing()
    {
        var community = CommunityOps.Seeded();
        var order = community.Issue(ControlOrderRequest.Sealed(InA, CommunityOps.At(0), "contact")).AsT0;
        community.Lift(order.Id, CommunityOps.At(10), "negative");
        var before = community.ToState();

        var again = community.Lift(order.Id, CommunityOps.At(12), "again");

        Assert.Equal(new OrderAlreadyLifted(order.Id, CommunityOps.At(10)), again.AsT2);
        Assert.Equal(before, community.ToState());
    }

    [Fact]
    public void Lift_after_planned_end_returns_OrderAlreadyEnded()
    {
        var community = CommunityOps.Seeded();
        var order = community.Issue(ControlOrderRequest.Sealed(InA, CommunityOps.At(0), "contact", CommunityOps.At(5))).AsT0;
        Assert.Equal(new OrderAlreadyEnded(order.Id, CommunityOps.At(5)), community.Lift(order.Id, CommunityOps.At(5), "late").AsT3);
        Assert.True(community.Lift(new Id<ControlOrder>(42), CommunityOps.At(5), "x").IsT1);
    }

    [Fact]
    public void Lift_before_start_means_never_in_force()
    {
        var community = CommunityOps.Seeded();
        var order = community.Issue(ControlOrderRequest.Sealed(InA, CommunityOps.At(10), "planned")).AsT0;
        community.Lift(order.Id, CommunityOps.At(5), "cancelled");
        Assert.Empty(community.SealedHouseholds(CommunityOps.At(11)));
    }

    [Fact]
    public void Issue_unknown_scope_target_returns_NotFound_of_that_kind()
    {
        var community = CommunityOps.Seeded();
        Assert.True(community.Issue(ControlOrderRequest.Sealed(new Id<Compound>(9), CommunityOps.At(0), "x")).IsT1);
        Assert.True(community.Issue(ControlOrderRequest.Sealed(new Id<Building>(9), CommunityOps.At(0), "x")).IsT2);
        Assert.True(community.Issue(ControlOrderRequest.Sealed(new Id<Unit>(99), CommunityOps.At(0), "x")).IsT3);
        Assert.True(community.Issue(ControlOrderRequest.Sealed(new Id<Household>(99), CommunityOps.At(0), "x")).IsT4);
        Assert.Empty(community.PendingEvents);
    }

    [Fact]
    public void Issued_event_carries_level_scope_and_interval()
    {
        var community = CommunityOps.Seeded();
        var order = community.Issue(ControlOrderRequest.Controlled(ControlScope.WholeCommunity, CommunityOps.At(0), "medium risk", CommunityOps.At(72))).AsT0;
        var issued = Assert.IsType<ControlOrderIssued>(Assert.Single(community.PendingEvents));
        Assert.Equal((order.Id, ControlLevel.Controlled, ControlScope.WholeCommunity, CommunityOps.At(0), (Instant?)CommunityOps.At(72)),
            (issued.Order, issued.Level, issued.Scope, issued.From, issued.Until));
    }

    [Fact]
    public void Request_guards_level_scope_reason_and_interval()
    {
        Assert.Equal("level", Assert.Throws<ArgumentException>(() => new ControlOrderRequest(ControlLevel.None, ControlScope.WholeCommunity, CommunityOps.T0, "x")).ParamName);
        Assert.Equal("scope", Assert.Throws<ArgumentException>(() => new ControlOrderRequest(ControlLevel.Sealed, default, CommunityOps.T0, "x")).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => ControlOrderRequest.Sealed(ControlScope.WholeCommunity, CommunityOps.T0, " ")).ParamName);
        Assert.Equal("until", Assert.Throws<ArgumentException>(() => ControlOrderRequest.Sealed(ControlScope.WholeCommunity, CommunityOps.T0, "x", CommunityOps.T0)).ParamName);
    }

    [Fact]
    public void SealedHouseholds_and_HouseholdsIn_follow_the_scope_tree()
    {
        var community = CommunityOps.Seeded();
        community.Issue(ControlOrderRequest.Sealed(new Id<Building>(2), CommunityOps.At(0), "cases"));
        community.Issue(ControlOrderRequest.Sealed(new Id<Unit>(6), CommunityOps.At(0), "cases"));

        Assert.Equal([new Id<Household>(4), new Id<Household>(5), new Id<Household>(9), new Id<Household>(10)], community.SealedHouseholds(CommunityOps.At(1)));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => new Id<Household>(i)), community.HouseholdsIn(CompoundA));
        Assert.Equal(10, community.HouseholdsIn(ControlScope.WholeCommunity).Count);
        Assert.Equal("scope", Assert.Throws<ArgumentException>(() => community.HouseholdsIn(new Id<Compound>(5))).ParamName);
    }

    [Fact]
    public void OrdersInForce_lists_covering_orders_widest_scope_first()
    {
        var community = CommunityOps.Seeded();
        var household = community.Issue(ControlOrderRequest.Sealed(InA, CommunityOps.At(0), "contact")).AsT0;
        var whole = community.Issue(ControlOrderRequest.Controlled(ControlScope.WholeCommunity, CommunityOps.At(0), "risk")).AsT0;
        community.Issue(ControlOrderRequest.Sealed(InB, CommunityOps.At(0), "contact"));

        Assert.Equal([whole, household], community.OrdersInForce(InA, CommunityOps.At(1)));
    }

    [Fact]
    public void Scope_ToString_and_implicit_conversions()
    {
        ControlScope scope = new Id<Building>(3);
        Assert.Equal("Building#3", scope.ToString());
        Assert.Equal("Community", ControlScope.WholeCommunity.ToString());
        Assert.Equal("compound", Assert.Throws<ArgumentException>(() => ControlScope.Of(default(Id<Compound>))).ParamName);
    }
}
