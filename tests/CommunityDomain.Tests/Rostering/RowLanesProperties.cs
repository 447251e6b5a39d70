using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// One search's re-optimisations on lanes (<see cref="RowLanes"/>; docs/rostering.md, "One search on both cores", par28):
/// the same problem, seed, iteration limit and degree give the same roster whatever the thread timing (twice, and while
/// other plans hold the cores); each row the lanes hand back is applied only when the roster is not worse by the
/// independent checker; pins never move; the score is the checker's. The tests lower the size from which a plan takes the
/// lanes (18,000 worker-dates: Instances 21 and 23) to none, so the generated lockdown problems take them.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries), typeof(LockdownArbitraries) }, MaxTest = 20)]
public sealed class RowLanesProperties
{
    private static PlannerOptions Options(int seed, long iterations, int degree, LaneStats? stats = null, long lanesFrom = 0) =>
        new(seed, iterationLimit: iterations) { DegreeOfParallelism = degree, LanesFromWorkerDays = lanesFrom, LaneStats = stats };

    private static Roster Plan(RosterProblem problem, int degree, int seed = 4, long iterations = 400, LaneStats? stats = null) =>
        RosterPlanner.Plan(problem, Options(seed, iterations, degree, stats)).Match(r => r, n => n.Best);

    private static RosterChecker.Result Check(RosterProblem problem, int[] cells) =>
        RosterChecker.Check(problem, RosterBuilder.Build(problem.Compiled, cells).Assignments);

    [Property]
    public bool Same_problem_seed_iteration_limit_and_degree_give_the_same_roster_on_lanes(LockdownProblem g, bool three)
    {
        var degree = three ? 3 : 2;
        var a = Plan(g.Problem, degree);
        var b = Plan(g.Problem, degree);
        return a.Assignments.SequenceEqual(b.Assignments) && a.Score.Total == b.Score.Total;
    }

    [Property]
    public void A_plan_on_lanes_keeps_every_pin_and_scores_like_the_checker(LockdownProblem g, PositiveInt seed)
    {
        var roster = Plan(g.Problem, 2, seed.Get, iterations: 600);
        var set = roster.Assignments.ToHashSet();
        Assert.All(g.Problem.Pins, pin => Assert.Contains(pin, set));
        var check = RosterChecker.Check(g.Problem, roster.Assignments);
        Assert.Equal((check.Hard, check.Soft), (roster.Score.Hard, roster.Score.Soft));
    }

    [Property]
    public void A_plan_on_lanes_keeps_every_pin_of_a_planted_problem_and_scores_like_the_checker(PlantedProblem g)
    {
        var roster = Plan(g.Problem, 3, iterations: 800);
        var set = roster.Assignments.ToHashSet();
        Assert.All(g.Problem.Pins, pin => Assert.Contains(pin, set));
        var check = RosterChecker.Check(g.Problem, roster.Assignments);
        Assert.Equal((check.Hard, check.Soft), (roster.Score.Hard, roster.Score.Soft));
    }

    /// <summary>
    /// The opening with an iteration limit of k applies exactly the first k rows of the opening with a larger limit (row k
    /// is drawn against the same roster either way), so the roster after k + 1 rows against the one after k is row k + 1's
    /// effect: never worse by the checker, hard first.
    /// </summary>
    [Property(MaxTest = 12)]
    public void Each_row_the_lanes_hand_the_opening_leaves_the_roster_no_worse_by_the_checker(LockdownProblem g, bool three)
    {
        var p = g.Problem.Compiled;
        var rows = Math.Min(p.WorkerCount + 3, 14);
        RosterChecker.Result? previous = null;
        for (var k = 1; k <= rows; k++)
        {
            var engine = new SearchEngine(p, Options(7, k, three ? 3 : 2), progress: null, lanes: three ? 3 : 2);
            engine.Open(CancellationToken.None);
            engine.CloseLanes();
            var check = Check(g.Problem, engine.CurrentAssign);
            if (previous is { } before)
            {
                Assert.True(check.Hard < before.Hard || (check.Hard == before.Hard && check.Soft <= before.Soft),
                    $"row {k}: ({before.Hard}, {before.Soft}) -> ({check.Hard}, {check.Soft})");
            }

            var best = Check(g.Problem, engine.BestAssign);
            Assert.Equal((best.Hard, best.Soft), (engine.BestScore.Hard, engine.BestScore.Soft));
            previous = check;
        }
    }

