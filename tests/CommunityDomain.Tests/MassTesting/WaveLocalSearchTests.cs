using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using Xunit.Abstractions;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// Issue 15's new-user verifier (waves26): a naive local search (random assignment and order, relocate or swap, ties kept,
/// restarts) found an earlier plan than the planner on 18-25 of 120 small compounds, and three compounds stayed above 1.10.
/// Here the tests' own local search, with its own replay, against the planner's plans, each replayed by
/// <see cref="QueueReplay"/>; and the verifier's compounds rebuilt as its probe built them (c's bound since waves27).
/// </summary>
public sealed class WaveLocalSearchTests(ITestOutputHelper output)
{
    private static readonly Instant ProbeStart = Instant.FromUtc(2022, 8, 18, 21, 0);

    [Fact]
    public void The_verifiers_compound_a_finishes_by_467_s_within_ten_percent_of_its_bound()
    {
        // Probe seed 2, compound 2: lead cb775d4 planned 479 s against a bound of 434 s (1.1037), and the verifier's local
        // search also stopped at 479 s. So the plan was loose: the branch and bound given 400 M steps (not proven) and the
        // household search's sideways walk both reach 467 s (1.0760).
        var problem = Probe("302f9 311f5 100f7 110f1 200f1 212f1 012f2 002f9 100f2 301f8 212f5 302f3 102f2 301f9 011f8 111f9 100f7 200f1 011f1",
            [(9, 53), (95, 199)], (11, 45, 202), [(8, 90, 49, 162), (5, 30, 52, 47), (1, 0, 114, 109)]);
        var finish = Replayed(problem, out var plan);

        Assert.Equal(Duration.FromSeconds(434), WaveLowerBound.Of(problem) - problem.Start);
        Assert.True(finish - problem.Start <= Duration.FromSeconds(467), $"{(finish - problem.Start).TotalSeconds} s");
        Assert.True((finish - problem.Start) / (plan.LowerBound - problem.Start) <= 1.10);
    }

    [Fact]
    public void The_verifiers_compound_b_finishes_within_ten_percent_of_its_bound()
    {
        // Probe seed 2, compound 114: lead cb775d4 planned 587 s against a bound of 533 s (1.1013); the branch and bound with
        // 400 M steps also stopped at 587 s. The planner now finishes at 562 s (1.0544).
        var problem = Probe("302f9 302f9 111f2 112f5 101f3 301f3 311f9 311f8 201f5 201f2 312f7 110f8 012f5 011f9 211f5 111f6 312f8 012f4 201f7 100f7 010f5 101f6 010f9",
            [(49, 162), (195, 89)], (36, 31, 215), [(8, 60, 191, 146), (8, 90, 177, 193)]);
        var finish = Replayed(problem, out var plan);

        Assert.Equal(Duration.FromSeconds(533), WaveLowerBound.Of(problem) - problem.Start);
        Assert.True(finish - problem.Start <= Duration.FromSeconds(562), $"{(finish - problem.Start).TotalSeconds} s");
        Assert.True((finish - problem.Start) / (plan.LowerBound - problem.Start) <= 1.10);
    }

    [Fact]
    public void The_verifiers_compound_c_is_proven_optimal_at_326_s()
    {
        // Probe seed 5, compound 5: the plan's 326 s was optimal (the probe's exact search finds no plan by 325 s), but lead
        // d2493aa's bound was 296 s (1.1014). The branch and bound's pair count (a 3-station site's 235 s windows hold one
        // 133 s or two 103 s people, never one of each) proves 326 s within its steps, so the bound is the finish.
        var problem = Probe("312f1 302f3 102f8 210f4 211f6 211f5 002f3 110f8 211f1 011f7 310f8 100f8 001f7 201f2 100f5 100f3",
            [(97, 85), (44, 91), (125, 194)], (5, 103, 133), [(3, 90, 91, 170), (2, 60, 177, 167), (6, 0, 18, 44)]);
        var finish = Replayed(problem, out var plan);

        Assert.Equal(Duration.FromSeconds(296), WaveLowerBound.Of(problem) - problem.Start);
        Assert.Equal(Duration.FromSeconds(326), finish - problem.Start);
        Assert.Equal(finish, plan.LowerBound);
    }

