using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// <see cref="HouseholdDrift"/>, the household search's sideways walk (waves26), checked by the tests' own one-site replay
/// (<see cref="WaveManyStationTests.OneSiteFinish"/>, queues included): what it returns holds every household once and
/// finishes strictly earlier than what it was given, and the same input gives the same plan.
/// </summary>
public sealed class WaveHouseholdDriftTests
{
    [Property(Arbitrary = [typeof(SmallMixedArbitraries)], MaxTest = 25)]
    public void The_walk_returns_every_household_once_strictly_earlier_by_the_tests_replay_or_nothing(WaveCase c)
    {
        var problem = c.Problem;
        var sites = problem.Sites.OrderBy(s => s.SiteId).ToArray();
        var homes = problem.Buildings.SelectMany(b => b.Units.SelectMany(u => u.Households.Select(h => CallGroup.Of(b, u, [h], problem.ServiceTimes)))).ToList();

        // A poor start: the households dealt round-robin to the sites in id order.
        var seq = sites.Select((_, s) => homes.Where((_, i) => i % sites.Length == s).ToList()).ToArray();
        var given = Finish(problem, sites, seq);
        var queue = new SiteQueue(problem.ServiceTimes);
        var walked = HouseholdDrift.Improve(sites, seq, given, 0, queue, default, walks: 4, steps: 400);
        var again = HouseholdDrift.Improve(sites, seq, given, 0, queue, default, walks: 4, steps: 400);

        Assert.Equal(walked?.Plan.Select(l => l.Select(g => g.Households[0].HouseholdId)), again?.Plan.Select(l => l.Select(g => g.Households[0].HouseholdId)));
        if (walked is { } found)
        {
            var (plan, finish) = found;
            Assert.Equal(homes.Select(g => g.Households[0].HouseholdId).Order(), plan.SelectMany(l => l).Select(g => g.Households[0].HouseholdId).Order());
            Assert.True(Finish(problem, sites, plan) < given, c.ToString());

            // The finish it returns (waves28: the planner takes it instead of replaying) is the tests' replay of its plan.
            Assert.Equal(Finish(problem, sites, plan), finish);
        }
    }

    [Property(Arbitrary = [typeof(SmallMixedArbitraries)], MaxTest = 40)]
    public void A_resumed_replay_equals_the_queue_replay_after_any_change_and_a_cut_one_only_says_later_than_its_limit(WaveCase c, int seed)
    {
        // Waves28: the walk replays a site from the call where a change begins, and stops once the finish passes the walk's
        // latest. Every household on each site in turn (a quarter of the compounds have queues as short as the largest household
        // plus 0-4, so calls wait for room), changed 60 times: relocated, swapped, removed or put back, some changes undone.
        var problem = c.Problem;
        var queue = new SiteQueue(problem.ServiceTimes);
        var homes = problem.Buildings.SelectMany(b => b.Units.SelectMany(u => u.Households.Select(h => CallGroup.Of(b, u, [h], problem.ServiceTimes)))).ToList();
        var random = new Random(seed);
        foreach (var site in problem.Sites)
        {
            var replay = new HouseholdDrift.Resumable(site, queue, homes.Count, problem.People);
            var order = homes.OrderBy(_ => random.Next()).ToList();
            var spare = new List<CallGroup>();
            Assert.Equal(queue.Run(site, order), replay.Run(order, 0, long.MaxValue));
            for (var step = 0; step < 60; step++)
            {
                var before = order.ToList();
                var from = Change(random, order, spare);
                var full = queue.Run(site, order);
                var limit = random.Next(3) switch { 0 => long.MaxValue, 1 => full - random.Next(0, 2), _ => full / 2 };
                var got = replay.Run(order, from, limit);
                Assert.True(full <= limit ? got == full : got > limit && got <= full, $"{c} site {site.SiteId} step {step}: {got} for {full} limit {limit}");
                if (got > limit || random.Next(3) == 0)
                {
                    // Undone, as the walk undoes a change that fails: the next replay resumes from the order before it.
                    spare = [.. homes.Except(before)];
                    order = before;
                    replay.Revert(from);
                }
            }
        }
    }

