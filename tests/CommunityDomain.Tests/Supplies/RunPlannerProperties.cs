using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Supplies;

[Properties(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 300)]
public sealed class RunPlannerProperties
{
    private static readonly string[] Runners = ["runner.a", "runner.b", "runner.c"];

    [Property]
    public void Every_parcel_is_in_exactly_one_run_or_reported_unplaceable(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, Runners);
        var planned = plan.Runs.SelectMany(r => r.Parcels).Concat(plan.Unplaceable).Select(p => p.Contents).Order().ToArray();
        Assert.Equal(c.Parcels.Select(p => p.Contents).Order(), planned);
        Assert.All(plan.Unplaceable, p => Assert.True(
            c.Options.LoadOf(p) > c.Options.Capacity || c.Options.PerStop > Limit(c.Options, p.Window)));
    }

    [Property]
    public void No_run_exceeds_its_capacity_time_budget_or_window(DeliveryCase c)
    {
        var sites = c.Sites.ToDictionary(s => s.Building, s => s.Position);
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, Runners);
        foreach (var run in plan.Runs)
        {
            Assert.NotEmpty(run.Parcels);
            Assert.True(run.Parcels.Sum(c.Options.LoadOf) <= c.Options.Capacity, $"run {run.Number} over capacity");
            Assert.Single(run.Parcels.Select(p => p.Window).Distinct());
            Assert.Equal(run.Parcels[0].Window, run.Window);

            // Independent estimate: a stop per household, walking between consecutive distinct buildings.
            var buildings = new List<Id<Building>>();
            foreach (var p in run.Parcels)
            {
                if (buildings.Count == 0 || buildings[^1] != p.Building)
                {
                    Assert.DoesNotContain(p.Building, buildings);
                    buildings.Add(p.Building);
                }
            }

            var walkSeconds = buildings.Zip(buildings.Skip(1)).Sum(x => Math.Ceiling(sites[x.First].DistanceTo(sites[x.Second]) / c.Options.WalkingMetresPerMinute * 60));
            var time = (c.Options.PerStop * run.Parcels.Select(p => p.Household).Distinct().Count()) + Duration.FromSeconds(walkSeconds);
            Assert.True(time <= Limit(c.Options, run.Window), $"run {run.Number} takes {time}");
            Assert.All(buildings, b => Assert.All(buildings, o => Assert.True(sites[b].DistanceTo(sites[o]) <= c.Options.NeighbourMetres)));
        }
    }

    [Property]
    public void Runs_are_never_fewer_than_the_lower_bound_and_the_bound_is_exact(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, Runners);
        var load = c.Parcels.Except(plan.Unplaceable).Sum(c.Options.LoadOf);
        Assert.Equal((int)Math.Ceiling(load / (double)c.Options.Capacity), plan.LowerBound);
        Assert.True(plan.Runs.Count >= plan.LowerBound);
        Assert.Equal(plan.Runs.Count - plan.LowerBound, plan.Gap);
    }

    [Property]
    public void The_same_input_gives_the_same_plan(DeliveryCase c)
    {
        var a = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, Runners);
        var b = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, Runners);
        Assert.Equal(a.Runs.Select(r => r.Sheet()), b.Runs.Select(r => r.Sheet()));
    }

    private static Duration Limit(RunOptions o, NodaTime.Interval? window) =>
        window is { } w && w.Duration < o.TimeBudget ? w.Duration : o.TimeBudget;
}
