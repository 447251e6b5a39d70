using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The pair re-optimisation at fixed cover (<see cref="PairMove"/>) over planted and lockdown-shaped problems, each move
/// from a roster the earlier ones changed: the evaluator's score equals the independent checker's after every move,
/// accepted or undone; an undone move leaves the assignment exactly as it was; a move changes only its two workers' rows
/// and on the dates it names, and leaves every date-slot's count as it was; the same seed gives the same rosters. Pins,
/// allowed choices and overlaps are checked with every other move in <see cref="MoveProperties"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 40)]
public sealed class PairMoveProperties
{
    [Property]
    public void After_every_pair_move_accepted_or_undone_the_score_equals_the_independent_checkers(RosterCase c, int seed) =>
        ChainWalk.ScoreEqualsTheCheckers<PairMove>(c.Problem, seed);

    [Property]
    public void An_undone_pair_move_leaves_the_assignment_exactly_as_before(RosterCase c, int seed) =>
        ChainWalk.UndoRestoresTheAssignment<PairMove>(c.Problem, seed);

    [Property]
    public void A_pair_move_keeps_every_date_slots_count_and_changes_only_its_two_workers_on_its_dates(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        ChainWalk.Walk<PairMove>(c.Problem, seed, (before, ev, _, move) =>
        {
            Assert.Equal(MoveProperties.Counts(p, before), MoveProperties.Counts(p, ev.Assign));
            var (a, b) = move.Pair;
            var dates = move.Dates.ToArray();
            for (var cell = 0; cell < before.Length; cell++)
            {
                if (before[cell] != ev.Assign[cell])
                {
                    var (w, d) = (cell / p.Days, cell % p.Days);
                    Assert.True((w == a || w == b) && dates.Contains(d), $"worker {w} changed on date {d}; the move named {a} and {b} on {string.Join(",", dates)}");
                }
            }
        }, acceptAll: true);
    }

    [Property]
    public void The_same_seed_gives_the_same_rosters(RosterCase c, int seed)
    {
        var first = new List<int[]>();
        var second = new List<int[]>();
        ChainWalk.Walk<PairMove>(c.Problem, seed, (_, ev, _, _) => first.Add((int[])ev.Assign.Clone()));
        ChainWalk.Walk<PairMove>(c.Problem, seed, (_, ev, _, _) => second.Add((int[])ev.Assign.Clone()));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Apply_two_workers_whose_best_exchange_is_not_a_block_take_it_in_one_move()
    {
        // One duty a date for three dates. Worker 1 works all three and would like the Monday and the Wednesday off;
        // worker 2 is off all three and would like the Tuesday off. The best exchange swaps the Monday and the Wednesday
        // but not the Tuesday: no block of dates does it, the pair move (every subset of the dates they differ on) does.
        var days = 3;
        var wishes = new[]
        {
            new ShiftWish(W(1), Monday, "D", WishKind.ShiftOff, 5),
            new ShiftWish(W(1), Monday.PlusDays(2), "D", WishKind.ShiftOff, 5),
            new ShiftWish(W(2), Monday.PlusDays(1), "D", WishKind.ShiftOff, 5),
        };
        var problem = Problem(
            demands: [.. Enumerable.Range(0, days).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 1, maximum: 1))],
            wishes: wishes,
            days: days);
        var p = problem.Compiled;
        var slot = Enumerable.Range(0, p.SlotCount).Single(s => problem.Demands[p.SlotDemand[s]].ShiftCode == "D");
        var start = new int[p.WorkerCount * p.Days];
        Array.Fill(start, -1);
        for (var d = 0; d < days; d++)
        {
            start[p.WorkerDay(0, d)] = slot;
        }

        var ev = new RosterEvaluator(p, start);
        var checkBefore = RosterChecker.Check(problem, MoveProperties.Assignments(problem, start));
        Assert.Equal((0, 10L), (checkBefore.Hard, checkBefore.Soft));
        for (var from = 0; from < days; from++)
        {
            for (var to = from + 1; to <= days; to++)
            {
                var swapped = (int[])start.Clone();
                for (var d = from; d < to; d++)
                {
                    (swapped[p.WorkerDay(0, d)], swapped[p.WorkerDay(1, d)]) = (start[p.WorkerDay(1, d)], start[p.WorkerDay(0, d)]);
                }

                Assert.True(RosterEvaluator.FullScore(p, swapped).Soft > 0, $"the block {from}-{to} alone removed every wish");
            }
        }

        ev.Begin();
        new PairMove().Apply(new MoveContext(ev, new Random(1)));
        ev.Commit();
        var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, ev.Assign));
        Assert.Equal((0, 0L), (check.Hard, check.Soft));
        Assert.Equal([-1, slot, -1], Enumerable.Range(0, days).Select(d => ev.Assign[p.WorkerDay(0, d)]).ToArray());
    }

    [Fact]
    public void Walk_draws_the_pair_move_only_once_it_has_stalled_half_a_plateau()
    {
        // Two workers for three people a day over two weeks (blind draws, short horizon): no new record comes soon.
        var problem = Problem(
            demands: [.. Enumerable.Range(0, 14).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))],
            days: 14);
        Assert.True(problem.Compiled.Days < SearchTuning.EjectionChainBelowDays);

        Assert.Equal(0, Walked(problem, SearchTuning.MinStagnation / 2).PairDraws);
        Assert.InRange(Walked(problem, 3 * SearchTuning.MinStagnation).PairDraws, 1, long.MaxValue);
    }

    [Fact]
    public void Walk_on_a_horizon_of_42_dates_never_draws_the_pair_move()
    {
        var problem = Problem(
            demands: [.. Enumerable.Range(0, 42).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))],
            days: 42);
        Assert.Equal(0, Walked(problem, 3 * SearchTuning.MinStagnation).PairDraws);
    }

    private static SearchEngine Walked(RosterProblem problem, long iterations)
    {
        var engine = new SearchEngine(problem.Compiled, new PlannerOptions(5, iterationLimit: iterations) { DegreeOfParallelism = 1 }, progress: null);
        engine.Run(CancellationToken.None);
        return engine;
    }
}