    [Fact]
    public void The_walk_does_nothing_once_the_target_is_met_or_on_more_than_a_hundred_households()
    {
        var c = WaveGenerators.SmallMixed(11, HouseholdDrift.MaxHouseholds + 1, HouseholdDrift.MaxHouseholds + 10);
        var problem = c.Problem;
        var sites = problem.Sites.OrderBy(s => s.SiteId).ToArray();
        var homes = problem.Buildings.SelectMany(b => b.Units.SelectMany(u => u.Households.Select(h => CallGroup.Of(b, u, [h], problem.ServiceTimes)))).ToList();
        List<CallGroup>[] seq = [homes, .. sites.Skip(1).Select(_ => new List<CallGroup>())];
        var queue = new SiteQueue(problem.ServiceTimes);

        Assert.True(homes.Count > HouseholdDrift.MaxHouseholds);
        Assert.Null(HouseholdDrift.Improve(sites, seq, long.MaxValue, 0, queue, default));
        List<CallGroup>[] few = [homes.Take(12).ToList(), .. sites.Skip(1).Select(_ => new List<CallGroup>())];
        Assert.Null(HouseholdDrift.Improve(sites, few, Finish(problem, sites, few), long.MaxValue, queue, default));
    }

    [Fact]
    public void The_walks_shrink_above_thirty_households_so_walks_times_households_stays_near_constant()
    {
        Assert.Equal(HouseholdDrift.Walks, HouseholdDrift.WalksFor(HouseholdDrift.FullHouseholds));
        foreach (var households in new[] { 31, 45, 60, 100 })
        {
            var walks = HouseholdDrift.WalksFor(households);
            Assert.True(walks < HouseholdDrift.Walks && walks >= HouseholdDrift.MinWalks, $"{households}: {walks}");
            Assert.True(walks * households <= HouseholdDrift.Walks * HouseholdDrift.FullHouseholds || walks == HouseholdDrift.MinWalks, $"{households}: {walks}");
        }
    }

    // One random change to `order`: a call relocated, two swapped, one removed (to `spare`) or one put back from `spare`; returns
    // the first place where the order may differ from before.
    private static int Change(Random random, List<CallGroup> order, List<CallGroup> spare)
    {
        var kind = order.Count < 2 ? 3 : random.Next(4);
        if (kind == 3 && spare.Count > 0)
        {
            var at = random.Next(order.Count + 1);
            order.Insert(at, spare[^1]);
            spare.RemoveAt(spare.Count - 1);
            return at;
        }

        if (order.Count < 2)
        {
            return order.Count;
        }

        var i = random.Next(order.Count);
        var call = order[i];
        if (kind == 2)
        {
            order.RemoveAt(i);
            spare.Add(call);
            return i;
        }

        var j = random.Next(order.Count);
        if (kind == 1)
        {
            (order[i], order[j]) = (order[j], order[i]);
            return Math.Min(i, j);
        }

        order.RemoveAt(i);
        j = random.Next(order.Count + 1);
        order.Insert(j, call);
        return Math.Min(i, j);
    }

    private static long Finish(WaveProblem problem, SiteSpec[] sites, List<CallGroup>[] seq) =>
        sites.Select((s, i) => WaveManyStationTests.OneSiteFinish(s, problem.ServiceTimes, [.. seq[i].Select(g => g.Households[0])])).Max();
}

/// <summary>Compounds of <see cref="WaveGenerators.SmallMixed"/> with 9-30 households (the verifier's small compounds).</summary>
public static class SmallMixedArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(seed => WaveGenerators.SmallMixed(seed, 9, 30)), PlannerGenerators.ShrinkWave);
}
