using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The one-worker re-optimisation as the search calls it (<c>MoveContext.Reoptimise</c>, inside an open move): the roster
/// it leaves is never worse than the one before, hard violations first, then soft, by the independent checker
/// (<see cref="RosterChecker"/>, recomputed from scratch); it changes no other worker's row and moves no pin. Over
/// planted and lockdown-shaped problems (<see cref="RosterCase"/>: understaffed, over-demanded, everything pinned,
/// day-long shifts, a year's horizon, 40+ shift types) and tiny problems whose workers have minute windows narrower
/// than a shift (<see cref="ExactMinutesProperties.NarrowWindows"/>, one shift type in six), where the DP's fallbacks
/// (the exact-minutes path, the splice, the greedy repair) run.
/// </summary>
[Properties(Arbitrary = new[] { typeof(ReoptimiseCaseArbitraries) }, MaxTest = 60)]
public sealed class ReoptimisationProperties
{
    // Workers re-optimised in turn per case (each judged on the roster the previous ones left).
    private const int MostWorkers = 12;

    [Property]
    public void A_reoptimisation_never_makes_the_roster_worse_and_moves_no_pin(ReoptimiseCase c, int seed)
    {
        var problem = c.Problem;
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing to re-optimise
        }

        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var context = new MoveContext(ev, new Random(seed));
        for (var w = 0; w < Math.Min(p.WorkerCount, MostWorkers); w++)
        {
            var before = (int[])ev.Assign.Clone();
            var checkBefore = Check(problem, before);
            ev.Begin();
            context.Reoptimise(w);
            ev.Commit();
            ev.Accept();
            var checkAfter = Check(problem, ev.Assign);
            Assert.True(
                checkAfter.Hard < checkBefore.Hard || (checkAfter.Hard == checkBefore.Hard && checkAfter.Soft <= checkBefore.Soft),
                $"worker {w}: ({checkBefore.Hard} hard, {checkBefore.Soft} soft) became ({checkAfter.Hard}, {checkAfter.Soft})");
            for (var cell = 0; cell < before.Length; cell++)
            {
                if (cell / p.Days != w && ev.Assign[cell] != before[cell])
                {
                    Assert.Fail($"worker {w}'s re-optimisation changed worker {cell / p.Days}'s day {cell % p.Days}");
                }

                if (p.Pinned[cell] >= 0 && ev.Assign[cell] != p.Pinned[cell])
                {
                    Assert.Fail($"pin moved at worker {cell / p.Days} day {cell % p.Days}");
                }
            }
        }
    }

    private static RosterChecker.Result Check(RosterProblem problem, int[] cells) =>
        RosterChecker.Check(problem, RosterBuilder.Build(problem.Compiled, (int[])cells.Clone()).Assignments);
}

/// <summary>A problem to re-optimise workers on: a roster case (planted or lockdown-shaped) or a tiny problem with narrow minute windows.</summary>
public sealed record ReoptimiseCase(RosterCase? Roster, TinyProblem? Narrow)
{
    /// <summary>The problem of either kind.</summary>
    public RosterProblem Problem => Roster?.Problem ?? Narrow!.Problem;

    /// <summary>The case's own text (<see cref="RosterCase.Parse"/> or the tiny problem's seed and lines).</summary>
    public override string ToString() => Roster?.ToString() ?? Narrow!.ToString();
}

/// <summary>
/// <see cref="ReoptimiseCase"/>s: two roster cases to one narrow-window problem, each shrinking with its own kind's
/// shrinker (<see cref="RosterCaseArbitraries.Shrink"/>, <see cref="ExactMinutesProperties.NarrowWindows"/>).
/// </summary>
public static class ReoptimiseCaseArbitraries
{
    public static Arbitrary<ReoptimiseCase> Cases() => Arb.From(
        Gen.Frequency(
            (2, RosterCaseArbitraries.Cases().Generator.Select(c => new ReoptimiseCase(c, null))),
            (1, ExactMinutesProperties.NarrowWindows().Generator.Select(t => new ReoptimiseCase(null, t)))),
        c => c.Roster is { } roster
            ? RosterCaseArbitraries.Shrink(roster).Select(r => new ReoptimiseCase(r, null))
            : ExactMinutesProperties.NarrowWindows().Shrinker(c.Narrow!).Select(t => new ReoptimiseCase(null, t)));
}
