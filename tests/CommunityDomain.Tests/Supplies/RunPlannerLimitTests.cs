using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Tests.Supplies;

/// <summary>Regression examples for the delivery crashes the lockdown generators found (issue 11).</summary>
public sealed class RunPlannerLimitTests
{
    private static Parcel P(int household, int building) => new(new Id<Household>(household), new Id<Building>(building), "1-101", "张*", $"item{household}", 1);

    [Fact]
    public void Plan_buildings_a_quadrillion_metres_apart_with_a_huge_neighbourhood_does_not_overflow_a_walk()
    {
        // Was an ArgumentOutOfRangeException from Duration: walking 1e15 m at 1e-300 m/min.
        var sites = new[] { new BuildingSite(new Id<Building>(1), new Position(1e15, 0)), new BuildingSite(new Id<Building>(2), new Position(-1e15, 0)) };
        var options = new RunOptions(int.MaxValue, Duration.FromDays(1), CapacityKind.Weight, Duration.Zero, 1e-300, 1e308);
        var plan = RunPlanner.Plan([P(1, 1), P(2, 2)], sites, options, ["a"]);
        Assert.Equal(2, plan.Runs.Count);
        Assert.All(plan.Runs, r => Assert.Single(r.Buildings));
    }

    [Fact]
    public void RunOptions_a_budget_or_stop_over_a_day_is_rejected()
    {
        Assert.Equal("timeBudget", Assert.Throws<ArgumentException>(() => new RunOptions(10, Duration.FromDays(1) + Duration.Epsilon)).ParamName);
        Assert.Equal("perStop", Assert.Throws<ArgumentException>(() => new RunOptions(10, Duration.FromDays(1), perStop: Duration.FromHours(25))).ParamName);
        Assert.Equal(Duration.FromDays(1), new RunOptions(10, Duration.FromDays(1), perStop: Duration.FromDays(1)).PerStop);
    }
}
