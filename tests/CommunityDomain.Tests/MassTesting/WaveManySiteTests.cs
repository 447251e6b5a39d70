using System.Globalization;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// Issue 15's independent verifier found its many-site compounds (several sites of several stations, mixed service times and
/// households, 1-8 buildings) further from the bound than the repo's sets (mean 1.015-1.018, worst 1.33-1.41). Every plan of
/// <see cref="WaveGenerators.ManySiteStationSet"/> and <see cref="WaveGenerators.VerifierMixedSet"/> is replayed by
/// <see cref="QueueReplay"/>; figures in docs/testing-rounds.md (helper waves21).
/// </summary>
public sealed class WaveManySiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Plan_many_site_station_compounds_finish_within_one_percent_of_the_bound_on_average()
    {
        // Before waves21 (lead a580c06): mean 1.0137, worst 1.0931. The worst (compound 158, unchanged by waves21) is a regression
        // limit, not the goal: issue 15's target is 1.10 on every set, and the verifier's own sets (worst 1.33-1.41) are not here.
        var (mean, worst) = Measure(WaveGenerators.ManySiteStationSet(2026));
        Assert.True(mean <= 1.01, $"mean {mean}");
        Assert.True(worst <= 1.094, $"worst {worst}");
    }

    [Fact]
    public void Plan_verifier_mixed_compounds_finish_within_one_percent_of_the_bound_on_average()
    {
        // Before waves21 (lead a580c06): mean 1.0099, worst 1.0988. The worst (compound 262, unchanged) is a regression limit only:
        // issue 15 asks 1.10 at worst on every generated set, which the verifier's sets still miss.
        var (mean, worst) = Measure(WaveGenerators.VerifierMixedSet(2026));
        Assert.True(mean <= 1.01, $"mean {mean}");
        Assert.True(worst <= 1.099, $"worst {worst}");
    }

    [Fact]
    public void Plan_uneven_site_compounds_finish_within_one_percent_of_the_bound_on_average_and_ten_percent_at_worst()
    {
        // waves23, few-station sites and uneven buildings (issue 15's lost verifier generator as described). Lead 3e912df: mean
        // 1.0021, worst 1.0334 (compound 200); with the household search's fills and chains 1.0020 / 1.0334. Issue 15's 1.10 is
        // met on this set; 1.034 is a regression limit.
        var (mean, worst) = Measure(WaveGenerators.UnevenSiteSet(2026));
        Assert.True(mean <= 1.01, $"mean {mean}");
        Assert.True(worst <= 1.034, $"worst {worst}");
    }

    [Fact]
    public void Plan_small_mixed_compounds_finish_within_one_percent_of_the_bound_on_average_and_ten_percent_at_worst()
    {
        // wavebound25, issue 15's new-user verifier's shape (9-30 households, 1-3 sites of 1-8 stations, walk-downs 0-90 s).
        // Lead e7acac8: mean 1.0071, worst 1.0866 (compound 47); with the branch and bound's second site order (most stations
        // first, after the problem's order runs out of steps): mean 1.0064, worst 1.0866 (compound 47). The first 150 of the 300
        // from 2026-12-06 (all 300 took 71 s of a 2-core CI's test time): mean 1.0039, worst 1.0450 (compound 118) on lead ffa6e17;
        // the first 100 since 2026-12-07 (150 took 40 s): mean 1.0033, worst 1.0256 (compound 46) on main; 1.026 is a
        // regression limit.
        var (mean, worst) = Measure(WaveGenerators.SmallMixedSet(2026).Take(100));
        Assert.True(mean <= 1.01, $"mean {mean}");
        Assert.True(worst <= 1.026, $"worst {worst}");
    }

    [Fact]
    public void Plan_care_home_on_the_only_two_station_site_leaves_the_other_elders_to_the_one_station_sites()
    {
        // UnevenSiteSet(2026) compound 278: a care home of 20 elders (632 s each) can only go to the one two-station site (10
        // rounds, 6,320 s); any other elder there ends an 11th round at 6,952 s, which lead 3e912df planned (an elder's
        // household behind the care home; moving it alone overloads a one-station site). The household search's second
        // pass first fills the care home's idle station with short households of the one-station sites, then moves the
        // elder's household out with a two-move chain: 6,766 s against a bound of 6,762 s.
        var c = WaveGenerators.UnevenSiteSet(2026).ElementAt(278);
        var problem = c.Problem;
        var plan = WavePlanner.Plan(problem);
        var replay = QueueReplay.Replay(problem, plan);
        var finish = replay.Select(r => r.Finish).Append(problem.Start).Max();
        Assert.Equal(plan.ExpectedFinish, finish);
        Assert.Equal(problem.People, replay.Sum(r => r.People));
        Assert.True(finish - problem.Start <= Duration.FromSeconds(6770), $"{(finish - problem.Start).TotalSeconds} s");
        Assert.True(finish >= WaveLowerBound.Of(problem));
        var careHome = plan.Sites.Single(s => s.Calls.Any(x => x.Households.Any(h => h.Assisted == 20)));
        Assert.Equal(20, careHome.Calls.Sum(x => x.Households.Sum(h => h.Assisted)));
    }

    [Property(Arbitrary = [typeof(ManySiteStationArbitraries)], MaxTest = 25)]
    public void Replay_insertion_sends_each_household_to_the_site_the_tests_own_replay_finishes_earliest(WaveCase c)
    {
        // ReplayInsertion keeps each site's replay so far and prices a household by its own people (waves21); the tests' one-site
        // replay of the whole site's order must agree at every step: same site for every household, same calling order.
        var problem = c.Problem;
        var sites = problem.Sites.OrderBy(s => s.SiteId).ToArray();
        var calls = problem.Buildings.SelectMany(b => b.Units.SelectMany(u => u.Households.Select(h => CallGroup.Of(b, u, [h], problem.ServiceTimes)))).ToList();
        var order = CallGroup.LongestFirst(problem.ServiceTimes);
        calls.Sort(order);
        var placed = ReplayInsertion.Assign(sites, calls, new SiteQueue(problem.ServiceTimes), long.MaxValue, default, order);

        var expected = ListSchedule(sites, problem.ServiceTimes, calls.Select(g => g.Households[0]));
        Assert.NotNull(placed);
        Assert.Equal(expected.Select(l => l.Select(h => h.HouseholdId)), placed.Select(l => l.Select(g => g.Households[0].HouseholdId)));
    }

    [Fact]
    public void Plan_of_more_than_160_households_on_several_sites_never_finishes_after_the_longest_first_placement()
    {
        // Before waves21 the longest-first start was skipped above 160 households on several sites (its whole-site replays
        // cost more than twice the search's budget). Replayed here independently: households longest single service first,
        // each to the site whose finish with it is earliest.
        var cases = WaveGenerators.ManySiteStationSet(2026).Concat(WaveGenerators.VerifierMixedSet(2026))
            .Where(c => c.Problem.Sites.Count > 1 && c.Problem.Buildings.Sum(b => b.Units.Sum(u => u.Households.Count)) > 160).ToList();
        Assert.True(cases.Count >= 5, $"{cases.Count} cases");
        foreach (var c in cases)
        {
            var problem = c.Problem;
            var sites = problem.Sites.OrderBy(s => s.SiteId).ToArray();
            var lists = ListSchedule(sites, problem.ServiceTimes, WaveManyStationTests.LongestFirst(problem));
            var placement = sites.Select((s, i) => WaveManyStationTests.OneSiteFinish(s, problem.ServiceTimes, lists[i])).Max();
            var plan = WavePlanner.Plan(problem);
            Assert.Equal(plan.ExpectedFinish, QueueReplay.Replay(problem, plan).Select(r => r.Finish).Append(problem.Start).Max());
            Assert.True(plan.ExpectedFinish <= problem.Start + Duration.FromTicks(placement), c.ToString());
        }
    }

    // List scheduling with the tests' own one-site replay: each household to the site whose finish with it last is earliest; on
    // a tie the site finishing earlier without it, then the lower id.
    private static List<HouseholdLoad>[] ListSchedule(SiteSpec[] sites, ServiceTimes times, IEnumerable<HouseholdLoad> order)
    {
        var lists = sites.Select(_ => new List<HouseholdLoad>()).ToArray();
        var finish = new long[sites.Length];
        foreach (var h in order)
        {
            var with = sites.Select((s, i) => WaveManyStationTests.OneSiteFinish(s, times, [.. lists[i], h])).ToArray();
            var choice = Enumerable.Range(0, sites.Length).OrderBy(i => with[i]).ThenBy(i => finish[i]).First();
            lists[choice].Add(h);
            finish[choice] = with[choice];
        }

        return lists;
    }

    // Plans every compound, checks each plan against the independent replay and its bound, prints mean and worst per shape.
    private (double Mean, double Worst) Measure(IEnumerable<WaveCase> set)
    {
        var rows = set.Select(c =>
        {
            var plan = WavePlanner.Plan(c.Problem);
            var replay = QueueReplay.Replay(c.Problem, plan);
            var finish = replay.Select(r => r.Finish).Append(c.Problem.Start).Max();
            Assert.Equal(plan.ExpectedFinish, finish);
            Assert.True(finish >= plan.LowerBound, c.ToString());
            Assert.True(plan.LowerBound >= WaveLowerBound.Of(c.Problem), c.ToString());
            Assert.All(replay, r => Assert.True(r.MaxQueue <= c.Problem.Sites.Single(s => s.SiteId == r.SiteId).QueueCapacity, c.ToString()));
            Assert.Equal(c.Problem.People, replay.Sum(r => r.People));
            var ratio = plan.LowerBound > c.Problem.Start ? (finish - c.Problem.Start) / (plan.LowerBound - c.Problem.Start) : 1.0;
            return (c.Shape, Ratio: ratio, Case: c);
        }).ToList();
        foreach (var shape in rows.GroupBy(r => r.Shape))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shape.Key,-30} n {shape.Count(),4}  mean {shape.Average(r => r.Ratio):0.0000}  worst {shape.Max(r => r.Ratio):0.0000}"));
        }

        var worst = rows.MaxBy(r => r.Ratio);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all {rows.Count}: mean {rows.Average(r => r.Ratio):0.0000}, worst {worst.Ratio:0.0000} (compound {rows.IndexOf(worst)})"));
        output.WriteLine($"worst case: {worst.Case}");
        return (rows.Average(r => r.Ratio), worst.Ratio);
    }
}

/// <summary>Compounds of <see cref="WaveGenerators.ManySiteStations"/> (2-5 sites of 2-12 stations, 1-8 buildings, 20-400 people).</summary>
public static class ManySiteStationArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(WaveGenerators.ManySiteStations), PlannerGenerators.ShrinkWave);
}
