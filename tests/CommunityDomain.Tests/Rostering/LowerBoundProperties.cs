using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// The lower bound against brute force: on problems small enough to enumerate every roster, the bound never
/// exceeds the best soft score of a roster that keeps the pins and every hard rule (by the independent
/// checker), and it is null only when no such roster exists. The variants of the ascent (priced counters, aimed above,
/// branch and bound nodes) and the infeasibility limit draw 75 problems each, the plain bound 150: the enumeration was a
/// seventh of the suite's time.
/// </summary>
[Properties(Arbitrary = new[] { typeof(LockdownArbitraries), typeof(LowerBoundProperties) }, MaxTest = 150)]
public sealed class LowerBoundProperties
{
    /// <summary>
    /// Tiny problems drawn by <see cref="Tiny(int)"/> from a seed, shrinking as lockdown problems do
    /// (<see cref="RosterShrinkers.Smaller"/>: fewer workers, demands, dates, wishes, pins), printed as <see cref="RosterText"/> lines.
    /// </summary>
    public static Arbitrary<TinyProblem> TinyProblems() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new TinyProblem(seed, Tiny(seed))),
        t => RosterShrinkers.Smaller(t.Problem).Select(p => t with { Problem = p }));

    /// <summary>A tiny problem of any shape: 1-3 workers, 1-4 dates, 1-3 shifts (up to 24 h), random rules, minimums, maxima, wishes and pins; one in four across a clock change.</summary>
    private static RosterProblem Tiny(int seed)
    {
        var r = new Random(seed);
        var days = r.Next(1, 5);
        var start = new LocalDate(2022, 8, 18).PlusDays(r.Next(7)); // weekends fall anywhere
        var zone = DateTimeZone.Utc;
        if (seed % 4 == 0)
        {
            (zone, start) = LockdownRosterGenerators.NearClockChange(new Random(~seed)); // its own draws: the other problems stay as they were
        }

        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        var shifts = Enumerable.Range(0, r.Next(1, 4)).Select(i =>
        {
            var hours = r.Next(5) == 0 ? 24 : r.Next(4, 13);
            return new ShiftDefinition("S" + i, new LocalTime(r.Next(24), 0), Duration.FromHours(hours));
        }).ToList();
        var compounds = new[] { new Id<Compound>(1), new Id<Compound>(2) };
        var demands = new List<Demand>();
        foreach (var date in horizon)
        {
            foreach (var shift in shifts)
            {
                for (var post = 1; post <= 2; post++)
                {
                    if (r.Next(3) != 0)
                    {
                        continue;
                    }

                    var required = r.Next(0, 3);
                    int? minimum = r.Next(3) == 0 ? r.Next(0, required + 1) : null;
                    int? maximum = r.Next(3) == 0 ? required + r.Next(0, 2) : null;
                    demands.Add(new Demand(new Id<Post>(post), compounds[post - 1], date, shift.Code, required, r.Next(0, 50), r.Next(0, 10), minimum, maximum: maximum));
                }
            }
        }

        var workers = Enumerable.Range(1, r.Next(1, 4)).Select(i => new Worker(
            new Id<Worker>(i), WorkerKind.ResidentVolunteer, compounds[r.Next(2)], [], r.Next(5) == 0 ? compounds[r.Next(2)] : null, [],
            horizon.Where(_ => r.Next(6) == 0).ToList(), r.Next(3) == 0 ? null : LockdownRosterGenerators.Rules(r, shifts, days))).ToList();
        var wishes = Enumerable.Range(0, r.Next(0, 4)).Select(_ => new ShiftWish(workers[r.Next(workers.Count)].Id,
            horizon.Start.PlusDays(r.Next(days)), shifts[r.Next(shifts.Count)].Code, r.Next(2) == 0 ? WishKind.ShiftOn : WishKind.ShiftOff, r.Next(1, 9))).ToList();
        var pins = new List<RosterAssignment>();
        if (demands.Count > 0 && r.Next(4) == 0)
        {
            var d = demands[r.Next(demands.Count)];
            pins.Add(new RosterAssignment(workers[0].Id, d.Date, d.Post, d.ShiftCode, d.Qualification));
        }

        return RosterProblem.Create(horizon, shifts, demands, workers, r.Next(2) == 0 ? LockdownRosterGenerators.Rules(r, shifts, days) : null,
            wishes: wishes, pins: pins, weights: new PreferenceWeights(r.Next(0, 4), r.Next(0, 2)), zone: zone);
    }

    /// <summary>
    /// The best soft score of a roster that keeps the pins, breaks no hard rule and passes <paramref name="keep"/>, by
    /// enumeration and the checker; null when none does. <paramref name="keep"/> sees per worker * days + day (worker
    /// and date in the problem's order) the demand taken, as its index in <see cref="RosterProblem.Demands"/> (-1: off).
    /// </summary>
    private static long? BruteForceOptimum(RosterProblem p, Func<int[], bool>? keep = null) => BruteForce(p, keep, worst: false);

    /// <summary>As <see cref="BruteForceOptimum"/>, the worst (highest) soft score instead of the best when <paramref name="worst"/>.</summary>
    private static long? BruteForce(RosterProblem p, Func<int[], bool>? keep, bool worst)
    {
        var cells = (from w in p.Workers from d in p.Horizon select (w.Id, d)).ToList();
        var demandsOf = cells.Select(c => new[] { -1 }.Concat(Enumerable.Range(0, p.Demands.Count).Where(i => p.Demands[i].Date == c.d)).ToArray()).ToList();
        var options = cells.Select((c, i) => demandsOf[i]
            .Select(k => k < 0 ? null : (RosterAssignment?)new RosterAssignment(c.Id, c.d, p.Demands[k].Post, p.Demands[k].ShiftCode, p.Demands[k].Qualification))
            .ToArray()).ToList();
        long? best = null;
        var pick = new int[cells.Count];
        var taken = new int[cells.Count];
        while (true)
        {
            var roster = pick.Select((k, i) => options[i][k]).OfType<RosterAssignment>().ToList();
            for (var cell = 0; cell < taken.Length; cell++)
            {
                taken[cell] = demandsOf[cell][pick[cell]];
            }

            if (p.Pins.All(roster.Contains) && (keep is null || keep(taken)))
            {
                var check = RosterChecker.Check(p, roster);
                if (check.Hard == 0 && (best is null || (worst ? check.Soft > best : check.Soft < best)))
                {
                    best = check.Soft;
                }
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

    private static long Rosters(RosterProblem p) =>
        (from w in p.Workers from d in p.Horizon select 1L + p.Demands.Count(x => x.Date == d)).Aggregate(1L, (a, b) => a * b);

    [Property]
    public bool The_bound_never_exceeds_the_brute_force_optimum_and_is_null_only_when_no_valid_roster_exists(TinyProblem tiny)
    {
        var (seed, p) = tiny;
        if (Rosters(p) > 50_000)
        {
            return true; // too many to enumerate: the next seed is drawn (about one in ten is skipped)
        }

        var optimum = BruteForceOptimum(p);
        var bound = RosterPlanner.LowerBound(p, 200, upper: optimum);
        var planned = RosterPlanner.Plan(p, new PlannerOptions(seed % 5, iterationLimit: 200)).Match(x => x, n => n.Best);
        return (bound is null ? optimum is null : optimum is null || bound <= optimum)
            && (planned.LowerBound is null ? optimum is null : optimum is null || planned.LowerBound <= optimum);
    }

    [Property(MaxTest = 75)]
    public bool With_every_workers_minutes_and_weekends_priced_the_bound_never_exceeds_the_brute_force_optimum(TinyProblem tiny) =>
        // Tiny problems fit the exact path's budget, so their minute and weekend limits are kept in the path; priced here,
        // the multipliers of those limits (and whatever sets them) are what the brute force checks.
        NeverAboveTheBruteForceOptimum(tiny.Problem, optimum => LagrangianBound.Compute(tiny.Problem.Compiled, optimum, 200, 1, () => false, priceCounters: true));

    [Property(MaxTest = 75)]
    public bool Aimed_above_the_optimum_as_on_community_problems_the_bound_never_exceeds_it(TinyProblem tiny) =>
        // The zero-price ascent of a community-shaped problem aims at GuidedZeroStartTargetScale x the roster's score;
        // every iterate is still a relaxation's value, so the bound stays at or below the optimum, and null only without one.
        NeverAboveTheBruteForceOptimum(tiny.Problem, optimum => LagrangianBound.Compute(tiny.Problem.Compiled, optimum, 200, 1, () => false, guided: true));

    /// <summary>
    /// Whether <paramref name="bound"/> (given the brute-force optimum as the roster's score) is at most that optimum, and
    /// null exactly when no valid roster exists; true without a check when <paramref name="p"/> has too many rosters to
    /// enumerate (the next seed is drawn).
    /// </summary>
    private static bool NeverAboveTheBruteForceOptimum(RosterProblem p, Func<long?, long?> bound)
    {
        if (Rosters(p) > 50_000)
        {
            return true;
        }

        var optimum = BruteForceOptimum(p);
        var b = bound(optimum);
        return b is null ? optimum is null : optimum is null || b <= optimum;
    }

    [Property(MaxTest = 75)]
    public bool A_branch_and_bound_nodes_bound_never_exceeds_the_brute_force_optimum_of_its_restricted_rosters(TinyProblem tiny)
    {
        // A node takes or closes a worker's choice on a date, or caps a demand's count from above or below
        // (BoundBranching); a quarter of the nodes take a choice on every worker and date (everything pinned).
        var (seed, p) = tiny;
        if (Rosters(p) > 50_000)
        {
            return true; // too many to enumerate: the next seed is drawn
        }

        var c = p.Compiled;
        var r = new Random(seed);
        var fix = r.Next(4) == 0 ? PinEverything(c, r) : RandomFixes(c, r);
        var optimum = BruteForceOptimum(p, taken => Keeps(p, fix, taken));
        var node = LagrangianBound.Ascend(BoundBranching.Restrict(c, fix), start: null, optimum, 150, () => false);
        return node is null ? optimum is null : optimum is null || Math.Ceiling(node.Value - 1e-6) <= optimum;
    }

    /// <summary>One to three fixes of any kind, on any choice cell or demand with any count 0-2 (closed choices and impossible counts too).</summary>
    private static BoundBranching.Fix? RandomFixes(CompiledProblem c, Random r)
    {
        BoundBranching.Fix? fix = null;
        for (var n = r.Next(1, 4); n > 0; n--)
        {
            var kind = (BoundBranching.FixKind)r.Next(c.Required.Length == 0 ? 2 : 4);
            if (c.Allowed.Length == 0 && kind is BoundBranching.FixKind.Take or BoundBranching.FixKind.Close)
            {
                continue; // no worker or no date: nothing to take or close
            }

            var index = kind is BoundBranching.FixKind.Take or BoundBranching.FixKind.Close ? r.Next(c.Allowed.Length) : r.Next(c.Required.Length);
            fix = new BoundBranching.Fix(kind, index, r.Next(3), fix);
        }

        return fix;
    }

    /// <summary>Takes a choice on every worker's every date (an allowed one where there is one).</summary>
    private static BoundBranching.Fix? PinEverything(CompiledProblem c, Random r)
    {
        BoundBranching.Fix? fix = null;
        for (var cell = 0; cell < c.WorkerCount * c.Days; cell++)
        {
            var allowed = Enumerable.Range(0, c.Choices).Where(k => c.Allowed[(cell * c.Choices) + k]).ToList();
            var choice = allowed.Count > 0 ? allowed[r.Next(allowed.Count)] : r.Next(c.Choices);
            fix = new BoundBranching.Fix(BoundBranching.FixKind.Take, (cell * c.Choices) + choice, 0, fix);
        }

        return fix;
    }

    /// <summary>Whether a roster (per worker * days + day, the demand taken, -1 off) keeps every fix, written out from the fixes' meaning.</summary>
    private static bool Keeps(RosterProblem p, BoundBranching.Fix? fix, int[] taken)
    {
        var c = p.Compiled;
        for (var f = fix; f is not null; f = f.Parent)
        {
            switch (f.Kind)
            {
                case BoundBranching.FixKind.Take or BoundBranching.FixKind.Close:
                    var cell = f.Index / c.Choices;
                    var choice = f.Index % c.Choices;
                    var demand = taken[cell];
                    var takes = choice == 0 ? demand < 0 : demand >= 0 && c.DemandIndex[c.DaySlot(cell % c.Days, choice - 1)] == demand;
                    if (takes != (f.Kind == BoundBranching.FixKind.Take))
                    {
                        return false;
                    }

                    break;
                default:
                    var target = c.DemandIndex[f.Index];
                    var count = target < 0 ? 0 : taken.Count(d => d == target);
                    if (f.Kind == BoundBranching.FixKind.AtMost ? count > f.Value : count < f.Value)
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool On_lockdown_problems_the_bound_never_exceeds_a_planned_valid_roster_and_null_means_no_valid_roster(LockdownProblem g)
    {
        var result = RosterPlanner.Plan(g.Problem, new PlannerOptions(1, iterationLimit: 300));
        return result.Match(
            valid => valid.LowerBound is { } b && b <= valid.Score.Soft,
            _ => true);
    }

    [Property(MaxTest = 40)]
    public bool On_lockdown_problems_the_bound_aimed_above_the_roster_never_exceeds_it_nor_depends_on_the_threads(LockdownProblem g)
    {
        var p = g.Problem.Compiled;
        var upper = RosterPlanner.Plan(g.Problem, new PlannerOptions(1, iterationLimit: 300)).Match(x => (long?)x.Score.Soft, _ => null);
        var one = LagrangianBound.Compute(p, upper, 120, 1, () => false, guided: true);
        return (upper is null || one is null || one <= upper)
            && LagrangianBound.Compute(p, upper, 120, 2, () => false, guided: true) == one;
    }

    [Property(MaxTest = 40)]
    public bool The_bound_does_not_depend_on_how_many_threads_solve_the_workers_paths(LockdownProblem g)
    {
        // Lanes write only their own workers' entries and the sums run in worker order, so 1, 2 or 3 lanes agree exactly
        // (a sum in the order lanes finish would differ in the last bits and, through the steps, in the bound).
        var p = g.Problem.Compiled;
        var upper = RosterPlanner.Plan(g.Problem, new PlannerOptions(1, iterationLimit: 100)).Match(x => (long?)x.Score.Soft, _ => null);
        var one = LagrangianBound.Compute(p, upper, 120, 1, () => false);
        return LagrangianBound.Compute(p, upper, 120, 2, () => false) == one
            && LagrangianBound.Compute(p, upper, 120, 3, () => false) == one;
    }

    [Fact]
    public void One_volunteer_for_two_duties_on_one_date_gives_a_bound_equal_to_the_optimum()
    {
        // The volunteer covers the gate (missing person costs 10), the testing site stays short (costs 3): optimum 3.
        var date = new LocalDate(2022, 8, 18);
        var shift = new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8));
        var p = RosterProblem.Create(new DateInterval(date, date), [shift],
            [new Demand(new Id<Post>(1), new Id<Compound>(1), date, "D", 1, 10, 0), new Demand(new Id<Post>(2), new Id<Compound>(1), date, "D", 1, 3, 0)],
            [new Worker(new Id<Worker>(1), WorkerKind.ResidentVolunteer, new Id<Compound>(1), [], null, [], [], null)]);
        var roster = RosterPlanner.Plan(p, new PlannerOptions(1, iterationLimit: 100)).AsT0;
        Assert.Equal(3, roster.Score.Soft);
        Assert.Equal(3, roster.LowerBound);
        Assert.Equal(3, RosterPlanner.LowerBound(p, 100));
        Assert.Null(RosterPlanner.Score(p, roster.Assignments).LowerBound);
    }

    [Fact]
    public void A_minimum_more_than_the_eligible_people_can_meet_gives_no_bound()
    {
        var date = new LocalDate(2022, 8, 18);
        var shift = new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8));
        var p = RosterProblem.Create(new DateInterval(date, date), [shift],
            [new Demand(new Id<Post>(1), new Id<Compound>(1), date, "D", 2, 10, 0, minimum: 2)],
            [new Worker(new Id<Worker>(1), WorkerKind.ResidentVolunteer, new Id<Compound>(1), [], null, [], [], null)]);
        Assert.Null(RosterPlanner.LowerBound(p, 50));
        Assert.True(RosterPlanner.Plan(p, new PlannerOptions(1, iterationLimit: 100)).IsT1);
    }

    [Property(MaxTest = 75)] // 150 enumerations took 22 s of a 2-core CI's test time
    public bool No_roster_keeping_every_hard_rule_scores_above_the_limit_that_proves_infeasibility(TinyProblem tiny)
    {
        // LagrangianBound.MostSoft: a bound above it returns null (no valid roster), so it must be at least the worst
        // valid roster's soft score, by enumeration and the checker.
        var p = tiny.Problem;
        if (Rosters(p) > 50_000)
        {
            return true; // too many to enumerate: the next seed is drawn
        }

        return BruteForce(p, keep: null, worst: true) is not { } worst || worst <= LagrangianBound.MostSoft(p.Compiled);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(200)]
    [InlineData(800)]
    public void Three_minimums_one_volunteer_cannot_meet_give_no_bound_however_far_the_prices_climb(int iterations)
    {
        // One volunteer, three 8-hour shifts on one date, each with a minimum of one: no roster keeps every hard rule. The
        // relaxation's prices climb without limit; 50 and 200 iterations once reported 13,384 and 2.6e15 as the bound.
        var date = new LocalDate(2022, 8, 18);
        ShiftDefinition[] shifts = [new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("E", new LocalTime(16, 0), Duration.FromHours(8))];
        var p = RosterProblem.Create(new DateInterval(date, date), shifts,
            shifts.Select(s => new Demand(new Id<Post>(1), new Id<Compound>(1), date, s.Code, 1, minimum: 1)),
            [new Worker(new Id<Worker>(1), WorkerKind.ResidentVolunteer, new Id<Compound>(1), [], null, [], [], null)]);
        Assert.Null(RosterPlanner.LowerBound(p, iterations));
        Assert.True(RosterPlanner.Plan(p, new PlannerOptions(1, iterationLimit: 100)).IsT1);
        // Five iterations have not yet passed the limit (3 x 100 for three people missing): a valid, if empty, bound, not null.
        Assert.True(RosterPlanner.LowerBound(p, 5) <= 300, "five iterations give a number at most the limit, not null");
    }

    [Fact]
    public void The_iteration_count_must_be_positive()
    {
        var date = new LocalDate(2022, 8, 18);
        var p = RosterProblem.Create(new DateInterval(date, date), [new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8))], [], [], null);
        var e = Assert.Throws<ArgumentException>(() => RosterPlanner.LowerBound(p, 0));
        Assert.Equal("iterations", e.ParamName);
    }
}

/// <summary>A tiny roster problem for the lower bound's brute force, with the seed it was drawn from (the planner's seed follows it).</summary>
public sealed record TinyProblem(int Seed, RosterProblem Problem)
{
    /// <summary>A count line, then the problem as <see cref="RosterText"/> lines (<see cref="RosterText.Read"/> rebuilds it).</summary>
    public override string ToString() =>
        $"tiny seed {Seed}: {Problem.Workers.Count} workers, {Problem.Horizon.Length} days, {Problem.Demands.Count} demands\n{RosterText.Write(Problem)}";
}