    /// <summary>
    /// On lanes the opening passes over every worker <see cref="SearchTuning.LaneSweepPasses"/> times (lanes23: the first
    /// pass's rows were solved against a stale cover) before the repair passes: at least that many rows x workers come back
    /// from the lanes, each an iteration; the counters' opening score is the checker's.
    /// </summary>
    [Property(MaxTest = 10)]
    public void The_opening_on_lanes_passes_over_every_worker_twice(LockdownProblem g, bool three)
    {
        var p = g.Problem.Compiled;
        var lanes = three ? 3 : 2;
        var stats = new LaneStats();
        var engine = new SearchEngine(p, Options(9, 1_000_000, lanes, stats), progress: null, lanes: lanes);
        var rows = 0;
        engine.LaneTaskObserver = (kind, applied) => rows += applied && kind == LaneTaskKind.Reoptimise ? 1 : 0;
        engine.Open(CancellationToken.None);
        engine.CloseLanes();

        Assert.Equal(2, SearchTuning.LaneSweepPasses);
        Assert.Equal(SearchTuning.LaneSweepPasses, new PlannerOptions(1, iterationLimit: 10).LaneSweepPasses);
        if (p.WorkerCount > 0 && p.Days > 0)
        {
            Assert.True(rows >= 2 * p.WorkerCount, $"{rows} rows for {p.WorkerCount} workers");
            Assert.Equal(rows, engine.Iterations);
            Assert.Equal(rows, stats.OpeningIterations);
        }

        var check = Check(g.Problem, engine.CurrentAssign);
        Assert.Equal((check.Hard, check.Soft), (stats.OpeningScore!.Value.Hard, stats.OpeningScore.Value.Soft));
    }

    /// <summary>
    /// On a problem whose single pass (par28's opening) leaves no worker for the repair passes, that opening is one row a
    /// worker and the default's two passes twice that: the second pass is what adds them.
    /// </summary>
    [Fact]
    public void Two_passes_over_every_worker_take_twice_the_rows_of_one_where_nothing_is_left_to_repair()
    {
        var found = 0;
        for (var seed = 301; seed < 341 && found < 3; seed++)
        {
            var p = RosterGenerators.Create(seed).Problem.Compiled;
            if (p.WorkerCount == 0 || p.Days == 0 || Rows(p, 1) != p.WorkerCount)
            {
                continue;
            }

            found++;
            Assert.True(Rows(p, 2) >= 2 * p.WorkerCount, $"seed {seed}: two passes over {p.WorkerCount} workers");
        }

        Assert.True(found > 0, "no generated problem without repairs after one pass");

        static long Rows(CompiledProblem p, int passes)
        {
            var options = new PlannerOptions(3, iterationLimit: 1_000_000) { DegreeOfParallelism = 2, LanesFromWorkerDays = 0, LaneSweepPasses = passes };
            var engine = new SearchEngine(p, options, progress: null, lanes: 2);
            engine.Open(CancellationToken.None);
            engine.CloseLanes();
            return engine.Iterations;
        }
    }

    /// <summary>
    /// The walk's due points (lanes23): a row drawn as the n-th lane task is applied when the n + lag-th is drawn, lag =
    /// <see cref="SearchTuning.LaneWalkRowLagPerLane"/> x lanes, so while a row is applied (it has left the queue) lag - 1
    /// others are drawn and not applied, more only while a ruin (applied later still) is out; never more than a ruin's lag.
    /// </summary>
    [Fact]
    public void The_walk_applies_each_row_at_its_due_point()
    {
        var problem = RosterGenerators.Create(301).Problem;
        Assert.Equal(1, SearchTuning.LaneWalkRowLagPerLane);
        Assert.Equal(SearchTuning.LaneWalkRowLagPerLane, new PlannerOptions(1, iterationLimit: 10).LaneWalkRowLagPerLane);
        foreach (var lag in new[] { 1, 3 })
        {
            var counts = Walk(lag);
            var usual = counts.GroupBy(c => c).MaxBy(g => g.Count())!.Key;
            Assert.Equal((lag * 2) - 1, usual);
            Assert.True(counts.Max() < (lag * 2) + SearchTuning.LaneRuinLagPerOtherLane, $"lag {lag}: {counts.Max()} in flight");
        }

        List<int> Walk(int lag)
        {
            var options = new PlannerOptions(6, iterationLimit: 3_000) { DegreeOfParallelism = 2, LanesFromWorkerDays = 0, LaneWalkRowLagPerLane = lag };
            var engine = new SearchEngine(problem.Compiled, options, progress: null, lanes: 2);
            engine.Open(CancellationToken.None);
            var counts = new List<int>();
            engine.LaneTaskObserver = (kind, applied) =>
            {
                if (!applied && kind == LaneTaskKind.Reoptimise)
                {
                    counts.Add(engine.LaneTasksInFlight);
                }
            };
            engine.Walk(CancellationToken.None);
            engine.CloseLanes();
            Assert.True(counts.Count > 20, $"lag {lag}: {counts.Count} rows");
            return counts;
        }
    }

