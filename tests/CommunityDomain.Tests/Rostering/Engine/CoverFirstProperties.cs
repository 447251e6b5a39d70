using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// Cover first (<see cref="CompiledProblem.WithoutPreferences"/>, <see cref="SearchEngine.StopsOnceCovered"/>,
/// <see cref="SearchEngine.ContinueOn"/>): the problem without its preferences scores a roster as the independent checker
/// scores the problem rebuilt without shift wishes and own-compound weight; a cover-first walk ends at its move limit or
/// once its best roster keeps every hard rule and misses nobody (counted by the checker from the demands; a problem
/// without workers or dates has no walk); its
/// continuation at the full score starts from that roster (or afresh, keeping it as its best when better) and never ends
/// worse; and a one-search plan of a problem with
/// preferences below 42 dates is exactly that walk (opened without them too, half the moves left after its opening) and
/// its continuation (afresh when the walk missed nobody), any other plan the one walk at the full score.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries), typeof(LockdownArbitraries) }, MaxTest = 40)]
public sealed class CoverFirstProperties
{
    private const long Limit = 2_000;

    [Property]
    public void Without_preferences_a_roster_scores_as_the_checker_scores_the_problem_without_wishes_and_own_compound(LockdownProblem g, PositiveInt seed)
    {
        var roster = RosterPlanner.Plan(g.Problem, new PlannerOptions(seed.Get, iterationLimit: 200) { DegreeOfParallelism = 1 }).Match(r => r, n => n.Best);
        var bare = g.Problem.Compiled.WithoutPreferences();

        var check = RosterChecker.Check(Bare(g.Problem), roster.Assignments);
        var score = RosterEvaluator.FullScore(bare, g.Problem.CellsOf(roster.Assignments, "assignments"));

        Assert.Equal((check.Hard, check.Soft), (score.Hard, score.Soft));
        Assert.False(bare.HasPreferences());
        if (!g.Problem.Compiled.HasPreferences())
        {
            var full = RosterChecker.Check(g.Problem, roster.Assignments);
            Assert.Equal((full.Hard, full.Soft), (check.Hard, check.Soft));
        }
    }

    [Property]
    public void A_cover_first_walk_ends_at_its_limit_or_once_its_best_keeps_every_hard_rule_and_misses_nobody(LockdownProblem g, PositiveInt seed)
    {
        var p = g.Problem.Compiled;
        var walk = CoverFirstWalk(p, new PlannerOptions(seed.Get, iterationLimit: Limit) { DegreeOfParallelism = 1 }, seed.Get, Limit);

        var assignments = RosterBuilder.Build(p, walk.BestAssign).Assignments;
        var check = RosterChecker.Check(Bare(g.Problem), assignments);
        var missing = g.Problem.Demands.Sum(d => Math.Max(0, d.Required - assignments.Count(a =>
            a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification)));

        Assert.Equal((check.Hard, check.Soft), (walk.BestScore.Hard, walk.BestScore.Soft));
        Assert.True(walk.Iterations >= Limit || (check.Hard == 0 && missing == 0) || p.WorkerCount == 0 || p.Days == 0,
            $"stopped at {walk.Iterations} of {Limit} with {check.Hard} hard and {missing} missing");
    }

    [Property]
    public void The_continuation_starts_from_the_cover_first_roster_or_afresh_at_the_full_score_and_never_ends_worse(LockdownProblem g, PositiveInt seed, bool fresh)
    {
        var p = g.Problem.Compiled;
        var options = new PlannerOptions(seed.Get, iterationLimit: 2 * Limit) { DegreeOfParallelism = 1 };
        var walk = CoverFirstWalk(p, options, seed.Get, Limit);
        var start = RosterChecker.Check(g.Problem, RosterBuilder.Build(p, walk.BestAssign).Assignments);

        var next = walk.ContinueOn(p, null, 1.0, fresh: fresh);
        Assert.False(next.Opened);
        Assert.False(next.StopsOnceCovered);
        Assert.Equal(walk.Iterations, next.Iterations);
        Walk(next, 2 * Limit);

        var end = RosterChecker.Check(g.Problem, RosterBuilder.Build(p, next.BestAssign).Assignments);
        Assert.Equal((end.Hard, end.Soft), (next.BestScore.Hard, next.BestScore.Soft));
        Assert.True(end.Hard < start.Hard || (end.Hard == start.Hard && end.Soft <= start.Soft),
            $"cover first ({start.Hard}, {start.Soft}), then ({end.Hard}, {end.Soft})");
    }

