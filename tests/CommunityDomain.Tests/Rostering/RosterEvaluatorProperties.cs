using CommunityDomain.Rostering;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

[Properties(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 150)]
public sealed class RosterEvaluatorProperties
{
    [Property]
    public bool Incremental_score_equals_full_recomputation_after_any_sequence_of_moves(PlantedProblem g, int moveSeed)
    {
        var p = g.Problem.Compiled;
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

            var before = RosterEvaluator.FullScore(p, ev.Assign);
            var delta = ev.Commit();
            if (ev.Score != RosterEvaluator.FullScore(p, ev.Assign))
            {
                return false;
            }

            if (r.Next(2) == 0)
            {
                ev.Undo();
                _ = before;
            }
            else
            {
                ev.Accept();
            }

            if (ev.Score != RosterEvaluator.FullScore(p, ev.Assign))
            {
                return false;
            }

            _ = delta;
        }

        return true;
    }

    [Property]
    public bool Commit_returns_the_exact_change_of_cost(PlantedProblem g, int moveSeed)
    {
        var p = g.Problem.Compiled;
        var ev = new RosterEvaluator(p);
        var r = new Random(moveSeed);
        for (var step = 0; step < 30; step++)
        {
            var before = ev.Cost;
            ev.Begin();
            ev.Set(r.Next(p.WorkerCount), r.Next(p.Days), -1);
            var w = r.Next(p.WorkerCount);
            var d = r.Next(p.Days);
            var s = r.Next(p.SlotCount);
            ev.Set(w, d, p.Required[(d * p.SlotCount) + s] < 0 ? -1 : s);
            var delta = ev.Commit();
            if (before + delta != ev.Cost)
            {
                return false;
            }

            ev.Accept();
        }

        return true;
    }

    [Property]
    public bool Evaluator_agrees_with_the_checker_on_the_planted_roster(PlantedProblem g)
    {
        var p = g.Problem.Compiled;
        var cells = AssignmentMapper.ToCells(g.Problem, g.Planted);
        var score = RosterEvaluator.FullScore(p, cells);
        var check = RosterChecker.Check(g.Problem, g.Planted);
        return score.Hard == check.Hard && score.Soft == check.Soft;
    }
}
