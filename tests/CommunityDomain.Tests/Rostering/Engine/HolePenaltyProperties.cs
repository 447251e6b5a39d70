using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The cover-first walk's raised hole weights (<see cref="HolePenalties"/>): the walk accepts on them, but its best roster
/// is scored as the independent checker scores the problem without preferences, also in a search forked after raises;
/// the problem the walk was given (shared with the other searches of a plan) keeps its weights; a walk that cannot cover
/// (too few volunteers) raises at each plateau.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries), typeof(LockdownArbitraries) }, MaxTest = 40)]
public sealed class HolePenaltyProperties
{
    [Property]
    public void A_walk_that_raises_its_holes_keeps_its_best_at_the_problems_own_score_and_changes_no_shared_weight(LockdownProblem g, PositiveInt seed)
    {
        var p = g.Problem.Compiled;
        var under = (int[])p.Under.Clone();
        var options = new PlannerOptions(seed.Get, iterationLimit: 3_000) { DegreeOfParallelism = 1 };

        // Plateaus of 50 moves: many raises in a short walk.
        var walk = SearchEngine.CoverFirst(p, options, 1.0, seed.Get, holePeriod: 50);
        walk.Run(CancellationToken.None);
        AssertBestIsTheCheckersScore(g.Problem, walk);

        var fork = walk.Fork(seed.Get + 1);
        while (fork.WalkSlice(SearchTuning.SliceMoves, walk.Iterations + 3_000, CancellationToken.None))
        {
        }

        AssertBestIsTheCheckersScore(g.Problem, fork);
        Assert.Equal(under, p.Under);
        Assert.Equal(under, p.WithoutPreferences().Under);
    }

    [Fact]
    public void Too_few_volunteers_raise_the_holes_at_each_plateau_and_the_best_stays_the_problems_own_score()
    {
        // Two workers, three people wanted on every day shift: at least one missing each day, whatever the roster.
        var problem = RosterExamples.Problem(demands: RosterExamples.Demands(7, required: 3));
        var walk = SearchEngine.CoverFirst(problem.Compiled, new PlannerOptions(1, iterationLimit: 5 * SearchTuning.HolePenaltyPeriod) { DegreeOfParallelism = 1 }, 1.0, 1);
        walk.Run(CancellationToken.None);

        Assert.InRange(walk.HoleRaises, 3, 5);
        Assert.False(walk.ReachedCover);
        AssertBestIsTheCheckersScore(problem, walk);
    }

    [Theory]
    [InlineData(214_748_365)]
    [InlineData(int.MaxValue)]
    public void Raising_a_weight_near_int_MaxValue_saturates_instead_of_overflowing(int underWeight)
    {
        // One worker for two people a day: a hole every day, raised at each plateau of 50 moves.
        var demands = RosterExamples.Demands(7, required: 2).Select(d => d.Required == 2
            ? new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, 2, underWeight, 1, maximum: RosterExamples.Open)
            : d).ToList();
        var problem = RosterExamples.Problem(workers: [new Worker(RosterExamples.W(1), WorkerKind.Staff, RosterExamples.Home)], demands: demands);
        var walk = SearchEngine.CoverFirst(problem.Compiled, new PlannerOptions(1, iterationLimit: 2_000) { DegreeOfParallelism = 1 }, 1.0, 1, holePeriod: 50);
        walk.Run(CancellationToken.None);

        Assert.InRange(walk.HoleRaises, 2, long.MaxValue);
        AssertBestIsTheCheckersScore(problem, walk);
    }

    private static void AssertBestIsTheCheckersScore(RosterProblem problem, SearchEngine walk)
    {
        var check = RosterChecker.Check(CoverFirstProperties.Bare(problem), RosterBuilder.Build(problem.Compiled, walk.BestAssign).Assignments);
        Assert.Equal((check.Hard, check.Soft), (walk.BestScore.Hard, walk.BestScore.Soft));
    }
}
