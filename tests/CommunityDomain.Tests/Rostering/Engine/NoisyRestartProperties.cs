using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The kick on short horizons, a noisy restart (<see cref="SearchEngine.Kick"/>, docs/rostering.md, stall8), over planted
/// and lockdown-shaped problems (understaffed, over-demanded, no workers, pins that break rules, long horizons): after
/// each kick of an opened search, pins stand, no worker is on a choice the problem excludes unless pinned there, and the
/// search's score of the roster it stands on and of its best roster equals the independent checker's; the same seed
/// kicks to the same roster; only horizons shorter than <see cref="SearchTuning.NoisyKickBelowDays"/> restart noisily;
/// a plan whose walk kicks gives the same roster twice; the noise steers the DP and is gone once cleared.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 30)]
public sealed class NoisyRestartProperties
{
    [Property]
    public void After_each_kick_pins_stand_choices_are_allowed_and_the_scores_are_the_checkers(RosterCase c, int seed)
    {
        var problem = c.Problem;
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing a kick could touch
        }

        var engine = Opened(problem, seed);
        for (var k = 0; k < 3; k++)
        {
            engine.Kick();
            var assign = engine.CurrentAssign;
            for (var cell = 0; cell < assign.Length; cell++)
            {
                var (w, d) = (cell / p.Days, cell % p.Days);
                Assert.False(p.Pinned[cell] >= 0 && assign[cell] != p.Pinned[cell], $"pin moved at worker {w} day {d}");
                Assert.True(p.Pinned[cell] >= 0 || p.Allowed[p.ChoiceIndex(w, d, assign[cell] + 1)], $"worker {w} on an excluded choice on day {d}");
            }

            var current = RosterChecker.Check(problem, MoveProperties.Assignments(problem, assign));
            Assert.Equal((current.Hard, current.Soft), (engine.CurrentScore.Hard, engine.CurrentScore.Soft));
            var best = RosterChecker.Check(problem, MoveProperties.Assignments(problem, engine.BestAssign));
            Assert.Equal((best.Hard, best.Soft), (engine.BestScore.Hard, engine.BestScore.Soft));
        }

        Assert.Equal(p.Days < SearchTuning.NoisyKickBelowDays ? 3 : 0, engine.NoisyRestarts);
    }

    [Property]
    public void The_same_seed_kicks_to_the_same_roster(RosterCase c, int seed)
    {
        var problem = c.Problem;
        if (problem.Compiled.WorkerCount == 0 || problem.Compiled.Days == 0)
        {
            return;
        }

        var (a, b) = (Opened(problem, seed), Opened(problem, seed));
        for (var k = 0; k < 2; k++)
        {
            a.Kick();
            b.Kick();
        }

        Assert.Equal(a.CurrentAssign, b.CurrentAssign);
        Assert.Equal(a.CurrentScore, b.CurrentScore);
    }

    [Theory]
    [InlineData(14, 1)]
    [InlineData(41, 1)]
    [InlineData(42, 0)]
    public void Only_horizons_shorter_than_the_threshold_restart_noisily(int days, long noisy)
    {
        var engine = Opened(Problem(demands: Demands(days, required: 1), days: days), 3);
        engine.Kick();
        Assert.Equal(noisy, engine.NoisyRestarts);
    }

    [Fact]
    public void A_plan_whose_walk_restarts_noisily_gives_the_same_roster_twice_and_the_checkers_score()
    {
        // Two workers for three people a day over two weeks: the holes cannot all be filled, so the walk soon finds no
        // new record and kicks after each plateau (20,000 iterations here).
        var problem = Understaffed();
        var walked = new SearchEngine(problem.Compiled, new PlannerOptions(5, iterationLimit: 3 * SearchTuning.MinStagnation) { DegreeOfParallelism = 1 }, progress: null);
        walked.Run(CancellationToken.None);
        Assert.InRange(walked.NoisyRestarts, 1, long.MaxValue);

        foreach (var degree in new[] { 1, 2 })
        {
            var options = new PlannerOptions(5, iterationLimit: 3 * SearchTuning.MinStagnation) { DegreeOfParallelism = degree };
            var first = RosterPlanner.Plan(problem, options).Match(r => r, n => n.Best);
            var second = RosterPlanner.Plan(problem, options).Match(r => r, n => n.Best);
            Assert.Equal(first.Assignments, second.Assignments);
            var check = RosterChecker.Check(problem, first.Assignments);
            Assert.Equal((check.Hard, check.Soft), (first.Score.Hard, first.Score.Soft));
        }
    }

    [Fact]
    public void Cover_noise_steers_the_dp_and_is_gone_once_cleared()
    {
        // One worker, a week of day duties: the DP's row takes the duties it can. A large price on Monday's duty keeps
        // it off Monday; once the noise is cleared, a fresh solve gives the row a DP that never saw noise gives.
        var problem = Problem(workers: [new Worker(W(1), WorkerKind.Staff, Home)], demands: Demands(7, required: 1), days: 7);
        var p = problem.Compiled;
        var ev = new RosterEvaluator(p);
        var plain = new int[p.Days];
        Assert.True(new WorkerScheduleDp(p).Solve(ev, 0, plain, new Random(2)));
        var monday = plain[0];
        Assert.True(monday >= 0, "without noise the worker takes Monday's duty");

        var dp = new WorkerScheduleDp(p);
        var noise = new double[p.Days * p.SlotCount];
        noise[p.DaySlot(0, monday)] = 1e9;
        dp.SetCoverNoise(noise);
        var steered = new int[p.Days];
        Assert.True(dp.Solve(ev, 0, steered, new Random(2)));
        Assert.NotEqual(monday, steered[0]);

        dp.SetCoverNoise(null);
        var cleared = new int[p.Days];
        Assert.True(dp.Solve(ev, 0, cleared, new Random(2)));
        Assert.Equal(plain, cleared);
    }

    private static RosterProblem Understaffed() =>
        Problem(demands: [.. Enumerable.Range(0, 14).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))], days: 14);

    private static SearchEngine Opened(RosterProblem problem, int seed)
    {
        var engine = new SearchEngine(problem.Compiled, new PlannerOptions(seed, iterationLimit: 10_000) { DegreeOfParallelism = 1 }, progress: null);
        engine.Open(CancellationToken.None);
        return engine;
    }
}