    [Property]
    public void A_fresh_continuation_opens_as_a_cold_search_with_the_same_seed_and_moves_left(LockdownProblem g, PositiveInt seed)
    {
        // A move limit no opening reaches, so the continuation's sweep (after the walk's moves) and a cold one run alike.
        var p = g.Problem.Compiled;
        var options = new PlannerOptions(seed.Get, iterationLimit: 1_000_000_000) { DegreeOfParallelism = 1 };
        var walk = CoverFirstWalk(p, options, seed.Get, Limit);
        var next = walk.ContinueOn(p, null, 1.0, fresh: true);
        next.Open(CancellationToken.None);

        var cold = new SearchEngine(p, options, null, seed: seed.Get);
        cold.Open(CancellationToken.None);
        var kept = RosterEvaluator.FullScore(p, walk.BestAssign);

        Assert.Equal(cold.CurrentAssign, next.CurrentAssign);
        Assert.Equal(kept < cold.BestScore ? kept : cold.BestScore, next.BestScore);
    }

    [Property]
    public void A_one_search_plan_of_a_problem_with_preferences_below_42_dates_is_the_cover_first_walk_and_its_continuation(LockdownProblem g, PositiveInt seed) =>
        OneSearchPlanRule(g.Problem, seed);

    /// <summary>The same on planted problems, whose cover is within reach: there the cover-first walk misses nobody and the continuation starts afresh.</summary>
    [Property]
    public void A_one_search_plan_of_a_planted_problem_is_the_cover_first_walk_and_its_fresh_continuation_once_it_misses_nobody(PlantedProblem g, PositiveInt seed) =>
        OneSearchPlanRule(g.Problem, seed);

    private static void OneSearchPlanRule(RosterProblem problem, PositiveInt seed)
    {
        var p = problem.Compiled;
        var options = new PlannerOptions(seed.Get, iterationLimit: 2 * Limit) { DegreeOfParallelism = 1, WalksPerCore = 1 };

        var planned = RosterPlanner.Search(p, options, null, null, 1.0, CancellationToken.None);
        if (!p.HasPreferences() || p.Days >= SearchTuning.CoverFirstBelowDays)
        {
            // No cover first: the one search opens and walks at the full score.
            var plain = new SearchEngine(p, options, null, seed: RosterPlanner.SearchSeed(seed.Get, 0));
            plain.Run(CancellationToken.None);
            Assert.Equal(plain.BestAssign, planned.BestAssign);
            return;
        }

        // The plan's rule, recomputed here: the opening and the walk on the problem without preferences, to half the moves
        // left after that opening (or until nobody is missing), then the continuation at the full score to the limit.
        var walk = SearchEngine.CoverFirst(p, options, SearchTuning.CoverFirstShare, RosterPlanner.SearchSeed(seed.Get, 0));
        walk.Open(CancellationToken.None);
        Walk(walk, walk.Iterations + (long)((2 * Limit - walk.Iterations) * SearchTuning.CoverFirstShare));
        var next = walk.ContinueOn(p, null, 1.0, fresh: walk.ReachedCover);
        Walk(next, 2 * Limit);

        Assert.Equal(next.BestAssign, planned.BestAssign);
        Assert.Equal(next.BestScore, planned.BestScore);
    }

    private static void Walk(SearchEngine engine, long limit)
    {
        if (!engine.Opened)
        {
            engine.Open(CancellationToken.None);
        }

        while (engine.WalkSlice(SearchTuning.SliceMoves, limit, CancellationToken.None))
        {
        }
    }

    private static SearchEngine CoverFirstWalk(CompiledProblem p, PlannerOptions options, int seed, long limit)
    {
        var walk = SearchEngine.CoverFirst(p, options, 1.0, seed);
        Walk(walk, limit);
        return walk;
    }

    /// <summary>The problem rebuilt without its shift wishes and with no own-compound weight (fairness kept).</summary>
    internal static RosterProblem Bare(RosterProblem problem) => RosterProblem.Create(
        problem.Horizon, problem.Shifts, problem.Demands, problem.Workers, problem.DefaultRules, problem.RulesByKind,
        wishes: [], pins: problem.Pins, weights: new PreferenceWeights(0, problem.Weights.Fairness), zone: problem.Zone);
}
