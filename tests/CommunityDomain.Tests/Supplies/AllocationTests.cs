using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;

namespace CommunityDomain.Tests.Supplies;

public sealed class AllocationTests
{
    private static Claim C(int id, int need, int weight = 1, int tier = 0) => new(new Id<Household>(id), need, weight, tier);

    [Fact]
    public void Max_min_with_unequal_weights_lifts_the_poorest_first()
    {
        // Weights 1 and 3: two units go one to each (shares 1 and 1/3), not both to the heavier claim.
        var plan = SupplyAllocator.Allocate([C(1, 5, 1), C(2, 5, 3)], 2, AllocationPolicy.MaxMin);
        Assert.Equal([1, 1], plan.Shares.Select(s => s.Allocated));
    }

    [Fact]
    public void Max_min_caps_small_needs_and_shares_the_rest()
    {
        var plan = SupplyAllocator.Allocate([C(1, 2), C(2, 10), C(3, 10)], 12, AllocationPolicy.MaxMin);
        Assert.Equal([2, 5, 5], plan.Shares.Select(s => s.Allocated));
        Assert.Contains("water level", plan.Explain(new Id<Household>(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Urgent_tier_is_served_in_full_first()
    {
        var plan = SupplyAllocator.Allocate([C(1, 4, tier: 1), C(2, 3, tier: 0), C(3, 4, tier: 1)], 5, AllocationPolicy.MaxMin);
        Assert.Equal(3, plan.ShareOf(new Id<Household>(2)).Allocated);
        Assert.Equal(ShareOutcome.FullNeed, plan.ShareOf(new Id<Household>(2)).Outcome);
        Assert.Equal(ShareOutcome.Rationed, plan.ShareOf(new Id<Household>(1)).Outcome);
        Assert.Equal(2, plan.Shares.Where(s => s.Tier == 1).Sum(s => s.Allocated));
    }

    [Fact]
    public void Hamilton_shows_the_alabama_paradox_and_webster_does_not()
    {
        // The classic example: needs 6, 6, 2; supply 10 then 11. Hamilton takes a unit away from the third.
        Claim[] claims = [C(1, 6), C(2, 6), C(3, 2)];
        var h10 = SupplyAllocator.Allocate(claims, 10, AllocationPolicy.Hamilton).Shares.Select(s => s.Allocated).ToArray();
        var h11 = SupplyAllocator.Allocate(claims, 11, AllocationPolicy.Hamilton).Shares.Select(s => s.Allocated).ToArray();
        Assert.Equal([4, 4, 2], h10);
        Assert.Equal([5, 5, 1], h11);
        var w10 = SupplyAllocator.Allocate(claims, 10, AllocationPolicy.Webster).Shares.Select(s => s.Allocated).ToArray();
        var w11 = SupplyAllocator.Allocate(claims, 11, AllocationPolicy.Webster).Shares.Select(s => s.Allocated).ToArray();
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(w11[i] >= w10[i]));
    }

    [Fact]
    public void Allocate_rejects_a_household_twice_and_negative_supply()
    {
        Assert.Equal("claims", Assert.Throws<ArgumentException>(() => SupplyAllocator.Allocate([C(1, 2), C(1, 3)], 2, AllocationPolicy.MaxMin)).ParamName);
        Assert.Equal("supply", Assert.Throws<ArgumentException>(() => SupplyAllocator.Allocate([C(1, 2)], -1, AllocationPolicy.MaxMin)).ParamName);
        Assert.Equal("weight", Assert.ThrowsAny<ArgumentException>(() => C(1, 2, 0)).ParamName);
    }

    [Fact]
    public void Allocate_with_sparse_household_ids_still_detects_duplicates()
    {
        var plan = SupplyAllocator.Allocate([C(1, 4), C(2_000_000_000, 4)], 4, AllocationPolicy.MaxMin);
        Assert.Equal([2, 2], plan.Shares.Select(s => s.Allocated));
        Assert.Throws<ArgumentException>(() => SupplyAllocator.Allocate([C(2_000_000_000, 4), C(2_000_000_000, 1)], 4, AllocationPolicy.Webster));
    }

    [Fact]
    public void Need_rules_add_extras_for_infants_the_very_old_and_the_chronically_ill()
    {
        var rules = new NeedRules(rationPerPersonPerDay: 2, days: 3, perInfant: 4, perAged80: 1, perChronicallyIll: 2);
        var needs = new HouseholdNeeds(Members: 4, Present: 3, Aged60Plus: 1, Aged80Plus: 1, InfantsUnder3: 1, Disabled: 0, ChronicallyIll: 1, Pregnant: 0, Bedridden: 0);
        Assert.Equal((2 * 3 * 3) + 4 + 1 + 2, rules.NeedOf(needs));
    }
}
