using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Tests.Supplies;

public sealed class RunPlannerTests
{
    private static Parcel P(int household, int building, int grams, string what) =>
        new(new Id<Household>(household), new Id<Building>(building), $"1-{household}01", "李*", what, grams);

    [Fact]
    public void Plan_packs_to_the_lower_bound_and_writes_a_masked_sheet()
    {
        var sites = new[] { new BuildingSite(new Id<Building>(1), new Position(0, 0)), new BuildingSite(new Id<Building>(2), new Position(30, 0)) };
        var parcels = new[] { P(1, 1, 6000, "rice"), P(2, 1, 4000, "oil"), P(3, 2, 5000, "water"), P(4, 2, 5000, "water") };

        var plan = RunPlanner.Plan(parcels, sites, new RunOptions(10_000, Duration.FromMinutes(30)), ["wang"]);

        Assert.Equal(2, plan.LowerBound);
        Assert.Equal(0, plan.Gap);
        Assert.Contains("李*", plan.Runs[0].Sheet(), StringComparison.Ordinal);
        Assert.Contains("wang", plan.Runs[0].Sheet(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_reports_a_parcel_heavier_than_the_capacity()
    {
        var plan = RunPlanner.Plan([P(1, 1, 30_000, "water x2")], [new BuildingSite(new Id<Building>(1), new Position(0, 0))],
            new RunOptions(20_000, Duration.FromMinutes(30)), ["wang"]);
        Assert.Empty(plan.Runs);
        Assert.Single(plan.Unplaceable);
    }

    [Fact]
    public void Plan_never_mixes_far_buildings()
    {
        var sites = new[] { new BuildingSite(new Id<Building>(1), new Position(0, 0)), new BuildingSite(new Id<Building>(2), new Position(500, 0)) };
        var plan = RunPlanner.Plan([P(1, 1, 1000, "a"), P(2, 2, 1000, "b")], sites, new RunOptions(20_000, Duration.FromMinutes(60)), ["wang"]);
        Assert.Equal(2, plan.Runs.Count);
        Assert.Equal(1, plan.Gap);
    }

    [Fact]
    public void Plan_rejects_a_building_given_two_sites_instead_of_letting_the_later_position_win()
    {
        BuildingSite[] sites = [new(new Id<Building>(1), new Position(0, 0)), new(new Id<Building>(1), new Position(9999, 0))];
        var ex = Assert.Throws<ArgumentException>(() => RunPlanner.Plan([P(1, 1, 1000, "a")], sites, new RunOptions(10_000, Duration.FromMinutes(60)), ["wang"]));
        Assert.Equal("sites", ex.ParamName);
    }

    [Fact]
    public void Plan_rejects_a_parcel_in_an_unknown_building()
    {
        Assert.Equal("parcels", Assert.Throws<ArgumentException>(() => RunPlanner.Plan([P(1, 9, 1000, "a")], [], new RunOptions(1000, Duration.FromMinutes(5)), ["wang"])).ParamName);
    }
}
