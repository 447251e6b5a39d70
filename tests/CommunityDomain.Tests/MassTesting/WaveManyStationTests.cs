using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// Many stations for few households (issue 15, verifier v15b): the first-come-first-served places in
/// <see cref="WaveLowerBound"/> (a household's people are served one after another, and a station starts at most one
/// person per shortest service time) must stay valid, never above the optimum found by the brute force or the tests' own
/// branch and bound, and must close the gap the verifier found (31 households on 80 stations: 120 s against 100 s).
/// </summary>
public sealed class WaveManyStationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Plan_many_station_compounds_meet_issue_15s_targets_and_the_verifiers_shapes_reach_their_bound()
    {
        // Issue 15's targets (mean finish/bound <= 1.01, worst <= 1.10) on the mixed many-station compounds (queues from the
        // largest household up), met since the intake term of the bound (helper waves19: mean 1.0013, worst 1.0500, compound
        // 26 at 168 / 160 s; figures in docs/testing-rounds.md); the verifier's five shapes finish at their bound.
        var rows = WaveGenerators.ManyStationSet(2026).Select(c =>
        {
            var plan = WavePlanner.Plan(c.Problem);
            var finish = QueueReplay.Replay(c.Problem, plan).Select(r => r.Finish).Append(c.Problem.Start).Max();
            Assert.Equal(plan.ExpectedFinish, finish);
            Assert.True(finish >= plan.LowerBound, c.ToString());
            var ratio = plan.LowerBound > c.Problem.Start ? (finish - c.Problem.Start) / (plan.LowerBound - c.Problem.Start) : 1.0;
            return (c.Shape, Ratio: ratio, Case: c);
        }).ToList();
        foreach (var shape in rows.GroupBy(r => r.Shape))
        {
            output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{shape.Key,-26} n {shape.Count(),4}  mean {shape.Average(r => r.Ratio):0.0000}  worst {shape.Max(r => r.Ratio):0.0000}"));
            output.WriteLine($"  worst: {shape.MaxBy(r => r.Ratio).Case}");
        }

        Assert.All(rows.Where(r => r.Shape == "verifier's many stations"), r => Assert.Equal(1.0, r.Ratio));
        Assert.True(rows.Average(r => r.Ratio) <= 1.01, $"mean {rows.Average(r => r.Ratio)}");
        Assert.True(rows.Max(r => r.Ratio) <= 1.10, $"worst {rows.Max(r => r.Ratio)}");
    }

    [Property(Arbitrary = [typeof(TinyManyStationArbitraries)], MaxTest = 60)]
    public void The_bound_of_a_tiny_many_station_compound_is_never_above_the_brute_force_optimum(WaveCase c) =>
        Assert.True(WaveLowerBound.Of(c.Problem) <= c.Problem.Start + WaveExactSearchTests.BruteForce(c.Problem), c.ToString());

    [Property(Arbitrary = [typeof(SmallManyStationArbitraries)], MaxTest = 30)]
    public void The_bound_of_a_many_station_compound_is_never_above_the_optimum_the_tests_branch_and_bound_proves(WaveCase c)
    {
        var problem = c.Problem;
        var (plan, finish) = WaveWalkDownTests.PlanAndReplay(problem);
        var oracle = WaveOracle.Solve(problem, (finish - problem.Start).BclCompatibleTicks + 1, 0, 20_000_000);

        // The oracle searched below the plan's finish + 1 tick, so what it returns is an optimum when it proves it.
        Assert.True(!oracle.Proven || WaveLowerBound.Of(problem) <= problem.Start + Duration.FromTicks(oracle.Optimum), c.ToString());
        Assert.True(!oracle.Proven || plan.LowerBound <= problem.Start + Duration.FromTicks(oracle.Optimum), c.ToString());
        Assert.True(finish >= plan.LowerBound, c.ToString());
    }

    [Property(Arbitrary = [typeof(OneSiteManyStationArbitraries)], MaxTest = 40)]
    public void On_one_site_the_plan_never_finishes_after_calling_each_household_alone_longest_service_first(WaveCase c)
    {
        // The planner's third start: every household its own call, longest single service first (then the slowest per
        // person). Replayed here independently, the plan (which keeps the earliest start and only improves on it) is never later.
        var problem = c.Problem;
        var plan = WavePlanner.PlanWithSteps(problem, 250_000);
        Assert.True(plan.ExpectedFinish <= problem.Start + Duration.FromTicks(OneSiteFinish(problem.Sites[0], problem.ServiceTimes, LongestFirst(problem))), c.ToString());
    }

    // The planner's third start's order, written here apart: longest single service first, then the slowest per person, then
    // building and household id.
    internal static List<HouseholdLoad> LongestFirst(WaveProblem problem)
    {
        var times = problem.ServiceTimes;
        return [.. problem.Buildings.SelectMany(b => b.Units.SelectMany(u => u.Households).Select(h => (Building: b.BuildingId, Home: h)))
            .OrderByDescending(x => Longest(x.Home, times))
            .ThenByDescending(x => Work(x.Home, times) / (double)x.Home.People)
            .ThenBy(x => x.Building).ThenBy(x => x.Home.HouseholdId)
            .Select(x => x.Home)];
    }

    [Fact]
    public void Plan_ninety_mixed_households_on_one_site_of_127_stations_calls_the_elders_and_typed_first_and_finishes_at_80_s()
    {
        // The worst of ManyStationSet(2026) in waves12's run: 100 s with calls by floor (a band's QR residents ahead of the
        // next band's elders and typed residents). Called one household at a time, longest service first, every elder starts
        // at once and the site finishes at 80 s: the planner without its round-packing start. The bound says 60 s, a hand
        // order reaches it (the next test), and so does the planner with the round start (WaveRoundPackingTests).
        var problem = WaveGenerators.ManyStationSet(2026).ElementAt(36).Problem;
        Assert.Equal(127, problem.Sites.Single().Stations);
        var plan = WavePlanner.PlanWithSteps(problem, WaveBranchAndBound.MaxSteps, roundStart: false);
        var finish = QueueReplay.Replay(problem, plan).Max(r => r.Finish);

        Assert.Equal(plan.ExpectedFinish, finish);
        Assert.Equal(Duration.FromSeconds(80), finish - problem.Start);
        Assert.Equal(Duration.FromSeconds(60), plan.LowerBound - problem.Start);
    }

    [Fact]
    public void Compound_36s_bound_of_60_s_is_reached_by_a_hand_order_of_three_rounds_so_the_bound_is_exact_there()
    {
        // 127 stations, 20/40/60 s services, no walk-down: a finish at 60 s needs every elder started at 0 s, every typed
        // resident by 20 s and every QR resident by 40 s. The stations free at 20 s are those that started a QR resident at
        // 0 s, and a household's QR residents stand right after its typed ones; so the first round (127 places) holds every
        // elder's household and typed households with QR residents, the second round (as many places as QR residents in the
        // first) typed households with 6 QR residents between them, the third only QR residents. A round model over the
        // household profiles (docs/testing-rounds.md) found this order; replayed here by the tests' own one-site replay.
        var problem = WaveGenerators.ManyStationSet(2026).ElementAt(36).Problem;
        var homes = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).ToDictionary(h => h.HouseholdId);
        int[] order = [3, 6, 8, 11, 12, 14, 17, 21, 25, 26, 27, 29, 37, 40, 54, 58, 70, 71, 73, 77, 80, 2, 4, 5, 15, 19, 31, 33,
            35, 39, 43, 44, 47, 48, 49, 51, 64, 66, 72, 78, 79, 81, 89, 86, 82, 67, 55, 90, 63, 45, 34, 9, 57, 53, 46, 23, 18, 65, 30,
            20, 85, 75, 68, 59, 52, 41, 87, 88, 50, 42, 38, 36, 16, 1, 83, 76, 74, 61, 7, 84, 69, 62, 60, 32, 28, 24, 13, 10, 56, 22];
        Assert.Equal(homes.Count, order.Distinct().Count());

        var finish = OneSiteFinish(problem.Sites[0], problem.ServiceTimes, [.. order.Select(id => homes[id])]);

        Assert.Equal(Duration.FromSeconds(60).BclCompatibleTicks, finish);
        Assert.Equal(Duration.FromSeconds(60), WaveLowerBound.Of(problem) - problem.Start);
    }

    [Fact]
    public void Compound_1s_bound_of_80_s_is_reached_by_a_hand_plan_on_the_two_sites_that_can_finish_by_then()
    {
        // Four sites of 24-25 stations with walk-downs of 90, 0, 90 and 60 s; 20/40/60 s services. By 80 s only the site
        // without walk-down and the 60 s one can serve anyone, the latter only QR residents (one 20 s round). The households
        // of QR residents alone (19 people) go there; the other 59 people are 1,920 s of work, exactly 24 stations x 80 s, so
        // the first site must never idle: a search over the order of household profiles (docs/testing-rounds.md) found one.
        var problem = WaveGenerators.ManyStationSet(2026).ElementAt(1).Problem;
        var hand = WaveWalkDownTests.HandPlan(problem, [[], [4, 3, 10, 11, 17, 27, 31, 18, 36, 7, 15, 19, 20, 21, 34, 8, 22, 23, 24, 26, 28, 30, 35, 6, 25, 37, 29],
            [], [1, 2, 5, 9, 12, 13, 14, 16, 32, 33, 38]]);
        var replay = QueueReplay.Replay(problem, hand);
        Assert.All(replay, r => Assert.True(r.MaxQueue <= problem.Sites.Single(s => s.SiteId == r.SiteId).QueueCapacity));

        Assert.Equal(problem.Start + Duration.FromSeconds(80), replay.Max(r => r.Finish));
        Assert.Equal(Duration.FromSeconds(80), WaveLowerBound.Of(problem) - problem.Start);
        Assert.Equal(38, hand.Sites.Sum(s => s.Calls.Count));
    }

    [Property(Arbitrary = [typeof(OneSiteManyStationArbitraries)], MaxTest = 60)]
    public void The_queue_never_delays_a_start_so_a_site_finishes_alike_with_the_smallest_queue_and_room_for_everyone(WaveCase c)
    {
        // A call lands when the people ahead of it that must start to make room have started; first come, first served, its
        // own people start no earlier than those. So the queue's capacity (at least the largest household) never changes a
        // finish, and no bound term can come from it (waves14: the brief's "queue caps how many wait" adds nothing).
        var problem = c.Problem;
        var site = problem.Sites[0];
        var homes = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).ToList();
        var order = homes.OrderBy(h => (h.HouseholdId * 7919) % 101).ThenBy(h => h.HouseholdId).ToList();
        var smallest = new SiteSpec(site.SiteId, site.Name, site.Position, site.Stations, homes.Max(h => h.People), site.WalkDown);
        var roomy = new SiteSpec(site.SiteId, site.Name, site.Position, site.Stations, Math.Max(1, homes.Sum(h => h.People)), site.WalkDown);

        Assert.Equal(OneSiteFinish(roomy, problem.ServiceTimes, order), OneSiteFinish(smallest, problem.ServiceTimes, order));
    }

    [Property(Arbitrary = [typeof(ShrunkManyStationArbitraries)], MaxTest = 300)]
    public void The_bound_of_a_shrunk_copy_of_a_loose_many_station_compound_is_never_above_the_optimum_the_tests_branch_and_bound_proves(WaveCase c)
    {
        var problem = c.Problem;
        var plan = WavePlanner.PlanWithSteps(problem, 250_000);
        var finish = QueueReplay.Replay(problem, plan).Select(r => r.Finish).Append(problem.Start).Max();
        var oracle = WaveOracle.Solve(problem, (finish - problem.Start).BclCompatibleTicks + 1, 0, 5_000_000);

        Assert.Equal(plan.ExpectedFinish, finish);
        Assert.True(!oracle.Proven || WaveLowerBound.Of(problem) <= problem.Start + Duration.FromTicks(oracle.Optimum), c.ToString());
        Assert.True(!oracle.Proven || plan.LowerBound <= problem.Start + Duration.FromTicks(oracle.Optimum), c.ToString());
        Assert.True(finish >= plan.LowerBound, c.ToString());
    }

    [Theory]
    [InlineData(31, 80)]
    [InlineData(35, 100)]
    [InlineData(60, 150)]
    [InlineData(100, 250)]
    public void Plan_households_of_qr_qr_and_typed_on_more_stations_than_people_in_a_round_finish_at_the_bound_of_two_rounds(int households, int stations)
    {
        // 3 people a household, typed first: only the first stations/3 households start their typed resident at the
        // walk-down (60 s), the rest a QR service (20 s) later, so 60 + 20 + 40 = 120 s is the optimum; the bound said 100 s.
        var problem = WaveGenerators.QrQrTyped(households, 1, stations);
        var plan = WavePlanner.Plan(problem);

        Assert.Equal(Duration.FromSeconds(120), plan.ExpectedFinish - problem.Start);
        Assert.Equal(Duration.FromSeconds(120), WaveLowerBound.Of(problem) - problem.Start);
    }

    [Fact]
    public void Plan_35_households_of_qr_qr_and_typed_on_four_sites_of_six_stations_finish_at_the_bound_of_the_alike_households()
    {
        // Every household alike: the bound replays each site's first k households; 9 on six stations finish at 200 s, and
        // 35 on four sites need a site with 9. The terms for mixed households said 180 s (ratio 1.11 in the verifier's run).
        var problem = WaveGenerators.QrQrTyped(35, 4, 6);
        var plan = WavePlanner.Plan(problem);

        Assert.Equal(Duration.FromSeconds(200), WaveLowerBound.Of(problem) - problem.Start);
        Assert.Equal(Duration.FromSeconds(200), plan.ExpectedFinish - problem.Start);
    }

    [Fact]
    public void Plan_with_a_queue_of_a_million_markers_allocates_for_the_people_called_not_the_markers()
    {
        // SiteQueue sized its waiting line by the queue's capacity: 1,000,000 markers cost 15 MB a plan (two long arrays)
        // whatever the people. It now grows with the people who wait. Memory, not time: the allocation is deterministic.
        var problem = WaveGenerators.QrQrTyped(40, 1, 10);
        var sized = new WaveProblem(problem.Start, problem.ServiceTimes,
            [new SiteSpec(1, "s1", default, 10, 1_000_000, Duration.FromMinutes(1))], problem.Buildings);
        WavePlanner.Plan(sized);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var plan = WavePlanner.Plan(sized);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 4_000_000, $"{allocated} bytes");
        Assert.True(plan.ExpectedFinish >= plan.LowerBound);
    }

    [Fact]
    public void The_bound_of_26_households_on_80_stations_stays_at_one_round()
    {
        // 26 x 3 = 78 people fit the first round of 80 places: 60 + 40 = 100 s is possible, and the bound says so.
        var problem = WaveGenerators.QrQrTyped(26, 1, 80);
        Assert.Equal(Duration.FromSeconds(100), WaveLowerBound.Of(problem) - problem.Start);
        Assert.Equal(Duration.FromSeconds(100), WavePlanner.Plan(problem).ExpectedFinish - problem.Start);
    }

    private static long Longest(HouseholdLoad h, ServiceTimes times) => Math.Max(h.Assisted > 0 ? times.Assisted.BclCompatibleTicks : 0,
        Math.Max(h.Typed > 0 ? times.Typed.BclCompatibleTicks : 0, h.QrCode > 0 ? times.QrCode.BclCompatibleTicks : 0));

    private static long Work(HouseholdLoad h, ServiceTimes times) =>
        (h.QrCode * times.QrCode.BclCompatibleTicks) + (h.Typed * times.Typed.BclCompatibleTicks) + (h.Assisted * times.Assisted.BclCompatibleTicks);

    // One site, households called one at a time in this order, each landing as soon as the queue holds room for it (not before
    // the previous one nor the walk-down); first come, first served, each household assisted, typed then QR; ticks from the start.
    internal static long OneSiteFinish(SiteSpec site, ServiceTimes times, List<HouseholdLoad> order)
    {
        var stations = new PriorityQueue<int, long>();
        for (var k = 0; k < site.Stations; k++)
        {
            stations.Enqueue(k, 0);
        }

        var waiting = new Queue<(long Arrival, long Service)>();
        long landing = site.WalkDown.BclCompatibleTicks, finish = 0;
        foreach (var h in order)
        {
            long lastStart = 0;
            while (waiting.Count > site.QueueCapacity - h.People)
            {
                lastStart = StartNext(stations, waiting, ref finish);
            }

            landing = Math.Max(landing, lastStart);
            foreach (var service in Enumerable.Repeat(times.Assisted, h.Assisted).Concat(Enumerable.Repeat(times.Typed, h.Typed)).Concat(Enumerable.Repeat(times.QrCode, h.QrCode)))
            {
                waiting.Enqueue((landing, service.BclCompatibleTicks));
            }
        }

        while (waiting.Count > 0)
        {
            StartNext(stations, waiting, ref finish);
        }

        return finish;
    }

    private static long StartNext(PriorityQueue<int, long> stations, Queue<(long Arrival, long Service)> waiting, ref long finish)
    {
        Assert.True(stations.TryDequeue(out var station, out var free));
        var (arrival, service) = waiting.Dequeue();
        var start = Math.Max(free, arrival);
        stations.Enqueue(station, start + service);
        finish = Math.Max(finish, start + service);
        return start;
    }
}

