using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Supplies;

/// <summary>
/// Issue 15: the run planner never uses more runs than a plain first-fit decreasing that keeps the same rules
/// (capacity, pairwise neighbours, time budget and window), written here independently of the planner.
/// </summary>
public sealed class RunPlannerBaselineProperties
{
    private static readonly string[] Runners = ["a", "b"];

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 300)]
    public void Never_more_runs_than_first_fit_decreasing_under_the_same_rules(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, Runners);
        Assert.True(plan.Runs.Count <= FirstFitDecreasing(c.Parcels, c.Sites, c.Options), $"{plan.Runs.Count} runs > first-fit decreasing");
    }

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 150)]
    public void Never_more_runs_than_first_fit_decreasing_on_lockdown_shapes(LockdownDeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, Runners);
        Assert.True(plan.Runs.Count <= FirstFitDecreasing(c.Parcels, c.Sites, c.Options), $"{plan.Runs.Count} runs > first-fit decreasing");
    }

    [Fact]
    public void Plan_two_buildings_40_m_apart_share_one_run()
    {
        // Issue 15's smallest case: neighbours within 60 m, one 1 kg parcel each, 10 kg capacity, 60 minutes: 1 run, not 2.
        var sites = new[] { new BuildingSite(new Id<Building>(1), new Position(0, 0)), new BuildingSite(new Id<Building>(2), new Position(40, 0)) };
        Parcel[] parcels = [new(new Id<Household>(1), new Id<Building>(1), "1-101", "张*", "rice", 1000), new(new Id<Household>(2), new Id<Building>(2), "1-101", "李*", "rice", 1000)];
        var plan = RunPlanner.Plan(parcels, sites, new RunOptions(10_000, Duration.FromMinutes(60)), Runners);
        Assert.Single(plan.Runs);
        Assert.Equal(1, FirstFitDecreasing(parcels, sites, new RunOptions(10_000, Duration.FromMinutes(60))));
    }

    /// <summary>
    /// Parcels by load (heaviest first; ties by building, household, contents), each into the first open run of
    /// its window that keeps: load within capacity; every building of the run within the neighbour distance of
    /// the parcel's building; door stops (one per household) plus walks between consecutive buildings in first-visit
    /// order within the smaller of the budget and the window. Parcels that fit no empty run are not counted.
    /// </summary>
    public static int FirstFitDecreasing(IReadOnlyList<Parcel> parcels, IReadOnlyList<BuildingSite> sites, RunOptions o)
    {
        var at = new Dictionary<Id<Building>, Position>();
        foreach (var s in sites)
        {
            at[s.Building] = s.Position;
        }

        long Load(Parcel p) => o.Kind == CapacityKind.Weight ? p.WeightGrams : 1;
        Duration Limit(Interval? w) => w is { } x && x.Duration < o.TimeBudget ? x.Duration : o.TimeBudget;
        Duration Time(List<Parcel> run)
        {
            var buildings = run.Select(p => p.Building).Distinct().ToList();
            var walk = buildings.Zip(buildings.Skip(1)).Sum(x => Math.Ceiling(at[x.First].DistanceTo(at[x.Second]) / o.WalkingMetresPerMinute * 60));
            return (o.PerStop * run.Select(p => p.Household).Distinct().Count()) + Duration.FromSeconds(Math.Min(walk, 1e9));
        }

        var runs = new List<(Interval? Window, List<Parcel> Parcels)>();
        var sorted = parcels.OrderByDescending(Load).ThenBy(p => p.Building.Value).ThenBy(p => p.Household.Value).ThenBy(p => p.Contents, StringComparer.Ordinal);
        foreach (var p in sorted)
        {
            if (Load(p) > o.Capacity || o.PerStop > Limit(p.Window))
            {
                continue;
            }

            var placed = false;
            foreach (var run in runs.Where(r => r.Window == p.Window))
            {
                var candidate = new List<Parcel>(run.Parcels) { p };
                if (candidate.Sum(Load) <= o.Capacity
                    && run.Parcels.All(q => q.Building == p.Building || at[q.Building].DistanceTo(at[p.Building]) <= o.NeighbourMetres)
                    && Time(candidate) <= Limit(p.Window))
                {
                    run.Parcels.Add(p);
                    placed = true;
                    break;
                }
            }

            if (!placed)
            {
                runs.Add((p.Window, [p]));
            }
        }

        return runs.Count;
    }
}
