using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Tests.Supplies;

/// <summary>A plan's per-tier outcomes and a delivery run's load, buildings and sheet, recomputed from their parts.</summary>
public sealed class TierAndRunTests
{
    public static TheoryData<AllocationPolicy> Policies() => [.. Enum.GetValues<AllocationPolicy>()];

    [Theory]
    [MemberData(nameof(Policies))]
    public void TierOutcome_sums_the_needs_and_allocations_of_its_tier_and_earlier_tiers_are_served_first(AllocationPolicy policy)
    {
        Claim[] claims =
        [
            new(new Id<Household>(1), 4, tier: 0), new(new Id<Household>(2), 6, tier: 0),
            new(new Id<Household>(3), 5, tier: 1), new(new Id<Household>(4), 7, tier: 1),
        ];

        var plan = SupplyAllocator.Allocate(claims, 14, policy);

        Assert.Equal([0, 1], plan.Tiers.Select(t => t.Tier));
        foreach (TierOutcome tier in plan.Tiers)
        {
            var mine = plan.Shares.Where(s => s.Tier == tier.Tier).ToList();
            Assert.Equal(mine.Sum(s => (long)s.Need), tier.Need);
            Assert.Equal(mine.Sum(s => (long)s.Allocated), tier.Supplied);
            Assert.Equal(tier.Supplied == tier.Need, tier.FullyServed);
        }

        Assert.True(plan.Tiers[0].FullyServed);
        Assert.Equal(4, plan.Tiers[1].Supplied);
        Assert.False(plan.Tiers[1].FullyServed);
    }

    [Fact]
    public void DeliveryRun_load_is_the_weight_of_its_parcels_and_its_sheet_names_each_stop()
    {
        var sites = new[] { new BuildingSite(new Id<Building>(1), new Position(0, 0)), new BuildingSite(new Id<Building>(2), new Position(40, 0)) };
        Parcel[] parcels =
        [
            new(new Id<Household>(1), new Id<Building>(1), "1-101", "李*", "rice 5 kg", 5000),
            new(new Id<Household>(2), new Id<Building>(2), "2-201", "王*", "vegetables", 3000),
            new(new Id<Household>(2), new Id<Building>(2), "2-201", "王*", "milk", 1000),
        ];

        var plan = RunPlanner.Plan(parcels, sites, new RunOptions(20_000, Duration.FromMinutes(60)), ["wang"]);

        DeliveryRun run = Assert.Single(plan.Runs);
        Assert.Equal(9000, run.Load);
        Assert.Equal(parcels.Sum(p => (long)p.WeightGrams), run.Parcels.Sum(p => (long)p.WeightGrams));
        Assert.Equal([new Id<Building>(1), new Id<Building>(2)], run.Buildings.Order());
        var sheet = run.Sheet().Split('\n');
        Assert.Equal(3, sheet.Length);
        Assert.Contains(sheet, l => l.Contains("2-201", StringComparison.Ordinal) && l.Contains("vegetables, milk", StringComparison.Ordinal));
        Assert.StartsWith("Run 1 - wang - load 9000", sheet[0], StringComparison.Ordinal);
    }
}
