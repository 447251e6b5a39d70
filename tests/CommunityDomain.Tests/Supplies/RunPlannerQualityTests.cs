using CommunityDomain.Benchmarks.Supplies;
using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Tests.Supplies;

/// <summary>Plan quality (not speed) on the benchmark's generated compounds: runs within 10% of the lower bound.</summary>
public sealed class RunPlannerQualityTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(15, 2)]
    [InlineData(20, 3)]
    [InlineData(30, 4)]
    public void Plan_on_generated_compounds_stays_within_ten_percent_of_the_lower_bound(int capacityKg, int seed)
    {
        var (parcels, sites) = SupplyFactory.Compounds(20_000, seed);

        var plan = RunPlanner.Plan(parcels, sites, new RunOptions(capacityKg * 1000, Duration.FromMinutes(90)), ["a", "b"]);

        Assert.Empty(plan.Unplaceable);
        Assert.True(plan.GapRatio <= 0.10, plan.ToString());
    }
}
