using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The one-worker DP's weekend pruning (issue 20, weekend24: a weekend count dominated by a lower one as cheap, and the
/// counts the weekends still to come cannot push over the maximum, are not extended) against the plain formulation that
/// extends every count (<c>new WorkerScheduleDp(p, weekendPruning: false)</c>): with the others fixed at the greedy
/// construction's roster, for each worker and each of several minute prices, one shortest-path pass finds a row exactly
/// when the plain one does, at the same priced cost, and the row works at most the worker's maximum of weekends (counted
/// here from its assignments' dates). Over long horizons with weekend maxima anywhere from 0 to every weekend (near
/// saturation too), 24-hour duties, pins on most dates, few workers for many demands
/// (<see cref="WeekendYears"/>), and the lockdown shapes of <see cref="LockdownRosterGenerators"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(WeekendPruningProperties) }, MaxTest = 80)]
public sealed class WeekendPruningProperties
{
    // Minute prices per minute worked: negative (work is rewarded), none, and positive (work costs), as the bisection tries them.
    private static readonly double[] Lambdas = [-0.4, 0, 0.05, 0.3, 2];

    /// <summary>Year-long or months-long problems whose weekend maxima bind anywhere in the horizon; they shrink as lockdown problems do.</summary>
    public static Arbitrary<WeekendYear> WeekendYears() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new WeekendYear(seed, Year(seed))),
        y => RosterShrinkers.Smaller(y.Problem).Select(p => y with { Problem = p }));

    /// <summary>The lockdown generator's problems (every shape: a year's horizon, everything pinned, 24-hour duties, understaffed...).</summary>
    public static Arbitrary<LockdownProblem> Lockdown() => LockdownRosterGenerators.Lockdown();

    [Property]
    public void Pruned_weekend_counts_keep_the_plain_paths_optimum_on_long_horizons(WeekendYear year) => SameOptimum(year.Problem);

    [Property]
    public void Pruned_weekend_counts_keep_the_plain_paths_optimum_on_lockdown_problems(LockdownProblem lockdown) => SameOptimum(lockdown.Problem);

    /// <summary>
    /// A worker free to work every date of a 364-day year (no rule but at most 26 of its 52 weekends), every duty
    /// wanted: the pruned and the plain path find the same optimum, working exactly 26 weekends. Saturation folds from
    /// the second half of the year on, and dominance never applies (each weekend worked is cheaper), so the property's
    /// random problems are not the only check of the fold.
    /// </summary>
    [Fact]
    public void A_year_with_half_its_weekends_allowed_works_exactly_half()
    {
        var start = new LocalDate(2024, 1, 1); // a Monday
        var horizon = new DateInterval(start, start.PlusDays(363));
        var shift = new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8));
        var compound = new Id<Compound>(1);
        var demands = horizon.Select(d => new Demand(new Id<Post>(1), compound, d, "D", 1, 10, 0)).ToList();
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, compound, rules: new WorkRules(maxWeekends: 26));
        var problem = RosterProblem.Create(horizon, [shift], demands, [worker]);
        var (pruned, plain) = Solve(problem, 0, lambda: 0);
        Assert.NotNull(pruned);
        Assert.Equal(plain!.Value.Priced, pruned!.Value.Priced, 6);
        Assert.Equal(26, Weekends(problem, 0, pruned.Value.Row));
    }

    private static void SameOptimum(RosterProblem problem)
    {
        var c = problem.Compiled;
        for (var w = 0; w < c.WorkerCount; w++)
        {
            foreach (var lambda in Lambdas)
            {
                var (pruned, plain) = Solve(problem, w, lambda);
                Assert.True(pruned.HasValue == plain.HasValue, $"worker {w} at {lambda}: pruned found a row: {pruned.HasValue}, plain: {plain.HasValue}");
                if (pruned is { } a && plain is { } b)
                {
                    Assert.True(Math.Abs(a.Priced - b.Priced) <= 1e-6 * (1 + Math.Abs(b.Priced)), $"worker {w} at {lambda}: pruned {a.Priced}, plain {b.Priced}");
                    var max = c.Rules[c.WorkerRules[w]].MaxWeekends;
                    Assert.True(Weekends(problem, w, a.Row) <= max, $"worker {w} at {lambda}: {Weekends(problem, w, a.Row)} weekends, at most {max}");
                }
            }
        }
    }

    /// <summary>One pass of each path for worker <paramref name="w"/>, the others at the greedy construction's roster: row and priced cost, or null.</summary>
    private static ((int[] Row, double Priced)? Pruned, (int[] Row, double Priced)? Plain) Solve(RosterProblem problem, int w, double lambda)
    {
        var c = problem.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        (int[] Row, double Priced)? Pass(bool pruning)
        {
            var row = new int[c.Days];
            return new WorkerScheduleDp(c, pruning).PricedPath(ev, w, lambda, row, out var priced) ? (row, priced) : null;
        }

        return (Pass(true), Pass(false));
    }

    /// <summary>The weekends (ISO weeks with a Saturday or Sunday duty) of worker <paramref name="w"/>'s <paramref name="row"/>, from the built assignments.</summary>
    private static int Weekends(RosterProblem problem, int w, int[] row)
    {
        var c = problem.Compiled;
        var cells = Enumerable.Repeat(-1, c.WorkerCount * c.Days).ToArray();
        row.CopyTo(cells, w * c.Days);
        return RosterBuilder.Build(c, cells).Assignments
            .Where(a => a.Date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            .Select(a => a.Date.PlusDays(1 - (int)a.Date.DayOfWeek)) // the Monday of its ISO week
            .Distinct()
            .Count();
    }

    /// <summary>
    /// 28-120 dates (one problem in four a year of 364-365), starting on any weekday; 1-4 shift types (one in three
    /// 24 hours long); 1-4 workers with a weekend maximum from 0 to every weekend of the horizon (a third of them
    /// within two of it, where saturation starts early), runs, days off, rest and successions; demands on 20-90 % of
    /// the slots, weekend ones wanted more some years; one problem in four with most dates pinned.
    /// </summary>
    private static RosterProblem Year(int seed)
    {
        var r = new Random(seed);
        var days = r.Next(4) == 0 ? r.Next(364, 366) : r.Next(28, 121);
        var start = new LocalDate(2022, 8, 15).PlusDays(r.Next(7));
        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        var weekends = horizon.Where(d => d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday).Select(d => d.PlusDays(1 - (int)d.DayOfWeek)).Distinct().Count();
        var shifts = Enumerable.Range(0, r.Next(1, 5)).Select(i => new ShiftDefinition(
            "S" + i, new LocalTime(r.Next(24), 0), Duration.FromHours(r.Next(3) == 0 ? 24 : r.Next(4, 13)))).ToList();
        var compound = new Id<Compound>(1);
        var density = 0.2 + (0.7 * r.NextDouble());
        var weekendWeight = r.Next(2) == 0 ? 1 : r.Next(2, 6);
        var demands = new List<Demand>();
        foreach (var date in horizon)
        {
            var isWeekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            foreach (var shift in shifts.Where(_ => r.NextDouble() < density))
            {
                var required = r.Next(0, 3);
                demands.Add(new Demand(new Id<Post>(1), compound, date, shift.Code, required, r.Next(0, 50) * (isWeekend ? weekendWeight : 1), r.Next(0, 5), r.Next(3) == 0 ? r.Next(0, required + 1) : null));
            }
        }

        var workers = Enumerable.Range(1, r.Next(1, 5)).Select(i => new Worker(
            new Id<Worker>(i), WorkerKind.Staff, compound, unavailableDates: horizon.Where(_ => r.Next(8) == 0).ToList(), rules: Rules(r, shifts, weekends))).ToList();
        var pins = new List<RosterAssignment>();
        if (r.Next(4) == 0)
        {
            var byDate = demands.GroupBy(d => d.Date).ToList();
            foreach (var worker in workers)
            {
                pins.AddRange(byDate.Where(_ => r.Next(4) != 0).Select(g => g.ElementAt(r.Next(g.Count()))).Select(d => new RosterAssignment(worker.Id, d.Date, d.Post, d.ShiftCode)));
            }
        }

        return RosterProblem.Create(horizon, shifts, demands, workers, pins: pins, weights: new PreferenceWeights(r.Next(0, 3), 0));
    }

    private static WorkRules Rules(Random r, List<ShiftDefinition> shifts, int weekends)
    {
        var maxWeekends = r.Next(3) switch
        {
            0 => r.Next(0, Math.Min(3, weekends + 1)),
            1 => Math.Max(0, weekends - r.Next(0, 3)),
            _ => r.Next(0, weekends + 1),
        };
        var maxC = r.Next(2) == 0 ? (int?)r.Next(1, 8) : null;
        return new WorkRules(
            maxConsecutiveDays: maxC,
            minConsecutiveDays: maxC is { } m ? r.Next(1, m + 1) : r.Next(1, 3),
            minConsecutiveDaysOff: r.Next(1, 3),
            maxWeekends: maxWeekends,
            minRest: r.Next(2) == 0 ? Duration.FromHours(r.Next(0, 25)) : null,
            forbiddenSuccessions: shifts.SelectMany(a => shifts.Select(b => new ForbiddenSuccession(a.Code, b.Code))).Where(_ => r.Next(6) == 0).ToList());
    }
}

/// <summary>A long-horizon problem for the weekend pruning property, with the seed it was drawn from.</summary>
public sealed record WeekendYear(int Seed, RosterProblem Problem)
{
    /// <summary>A count line, then the problem as <see cref="RosterText"/> lines (<see cref="RosterText.Read"/> rebuilds it).</summary>
    public override string ToString() =>
        $"weekend year seed {Seed}: {Problem.Workers.Count} workers, {Problem.Horizon.Length} days, {Problem.Demands.Count} demands\n{RosterText.Write(Problem)}";
}
