using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The one-worker DP's two paths against brute force: the exact-minutes path (<c>WorkerScheduleDp.SolveExactMinutes</c>,
/// what it falls back to when minute prices jump over a narrow window) on tiny problems whose workers have narrow minute
/// windows and mixed shift lengths, and the plain path (no minutes in the state: <c>WorkerScheduleDp.Solve</c> for a
/// worker without a minute window) on the same problems without windows. With the others fixed at the greedy
/// construction's roster, the row keeps every rule of the worker's own (by the independent checker) and costs exactly
/// what the cheapest such row costs (every row of the worker enumerated); no row is found only when none exists. And the
/// splice (<c>WorkerScheduleDp.SpliceRows</c>, what the DP falls back to when the minute price brackets the window without
/// landing in it) against every range of one row put into the other.
/// </summary>
[Properties(Arbitrary = new[] { typeof(ExactMinutesProperties) }, MaxTest = 120)]
public sealed class ExactMinutesProperties
{
    private static readonly int[] Hours = [4, 6, 8, 10, 12, 24];

    /// <summary>
    /// Tiny problems with narrow windows, drawn from a seed; they shrink as lockdown problems do
    /// (<see cref="RosterShrinkers.Smaller"/>) while some worker keeps a minimum.
    /// </summary>
    public static Arbitrary<TinyProblem> NarrowWindows() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new TinyProblem(seed, Narrow(seed, clockChange: seed % 4 == 0))),
        t => RosterShrinkers.Smaller(t.Problem).Where(p => p.Compiled.Rules.Any(r => r.MinMinutes > 0)).Select(p => t with { Problem = p }));

    /// <summary>The same tiny problems with every minute window left out (the plain path's), shrinking likewise.</summary>
    public static Arbitrary<NoWindowProblem> NoWindows() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new NoWindowProblem(seed, Narrow(seed, windows: false, clockChange: seed % 4 == 0))),
        t => RosterShrinkers.Smaller(t.Problem).Select(p => t with { Problem = p }));

    /// <summary>
    /// The same tiny problems without minute windows, each worker with rules of their own allowed at most 0 to the
    /// horizon's length minus one shifts of one type (count mode's problems), shrinking likewise.
    /// </summary>
    public static Arbitrary<OneMaximumProblem> OneShiftMaximum() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new OneMaximumProblem(seed, Narrow(seed, windows: false, oneShiftMaximum: true))),
        t => RosterShrinkers.Smaller(t.Problem).Select(p => t with { Problem = p }));

    /// <summary>1-3 workers (the first with rules of its own: a narrow window unless <paramref name="windows"/> is false; with <paramref name="oneShiftMaximum"/>, a maximum of one shift type), <paramref name="fewestDays"/>-<paramref name="mostDays"/> dates (2-6 unless told), 1-3 shifts of mixed lengths (one in six problems a single shift type), at most 3 demands a date; with <paramref name="clockChange"/>, in a zone whose clock changes inside the horizon.</summary>
    internal static RosterProblem Narrow(int seed, bool windows = true, int fewestDays = 2, int mostDays = 6, bool oneShiftMaximum = false, bool clockChange = false)
    {
        var r = new Random(seed);
        var days = r.Next(fewestDays, mostDays + 1);
        var start = new LocalDate(2022, 8, 18).PlusDays(r.Next(7)); // weekends fall anywhere
        var zone = DateTimeZone.Utc;
        if (clockChange)
        {
            (zone, start) = LockdownRosterGenerators.NearClockChange(new Random(~seed)); // its own draws: the other problems stay as they were
        }

        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        var shifts = Enumerable.Range(0, r.Next(6) == 0 ? 1 : r.Next(2, 4))
            .Select(i => new ShiftDefinition("S" + i, new LocalTime(r.Next(24), 0), Duration.FromHours(Hours[r.Next(Hours.Length)]))).ToList();
        var compounds = new[] { new Id<Compound>(1), new Id<Compound>(2) };
        var demands = new List<Demand>();
        foreach (var date in horizon)
        {
            foreach (var (shift, post) in (from s in shifts from post in new[] { 1, 2 } select (s, post)).Where(_ => r.Next(2) == 0).Take(3))
            {
                var required = r.Next(0, 3);
                int? minimum = r.Next(3) == 0 ? r.Next(0, required + 1) : null;
                demands.Add(new Demand(new Id<Post>(post), compounds[post - 1], date, shift.Code, required, r.Next(0, 50), r.Next(0, 10), minimum));
            }
        }

        var workers = Enumerable.Range(1, r.Next(1, 4)).Select(i => new Worker(
            new Id<Worker>(i), WorkerKind.ResidentVolunteer, compounds[r.Next(2)], [], r.Next(5) == 0 ? compounds[r.Next(2)] : null, [],
            horizon.Where(_ => r.Next(6) == 0).ToList(), i == 1 || r.Next(2) == 0 ? NarrowRules(r, shifts, days, windows, oneShiftMaximum) : null)).ToList();
        var wishes = Enumerable.Range(0, r.Next(0, 4)).Select(_ => new ShiftWish(workers[r.Next(workers.Count)].Id,
            horizon.Start.PlusDays(r.Next(days)), shifts[r.Next(shifts.Count)].Code, r.Next(2) == 0 ? WishKind.ShiftOn : WishKind.ShiftOff, r.Next(1, 9))).ToList();
        return RosterProblem.Create(horizon, shifts, demands, workers, null, wishes: wishes, weights: new PreferenceWeights(r.Next(0, 3), 0), zone: zone);
    }

    /// <summary>
    /// A window of 0-4 h above a minimum of one to three shifts' minutes, and random run, day-off, weekend, rest and
    /// succession rules; no weekly maxima and no per-shift maximum unless <paramref name="oneShiftMaximum"/> (then one,
    /// drawn last so the other problems stay as they were): the path keeps a second one and weekly maxima by prices,
    /// which brute force would not match.
    /// </summary>
    private static WorkRules NarrowRules(Random r, List<ShiftDefinition> shifts, int days, bool window, bool oneShiftMaximum)
    {
        var min = Enumerable.Range(0, r.Next(1, 4)).Sum(_ => (int)shifts[r.Next(shifts.Count)].Duration.TotalMinutes);
        var maxC = r.Next(3) == 0 ? (int?)r.Next(1, days + 1) : null;
        return new WorkRules(
            minTotalMinutes: window ? min : 0,
            maxTotalMinutes: window ? min + (60 * r.Next(0, 5)) : null,
            maxConsecutiveDays: maxC,
            minConsecutiveDays: maxC is { } m ? r.Next(1, m + 1) : r.Next(1, 3),
            minConsecutiveDaysOff: r.Next(1, 3),
            maxWeekends: r.Next(3) == 0 ? r.Next(0, 2) : null,
            minRest: r.Next(2) == 0 ? Duration.FromHours(r.Next(0, 25)) : null,
            forbiddenSuccessions: shifts.SelectMany(a => shifts.Select(b => new ForbiddenSuccession(a.Code, b.Code))).Where(_ => r.Next(6) == 0).ToList(),
            maxShiftsPerCode: oneShiftMaximum ? new Dictionary<string, int> { [shifts[r.Next(shifts.Count)].Code] = r.Next(days) } : null);
    }

    [Property]
    public void The_exact_minutes_path_finds_the_cheapest_row_that_keeps_the_workers_own_rules(TinyProblem tiny) =>
        EachWorkerMatchesBruteForce(tiny.Problem, w => tiny.Problem.Compiled.Rules[tiny.Problem.Compiled.WorkerRules[w]].MinMinutes > 0, (dp, ev, w, row) => dp.SolveExactMinutes(ev, w, row));

    [Property]
    public void The_plain_path_finds_the_cheapest_row_that_keeps_the_workers_own_rules(NoWindowProblem tiny) =>
        EachWorkerMatchesBruteForce(tiny.Problem, _ => true, (dp, ev, w, row) => dp.Solve(ev, w, row));

    /// <summary>
    /// The window ruin's rebuild (<c>WorkerScheduleDp.SolveWindow</c>): with the worker's row kept outside a window of
    /// dates (drawn from the problem's seed), the cheapest row that changes only the window and keeps the worker's own
    /// rules over the whole horizon, found exactly when one exists (brute force over the window's choices). The greedy
    /// rows it keeps may break a rule outside the window: then no row is found.
    /// </summary>
    [Property]
    public void The_window_path_finds_the_cheapest_row_that_changes_only_the_window(NoWindowProblem tiny)
    {
        var days = tiny.Problem.Compiled.Days;
        var rng = new Random(tiny.Seed);
        var from = rng.Next(days);
        var to = from + 1 + rng.Next(days - from);
        EachWorkerMatchesBruteForce(tiny.Problem, _ => true, (dp, ev, w, row) => dp.SolveWindow(ev, w, from, to, row), (from, to));
    }

    /// <summary>
    /// Count mode: a per-shift maximum the first pass breaks is counted in the state, so with one such maximum and no
    /// minute window the path is exact (prices alone make every shift of the type worth the same and, raised past what one
    /// gains, leave the row fewer than it may work: this property fails with count mode off).
    /// </summary>
    [Property]
    public void The_plain_path_keeps_one_per_shift_maximum_at_the_cheapest_row(OneMaximumProblem tiny) =>
        EachWorkerMatchesBruteForce(tiny.Problem, _ => true, (dp, ev, w, row) => dp.Solve(ev, w, row));

    /// <summary>
    /// For each worker with a minute window, the others fixed at the greedy construction's roster: the cheapest row below the
    /// window and the cheapest above it that break none of the worker's other rules (by the independent checker, every row
    /// enumerated) are spliced. Every row made of one of them with one range of dates [i, j) from the other is enumerated
    /// too; among those inside the window that keep every rule of the worker's own, the splice returns one with the fewest
    /// unclean cuts (a cut inside the horizon is clean when both rows are off on the date before it and the date of it), and
    /// among those the cheapest; it returns none only when no such row exists. (At most 6 dates: every range in the window
    /// is among the ranges the splice scores.)
    /// </summary>
    [Property]
    public void The_splice_finds_the_cheapest_range_with_the_cleanest_cuts_that_keeps_the_workers_own_rules(TinyProblem tiny)
    {
        var p = tiny.Problem;
        var c = p.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        var dp = new WorkerScheduleDp(c);
        for (var w = 0; w < c.WorkerCount; w++)
        {
            var r = c.Rules[c.WorkerRules[w]];
            if (r.MinMinutes == 0 || r.MaxMinutes == CompiledRules.Unlimited)
            {
                continue;
            }

            var judge = new RowJudge(p, ev.Assign, w);
            var below = judge.CheapestKeepingAllBut(RuleKind.MinTotalMinutes);
            var above = judge.CheapestKeepingAllBut(RuleKind.MaxTotalMinutes);
            if (below is null || above is null)
            {
                continue;
            }

            var best = BestSplice(judge, below, above);
            var result = new int[c.Days];
            var found = dp.SpliceRows(ev, w, below, above, result);
            Assert.True(found == best.HasValue, $"worker {w}: the splice found a row: {found}, brute force: {best}");
            if (found)
            {
                Assert.Equal(0, judge.OwnHard(result));
                Assert.Equal(best!.Value.Cost, judge.Cost(result));
                Assert.Contains(best.Value.Dirty, Splices(below, above).Where(s => s.Row.SequenceEqual(result)).Select(s => s.Dirty));
            }
        }
    }

    /// <summary>The fewest unclean cuts, then the lowest cost, of a splice of the two rows that keeps every rule of the worker's own; null when none does.</summary>
    private static (int Dirty, long Cost)? BestSplice(RowJudge judge, int[] below, int[] above)
    {
        (int Dirty, long Cost)? best = null;
        foreach (var (row, dirty) in Splices(below, above))
        {
            if (judge.OwnHard(row) == 0 && judge.Cost(row) is var cost && (best is null || dirty < best.Value.Dirty || (dirty == best.Value.Dirty && cost < best.Value.Cost)))
            {
                best = (dirty, cost);
            }
        }

        return best;
    }

    /// <summary>Every row made of one of the two rows with one range of dates [i, j) of the other, with its unclean cuts.</summary>
    private static IEnumerable<(int[] Row, int Dirty)> Splices(int[] below, int[] above)
    {
        var days = below.Length;
        bool Clean(int k) => k == 0 || k == days || (below[k - 1] < 0 && below[k] < 0 && above[k - 1] < 0 && above[k] < 0);
        foreach (var (outside, inside) in new[] { (below, above), (above, below) })
        {
            for (var i = 0; i < days; i++)
            {
                for (var j = i + 1; j <= days; j++)
                {
                    var row = (int[])outside.Clone();
                    Array.Copy(inside, i, row, i, j - i);
                    yield return (row, (Clean(i) ? 0 : 1) + (Clean(j) ? 0 : 1));
                }
            }
        }
    }

    /// <summary>
    /// Worker <paramref name="w"/>'s rows judged by the independent checker, the others as in <paramref name="cells"/>: the
    /// worker's own hard violations (on the problem with them alone), the roster's cost (the one number the path
    /// minimises), and every row of allowed choices.
    /// </summary>
    private sealed class RowJudge(RosterProblem p, int[] cells, int w)
    {
        private readonly RosterProblem _alone = Alone(p, w);
        private readonly int[] _cells = (int[])cells.Clone();

        public int OwnHard(int[] row) => ExactMinutesProperties.OwnHard(_alone, Row(row));

        public long Cost(int[] row) => ExactMinutesProperties.Cost(p, RosterBuilder.Build(p.Compiled, With(row)).Assignments);

        /// <summary>The cheapest row (first enumerated among equals) whose only own violation is <paramref name="rule"/>; null when none.</summary>
        public int[]? CheapestKeepingAllBut(RuleKind rule)
        {
            int[]? best = null;
            long bestCost = long.MaxValue;
            foreach (var row in Rows())
            {
                var check = RosterChecker.Check(_alone, Row(row));
                if (check.Hard - CoverHard(check) > 0 && check.Hard - CoverHard(check) == check.ByRule.GetValueOrDefault(rule).Hard && Cost(row) is var cost && cost < bestCost)
                {
                    (best, bestCost) = ((int[])row.Clone(), cost);
                }
            }

            return best;
        }

        private int[] With(int[] row)
        {
            var all = (int[])_cells.Clone();
            row.CopyTo(all, w * p.Compiled.Days);
            return all;
        }

        private List<RosterAssignment> Row(int[] row) =>
            RosterBuilder.Build(p.Compiled, With(row)).Assignments.Where(a => a.Worker == p.Workers[w].Id).ToList();

        /// <summary>Every row of the worker's allowed choices (off or an allowed slot, each date).</summary>
        private IEnumerable<int[]> Rows()
        {
            var c = p.Compiled;
            var options = Enumerable.Range(0, c.Days)
                .Select(d => Enumerable.Range(-1, c.SlotCount + 1).Where(s => c.Allowed[c.ChoiceIndex(w, d, s + 1)]).ToArray()).ToList();
            if (options.Any(o => o.Length == 0))
            {
                yield break;
            }

            var pick = new int[c.Days];
            while (true)
            {
                yield return pick.Select((k, d) => options[d][k]).ToArray();
                var i = 0;
                while (i < pick.Length && ++pick[i] == options[i].Length)
                {
                    pick[i++] = 0;
                }

                if (i == pick.Length)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// For each worker <paramref name="included"/>, the others fixed at the greedy construction's roster: the path
    /// (<paramref name="solve"/>) finds a row exactly when brute force does, and its row keeps the worker's own rules and
    /// costs the brute-force minimum.
    /// </summary>
    private static void EachWorkerMatchesBruteForce(RosterProblem p, Func<int, bool> included, Func<WorkerScheduleDp, RosterEvaluator, int, int[], bool> solve, (int From, int To)? window = null)
    {
        var c = p.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        var dp = new WorkerScheduleDp(c);
        for (var w = 0; w < c.WorkerCount; w++)
        {
            if (!included(w))
            {
                continue;
            }

            var row = new int[c.Days];
            var found = solve(dp, ev, w, row);
            var cheapest = Cheapest(p, ev.Assign, w, window);
            Assert.True(found == cheapest.HasValue, $"worker {w}: the path found a row: {found}, brute force: {cheapest}");
            if (found)
            {
                var cells = (int[])ev.Assign.Clone();
                row.CopyTo(cells, w * c.Days);
                var roster = RosterBuilder.Build(c, cells).Assignments;
                for (var d = 0; window is { } kept && d < c.Days; d++)
                {
                    Assert.True((d >= kept.From && d < kept.To) || row[d] == ev.Assign[(w * c.Days) + d], $"worker {w} changed on date {d}, outside [{kept.From}, {kept.To})");
                }

                Assert.Equal(0, OwnHard(Alone(p, w), roster.Where(a => a.Worker == p.Workers[w].Id)));
                Assert.Equal(cheapest, Cost(p, roster));
            }
        }
    }

    /// <summary>
    /// The lowest cost of a row of worker <paramref name="w"/> that breaks none of their own rules, the others as in
    /// <paramref name="cells"/>, by enumerating every row (off or any demand open to anyone, each date: a demand whose
    /// maximum is 0 is no choice at all; outside <paramref name="window"/>, when given, only the worker's own cell in
    /// <paramref name="cells"/>); null when no row keeps them.
    /// </summary>
    private static long? Cheapest(RosterProblem p, int[] cells, int w, (int From, int To)? window = null)
    {
        var id = p.Workers[w].Id;
        var alone = Alone(p, w);
        var all = RosterBuilder.Build(p.Compiled, cells).Assignments;
        var others = all.Where(a => a.Worker != id).ToList();
        var options = p.Horizon.Select((d, i) => window is { } kept && (i < kept.From || i >= kept.To)
                ? [all.Where(a => a.Worker == id && a.Date == d).Select(a => (RosterAssignment?)a).SingleOrDefault()]
                : new RosterAssignment?[] { null }
                    .Concat(p.Demands.Where(x => x.Date == d && x.MaximumOrRequired > 0).Select(x => (RosterAssignment?)new RosterAssignment(id, d, x.Post, x.ShiftCode, x.Qualification)))
                    .ToArray()).ToList();
        long? best = null;
        var pick = new int[options.Count];
        while (true)
        {
            var row = pick.Select((k, i) => options[i][k]).OfType<RosterAssignment>().ToList();
            if (OwnHard(alone, row) == 0 && Cost(p, others.Concat(row)) is var cost && (best is null || cost < best))
            {
                best = cost;
            }

            var i = 0;
            while (i < pick.Length && ++pick[i] == options[i].Length)
            {
                pick[i++] = 0;
            }

            if (i == pick.Length)
            {
                return best;
            }
        }
    }

    /// <summary>The problem with worker <paramref name="w"/> alone (the others and their wishes left out), through its text.</summary>
    private static RosterProblem Alone(RosterProblem p, int w)
    {
        var others = p.Workers.Where((_, i) => i != w).Select(x => $"W{x.Id.Value} ").ToList();
        var lines = RosterText.Write(p).Split('\n')
            .Where(l => !others.Any(o => l.StartsWith("worker " + o, StringComparison.Ordinal) || (l.StartsWith("wish ", StringComparison.Ordinal) && l[5..].StartsWith(o, StringComparison.Ordinal))));
        return RosterText.Read(string.Join('\n', lines)).Problem;
    }

    /// <summary>The checker's hard violations other than cover in one worker's <paramref name="row"/> on the problem with them alone: their own rules.</summary>
    private static int OwnHard(RosterProblem p, IEnumerable<RosterAssignment> row)
    {
        var check = RosterChecker.Check(p, row);
        return check.Hard - CoverHard(check);
    }

    /// <summary>The one number the path minimises: cover's hard units at the compiled problem's price per person, plus the soft score.</summary>
    private static long Cost(RosterProblem p, IEnumerable<RosterAssignment> roster)
    {
        var check = RosterChecker.Check(p, roster);
        return (CoverHard(check) * p.Compiled.CoverHardPrice) + check.Soft;
    }

    private static int CoverHard(RosterChecker.Result check) =>
        check.ByRule.GetValueOrDefault(RuleKind.CoverMinimum).Hard + check.ByRule.GetValueOrDefault(RuleKind.CoverMaximum).Hard;
}

/// <summary>A tiny roster problem without minute windows for the plain path's brute force, with the seed it was drawn from.</summary>
public sealed record NoWindowProblem(int Seed, RosterProblem Problem)
{
    /// <summary>A count line, then the problem as <see cref="RosterText"/> lines (<see cref="RosterText.Read"/> rebuilds it).</summary>
    public override string ToString() =>
        $"no-window seed {Seed}: {Problem.Workers.Count} workers, {Problem.Horizon.Length} days, {Problem.Demands.Count} demands\n{RosterText.Write(Problem)}";
}

/// <summary>A tiny roster problem without minute windows whose own rules cap one shift type, with the seed it was drawn from.</summary>
public sealed record OneMaximumProblem(int Seed, RosterProblem Problem)
{
    /// <summary>A count line, then the problem as <see cref="RosterText"/> lines (<see cref="RosterText.Read"/> rebuilds it).</summary>
    public override string ToString() =>
        $"one-maximum seed {Seed}: {Problem.Workers.Count} workers, {Problem.Horizon.Length} days, {Problem.Demands.Count} demands\n{RosterText.Write(Problem)}";
}
