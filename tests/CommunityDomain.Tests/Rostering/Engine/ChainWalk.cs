using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The walk the chain moves' properties share (<see cref="EjectionChainProperties"/>, <see cref="WindowChainProperties"/>)
/// and the three checks every chain must pass after each step: the evaluator's score equals the independent checker's, an
/// undone chain leaves the assignment exactly as it was, an accepted one never adds a hard violation (by the checker).
/// </summary>
internal static class ChainWalk
{
    public const int Chains = 16;

    public static void ScoreEqualsTheCheckers<TMove>(RosterProblem problem, int seed)
        where TMove : IMove, new() =>
        Walk<TMove>(problem, seed, (before, ev, accepted, move) =>
        {
            var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, ev.Assign));
            Assert.Equal((check.Hard, check.Soft), (ev.Score.Hard, ev.Score.Soft));
        });

    public static void UndoRestoresTheAssignment<TMove>(RosterProblem problem, int seed)
        where TMove : IMove, new() =>
        Walk<TMove>(problem, seed, (before, ev, accepted, move) =>
        {
            if (!accepted)
            {
                Assert.Equal(before, ev.Assign);
            }
        });

    public static void AcceptedAddsNoHardViolation<TMove>(RosterProblem problem, int seed)
        where TMove : IMove, new() =>
        Walk<TMove>(problem, seed, (before, ev, accepted, move) =>
        {
            if (accepted)
            {
                var hardBefore = RosterChecker.Check(problem, MoveProperties.Assignments(problem, before)).Hard;
                var hardAfter = RosterChecker.Check(problem, MoveProperties.Assignments(problem, ev.Assign)).Hard;
                Assert.True(hardAfter <= hardBefore, $"an accepted chain went from {hardBefore} to {hardAfter} hard violations");
            }
        });

    /// <summary>
    /// <see cref="Chains"/> chains from the greedy roster, each accepted or undone by a hard-first late acceptance (a
    /// short history, so some worse chains pass too; every fourth accepted one is undone anyway, so undos also follow
    /// chains that changed the roster); <paramref name="check"/> sees the roster before, the evaluator after and whether
    /// the chain was kept. With <paramref name="acceptAll"/> every chain is kept.
    /// </summary>
    public static void Walk<TMove>(RosterProblem problem, int seed, Action<int[], RosterEvaluator, bool, TMove> check, bool acceptAll = false)
        where TMove : IMove, new()
    {
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing a chain could touch
        }

        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var context = new MoveContext(ev, new Random(seed));
        var move = new TMove();
        var acceptance = new LateAcceptance(5, ev.Score);
        for (var i = 0; i < Chains; i++)
        {
            var before = (int[])ev.Assign.Clone();
            var score = ev.Score;
            ev.Begin();
            move.Apply(context);
            ev.Commit();
            var accepted = acceptAll || (acceptance.Accepts(i, score, ev.Score) && i % 4 != 3);
            if (accepted)
            {
                ev.Accept();
            }
            else
            {
                ev.Undo();
            }

            acceptance.Record(i, ev.Score);
            check(before, ev, accepted, move);
        }
    }

    /// <summary>
    /// Checks that a chain named at most <paramref name="links"/> distinct workers and changed no other worker's row
    /// (<paramref name="before"/> against the evaluator's assignment); returns the named workers in order.
    /// </summary>
    public static int[] ChangesOnlyItsNamedRows(CompiledProblem p, int[] before, RosterEvaluator ev, ReadOnlySpan<int> workers, int links)
    {
        var named = workers.ToArray();
        Assert.True(named.Length <= links && named.Distinct().Count() == named.Length, $"named {string.Join(",", named)}");
        var changed = Enumerable.Range(0, before.Length).Where(cell => before[cell] != ev.Assign[cell]).Select(cell => cell / p.Days).Distinct();
        Assert.Empty(changed.Except(named));
        return named;
    }
}
