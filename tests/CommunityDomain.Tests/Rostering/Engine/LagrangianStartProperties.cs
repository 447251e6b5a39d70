using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The Lagrangian heuristic (helper lagr18): the roster built from the bound's paths (<see cref="LagrangianStart"/>) keeps
/// the pins and places no one on a choice the problem excludes, does not depend on the threads, and reseeding an opened
/// search with it (<see cref="SearchEngine.Reseed"/>) never makes the best roster worse, by the independent checker
/// (<see cref="RosterChecker"/>); over planted and lockdown-shaped problems (understaffed, over-demanded, everything
/// pinned, day-long shifts, long horizons) and tiny narrow-window ones.
/// </summary>
[Properties(Arbitrary = new[] { typeof(ReoptimiseCaseArbitraries) }, MaxTest = 40)]
public sealed class LagrangianStartProperties
{
    private const int Iterations = 30;

    [Property]
    public void The_start_keeps_the_pins_and_only_allowed_choices_whatever_the_threads(ReoptimiseCase c)
    {
        var p = c.Problem.Compiled;
        var one = LagrangianStart.Best(p, upper: null, Iterations, degree: 1, () => false);
        var two = LagrangianStart.Best(p, upper: null, Iterations, degree: 2, () => false);
        Assert.Equal(one, two);
        if (one is null)
        {
            // Null only for an empty problem or one the bound also proves has no hard-valid roster.
            Assert.True(p.WorkerCount == 0 || p.Days == 0 || LagrangianBound.Compute(p, upper: null, Iterations, degree: 1, () => false) is null);
            return;
        }

        for (var cell = 0; cell < one.Length; cell++)
        {
            if (p.Pinned[cell] >= 0)
            {
                Assert.Equal(p.Pinned[cell], one[cell]);
            }
            else if (one[cell] >= 0)
            {
                Assert.True(p.Allowed[p.ChoiceIndex(cell / p.Days, cell % p.Days, one[cell] + 1)], $"cell {cell} slot {one[cell]} is excluded");
            }
        }
    }

    [Property]
    public void Reseeding_never_makes_the_best_roster_worse_and_its_score_is_the_checkers(ReoptimiseCase c, int seed)
    {
        var problem = c.Problem;
        var p = problem.Compiled;
        var cells = LagrangianStart.Best(p, upper: null, Iterations, degree: 1, () => false);
        if (cells is null)
        {
            return; // nothing to reseed with (checked by the property above)
        }

        var engine = new SearchEngine(p, new PlannerOptions(seed, iterationLimit: 4L * p.WorkerCount) { DegreeOfParallelism = 1 }, progress: null);
        engine.Open(CancellationToken.None);
        var before = Check(problem, engine.BestAssign);
        var start = Check(problem, cells);
        engine.Reseed(cells, CancellationToken.None);
        var after = Check(problem, engine.BestAssign);
        Assert.True(NotWorse(after, before), $"opened ({before.Hard}, {before.Soft}), reseeded ({after.Hard}, {after.Soft})");
        Assert.True(NotWorse(after, start), $"start ({start.Hard}, {start.Soft}), reseeded ({after.Hard}, {after.Soft})");
        Assert.Equal(after.Hard, engine.BestScore.Hard);
        Assert.Equal(after.Soft, engine.BestScore.Soft);
    }

    private static bool NotWorse(RosterChecker.Result a, RosterChecker.Result b) =>
        a.Hard < b.Hard || (a.Hard == b.Hard && a.Soft <= b.Soft);

    private static RosterChecker.Result Check(RosterProblem problem, int[] cells) =>
        RosterChecker.Check(problem, RosterBuilder.Build(problem.Compiled, (int[])cells.Clone()).Assignments);
}