    [Fact]
    public void The_verifiers_31_household_compound_finishes_within_ten_percent_of_its_bound()
    {
        // The verifier's repro3 (drift27): 31 households in one building, sites of 8 stations (no walk-down) and 6 (120 s), queues
        // of 73. Lead 1979986 planned 1,126 s against a bound of 1,006 s (1.1193): the sideways walk stopped at 30 households.
        // 1,103 s exists and is optimal.
        var homes = "010 101 110 001 102 111 001 201 101 101 010 010 110 111 210 011 100 020 201 002 200 212 200 010 011 410 102 001 100 112 020"
            .Split(' ').Select((c, i) => new HouseholdLoad(i + 1, 1, c[0] - '0', c[1] - '0', c[2] - '0')).ToList();
        var problem = new WaveProblem(ProbeStart, new ServiceTimes(Duration.FromSeconds(11), Duration.FromSeconds(97), Duration.FromSeconds(503)),
            [new SiteSpec(1, "S1", new Position(0, 0), 8, 73, Duration.Zero), new SiteSpec(2, "S2", new Position(100, 0), 6, 73, Duration.FromSeconds(120))],
            [new BuildingLoad(1, "B1", new Position(0, 50), [new UnitLoad(1, "U", homes)])]);
        var finish = Replayed(problem, out var plan);

        Assert.Equal(31, homes.Count);
        Assert.True((finish - problem.Start) / (plan.LowerBound - problem.Start) <= 1.10, $"{(finish - problem.Start).TotalSeconds} s against {(plan.LowerBound - problem.Start).TotalSeconds} s");
    }

    [Fact]
    public void The_tests_local_search_finds_no_earlier_plan_than_the_planner_on_small_compounds()
    {
        // The first 24 compounds of SmallMixedSet(2026) whose queues never fill. Lead cb775d4: the search below was earlier on
        // 2 of them (2,853 s against 2,854 s, 634 s against 642 s); with the household search's sideways walk on none.
        var cases = WaveGenerators.SmallMixedSet(2026).Where(c => c.Problem.Sites.All(s => s.QueueCapacity >= c.Problem.People)).Take(24).ToList();
        var earlier = 0;
        var gap = 0.0;
        foreach (var c in cases)
        {
            var problem = c.Problem;
            var finish = (Replayed(problem, out _) - problem.Start).BclCompatibleTicks;
            var found = LocalSearch(problem, seed: 7);
            if (found < finish)
            {
                earlier++;
                gap = Math.Max(gap, 1.0 - ((double)found / finish));
                output.WriteLine($"earlier: {Duration.FromTicks(found).TotalSeconds} s < {Duration.FromTicks(finish).TotalSeconds} s: {c}");
            }
        }

        output.WriteLine($"{cases.Count} compounds: the tests' local search earlier on {earlier}, by at most {gap:P2}");
        Assert.Equal(0, earlier);
    }

    // The planner's plan, checked against the independent replay; its finish.
    private static Instant Replayed(WaveProblem problem, out WavePlan plan)
    {
        plan = WavePlanner.Plan(problem);
        var replay = QueueReplay.Replay(problem, plan);
        var finish = replay.Select(r => r.Finish).Append(problem.Start).Max();
        Assert.Equal(plan.ExpectedFinish, finish);
        Assert.Equal(problem.People, replay.Sum(r => r.People));
        Assert.True(finish >= plan.LowerBound);
        return finish;
    }

