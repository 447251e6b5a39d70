using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// A few workers re-optimised together (<see cref="JointRows"/>, docs/rostering.md, team32): the joint choice never leaves
/// the roster worse by the independent <see cref="RosterChecker"/>, and its predicted change is the checker's; only the
/// chosen workers' rows change and pins stand; the branch and bound finds the least score over every combination of the
/// pools; the same seed gives the same roster; and on a three-date chain no single change mends, it finds the optimum of
/// every joint row of the three workers.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 60)]
public sealed class JointRowsProperties
{
    [Property]
    public void The_choice_is_never_worse_by_the_checker_and_changes_only_the_chosen_rows(RosterCase c, int seed, byte k) =>
        Chosen(c.Problem, seed, 2 + (k % 5));

    [Property(Arbitrary = new[] { typeof(LockdownShapes) }, MaxTest = 40)]
    public void On_lockdown_shaped_problems_the_choice_is_never_worse_by_the_checker(RosterProblem problem, int seed, byte k) =>
        Chosen(problem, seed, 2 + (k % 5));

    [Property(MaxTest = 40)]
    public void The_branch_and_bound_finds_the_least_score_over_every_combination_of_the_pools(RosterCase c, int seed, byte k)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0 || !JointRows.Applies(p))
        {
            return;
        }

        var (ev, context) = Greedy(c.Problem, seed);
        var joint = new JointRows(p);
        var workers = joint.DrawWorkers(context, 2 + (k % 3)).ToArray();
        ev.Begin();
        joint.Choose(context, workers, joint.Hole);
        ev.Commit();
        var chosen = ev.Score;
        ev.Undo();
        var pools = Enumerable.Range(0, workers.Length).Select(i => Enumerable.Range(0, joint.PoolCount(i)).Select(r => joint.PoolRow(i, r).ToArray()).ToArray()).ToArray();
        if (pools.Aggregate(1L, (n, pool) => n * pool.Length) > 4096)
        {
            return;
        }

        Assert.Equal(Combinations(pools).Min(rows => ScoreWith(ev, workers, rows)), chosen);
    }

    [Property(MaxTest = 20)]
    public void The_same_seed_gives_the_same_choice(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return;
        }

        int[] Run()
        {
            var (ev, context) = Greedy(c.Problem, seed);
            var joint = new JointRows(p);
            var workers = joint.DrawWorkers(context, 4).ToArray();
            ev.Begin();
            joint.Choose(context, workers, joint.Hole);
            ev.Commit();
            return [joint.Hole, .. workers, .. ev.Assign];
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void A_chain_of_three_no_single_change_mends_is_the_optimum_of_every_joint_row()
    {
        // Three dates, one duty each, each worker at most one shift (480 minutes). Worker 1 stands on the Monday and is the
        // only one allowed on the Wednesday; worker 2 stands on the Tuesday and may take the Monday; worker 3, off, may
        // take only the Tuesday. Covering the Wednesday needs all three to move at once.
        var one = new WorkRules(maxTotalMinutes: 480);
        var problem = Problem(
            workers:
            [
                new Worker(W(1), WorkerKind.Staff, Home, rules: one, unavailableDates: [Monday.PlusDays(1)]),
                new Worker(W(2), WorkerKind.Staff, Home, rules: one, unavailableDates: [Monday.PlusDays(2)]),
                new Worker(W(3), WorkerKind.Staff, Home, rules: one, unavailableDates: [Monday, Monday.PlusDays(2)]),
            ],
            demands: [.. Enumerable.Range(0, 3).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 1, maximum: 1))],
            days: 3);
        var p = problem.Compiled;
        var slot = Enumerable.Range(0, p.SlotCount).Single(s => problem.Demands[p.SlotDemand[s]].ShiftCode == "D");
        var start = new int[p.WorkerCount * p.Days];
        Array.Fill(start, -1);
        (start[p.WorkerDay(0, 0)], start[p.WorkerDay(1, 1)]) = (slot, slot);

        // Every joint row of the three workers, scored by the evaluator: the optimum covers every date.
        var rows = Enumerable.Range(0, 1 << p.Days).Select(bits => Enumerable.Range(0, p.Days).Select(d => (bits >> d & 1) == 1 ? slot : -1).ToArray()).ToArray();
        var optimum = new RosterEvaluator(p, start);
        var best = Combinations([rows, rows, rows]).Min(r => ScoreWith(optimum, [0, 1, 2], r));
        Assert.Equal(new ScorePart(0, 0), best);
        Assert.True(new RosterEvaluator(p, start).Score > best, "the Wednesday should start uncovered");

        var found = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var ev = new RosterEvaluator(p, start);
            var context = new MoveContext(ev, new Random(seed));
            var joint = new JointRows(p);
            var workers = joint.DrawWorkers(context, 3).ToArray();
            Assert.Equal([0, 1, 2], workers.Order());
            ev.Begin();
            joint.Choose(context, workers, joint.Hole);
            ev.Commit();
            found += ev.Score == best ? 1 : 0;
            var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, ev.Assign));
            Assert.Equal((check.Hard, check.Soft), (ev.Score.Hard, ev.Score.Soft));
        }

        Assert.InRange(found, 5, 10);
    }

    [Fact]
    public void The_walk_draws_the_joint_choice_only_past_half_a_plateau_and_only_below_42_dates()
    {
        // Two workers for three people a day (the chain's walk test): the holes cannot all be filled, so the walk stalls.
        RosterProblem Understaffed(int days) => Problem(demands: [.. Enumerable.Range(0, days).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))], days: days);
        Assert.Equal(0, Walked(Understaffed(14), SearchTuning.MinStagnation / 2).JointDraws);
        Assert.InRange(Walked(Understaffed(14), 3 * SearchTuning.MinStagnation).JointDraws, 1, long.MaxValue);
        Assert.Equal(0, Walked(Understaffed(SearchTuning.EjectionChainBelowDays), 3 * SearchTuning.MinStagnation).JointDraws);
    }

    [Fact]
    public void A_walk_that_draws_the_joint_choice_gives_the_same_roster_twice_with_the_checker_s_score()
    {
        var problem = Problem(
            workers: [.. Enumerable.Range(1, 4).Select(i => new Worker(W(i), WorkerKind.Staff, Home, rules: new WorkRules(maxTotalMinutes: 8 * 480)))],
            demands: [.. Enumerable.Range(0, 14).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))],
            days: 14);
        var (first, second) = (Walked(problem, 3 * SearchTuning.MinStagnation), Walked(problem, 3 * SearchTuning.MinStagnation));
        Assert.InRange(first.JointDraws, 1, long.MaxValue);
        Assert.Equal(first.BestAssign, second.BestAssign);
        var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, first.BestAssign));
        Assert.Equal((check.Hard, check.Soft), (first.BestScore.Hard, first.BestScore.Soft));
    }

    private static SearchEngine Walked(RosterProblem problem, long iterations)
    {
        var engine = new SearchEngine(problem.Compiled, new PlannerOptions(5, iterationLimit: iterations) { DegreeOfParallelism = 1 }, progress: null);
        engine.Run(CancellationToken.None);
        return engine;
    }

    private static void Chosen(RosterProblem problem, int seed, int k)
    {
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0 || !JointRows.Applies(p))
        {
            return;
        }

        var (ev, context) = Greedy(problem, seed);
        var before = (int[])ev.Assign.Clone();
        var checkBefore = RosterChecker.Check(problem, MoveProperties.Assignments(problem, before));
        var joint = new JointRows(p);
        var workers = joint.DrawWorkers(context, k).ToArray();
        Assert.Equal(workers.Length, workers.Distinct().Count());
        ev.Begin();
        var predicted = joint.Choose(context, workers, joint.Hole);
        ev.Commit();
        var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, ev.Assign));
        Assert.True(new ScorePart(check.Hard, check.Soft) <= new ScorePart(checkBefore.Hard, checkBefore.Soft), $"{checkBefore.Hard}/{checkBefore.Soft} -> {check.Hard}/{check.Soft}");
        Assert.Equal((check.Hard - checkBefore.Hard, check.Soft - checkBefore.Soft), (predicted.Hard, predicted.Soft));
        for (var cell = 0; cell < before.Length; cell++)
        {
            if (before[cell] != ev.Assign[cell])
            {
                Assert.Contains(cell / p.Days, workers);
                Assert.True(p.Pinned[cell] < 0, "a pinned cell changed");
            }
        }
    }

    /// <summary>The roster's score with worker <paramref name="workers"/>[i] on <paramref name="rows"/>[i], the roster left as it was.</summary>
    private static ScorePart ScoreWith(RosterEvaluator ev, int[] workers, int[][] rows)
    {
        ev.Begin();
        for (var i = 0; i < workers.Length; i++)
        {
            for (var d = 0; d < ev.P.Days; d++)
            {
                ev.Set(workers[i], d, rows[i][d]);
            }
        }

        ev.Commit();
        var score = ev.Score;
        ev.Undo();
        return score;
    }

    private static IEnumerable<int[][]> Combinations(int[][][] pools) =>
        pools.Aggregate(
            (IEnumerable<int[][]>)[[]],
            (acc, pool) => acc.SelectMany(prefix => pool.Select(row => (int[][])[.. prefix, row])));

    private static (RosterEvaluator Ev, MoveContext Context) Greedy(RosterProblem problem, int seed)
    {
        var ev = new RosterEvaluator(problem.Compiled);
        Construction.Greedy(ev);
        return (ev, new MoveContext(ev, new Random(seed)));
    }

    /// <summary>Lockdown-shaped problems: understaffed, over-demanded, infeasible (rule-breaking pins), everything pinned, mixed.</summary>
    public static class LockdownShapes
    {
        public static Arbitrary<RosterProblem> Problems() => Arb.From(
            Gen.Elements(LockdownShape.Understaffed, LockdownShape.OverDemanded, LockdownShape.PinsThatBreakRules, LockdownShape.EverythingPinned, LockdownShape.Mixed)
                .SelectMany(shape => Gen.Choose(0, int.MaxValue - 1).Select(seed => LockdownRosterGenerators.Create(seed, shape).Problem)));
    }
}