/// <summary>Many-station compounds of 2-5 households (brute force size).</summary>
public static class TinyManyStationArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(s => WaveGenerators.ManyStations(s, 5)), PlannerGenerators.ShrinkWave);
}

/// <summary>Many-station compounds of 2-12 households (the tests' branch and bound proves their optimum).</summary>
public static class SmallManyStationArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(s => WaveGenerators.ManyStations(s, 12)), PlannerGenerators.ShrinkWave);
}

/// <summary>Many-station compounds of 2-40 households on their first site alone (one site: the longest-first start is never skipped).</summary>
public static class OneSiteManyStationArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(s => OneSite(WaveGenerators.ManyStations(s, 40))), PlannerGenerators.ShrinkWave);

    private static WaveCase OneSite(WaveCase c) => c with { Problem = new WaveProblem(c.Problem.Start, c.Problem.ServiceTimes, [c.Problem.Sites[0]], c.Problem.Buildings) };
}

/// <summary>Shrunk copies (2-8 households) of the many-station compounds still above their bound (the tests' branch and bound proves them).</summary>
public static class ShrunkManyStationArbitraries
{
    public static Arbitrary<WaveCase> Cases() => Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(s => WaveGenerators.ShrunkManyStations(s)), PlannerGenerators.ShrinkWave);
}
