using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The ejection chain for cover (<see cref="EjectionChainMove"/>) over planted and lockdown-shaped problems (understaffed,
/// over-demanded, no workers, pins that break rules, long horizons), each chain from a roster the earlier ones changed:
/// after every chain, accepted or undone as the walk's hard-first late acceptance decides, the evaluator's score equals
/// the independent checker's; an undone chain leaves the assignment exactly as it was; an accepted one never adds a hard
/// violation (counted by the checker); and a chain changes only the rows of the distinct workers it names, its first one
/// taking a date-slot that was under its demand. Pins, allowed choices and overlaps are checked with every other move in
/// <see cref="MoveProperties"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 40)]
public sealed class EjectionChainProperties
{
    [Property]
    public void After_every_chain_accepted_or_undone_the_score_equals_the_independent_checkers(RosterCase c, int seed) =>
        ChainWalk.ScoreEqualsTheCheckers<EjectionChainMove>(c.Problem, seed);

    [Property]
    public void An_undone_chain_leaves_the_assignment_exactly_as_before(RosterCase c, int seed) =>
        ChainWalk.UndoRestoresTheAssignment<EjectionChainMove>(c.Problem, seed);

    [Property]
    public void A_chain_accepted_under_hard_first_acceptance_never_adds_a_hard_violation(RosterCase c, int seed) =>
        ChainWalk.AcceptedAddsNoHardViolation<EjectionChainMove>(c.Problem, seed);

    [Property]
    public void A_chain_changes_only_its_distinct_workers_rows_and_its_first_takes_a_date_slot_under_demand(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        ChainWalk.Walk<EjectionChainMove>(c.Problem, seed, (before, ev, _, move) =>
        {
            var named = ChainWalk.ChangesOnlyItsNamedRows(p, before, ev, move.Workers, SearchTuning.EjectionChainLinks);
            if (named.Length > 0)
            {
                var first = named[0];
                var countsBefore = MoveProperties.Counts(p, before);
                Assert.Contains(Enumerable.Range(0, p.Days), d =>
                {
                    var (was, now) = (before[p.WorkerDay(first, d)], ev.Assign[p.WorkerDay(first, d)]);
                    return now >= 0 && now != was && countsBefore[p.DaySlot(d, now)] < p.Required[p.DaySlot(d, now)];
                });
            }
        }, acceptAll: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_short_horizons_draw_the_chain_and_it_takes_its_share_from_the_block_swaps(bool longHorizon)
    {
        // Index 8 is the chain, 10 the blind block swaps (9, the window chain, is drawn on long horizons); guided draws never take the chain.
        var without = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided: false, longHorizon, shortHorizon: false));
        var with = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided: false, longHorizon, shortHorizon: true));
        Assert.Equal(0, without[8]);
        Assert.Equal(SearchTuning.EjectionChainPerMille, with[8]);
        Assert.Equal(without[10] - SearchTuning.EjectionChainPerMille, with[10]);
        Assert.Equal(1000, with.Sum());
        Assert.True(Enumerable.Range(0, with.Length).All(i => i is 8 or 10 || with[i] == without[i]), "another move's share changed");
        Assert.Equal(SearchEngine.ShareEnds(guided: true, longHorizon, shortHorizon: false), SearchEngine.ShareEnds(guided: true, longHorizon, shortHorizon: true));
    }

    [Theory]
    [InlineData(0, 20_000, false)]
    [InlineData(10_000, 20_000, false)]
    [InlineData(10_001, 20_000, true)]
    [InlineData(19_999, 20_000, true)]
    public void ChainDrawable_only_past_half_a_plateau_without_a_new_record(long sinceRecord, long stagnation, bool drawable) =>
        Assert.Equal(drawable, SearchEngine.ChainDrawable(sinceRecord, stagnation));

    [Fact]
    public void Walk_draws_the_chain_only_once_it_has_stalled_half_a_plateau()
    {
        // Two workers for three people a day over two weeks (blind draws, short horizon): the holes cannot all be
        // filled, so the walk soon finds no new record. Before half a plateau (10,000 iterations at the minimum of
        // 20,000) no chain is drawn; eject21 drew one in 50 blind rolls from the start, so about 200 here. Past it, the
        // chain's share of the rolls draws it.
        var problem = Problem(
            demands: [.. Enumerable.Range(0, 14).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))],
            days: 14);
        Assert.True(problem.Compiled.Days < SearchTuning.EjectionChainBelowDays);
        Assert.True(SearchTuning.MinStagnation >= SearchTuning.StagnationPerWorker * problem.Compiled.WorkerCount);

        Assert.Equal(0, Walked(problem, SearchTuning.MinStagnation / 2).ChainDraws);
        Assert.InRange(Walked(problem, 3 * SearchTuning.MinStagnation).ChainDraws, 1, long.MaxValue);
    }

    private static SearchEngine Walked(RosterProblem problem, long iterations)
    {
        var engine = new SearchEngine(problem.Compiled, new PlannerOptions(5, iterationLimit: iterations) { DegreeOfParallelism = 1 }, progress: null);
        engine.Run(CancellationToken.None);
        return engine;
    }

    [Fact]
    public void Apply_worker_at_max_minutes_is_the_only_one_for_a_hole_the_chain_fills_it_and_no_single_change_can()
    {
        // Two dates, one duty each. Worker 1 may work one shift in all (480 minutes) and stands on the Monday; worker 2
        // cannot serve the Tuesday. The Tuesday's hole is worker 1's alone, so taking it means dropping the Monday, which
        // only worker 2 can then take: two links.
        var problem = Problem(
            workers: [new Worker(W(1), WorkerKind.Staff, Home, rules: new WorkRules(maxTotalMinutes: 480)), new Worker(W(2), WorkerKind.Staff, Home, unavailableDates: [Monday.PlusDays(1)])],
            demands: [new Demand(Gate, Home, Monday, "D", 1, maximum: 1), new Demand(Gate, Home, Monday.PlusDays(1), "D", 1, maximum: 1)],
            days: 2);
        var p = problem.Compiled;
        var slot = Enumerable.Range(0, p.SlotCount).Single(s => problem.Demands[p.SlotDemand[s]].ShiftCode == "D");
        var start = new int[p.WorkerCount * p.Days];
        Array.Fill(start, -1);
        start[p.WorkerDay(0, 0)] = slot;
        var ev = new RosterEvaluator(p, start);
        var before = ev.Score;
        Assert.Equal(0, before.Hard);
        Assert.True(before.Soft > 0, "the Tuesday should start uncovered");

        // No single cell's change (the change move's and the cover move's reach) lowers the score.
        for (var cell = 0; cell < start.Length; cell++)
        {
            for (var choice = -1; choice < p.SlotCount; choice++)
            {
                var changed = (int[])start.Clone();
                changed[cell] = choice;
                Assert.True(RosterEvaluator.FullScore(p, changed) >= before, $"worker {cell / p.Days} on {choice} at date {cell % p.Days} alone lowered the score");
            }
        }

        var move = new EjectionChainMove();
        ev.Begin();
        move.Apply(new MoveContext(ev, new Random(1)));
        ev.Commit();
        Assert.Equal([0, 1], move.Workers.ToArray());
        Assert.Equal([-1, slot, slot, -1], ev.Assign);
        var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, ev.Assign));
        Assert.Equal((0, 0L), (check.Hard, check.Soft));
        Assert.True(ev.Score < before);
    }
}
