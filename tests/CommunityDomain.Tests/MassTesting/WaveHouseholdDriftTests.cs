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

        Assert.Equal(walked?.Select(l => l.Select(g => g.Households[0].HouseholdId)), again?.Select(l => l.Select(g => g.Households[0].HouseholdId)));
        if (walked is not null)
        {
            Assert.Equal(homes.Select(g => g.Households[0].HouseholdId).Order(), walked.SelectMany(l => l).Select(g => g.Households[0].HouseholdId).Order());
            Assert.True(Finish(problem, sites, walked) < given, c.ToString());
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

    private static long Finish(WaveProblem problem, SiteSpec[] sites, List<CallGroup>[] seq) =>
        sites.Select((s, i) => WaveManyStationTests.OneSiteFinish(s, problem.ServiceTimes, [.. seq[i].Select(g => g.Households[0])])).Max();
}

/// <summary>Compounds of <see cref="WaveGenerators.SmallMixed"/> with 9-30 households (the verifier's small compounds).</summary>
public static class SmallMixedArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(seed => WaveGenerators.SmallMixed(seed, 9, 30)), PlannerGenerators.ShrinkWave);
}
