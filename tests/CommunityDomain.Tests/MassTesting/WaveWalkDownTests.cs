using System.Globalization;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// One building called to sites whose walk-downs and station counts differ (issue 15's verifier found the planner 20%
/// above the optimum there): the verifier's nine-household case against its hand plan, the quality targets over
/// <see cref="WaveGenerators.OneBuildingWalkDowns"/>, and brute force on its tiny compounds. Every finish is recomputed
/// by the independent <see cref="QueueReplay"/>. Both of the targets are met on this generator (see the limits below).
/// </summary>
public sealed class WaveWalkDownTests(ITestOutputHelper output)
{
    // Issue 15's targets (mean <= 1.01, worst <= 1.10) are met on this generator since the branch and bound (waves8,
    // 2026-12-01: 300 compounds, mean 1.0013, worst 1.0603; 1.0082 / 1.2500 before it). These limits keep what was reached
    // from slipping; see docs/testing-rounds.md for the figures and the worst case.
    private const double MeanLimit = 1.002;
    private const double WorstLimit = 1.07;

    // Compounds in the quality measurement (300 keeps the test within a few seconds).
    private const int Compounds = 300;

    [Fact]
    public void Plan_nine_households_finishes_no_later_than_the_hand_plan_that_sends_the_elders_to_the_site_without_walk_down()
    {
        var problem = WaveGenerators.NineHouseholdsFourWalkDowns();

        // The verifier's hand plan: households 2, 3 and 4 (one elder each) and 1 to site 3 (three stations, no walk-down),
        // 8 and 9 to site 2, 7, 5 and 6 to site 4, site 1 unused; everyone called at the start.
        var hand = HandPlan(problem, [[], [8, 9], [2, 3, 4, 1], [7, 5, 6]]);
        var handReplay = QueueReplay.Replay(problem, hand);
        Assert.All(handReplay, r => Assert.True(r.MaxQueue <= problem.Sites.Single(s => s.SiteId == r.SiteId).QueueCapacity));
        var handFinish = handReplay.Max(r => r.Finish);
        Assert.Equal(problem.Start + Duration.FromSeconds(100), handFinish);

        var (plan, finish) = PlanAndReplay(problem);
        output.WriteLine($"planner {(finish - problem.Start).TotalSeconds} s, hand plan {(handFinish - problem.Start).TotalSeconds} s, bound {(plan.LowerBound - problem.Start).TotalSeconds} s");
        Assert.True(finish <= handFinish, $"planner {finish} after the hand plan's {handFinish}");
    }

    [Fact]
    public void Plan_seven_households_on_eleven_one_station_sites_sends_the_elders_to_the_sites_without_walk_down()
    {
        var problem = WaveGenerators.SevenHouseholdsElevenOneStationSites();

        // The hand plan: the three households with elders (180, 140 and 160 s of work) each alone on a site without
        // walk-down (sites 9-11), the four others each alone on a site with a 60 s walk-down; all called at the start.
        var hand = HandPlan(problem, [[4], [5], [6], [7], [], [], [], [], [1], [2], [3]]);
        var handFinish = QueueReplay.Replay(problem, hand).Max(r => r.Finish);
        Assert.Equal(problem.Start + Duration.FromSeconds(180), handFinish);

        // No plan finishes before 180 s: household 1 alone takes 180 s of one station, wherever it goes.
        Assert.Equal(handFinish, WaveLowerBound.Of(problem));

        var (plan, finish) = PlanAndReplay(problem);
        output.WriteLine($"planner {(finish - problem.Start).TotalSeconds} s, hand plan {(handFinish - problem.Start).TotalSeconds} s");
        Assert.Equal(handFinish, finish);
    }

    /// <summary>The planner's plan and its finish by the independent replay, which must equal the plan's expected finish and never
    /// overfill a queue (the wave properties that open by planning and replaying share it).</summary>
    internal static (WavePlan Plan, Instant Finish) PlanAndReplay(WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        var replay = QueueReplay.Replay(problem, plan);
        var finish = replay.Select(r => r.Finish).Append(problem.Start).Max();
        Assert.Equal(plan.ExpectedFinish, finish);
        Assert.All(replay, r => Assert.True(r.MaxQueue <= problem.Sites.Single(s => s.SiteId == r.SiteId).QueueCapacity));
        return (plan, finish);
    }

