using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// More walks than cores on short horizons (<see cref="SearchTuning.WalksPerCore"/>; docs/rostering.md, "More walks than
/// cores on short horizons"): a core walks its searches in turns, and the turns do not change a walk: slices of any size
/// walk exactly as one walk to the same limit. The plan-level guarantees (the same roster for the same problem, seed,
/// limit and degree; more cores never worse than one; the checker's score) are <see cref="ParallelPlannerProperties"/>',
/// whose generated problems are mostly below 42 dates, so they walk two searches a core.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries), typeof(LockdownArbitraries) }, MaxTest = 25)]
public sealed class WalksPerCoreProperties
{
    private const long Limit = 2_500;

    [Property]
    public void Slices_of_any_size_walk_exactly_as_one_walk(LockdownProblem g, PositiveInt seed, PositiveInt slice)
    {
        var options = new PlannerOptions(seed.Get, iterationLimit: Limit);
        var whole = new SearchEngine(g.Problem.Compiled, options, null);
        whole.Run(CancellationToken.None);

        var sliced = new SearchEngine(g.Problem.Compiled, options, null);
        sliced.Open(CancellationToken.None);
        var turns = 0;
        while (sliced.WalkSlice(1 + (slice.Get % 600), Limit, CancellationToken.None))
        {
            turns++;
        }

        Assert.Equal(whole.Iterations, sliced.Iterations);
        Assert.Equal(whole.BestScore, sliced.BestScore);
        Assert.Equal(whole.BestAssign, sliced.BestAssign);
        Assert.True(turns <= Limit, $"{turns} turns");
    }

    [Fact]
    public void A_slice_before_the_opening_is_refused()
    {
        var g = RosterGenerators.Create(7);
        var engine = new SearchEngine(g.Problem.Compiled, new PlannerOptions(1, iterationLimit: 100), null);
        Assert.Throws<InvalidOperationException>(() => engine.WalkSlice(10, 100, CancellationToken.None));
    }

    /// <summary>
    /// One core: below 42 dates and 1,000 worker-dates the plan is the better of search 0 and search 1 (ties: search 0), each
    /// forked from the one opening (search 1 walking from the Lagrangian dive's roster unless the walk is guided) and walked alone to half the moves
    /// the opening leaves; else search 0 walked to the limit. When the problem has preferences (below 42 dates), the opening and every
    /// search but the diving one are on the problem without them, each walked to half its moves (or until it misses
    /// nobody), then continued at the full score (CoverFirstProperties; from a fresh opening when it missed nobody); the diving
    /// search 1 starts from that opening.
    /// Rebuilt here from the engine's parts.
    /// </summary>
    [Property]
    public void One_core_walks_two_searches_on_small_short_problems_the_second_from_the_dive_each_to_half_the_moves_left(LockdownProblem g, PositiveInt seed)
    {
        const long limit = 4_000;
        var p = g.Problem.Compiled;
        var walks = p.Days < SearchTuning.WalksPerCoreBelowDays && (long)p.WorkerCount * p.Days < SearchTuning.WalksPerCoreBelowWorkerDays ? 2 : 1;
        var options = new PlannerOptions(seed.Get, iterationLimit: limit) { DegreeOfParallelism = 1 };
        var coverFirst = p.Days < SearchTuning.CoverFirstBelowDays && p.HasPreferences();
        var search0 = coverFirst
            ? SearchEngine.CoverFirst(p, options, SearchTuning.CoverFirstShare, RosterPlanner.SearchSeed(seed.Get, 0))
            : new SearchEngine(p, options, null, seed: RosterPlanner.SearchSeed(seed.Get, 0));
        search0.Open(CancellationToken.None);
        var share = search0.Iterations + (Math.Max(0, limit - search0.Iterations) / walks);
        var coverShare = search0.Iterations + (long)((share - search0.Iterations) * SearchTuning.CoverFirstShare);
        var dive = !search0.Guided;
        var search1 = walks == 1 ? null
            : coverFirst && dive ? search0.ContinueOn(p, null, 1.0, RosterPlanner.SearchSeed(seed.Get, 1), dive: true)
            : search0.Fork(RosterPlanner.SearchSeed(seed.Get, 1), dive);
        var searches = search1 is null ? new[] { search0 } : [search0, search1];
        for (var i = 0; i < searches.Length; i++)
        {
            if (searches[i].StopsOnceCovered)
            {
                Walk(searches[i], coverShare);
                searches[i] = searches[i].ContinueOn(p, null, 1.0, fresh: searches[i].ReachedCover);
            }

            Walk(searches[i], share);
        }

        var expected = searches.Aggregate((best, next) => next.BestScore < best.BestScore ? next : best);
        var plan = RosterPlanner.Plan(g.Problem, options).Match(r => r, n => n.Best);
        Assert.Equal(RosterBuilder.Build(p, expected.BestAssign).Assignments, plan.Assignments);
    }

    private static void Walk(SearchEngine search, long limit)
    {
        if (!search.Opened)
        {
            search.Open(CancellationToken.None);
        }

        while (search.WalkSlice(long.MaxValue, limit, CancellationToken.None))
        {
        }
    }
}
