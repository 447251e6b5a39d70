using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The ejection chain on a window (<see cref="WindowChainMove"/>) over lockdown problems with long horizons (60-365
/// dates), understaffed, over-demanded, with pins that break rules: after every chain, accepted or undone by a hard-first
/// late acceptance, the evaluator's score equals the independent checker's; an undone chain leaves the assignment exactly
/// as it was; an accepted one never adds a hard violation (by the checker); a chain changes only its distinct workers'
/// rows, each on at most two dates within the radius of each other, the first taking a date-slot under its demand. Pins,
/// allowed choices and overlaps are checked with every other move in <see cref="MoveProperties"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(LongRosterCaseArbitraries) }, MaxTest = 30)]
public sealed class WindowChainProperties
{
    [Property]
    public void After_every_chain_accepted_or_undone_the_score_equals_the_independent_checkers(RosterCase c, int seed) =>
        ChainWalk.ScoreEqualsTheCheckers<WindowChainMove>(c.Problem, seed);

    [Property]
    public void An_undone_chain_leaves_the_assignment_exactly_as_before(RosterCase c, int seed) =>
        ChainWalk.UndoRestoresTheAssignment<WindowChainMove>(c.Problem, seed);

    [Property]
    public void A_chain_accepted_under_hard_first_acceptance_never_adds_a_hard_violation(RosterCase c, int seed) =>
        ChainWalk.AcceptedAddsNoHardViolation<WindowChainMove>(c.Problem, seed);

    [Property]
    public void A_chain_changes_its_workers_on_two_dates_within_the_radius_and_its_first_takes_a_date_slot_under_demand(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        ChainWalk.Walk<WindowChainMove>(c.Problem, seed, (before, ev, _, move) =>
        {
            var named = move.Workers.ToArray();
            Assert.True(named.Length <= SearchTuning.WindowChainLinks && named.Distinct().Count() == named.Length, $"named {string.Join(",", named)}");
            var changed = Enumerable.Range(0, before.Length).Where(cell => before[cell] != ev.Assign[cell]).ToList();
            Assert.Empty(changed.Select(cell => cell / p.Days).Distinct().Except(named));
            foreach (var w in named)
            {
                var dates = changed.Where(cell => cell / p.Days == w).Select(cell => cell % p.Days).ToList();
                Assert.InRange(dates.Count, 1, 2);
                Assert.InRange(dates.Max() - dates.Min(), 0, SearchTuning.WindowChainRadius);
            }

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
    public void Only_long_horizons_draw_the_window_chain_and_it_takes_its_share_from_the_block_swaps(bool windowRuin)
    {
        // Index 9 is the window chain, 10 the blind block swaps; guided draws never take it. A horizon that draws the
        // window chain never draws the short horizons' ejection chain.
        Assert.True(SearchTuning.EjectionChainBelowDays <= SearchTuning.WindowChainFromDays);
        const bool shortHorizon = false;
        var without = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided: false, windowRuin, shortHorizon, windowChain: false));
        var with = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided: false, windowRuin, shortHorizon, windowChain: true));
        Assert.Equal(0, without[9]);
        Assert.Equal(SearchTuning.WindowChainPerMille, with[9]);
        Assert.Equal(without[10] - SearchTuning.WindowChainPerMille, with[10]);
        Assert.Equal(1000, with.Sum());
        Assert.True(Enumerable.Range(0, with.Length).All(i => i is 9 or 10 || with[i] == without[i]), "another move's share changed");
        Assert.Equal(
            SearchEngine.ShareEnds(guided: true, windowRuin, shortHorizon, windowChain: false),
            SearchEngine.ShareEnds(guided: true, windowRuin, shortHorizon, windowChain: true));
    }

    [Fact]
    public void Apply_carries_an_over_covered_duty_to_a_missing_one_that_no_single_change_fills_within_the_rules()
    {
        // A year (a horizon that draws the window chain). Date 10 needs one person and has none; date 12 needs one and has two (a maximum of
        // 2 allows the extra one, one soft point). Worker 1 may work one shift in all (480 minutes) and stands on date 12
        // beside worker 2, who cannot serve date 10. Covering date 10 within the rules means worker 1 leaves date 12,
        // where nobody is missing: one link that changes two dates of one row.
        const int days = 364;
        var problem = Problem(
            workers:
            [
                new Worker(W(1), WorkerKind.Staff, Home, rules: new WorkRules(maxTotalMinutes: 480)),
                new Worker(W(2), WorkerKind.Staff, Home, unavailableDates: [Monday.PlusDays(10)], rules: new WorkRules(maxTotalMinutes: 480)),
            ],
            demands: [new Demand(Gate, Home, Monday.PlusDays(10), "D", 1, maximum: 1), new Demand(Gate, Home, Monday.PlusDays(12), "D", 1, maximum: 2)],
            days: days);
        var p = problem.Compiled;
        Assert.True(p.Days >= SearchTuning.WindowChainFromDays);
        var slot = Enumerable.Range(0, p.SlotCount).Single(s => problem.Demands[p.SlotDemand[s]].ShiftCode == "D");
        var start = new int[p.WorkerCount * p.Days];
        Array.Fill(start, -1);
        start[p.WorkerDay(0, 12)] = slot;
        start[p.WorkerDay(1, 12)] = slot;
        var ev = new RosterEvaluator(p, start);
        var before = ev.Score;
        Assert.Equal(0, before.Hard);
        Assert.Equal(0, ev.Count(10, slot));

        // Every single cell's change that puts someone on date 10 breaks a hard rule (the change and cover moves' reach).
        for (var w = 0; w < p.WorkerCount; w++)
        {
            var changed = (int[])start.Clone();
            changed[p.WorkerDay(w, 10)] = slot;
            Assert.True(RosterEvaluator.FullScore(p, changed).Hard > 0, $"worker {w} alone covered date 10 within the rules");
        }

        var move = new WindowChainMove();
        ev.Begin();
        move.Apply(new MoveContext(ev, new Random(1)));
        ev.Commit();
        Assert.Equal([0], move.Workers.ToArray());
        Assert.Equal(slot, ev.Assign[p.WorkerDay(0, 10)]);
        Assert.Equal(-1, ev.Assign[p.WorkerDay(0, 12)]);
        Assert.Equal(slot, ev.Assign[p.WorkerDay(1, 12)]);
        var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, ev.Assign));
        Assert.Equal((0, 0L), (check.Hard, check.Soft));
        Assert.True(ev.Score < before);
    }
}