    [Fact]
    public void Plan_one_building_on_sites_with_different_walk_downs_does_not_slip_from_the_measured_quality()
    {
        var random = new Random(1515);
        var rows = Enumerable.Range(0, Compounds).Select(_ => WaveGenerators.OneBuildingWalkDowns(random.Next(0, int.MaxValue - 1))).Select(c =>
        {
            var plan = WavePlanner.Plan(c.Problem);
            var replay = QueueReplay.Replay(c.Problem, plan);
            var finish = replay.Select(r => r.Finish).Append(c.Problem.Start).Max();
            Assert.Equal(plan.ExpectedFinish, finish);
            Assert.All(replay, r => Assert.True(r.MaxQueue <= c.Problem.Sites.Single(s => s.SiteId == r.SiteId).QueueCapacity, c.ToString()));
            var ratio = plan.LowerBound > c.Problem.Start ? (finish - c.Problem.Start) / (plan.LowerBound - c.Problem.Start) : 1.0;
            var households = c.Problem.Buildings.Sum(b => b.Units.Sum(u => u.Households.Count));
            var size = households <= 6 ? "1-6 households" : households <= 15 ? "7-15 households" : "16-30 households";
            return (c.Shape, Size: size, Ratio: ratio, Case: c);
        }).ToList();
        foreach (var group in rows.GroupBy(r => r.Shape).Concat(rows.GroupBy(r => r.Size)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-34} n {group.Count(),4}  mean {group.Average(r => r.Ratio):0.0000}  worst {group.Max(r => r.Ratio):0.0000}"));
        }

        var worst = rows.MaxBy(r => r.Ratio);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all {rows.Count}: mean {rows.Average(r => r.Ratio):0.0000}, worst {worst.Ratio:0.0000}"));
        output.WriteLine($"worst case: {worst.Case}");
        Assert.Contains(rows, r => r.Size == "1-6 households");
        Assert.All(rows.Where(r => r.Size == "1-6 households"), r => Assert.Equal(1.0, r.Ratio));
        Assert.True(rows.Average(r => r.Ratio) <= MeanLimit, $"mean {rows.Average(r => r.Ratio)}");
        Assert.True(worst.Ratio <= WorstLimit, $"worst {worst.Ratio}: {worst.Case}");
    }

    [Property(Arbitrary = [typeof(TinyWalkDownArbitraries)], MaxTest = 60)]
    public void Tiny_one_building_compounds_on_sites_with_different_walk_downs_finish_at_the_brute_force_optimum(WaveCase c)
    {
        var (_, finish) = PlanAndReplay(c.Problem);
        Assert.Equal(c.Problem.Start + WaveExactSearchTests.BruteForce(c.Problem), finish);
    }

    internal static WavePlan HandPlan(WaveProblem problem, int[][] householdsBySite)
    {
        var homes = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).ToDictionary(h => h.HouseholdId);
        var sites = problem.Sites.Select((site, s) => new SitePlan(site,
            [.. householdsBySite[s].Select(h => new WaveCall(problem.Start, site.SiteId, 1, 1, homes[h].Floor, homes[h].Floor, [homes[h]], homes[h].People, "-", "-"))],
            problem.Start, problem.Start, householdsBySite[s].Sum(h => homes[h].People), Duration.Zero)).ToList();
        return new WavePlan(problem.Start, sites, problem.Start, problem.Start);
    }
}

public static class TinyWalkDownArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(seed => WaveGenerators.OneBuildingWalkDowns(seed, 6)), Shrink);

    /// <summary>Shrinks as the other wave cases do (<see cref="PlannerGenerators.ShrinkWave"/>: a site fewer, a unit's
    /// households halved), plus a unit fewer, and keeps the case's one building.</summary>
    public static IEnumerable<WaveCase> Shrink(WaveCase c)
    {
        var p = c.Problem;
        var b = p.Buildings[0];
        for (var u = 0; u < b.Units.Count && b.Units.Count > 1; u++)
        {
            var building = new BuildingLoad(b.BuildingId, b.Name, b.Position, [.. b.Units.Where((_, i) => i != u)]);
            yield return c with { Problem = new WaveProblem(p.Start, p.ServiceTimes, p.Sites, [building]) };
        }

        foreach (var smaller in PlannerGenerators.ShrinkWave(c).Where(s => s.Problem.Buildings.Count == 1))
        {
            yield return smaller;
        }
    }
}
