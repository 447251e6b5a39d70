using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The minute price's rounds in the one-worker DP (issue 20, gap31), the others fixed at the greedy construction's
/// roster. Every round's path gives a Lagrangian value (its priced cost less the prices times the limits they price), and
/// no row inside the minute window costs less (weak duality): checked against every row enumerated on tiny problems with
/// narrow windows (<see cref="ExactMinutesProperties"/>' generator). The gap stop (the rounds end once the row in the window
/// is within 0.1 of that value) keeps the row's whole cost: <c>Solve</c> with and without it, the same price noise, finds a
/// row for the same workers at the same checker's cost, on those and on lockdown problems. The secant price (before a row
/// in the window, the price at which the nearest rows below and above it cost the same) finds a row in the window
/// whenever the bisection alone does: a row the bisection finds is optimal at some price, so it lies on or below the
/// line through those two rows, and with price noise never exactly on it.
/// </summary>
[Properties(Arbitrary = new[] { typeof(MinutePriceStopProperties) }, MaxTest = 150)]
public sealed class MinutePriceStopProperties
{
    /// <summary>Tiny problems with narrow minute windows and mixed shift lengths (<see cref="ExactMinutesProperties.NarrowWindows"/>).</summary>
    public static Arbitrary<TinyProblem> NarrowWindows() => ExactMinutesProperties.NarrowWindows();

    /// <summary>The lockdown generator's problems (every shape).</summary>
    public static Arbitrary<LockdownProblem> Lockdown() => LockdownRosterGenerators.Lockdown();

