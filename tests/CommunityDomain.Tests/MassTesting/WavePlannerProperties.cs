using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

// 100 compounds a property (150 until 2026-12-07: 44 s of a 2-core CI's test time).
[Properties(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 100)]
public sealed class WavePlannerProperties
{
    // The branch and bound's step budget for the properties that check a plan's validity, replay or determinism rather
    // than its quality: the default (20,000,000 a compound then, 5,000,000 since waves10) made each of them take minutes in CI. The bound property
    // below keeps the default budget, so a proof at the default budget is still checked on these small compounds.
    internal const long ValiditySteps = 250_000;

    private static WavePlan Plan(WaveProblem problem) => WavePlanner.PlanWithSteps(problem, ValiditySteps);

    [Property]
    public void Every_household_is_called_exactly_once_and_each_call_holds_one_building(WaveProblem problem)
    {
        var plan = Plan(problem);
        var called = plan.Sites.SelectMany(s => s.Calls).SelectMany(c => c.Households).Select(h => h.HouseholdId).Order().ToList();
        var expected = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).Select(h => h.HouseholdId).Order().ToList();
        Assert.Equal(expected, called);
        foreach (var call in plan.Sites.SelectMany(s => s.Calls))
        {
            var building = problem.Buildings.Single(b => b.BuildingId == call.BuildingId);
            var homes = building.Units.SelectMany(u => u.Households).ToHashSet();
            Assert.All(call.Households, h => Assert.Contains(h, homes));
            Assert.Equal(call.Households.Sum(h => h.People), call.People);
        }
    }

    [Property]
    public void The_public_replay_agrees_with_an_independent_replay_and_is_a_valid_schedule(WaveProblem problem)
    {
        var plan = Plan(problem);
        var replays = plan.Replay(problem);
        var independent = QueueReplay.Replay(problem, plan).ToDictionary(r => r.SiteId);
        Assert.Equal(plan.Sites.Select(s => s.Site.SiteId), replays.Select(r => r.SiteId));
        foreach (var (replay, site) in replays.Zip(plan.Sites))
        {
            // The same finish as the independent replay and as the plan says; every called person served exactly once.
            Assert.Equal(independent[replay.SiteId].Finish, replay.Finish);
            Assert.Equal(site.ExpectedFinish, replay.Finish);
            Assert.Equal(site.People, replay.Services.Count);
            var calls = site.Calls.OrderBy(c => c.At).ToList();
            foreach (var (call, c) in calls.Select((call, c) => (call, c)))
            {
                List<WaveService> served = [.. replay.Services.Where(x => x.Call == c)];
                Assert.Equal(call.People, served.Count);
                Assert.All(served, x => Assert.Equal(call.At + site.Site.WalkDown, x.Arrival));
                Assert.All(call.Households, h => Assert.Equal(
                    (h.QrCode, h.Typed, h.Assisted),
                    (served.Count(x => x.HouseholdId == h.HouseholdId && x.Intake == Intake.QrCode),
                     served.Count(x => x.HouseholdId == h.HouseholdId && x.Intake == Intake.Typed),
                     served.Count(x => x.HouseholdId == h.HouseholdId && x.Intake == Intake.Assisted))));
            }

            // Each station serves one person at a time, nobody starts before arriving, each service lasts its intake's time.
            Assert.All(replay.Services, x => Assert.True(x.Start >= x.Arrival && x.End == x.Start + problem.ServiceTimes.For(x.Intake)));
            for (var station = 0; station < site.Site.Stations; station++)
            {
                var at = replay.AtStation(station);
                Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
            }

            Assert.Empty(replay.AtStation(site.Site.Stations));
        }
    }

    [Property]
    public void The_replayed_queue_never_exceeds_a_sites_capacity(WaveProblem problem)
    {
        var plan = Plan(problem);
        foreach (var replay in QueueReplay.Replay(problem, plan))
        {
            var site = problem.Sites.Single(s => s.SiteId == replay.SiteId);
            Assert.True(replay.MaxQueue <= site.QueueCapacity, $"site {site.SiteId}: queue {replay.MaxQueue} > {site.QueueCapacity}");
        }
    }

    [Property]
    public void No_call_comes_before_the_start_and_each_sites_calls_are_in_time_order(WaveProblem problem)
    {
        var plan = Plan(problem);
        foreach (var site in plan.Sites)
        {
            Assert.All(site.Calls, c => Assert.True(c.At >= problem.Start));
            Assert.All(site.Calls, c => Assert.Equal(site.Site.SiteId, c.SiteId));
            Assert.True(site.Calls.Zip(site.Calls.Skip(1)).All(p => p.First.At <= p.Second.At));
        }
    }

    [Property]
    public void The_expected_finish_is_the_replayed_finish(WaveProblem problem)
    {
        var plan = Plan(problem);
        var replays = QueueReplay.Replay(problem, plan);
        foreach (var replay in replays)
        {
            var site = plan.Sites.Single(s => s.Site.SiteId == replay.SiteId);
            Assert.Equal(replay.Finish, replay.People == 0 ? problem.Start : site.ExpectedFinish);
        }

        var finish = replays.Select(r => r.Finish).Append(problem.Start).Max();
        Assert.Equal(finish, plan.ExpectedFinish);
    }

    [Property]
    public void The_finish_is_never_before_the_lower_bound_for_the_plan_and_each_site(WaveProblem problem)
    {
        // The default budget (the public overload): a bound raised by a proof is the proof the planner ships.
        var plan = WavePlanner.Plan(problem);
        Assert.True(plan.ExpectedFinish >= plan.LowerBound);

        // The plan's bound is the analytic one, or higher only where the exact search proved the finish optimal.
        Assert.True(plan.LowerBound == WaveLowerBound.Of(problem) || (plan.LowerBound > WaveLowerBound.Of(problem) && plan.LowerBound == plan.ExpectedFinish));
        Assert.All(plan.Sites, s => Assert.True(s.ExpectedFinish >= s.LowerBound || s.People == 0));
    }

    [Property]
    public void No_random_schedule_finishes_before_the_lower_bound(WaveProblem problem, int seed)
    {
        // The bound must hold for any plan, not only the planner's: replay a random one.
        var finish = QueueReplay.Replay(problem, QueueReplay.RandomSchedule(problem, seed)).Select(r => r.Finish).Append(problem.Start).Max();
        Assert.True(finish >= WaveLowerBound.Of(problem), $"{finish} < {WaveLowerBound.Of(problem)}");
    }

    [Property(MaxTest = 50)]
    public void The_same_problem_gives_the_same_plan(WaveProblem problem)
    {
        var a = Plan(problem);
        var b = Plan(problem);
        Assert.Equal(a.ExpectedFinish, b.ExpectedFinish);
        Assert.Equal(a.Schedule.Select(c => (c.At, c.SiteId, c.BuildingId, c.English, string.Join(",", c.Households))),
            b.Schedule.Select(c => (c.At, c.SiteId, c.BuildingId, c.English, string.Join(",", c.Households))));
    }
}
