using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// The incremental evaluator against full recomputation and the independent checker, over problems planted
/// around a feasible roster and over lockdown-shaped ones (understaffed, infeasible, no workers, 24-hour
/// duties, 40+ shift types, a year's horizon).
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries), typeof(LockdownArbitraries), typeof(RosterCaseArbitraries) }, MaxTest = 150)]
public sealed class RosterEvaluatorProperties
{
    [Property(MaxTest = 180)]
    public bool Incremental_score_equals_full_recomputation_after_any_sequence_of_moves(RosterCase c, int moveSeed) =>
        IncrementalEqualsFull(c.Problem, moveSeed);

    [Property(MaxTest = 180)]
    public bool Commit_returns_the_exact_change_of_score(RosterCase c, int moveSeed) => CommitIsExact(c.Problem, moveSeed);

    [Property(MaxTest = 100)]
    public bool CommitWorker_after_changing_one_worker_gives_the_full_recomputation_and_undo_restores_it(RosterCase c, int moveSeed)
    {
        // How WindowChainMove tries rows: within one move, several workers each changed, rescored alone, some changed back.
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.SlotCount == 0 || p.Days == 0)
        {
            return true;
        }

        var ev = new RosterEvaluator(p);
        var r = new Random(moveSeed);
        var start = ev.Score;
        var startAssign = (int[])ev.Assign.Clone();
        ev.Begin();
        for (var step = 0; step < 20; step++)
        {
            var w = r.Next(p.WorkerCount);
            for (var i = r.Next(1, 4); i > 0; i--)
            {
                var d = r.Next(p.Days);
                var s = r.Next(-1, p.SlotCount);
                ev.Set(w, d, s >= 0 && p.Required[p.DaySlot(d, s)] < 0 ? -1 : s);
            }

            ev.CommitWorker(w);
            if (ev.Score != RosterEvaluator.FullScore(p, (int[])ev.Assign.Clone()))
            {
                return false;
            }
        }

        ev.Commit();
        ev.Undo();
        return ev.Score == start && ev.Assign.SequenceEqual(startAssign);
    }

    private static bool IncrementalEqualsFull(RosterProblem problem, int moveSeed)
    {
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.SlotCount == 0)
        {
            // Nothing to move: the empty roster's score must still be the checker's.
            var empty = RosterEvaluator.FullScore(p, new RosterEvaluator(p).Assign);
            var check = RosterChecker.Check(problem, []);
            return empty.Hard == check.Hard && empty.Soft == check.Soft;
        }

        var ev = new RosterEvaluator(p);
        var r = new Random(moveSeed);
        for (var step = 0; step < 60; step++)
        {
            ev.Begin();
            var cells = r.Next(1, 6);
            for (var i = 0; i < cells; i++)
            {
                var w = r.Next(p.WorkerCount);
                var d = r.Next(p.Days);
                // Any slot, even one the search would not pick: the evaluator must score everything.
                var s = r.Next(-1, p.SlotCount);
                if (s >= 0 && p.Required[(d * p.SlotCount) + s] < 0)
                {
                    s = -1;
                }

                ev.Set(w, d, s);
            }

            ev.Commit();
            if (ev.Score != RosterEvaluator.FullScore(p, ev.Assign))
            {
                return false;
            }

            if (r.Next(2) == 0)
            {
                ev.Undo();
            }
            else
            {
                ev.Accept();
            }

            if (ev.Score != RosterEvaluator.FullScore(p, ev.Assign))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CommitIsExact(RosterProblem problem, int moveSeed)
    {
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.SlotCount == 0)
        {
            return true;
        }

        var ev = new RosterEvaluator(p);
        var r = new Random(moveSeed);
        for (var step = 0; step < 30; step++)
        {
            var before = ev.Score;
            ev.Begin();
            ev.Set(r.Next(p.WorkerCount), r.Next(p.Days), -1);
            var w = r.Next(p.WorkerCount);
            var d = r.Next(p.Days);
            var s = r.Next(p.SlotCount);
            ev.Set(w, d, p.Required[(d * p.SlotCount) + s] < 0 ? -1 : s);
            var delta = ev.Commit();
            if (before.Hard + delta.Hard != ev.Score.Hard || before.Soft + delta.Soft != ev.Score.Soft)
            {
                return false;
            }

            ev.Accept();
        }

        return true;
    }

    [Property(MaxTest = 120)]
    public bool ScoreWith_prices_one_duty_and_leaves_the_roster_and_Place_keeps_it(RosterCase c, int moveSeed)
    {
        // Full recomputation is the reference (checked against the independent checker by the properties above).
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.SlotCount == 0)
        {
            return true;
        }

        var ev = new RosterEvaluator(p);
        var r = new Random(moveSeed);
        for (var step = 0; step < 30; step++)
        {
            var (w, d, s) = (r.Next(p.WorkerCount), r.Next(p.Days), r.Next(p.SlotCount));
            s = p.Required[(d * p.SlotCount) + s] < 0 ? -1 : s;
            var before = (int[])ev.Assign.Clone();
            var scoreBefore = ev.Score;
            var with = (int[])before.Clone();
            with[p.WorkerDay(w, d)] = s;
            var expected = RosterEvaluator.FullScore(p, with);
            if (ev.ScoreWith(w, d, s) != expected || !ev.Assign.AsSpan().SequenceEqual(before) || ev.Score != scoreBefore)
            {
                return false;
            }

            if (r.Next(2) == 0)
            {
                ev.Place(w, d, s);
                if (!ev.Assign.AsSpan().SequenceEqual(with) || ev.Score != expected)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 80)]
    public bool Evaluator_agrees_with_the_checker_on_any_roster_of_a_lockdown_problem(LockdownProblem g, int seed)
    {
        // Any roster, not one a planner would pick: random demands per worker-date, rules broken freely.
        var r = new Random(seed);
        var byDate = g.Problem.Demands.GroupBy(d => d.Date).ToDictionary(x => x.Key, x => x.ToList());
        var roster = new List<RosterAssignment>();
        foreach (var w in g.Problem.Workers)
        {
            foreach (var (date, demands) in byDate)
            {
                if (r.Next(3) == 0)
                {
                    var d = demands[r.Next(demands.Count)];
                    roster.Add(new RosterAssignment(w.Id, date, d.Post, d.ShiftCode, d.Qualification));
                }
            }
        }

        var score = RosterEvaluator.FullScore(g.Problem.Compiled, g.Problem.CellsOf(roster, nameof(roster)));
        var check = RosterChecker.Check(g.Problem, roster);
        return score.Hard == check.Hard && score.Soft == check.Soft;
    }

    [Property]
    public bool Evaluator_agrees_with_the_checker_on_the_planted_roster(PlantedProblem g)
    {
        var p = g.Problem.Compiled;
        var cells = g.Problem.CellsOf(g.Planted, nameof(g.Planted));
        var score = RosterEvaluator.FullScore(p, cells);
        var check = RosterChecker.Check(g.Problem, g.Planted);
        return score.Hard == check.Hard && score.Soft == check.Soft;
    }
}