    /// <summary>
    /// The walk on lanes applies each lane's task as an iteration of its own: a re-optimised row only when the roster is
    /// not worse with it (checked here by the checker on the roster just before and just after), a ruin by late acceptance.
    /// </summary>
    [Property(MaxTest = 15)]
    public void Each_row_the_lanes_hand_the_walk_leaves_the_roster_no_worse_by_the_checker(LockdownProblem g, bool three)
    {
        var p = g.Problem.Compiled;
        var lanes = three ? 3 : 2;
        var engine = new SearchEngine(p, Options(5, 1200, lanes), progress: null, lanes: lanes);
        RosterChecker.Result? before = null;
        var rows = 0;
        engine.LaneTaskObserver = (kind, applied) =>
        {
            var check = Check(g.Problem, engine.CurrentAssign);
            if (!applied)
            {
                before = check;
            }
            else if (kind == LaneTaskKind.Reoptimise && before is { } b)
            {
                rows++;
                Assert.True(check.Hard < b.Hard || (check.Hard == b.Hard && check.Soft <= b.Soft),
                    $"a lane's row: ({b.Hard}, {b.Soft}) -> ({check.Hard}, {check.Soft})");
            }
        };
        engine.Run(CancellationToken.None);

        if (p.WorkerCount > 0 && p.Days > 0)
        {
            Assert.Equal(1200, engine.Iterations);
            Assert.True(rows > 0, "no row came from the lanes");
        }

        var best = Check(g.Problem, engine.BestAssign);
        Assert.Equal((best.Hard, best.Soft), (engine.BestScore.Hard, engine.BestScore.Soft));
    }

    [Fact]
    public void A_plan_on_lanes_returns_a_checked_roster_under_a_time_limit_and_when_cancelled()
    {
        var g = LockdownRosterGenerators.Create(91, LockdownShape.LongHorizon);
        var timed = RosterPlanner.Plan(g.Problem, new PlannerOptions(2, Duration.FromMilliseconds(300)) { DegreeOfParallelism = 2, LanesFromWorkerDays = 0 })
            .Match(r => r, n => n.Best);
        var check = RosterChecker.Check(g.Problem, timed.Assignments);
        Assert.Equal((check.Hard, check.Soft), (timed.Score.Hard, timed.Score.Soft));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var none = RosterPlanner.Plan(g.Problem, Options(2, 100_000, 2), cancellationToken: cancelled.Token).Match(r => r, n => n.Best);
        var checkNone = RosterChecker.Check(g.Problem, none.Assignments);
        Assert.Equal((checkNone.Hard, checkNone.Soft), (none.Score.Hard, none.Score.Soft));
    }

    [Fact]
    public void A_plan_on_lanes_is_the_same_alone_and_while_other_plans_hold_the_cores()
    {
        var problems = Enumerable.Range(0, 4).Select(i => RosterGenerators.Create(300 + i).Problem)
            .Append(LockdownRosterGenerators.Create(77, LockdownShape.LongHorizon).Problem).ToList();
        var alone = problems.Select(Names).ToList();

        // Eight plans on lanes at once on the test machine's cores: each lane and each search is delayed at other points.
        var busy = problems.Concat(problems).AsParallel().AsOrdered().WithDegreeOfParallelism(8).Select(Names).ToList();
        Assert.Equal(alone, busy.Take(problems.Count));
        Assert.Equal(alone, busy.Skip(problems.Count));

        static string Names(RosterProblem p) => string.Join(";", Plan(p, 2, iterations: 1500).Assignments);
    }

    [Fact]
    public void A_plan_takes_the_lanes_from_the_size_given_and_with_more_than_one_core_only()
    {
        var problem = RosterGenerators.Create(301).Problem;
        var size = (long)problem.Compiled.WorkerCount * problem.Compiled.Days;

        Assert.True(Solved(2, size) > 0);
        Assert.Equal(0, Solved(2, size + 1));
        Assert.Equal(0, Solved(1, 0));
        Assert.Equal(SearchTuning.LanesFromWorkerDays, new PlannerOptions(1, iterationLimit: 10).LanesFromWorkerDays);
        Assert.Equal(18_000, SearchTuning.LanesFromWorkerDays);

        long Solved(int degree, long lanesFrom)
        {
            var stats = new LaneStats();
            RosterPlanner.Plan(problem, Options(3, 300, degree, stats, lanesFrom));
            return stats.Tasks;
        }
    }

    [Fact]
    public void A_lane_solves_a_row_as_the_search_would_against_the_same_roster()
    {
        // The snapshot is all the DP reads: a row solved against it equals the row solved against the live roster.
        var g = LockdownRosterGenerators.Create(4242, LockdownShape.Mixed);
        var p = g.Problem.Compiled;
        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev, () => false);
        var snapshot = new CoverSnapshot(p);
        for (var w = 0; w < p.WorkerCount; w++)
        {
            var live = new int[p.Days];
            var copied = new int[p.Days];
            var a = new WorkerScheduleDp(p).Solve(ev, w, live, new Random(w));
            snapshot.Take(ev, w);
            var b = new WorkerScheduleDp(p).Solve(snapshot, w, copied, new Random(w));
            Assert.Equal(a, b);
            Assert.Equal(live, copied);
        }
    }
}
