using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The kick aimed at a hole (<see cref="HoleKick"/>): it draws a date-slot under its demand that some worker could take
/// below their maximum of its shift, clears only workers the problem allows there who are not on it and not pinned that
/// date, only on the dates within the radius of the hole's, then forces one of them onto it; the same seed draws the same
/// hole and workers; a roster without such a hole draws no number (so the kick is the random one, as before). Over
/// lockdown-shaped problems (understaffed, over-demanded, rule-breaking pins, mixed) a search's kicks never lose its best
/// roster.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 60)]
public sealed class HoleKickProperties
{
    [Property]
    public void The_aimed_ruin_clears_only_workers_who_may_take_the_hole_and_only_around_it(RosterCase c, int seed, byte radius)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return;
        }

        var (ev, context) = Greedy(c.Problem, seed);
        var kick = new HoleKick(p.WorkerCount);
        var hole = kick.DrawHole(context);
        if (hole < 0)
        {
            Assert.DoesNotContain(Enumerable.Range(0, p.Days * p.SlotCount), cell => TakeableHole(p, ev.Assign, cell));
            Assert.Equal(new Random(seed).Next(), context.Rng.Next()); // no number drawn: the kick stays the random one
            return;
        }

        var (day, slot, r) = (hole / p.SlotCount, hole % p.SlotCount, radius % 8);
        Assert.True(TakeableHole(p, ev.Assign, hole), "the drawn date-slot is not under its demand, or no worker may take it below their maximum");
        var before = (int[])ev.Assign.Clone();
        var most = Math.Max(2, p.WorkerCount / SearchTuning.KickedWorkerShare);
        ev.Begin();
        var count = kick.Ruin(context, hole, most, r);
        var ruined = kick.Ruined.ToArray();
        var takers = context.Index.EligibleOn(hole).ToArray().Where(w => before[p.WorkerDay(w, day)] != slot && p.Pinned[p.WorkerDay(w, day)] < 0).ToArray();
        Assert.Equal(Math.Min(most, takers.Length), count);
        Assert.Equal(count, ruined.Distinct().Count());
        Assert.Empty(ruined.Except(takers));
        for (var cell = 0; cell < before.Length; cell++)
        {
            if (before[cell] != ev.Assign[cell])
            {
                Assert.Contains(cell / p.Days, ruined);
                Assert.InRange(cell % p.Days, day - r, day + r);
                Assert.Equal((-1, -1), (ev.Assign[cell], p.Pinned[cell]));
            }
        }

        // The forced taker: one of the cleared, now on the hole and last in the rebuild's order; no one else changed.
        var taker = kick.Take(context, hole);
        if (taker >= 0)
        {
            Assert.Equal(slot, ev.Assign[p.WorkerDay(taker, day)]);
            Assert.Equal(taker, kick.Ruined[^1]);
            Assert.Equal(ruined.Order(), kick.Ruined.ToArray().Order());
            Assert.Empty(Enumerable.Range(0, before.Length).Where(cell => before[cell] != ev.Assign[cell]).Select(cell => cell / p.Days).Except(ruined));
        }
    }

    [Property(MaxTest = 30)]
    public void The_same_seed_draws_the_same_hole_and_clears_the_same_workers(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return;
        }

        int[] Kicked()
        {
            var (ev, context) = Greedy(c.Problem, seed);
            var kick = new HoleKick(p.WorkerCount);
            var hole = kick.DrawHole(context);
            ev.Begin();
            var n = hole < 0 ? 0 : kick.Ruin(context, hole, Math.Max(2, p.WorkerCount / SearchTuning.KickedWorkerShare), SearchTuning.HoleKickRadius);
            var taker = n == 0 ? -1 : kick.Take(context, hole);
            return [hole, taker, .. kick.Ruined[..n], .. ev.Assign];
        }

        Assert.Equal(Kicked(), Kicked());
    }

    [Fact]
    public void A_fully_covered_roster_has_no_hole_and_draws_no_number()
    {
        // Three workers for one person a day over a week: the greedy roster covers every date.
        var problem = Problem(
            workers: [new Worker(W(1), WorkerKind.Staff, Home), new Worker(W(2), WorkerKind.Staff, Home), new Worker(W(3), WorkerKind.Staff, Home)],
            demands: Demands(7, required: 1));
        var p = problem.Compiled;
        var (ev, context) = Greedy(problem, 11);
        Assert.All(Enumerable.Range(0, p.Days * p.SlotCount), cell => Assert.True(ev.Count(cell / p.SlotCount, cell % p.SlotCount) >= p.Required[cell]));
        Assert.Equal(-1, new HoleKick(p.WorkerCount).DrawHole(context));
        Assert.Equal(new Random(11).Next(), context.Rng.Next());
    }

    [Fact]
    public void A_hole_no_worker_may_take_below_their_maximum_of_its_shift_is_not_drawn()
    {
        // One day duty asked for on each of five dates, two workers who may work one day duty each. With both on a duty
        // the three holes left are nobody's to take (Instance14's nights, docs/rostering.md, hole31); with worker 2 off,
        // they are worker 2's.
        var once = new WorkRules(maxShiftsPerCode: new Dictionary<string, int> { ["D"] = 1 });
        var problem = Problem(
            workers: [new Worker(W(1), WorkerKind.Staff, Home, rules: once), new Worker(W(2), WorkerKind.Staff, Home, rules: once)],
            demands: [.. Enumerable.Range(0, 5).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 1))],
            days: 5);
        var p = problem.Compiled;
        var slot = Enumerable.Range(0, p.SlotCount).Single(s => problem.Demands[p.SlotDemand[s]].ShiftCode == "D");
        var start = new int[p.WorkerCount * p.Days];
        Array.Fill(start, -1);
        start[p.WorkerDay(0, 0)] = slot;
        start[p.WorkerDay(1, 1)] = slot;
        var context = new MoveContext(new RosterEvaluator(p, start), new Random(4));
        Assert.Equal(-1, new HoleKick(p.WorkerCount).DrawHole(context));
        Assert.Equal(new Random(4).Next(), context.Rng.Next());

        start[p.WorkerDay(1, 1)] = -1;
        var hole = new HoleKick(p.WorkerCount).DrawHole(new MoveContext(new RosterEvaluator(p, start), new Random(4)));
        Assert.InRange(hole / p.SlotCount, 1, 4);
    }

    /// <summary>Whether <paramref name="cell"/> is under its demand on <paramref name="assign"/> and a worker allowed there, not on it nor pinned that date, works fewer of its shift than their maximum (counted here, not by the engine).</summary>
    private static bool TakeableHole(CompiledProblem p, int[] assign, int cell)
    {
        var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
        var shift = p.SlotShift[slot];
        var count = Enumerable.Range(0, p.WorkerCount).Count(w => assign[p.WorkerDay(w, day)] == slot);
        return p.Required[cell] >= 0 && count < p.Required[cell] && Enumerable.Range(0, p.WorkerCount).Any(w =>
            p.Allowed[p.ChoiceIndex(w, day, slot + 1)] && assign[p.WorkerDay(w, day)] != slot && p.Pinned[p.WorkerDay(w, day)] < 0
            && Enumerable.Range(0, p.Days).Count(d => assign[p.WorkerDay(w, d)] is var s && s >= 0 && p.SlotShift[s] == shift) < p.Rules[p.WorkerRules[w]].MaxPerShift[shift]);
    }

    [Fact]
    public void The_ruin_takes_only_the_workers_allowed_on_the_hole()
    {
        // Worker 2 cannot serve the Wednesday, the only date two people are asked for; all three start off.
        var problem = Problem(
            workers: [new Worker(W(1), WorkerKind.Staff, Home), new Worker(W(2), WorkerKind.Staff, Home, unavailableDates: [Monday.PlusDays(2)]), new Worker(W(3), WorkerKind.Staff, Home)],
            demands: [.. Enumerable.Range(0, 5).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", d == 2 ? 2 : 0))],
            days: 5);
        var p = problem.Compiled;
        var ev = new RosterEvaluator(p);
        var context = new MoveContext(ev, new Random(3));
        var hole = new HoleKick(p.WorkerCount).DrawHole(context);
        Assert.Equal(2, hole / p.SlotCount);
        var kick = new HoleKick(p.WorkerCount);
        ev.Begin();
        Assert.Equal(2, kick.Ruin(context, hole, most: 3, radius: 1));
        Assert.Equal([0, 2], kick.Ruined.ToArray().Order());
        var taker = kick.Take(context, hole);
        Assert.Contains(taker, new[] { 0, 2 });
        Assert.Equal(hole % p.SlotCount, ev.Assign[p.WorkerDay(taker, 2)]);
    }

    // 8 walks of about 2.8 s each (12 took 33 s of a 2-core CI's test time), each shape drawn about twice.
    [Property(Arbitrary = new[] { typeof(KickedProblems) }, MaxTest = 8)]
    public void A_search_never_loses_its_best_roster_at_a_kick(RosterProblem problem, int seed) => Kicks(problem, seed);

    [Theory]
    [InlineData(SearchTuning.HoleKickFromDays - 14, false)]
    [InlineData(SearchTuning.HoleKickFromDays - 1, false)]
    [InlineData(SearchTuning.HoleKickFromDays, true)]
    public void The_walk_aims_its_kicks_at_holes_only_from_HoleKickFromDays_dates(int days, bool aims)
    {
        // Three workers for three people a day, none more than five days running: every worker misses a day in six, so
        // there are holes someone could take, the walk stalls and kicks, and (from that many dates) aims the kicks.
        var problem = Problem(
            workers: [new Worker(W(1), WorkerKind.Staff, Home), new Worker(W(2), WorkerKind.Staff, Home), new Worker(W(3), WorkerKind.Staff, Home)],
            rules: new WorkRules(maxConsecutiveDays: 5),
            demands: [.. Enumerable.Range(0, days).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))],
            days: days);
        var (kicks, aimed) = (0, 0L);
        for (var seed = 1; seed <= 2; seed++)
        {
            var engine = Kicked(problem, seed, out var k);
            (kicks, aimed) = (kicks + k, aimed + engine.AimedKicks);
        }

        Assert.InRange(kicks, 2, int.MaxValue);
        Assert.Equal(aims, aimed > 0);
    }

    /// <summary>How many times a walk of three plateaus and a little kicked, checking the best after each kick.</summary>
    private static int Kicks(RosterProblem problem, int seed)
    {
        Kicked(problem, seed, out var kicks);
        return kicks;
    }

    private static SearchEngine Kicked(RosterProblem problem, int seed, out int kickCount)
    {
        var p = problem.Compiled;
        var stagnation = new SearchEngine(p, new PlannerOptions(seed, iterationLimit: 1), progress: null).Stagnation;
        var engine = new SearchEngine(p, new PlannerOptions(seed, iterationLimit: (3 * stagnation) + 5_000) { DegreeOfParallelism = 1 }, progress: null);
        var kicks = 0;
        int[]? checkedAssign = null;
        var checkedScore = (Hard: 0L, Soft: 0L);
        engine.KickObserver = bestBefore =>
        {
            kicks++;
            Assert.True(engine.BestScore <= bestBefore, $"the best went from {bestBefore} to {engine.BestScore} at a kick");

            // The checker recounts a best roster it has not seen; one unchanged since the last kick was recounted then
            // (most kicks of a stalled walk leave the best as it was, and the checker was most of this test's time).
            if (checkedAssign is null || !checkedAssign.AsSpan().SequenceEqual(engine.BestAssign))
            {
                var check = RosterChecker.Check(problem, MoveProperties.Assignments(problem, engine.BestAssign));
                (checkedAssign, checkedScore) = ([.. engine.BestAssign], ((long)check.Hard, (long)check.Soft));
            }

            Assert.Equal(checkedScore, ((long)engine.BestScore.Hard, (long)engine.BestScore.Soft));
        };
        engine.Run(CancellationToken.None);
        kickCount = kicks;
        return engine;
    }

    [Fact]
    public void An_understaffed_walk_kicks_so_the_property_above_checks_something()
    {
        // Two workers for three people a day over two weeks: the holes cannot all be filled, so the walk stalls and kicks.
        var problem = Problem(
            demands: [.. Enumerable.Range(0, 14).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 3))],
            days: 14);
        Assert.InRange(Kicks(problem, 5), 2, int.MaxValue);
    }

    private static (RosterEvaluator Ev, MoveContext Context) Greedy(RosterProblem problem, int seed)
    {
        var ev = new RosterEvaluator(problem.Compiled);
        Construction.Greedy(ev);
        return (ev, new MoveContext(ev, new Random(seed)));
    }

    /// <summary>Lockdown-shaped problems short enough for a walk of a few plateaus: understaffed, over-demanded, rule-breaking pins, mixed.</summary>
    public static class KickedProblems
    {
        public static Arbitrary<RosterProblem> Problems() => Arb.From(
            Gen.Elements(LockdownShape.Understaffed, LockdownShape.OverDemanded, LockdownShape.PinsThatBreakRules, LockdownShape.Mixed)
                .SelectMany(shape => Gen.Choose(0, int.MaxValue - 1).Select(seed => LockdownRosterGenerators.Create(seed, shape).Problem)));
    }
}