    /// <summary>Two to eight weeks with minute windows of zero to three shifts (<see cref="Weeks"/>); they shrink as lockdown problems do.</summary>
    public static Arbitrary<MinuteWindowProblem> WideWindows() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new MinuteWindowProblem(seed, Weeks(seed))),
        t => RosterShrinkers.Smaller(t.Problem).Select(p => t with { Problem = p }));

    [Property]
    public void The_Lagrangian_value_never_exceeds_the_cheapest_row_in_the_window(TinyProblem tiny)
    {
        var p = tiny.Problem;
        var c = p.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        foreach (var secant in new[] { false, true })
        {
            var dp = new WorkerScheduleDp(c, gapStop: false, secant: secant);
            for (var w = 0; w < c.WorkerCount; w++)
            {
                var row = new int[c.Days];
                if (!dp.SearchMinutePrices(ev, w, row, rng: null, out var bound, out var cost))
                {
                    continue;
                }

                // The path's cost and the checker's differ by the others' cost, the same for every row of this worker.
                var offset = ExactMinutesProperties.Cost(p, With(p, ev.Assign, w, row)) - cost;
                var cheapest = ExactMinutesProperties.Cheapest(p, ev.Assign, w);
                Assert.True(cheapest.HasValue, $"worker {w}: the rounds priced a row into the window, brute force found none");
                Assert.True(bound + offset <= cheapest.Value + 1e-6, $"worker {w} (secant {secant}): Lagrangian value {bound + offset}, cheapest row {cheapest}");
            }
        }
    }

    [Property]
    public void The_gap_stop_keeps_the_rows_whole_cost_on_narrow_windows(TinyProblem tiny) => SameWholeCost(tiny.Problem);

    [Property]
    public void The_gap_stop_keeps_the_rows_whole_cost_over_weeks(MinuteWindowProblem weeks) => SameWholeCost(weeks.Problem);

    [Property]
    public void The_gap_stop_keeps_the_rows_whole_cost_on_lockdown_problems(LockdownProblem lockdown) => SameWholeCost(lockdown.Problem);

    [Property]
    public void The_secant_finds_a_row_in_the_window_whenever_the_bisection_does(TinyProblem tiny)
    {
        var c = tiny.Problem.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        for (var w = 0; w < c.WorkerCount; w++)
        {
            var row = new int[c.Days];
            var bisection = new WorkerScheduleDp(c, secant: false).SearchMinutePrices(ev, w, row, new Random(tiny.Seed + w), out _, out _);
            var secant = new WorkerScheduleDp(c, secant: true).SearchMinutePrices(ev, w, row, new Random(tiny.Seed + w), out _, out _);
            Assert.True(secant || !bisection, $"worker {w}: the bisection priced a row into the window, the secant did not");
        }
    }

    /// <summary>For each worker, <c>Solve</c> with and without the gap stop (the same price noise): a row for both or neither, at the same checker's cost.</summary>
    private static void SameWholeCost(RosterProblem p)
    {
        var c = p.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        for (var w = 0; w < c.WorkerCount; w++)
        {
            var stopped = new int[c.Days];
            var full = new int[c.Days];
            var a = new WorkerScheduleDp(c, gapStop: true).Solve(ev, w, stopped, new Random(w + 1));
            var b = new WorkerScheduleDp(c, gapStop: false).Solve(ev, w, full, new Random(w + 1));
            Assert.True(a == b, $"worker {w}: with the gap stop a row: {a}, without: {b}");
            if (a)
            {
                Assert.Equal(ExactMinutesProperties.Cost(p, With(p, ev.Assign, w, full)), ExactMinutesProperties.Cost(p, With(p, ev.Assign, w, stopped)));
            }
        }
    }

    /// <summary>The roster of <paramref name="cells"/> with worker <paramref name="w"/>'s row replaced by <paramref name="row"/>.</summary>
    private static List<RosterAssignment> With(RosterProblem p, int[] cells, int w, int[] row)
    {
        var all = (int[])cells.Clone();
        row.CopyTo(all, w * p.Compiled.Days);
        return RosterBuilder.Build(p.Compiled, all).Assignments.ToList();
    }

    /// <summary>
    /// 14-56 dates from any weekday; 1-3 shift types of 4-12 hours; demands on 60 % of the slots wanted at 0-49 points;
    /// 1-4 workers, each with a minute window whose minimum is up to three fifths of the horizon at the first shift's length
    /// and whose width is zero to three such shifts, and random run, day-off and rest rules; some wishes.
    /// </summary>
    private static RosterProblem Weeks(int seed)
    {
        var r = new Random(seed);
        var days = r.Next(14, 57);
        var start = new LocalDate(2022, 8, 15).PlusDays(r.Next(7));
        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        var shifts = Enumerable.Range(0, r.Next(1, 4)).Select(i => new ShiftDefinition("S" + i, new LocalTime(r.Next(24), 0), Duration.FromHours(r.Next(2, 7) * 2))).ToList();
        var compound = new Id<Compound>(1);
        var demands = (from date in horizon from shift in shifts where r.NextDouble() < 0.6 select new Demand(new Id<Post>(1), compound, date, shift.Code, r.Next(0, 4), r.Next(0, 50), r.Next(0, 5))).ToList();
        var first = (int)shifts[0].Duration.TotalMinutes;
        var workers = Enumerable.Range(1, r.Next(1, 5)).Select(i =>
        {
            var min = first * r.Next(0, (days * 3 / 5) + 1);
            var rules = new WorkRules(
                minTotalMinutes: min,
                maxTotalMinutes: min + (first * r.Next(0, 4)),
                minConsecutiveDays: r.Next(1, 3),
                minConsecutiveDaysOff: r.Next(1, 3),
                minRest: r.Next(2) == 0 ? Duration.FromHours(r.Next(0, 17)) : null);
            return new Worker(new Id<Worker>(i), WorkerKind.Staff, compound, unavailableDates: horizon.Where(_ => r.Next(10) == 0).ToList(), rules: rules);
        }).ToList();
        var wishes = Enumerable.Range(0, r.Next(0, 8)).Select(_ => new ShiftWish(workers[r.Next(workers.Count)].Id,
            start.PlusDays(r.Next(days)), shifts[r.Next(shifts.Count)].Code, r.Next(2) == 0 ? WishKind.ShiftOn : WishKind.ShiftOff, r.Next(1, 9))).ToList();
        return RosterProblem.Create(horizon, shifts, demands, workers, wishes: wishes);
    }

}

/// <summary>A problem of a few weeks with minute windows for the gap stop's property, with the seed it was drawn from.</summary>
public sealed record MinuteWindowProblem(int Seed, RosterProblem Problem)
{
    /// <summary>A count line, then the problem as <see cref="RosterText"/> lines (<see cref="RosterText.Read"/> rebuilds it).</summary>
    public override string ToString() =>
        $"minute windows seed {Seed}: {Problem.Workers.Count} workers, {Problem.Horizon.Length} days, {Problem.Demands.Count} demands\n{RosterText.Write(Problem)}";
}
