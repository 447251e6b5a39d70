using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Supplies;

public sealed class AllocationProperties
{
    private static readonly AllocationPolicy[] Policies = [AllocationPolicy.MaxMin, AllocationPolicy.Hamilton, AllocationPolicy.Webster];

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 300)]
    public void No_household_gets_more_than_its_need_nor_the_total_more_than_the_supply(AllocationCase c)
    {
        foreach (var policy in Policies)
        {
            var plan = SupplyAllocator.Allocate(c.Claims, c.Supply, policy);
            Assert.All(plan.Shares, s => Assert.InRange(s.Allocated, 0, s.Need));
            var total = plan.Shares.Sum(s => (long)s.Allocated);
            Assert.Equal(Math.Min(c.Supply, c.Specs.Sum(s => (long)s.Need)), total);
            Assert.Equal(total, plan.Allocated);
        }
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 300)]
    public void A_later_tier_gets_nothing_until_every_earlier_tier_is_fully_served(AllocationCase c)
    {
        foreach (var policy in Policies)
        {
            var plan = SupplyAllocator.Allocate(c.Claims, c.Supply, policy);
            foreach (var late in plan.Shares.Where(s => s.Allocated > 0))
            {
                Assert.All(plan.Shares.Where(s => s.Tier < late.Tier), early => Assert.Equal(early.Need, early.Allocated));
            }
        }
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 200)]
    public void Shuffling_the_claims_never_changes_anyones_share(AllocationCase c)
    {
        var claims = c.Claims;
        var shuffled = claims.OrderBy(_ => new Random(c.Seed).Next()).ToArray();
        new Random(c.Seed).Shuffle(shuffled);
        foreach (var policy in Policies)
        {
            var plan = SupplyAllocator.Allocate(claims, c.Supply, policy);
            var other = SupplyAllocator.Allocate(shuffled, c.Supply, policy);
            Assert.All(claims, x => Assert.Equal(plan.ShareOf(x.Household), other.ShareOf(x.Household)));
        }
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 300)]
    public void More_supply_never_lowers_anyones_share_under_max_min_or_webster(AllocationCase c)
    {
        foreach (var policy in new[] { AllocationPolicy.MaxMin, AllocationPolicy.Webster })
        {
            var less = SupplyAllocator.Allocate(c.Claims, c.Supply, policy);
            var more = SupplyAllocator.Allocate(c.Claims, c.Supply + c.Extra, policy);
            Assert.All(less.Shares, s => Assert.True(more.ShareOf(s.Household).Allocated >= s.Allocated, $"{policy}: {s.Household} lost units when supply grew"));
        }
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 300)]
    public void Hamilton_keeps_every_rationed_share_within_floor_and_ceiling_of_its_quota(AllocationCase c)
    {
        var plan = SupplyAllocator.Allocate(c.Claims, c.Supply, AllocationPolicy.Hamilton);
        foreach (var tier in plan.Tiers.Where(t => !t.FullyServed && t.Supplied > 0))
        {
            foreach (var s in plan.Shares.Where(s => s.Tier == tier.Tier))
            {
                // Exact quota q = supplied * need / tierNeed: floor(q) <= share <= ceil(q).
                var numerator = tier.Supplied * s.Need;
                Assert.InRange(s.Allocated, numerator / tier.Need, (numerator + tier.Need - 1) / tier.Need);
            }
        }
    }

    [Property(Arbitrary = [typeof(SingleTierArbitraries)], MaxTest = 300)]
    public void Max_min_and_webster_equal_the_unit_by_unit_reference(AllocationCase c)
    {
        var claims = c.Claims;
        foreach (var (policy, delta2, weightIsNeed) in new[] { (AllocationPolicy.MaxMin, 0, false), (AllocationPolicy.Webster, 1, true) })
        {
            var plan = SupplyAllocator.Allocate(claims, c.Supply, policy);
            var reference = new int[claims.Length];
            UnitByUnitReference.Apportion(claims, 0, weightIsNeed, delta2, Math.Min(c.Supply, claims.Sum(x => (long)x.Need)), reference);
            Assert.Equal(reference, plan.Shares.Select(s => s.Allocated));
        }
    }

    [Property(Arbitrary = [typeof(SingleTierArbitraries)], MaxTest = 300)]
    public void Max_min_shares_follow_the_reported_water_level(AllocationCase c)
    {
        var plan = SupplyAllocator.Allocate(c.Claims, c.Supply, AllocationPolicy.MaxMin);
        var tier = plan.Tiers.Single();
        if (tier.FullyServed || tier.Supplied == 0)
        {
            return;
        }

        foreach (var s in plan.Shares)
        {
            // weight x level = weight * num / den; the share is min(need, ceil(that)), or one more when it is whole.
            var num = (long)s.Weight * tier.LevelNumerator;
            var ceil = (num + tier.LevelDenominator - 1) / tier.LevelDenominator;
            var whole = num % tier.LevelDenominator == 0;
            var expected = Math.Min(s.Need, ceil);
            Assert.True(s.Allocated == expected || (whole && s.Allocated == expected + 1 && expected < s.Need), $"{s} at level {tier.Level}");
        }
    }

    [Property(Arbitrary = [typeof(TinyAllocationArbitraries)], MaxTest = 400)]
    public void Max_min_no_transfer_of_one_unit_raises_the_minimum_weighted_share(AllocationCase c)
    {
        var claims = c.Claims;
        var x = SupplyAllocator.Allocate(claims, c.Supply, AllocationPolicy.MaxMin).Shares.Select(s => s.Allocated).ToArray();
        var min = MinShare(claims, x);
        for (var from = 0; from < x.Length; from++)
        {
            for (var to = 0; to < x.Length; to++)
            {
                if (from != to && x[from] > 0 && x[to] < claims[to].Need)
                {
                    x[from]--;
                    x[to]++;
                    Assert.True(Compare(MinShare(claims, x), min) <= 0, $"moving a unit from {from} to {to} raised the minimum");
                    x[from]++;
                    x[to]--;
                }
            }
        }

        // Stronger: no whole-unit allocation of the same total has a larger minimum (brute force).
        Assert.Equal(0, Compare(BestMinimum(claims, (int)Math.Min(c.Supply, claims.Sum(k => k.Need))), min));
    }

    private static (long Num, long Den) MinShare(Claim[] claims, int[] x)
    {
        (long Num, long Den) min = (long.MaxValue, 1);
        for (var i = 0; i < claims.Length; i++)
        {
            var share = ((long)x[i], (long)claims[i].Weight);
            min = Compare(share, min) < 0 ? share : min;
        }

        return min;
    }

    private static int Compare((long Num, long Den) a, (long Num, long Den) b) =>
        ((Int128)a.Num * b.Den).CompareTo((Int128)b.Num * a.Den);

    private static (long, long) BestMinimum(Claim[] claims, int total)
    {
        (long, long) best = (-1, 1);
        var x = new int[claims.Length];
        void Search(int i, int left)
        {
            if (i == claims.Length)
            {
                if (left == 0)
                {
                    var m = MinShare(claims, x);
                    best = Compare(m, best) > 0 ? m : best;
                }

                return;
            }

            for (var v = 0; v <= Math.Min(claims[i].Need, left); v++)
            {
                x[i] = v;
                Search(i + 1, left - v);
            }
        }

        Search(0, total);
        return best;
    }
}