    // The verifier's probe's construction: households "QTAfF" (QR, typed, assisted, floor) dealt round-robin to the buildings
    // (one unit each), sites (stations, walk-down s, x, y) with queues of everyone plus 5.
    private static WaveProblem Probe(string households, (int X, int Y)[] buildings, (int Q, int T, int A) times, (int Stations, int WalkDown, int X, int Y)[] sites)
    {
        var homes = households.Split(' ').Select((c, i) => new HouseholdLoad(i + 1, int.Parse(c[4..], System.Globalization.CultureInfo.InvariantCulture), c[0] - '0', c[1] - '0', c[2] - '0')).ToList();
        var people = homes.Sum(h => h.People);
        var loads = buildings.Select((b, k) => new BuildingLoad(k + 1, $"B{k}", new Position(b.X, b.Y),
            [new UnitLoad(k + 1, "U", [.. homes.Where((_, j) => j % buildings.Length == k)])])).ToList();
        return new WaveProblem(ProbeStart, new ServiceTimes(Duration.FromSeconds(times.Q), Duration.FromSeconds(times.T), Duration.FromSeconds(times.A)),
            [.. sites.Select((s, i) => new SiteSpec(i + 1, $"S{i + 1}", new Position(s.X, s.Y), s.Stations, people + 5, Duration.FromSeconds(s.WalkDown)))], loads);
    }

    // The verifier's kind of search, written here: 10 restarts from a random assignment and order, 1,000 steps each that move
    // one household to a random site and place or swap two, a change kept when the latest site finish does not rise.
    // Everyone is called at the start (queues never fill), so a site's finish is a list schedule of its order.
    internal static long LocalSearch(WaveProblem problem, int seed)
    {
        var random = new Random(seed);
        var homes = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).ToArray();
        var sites = problem.Sites;
        var best = long.MaxValue;
        for (var restart = 0; restart < 10; restart++)
        {
            var lists = sites.Select(_ => new List<HouseholdLoad>()).ToArray();
            foreach (var h in homes.OrderBy(_ => random.Next()))
            {
                lists[random.Next(sites.Count)].Add(h);
            }

            var finish = sites.Select((s, i) => SiteFinish(s, problem.ServiceTimes, lists[i])).ToArray();
            for (var step = 0; step < 1000; step++)
            {
                var before = finish.Max();
                var saved = lists.Select(l => l.ToList()).ToArray();
                var (s, i) = Pick(lists, random);
                int t;
                if (random.Next(2) == 0)
                {
                    t = random.Next(sites.Count);
                    var h = lists[s][i];
                    lists[s].RemoveAt(i);
                    lists[t].Insert(random.Next(lists[t].Count + 1), h);
                }
                else
                {
                    (t, var j) = Pick(lists, random);
                    (lists[s][i], lists[t][j]) = (lists[t][j], lists[s][i]);
                }

                var (fs, ft) = (SiteFinish(sites[s], problem.ServiceTimes, lists[s]), SiteFinish(sites[t], problem.ServiceTimes, lists[t]));
                var after = Enumerable.Range(0, sites.Count).Max(u => u == s ? fs : u == t ? ft : finish[u]);
                if (after <= before)
                {
                    (finish[s], finish[t]) = (fs, ft);
                }
                else
                {
                    lists = saved;
                }
            }

            best = Math.Min(best, finish.Max());
        }

        return best;
    }

    private static (int Site, int Place) Pick(List<HouseholdLoad>[] lists, Random random)
    {
        var k = random.Next(lists.Sum(l => l.Count));
        var s = 0;
        for (; k >= lists[s].Count; s++)
        {
            k -= lists[s].Count;
        }

        return (s, k);
    }

    // Everyone of the order waiting from the walk-down; each person (a household's elders, typed, then QR residents) to the
    // station free first.
    private static long SiteFinish(SiteSpec site, ServiceTimes times, List<HouseholdLoad> order)
    {
        var free = new long[site.Stations];
        Array.Fill(free, site.WalkDown.BclCompatibleTicks);
        long finish = 0;
        foreach (var h in order)
        {
            foreach (var service in Enumerable.Repeat(times.Assisted, h.Assisted).Concat(Enumerable.Repeat(times.Typed, h.Typed)).Concat(Enumerable.Repeat(times.QrCode, h.QrCode)))
            {
                var k = Array.IndexOf(free, free.Min());
                free[k] += service.BclCompatibleTicks;
                finish = Math.Max(finish, free[k]);
            }
        }

        return finish;
    }
}
