using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Tests.Generators;

/// <summary>The shape of a generated lockdown problem (what the generator aimed at), for readable counterexamples.</summary>
public enum LockdownShape
{
    Understaffed,
    OverDemanded,
    NoWorkers,
    EverythingPinned,
    PinsThatBreakRules,
    DayLongShifts,
    ManyShiftTypes,
    LongHorizon,
    Mixed,
    ClockChange,
}

/// <summary>A generated problem that need not have any feasible roster.</summary>
public sealed record LockdownProblem(int Seed, LockdownShape Shape, RosterProblem Problem)
{
    /// <summary>A count line, then the problem as <see cref="RosterText"/> lines (rebuilt by <see cref="RosterCase.Parse"/>).</summary>
    public override string ToString() =>
        $"lockdown {Shape} seed {Seed}: {Problem.Workers.Count} workers, {Problem.Horizon.Length} days, {Problem.Shifts.Count} shifts, {Problem.Demands.Count} demands, {Problem.Pins.Count} pins\n{RosterText.Write(Problem)}";
}

/// <summary>
/// Rostering problems as lockdowns bring them, not planted around a solution: fewer volunteers than
/// duties, hard minimums nobody can meet, no workers at all, everything pinned, pins that break rules,
/// 24-hour duties and nights into the next date, 40+ shift types, a year's horizon, a few dates around a
/// daylight-saving change in a zone that has one (nights and windows across it); random unavailable
/// dates, availability windows across midnight, confinement, tight rules. Every problem is one that
/// <see cref="RosterProblem.Create"/> accepts. Shrinks by <see cref="RosterShrinkers.ShrinkLockdown"/> towards
/// fewer workers, demands, dates, wishes and pins (the shape and seed are kept).
/// </summary>
public static class LockdownRosterGenerators
{
    private static readonly string[] Quals = ["scanner", "marshal", "driver"];

    public static Arbitrary<LockdownProblem> Lockdown() =>
        Arb.From(
            Gen.Choose(0, Enum.GetValues<LockdownShape>().Length - 1).SelectMany(shape => Gen.Choose(0, int.MaxValue - 1).Select(seed => Create(seed, (LockdownShape)shape))),
            RosterShrinkers.ShrinkLockdown);

    /// <summary>
    /// The roster a coordinator would have published for <paramref name="g"/>: the planner's best after a
    /// few hundred moves, a roster that may break rules (most lockdown problems have no valid one).
    /// </summary>
    public static IReadOnlyList<RosterAssignment> Published(LockdownProblem g) =>
        RosterPlanner.Plan(g.Problem, new PlannerOptions(g.Seed % 7, iterationLimit: 300)).Match(r => r.Assignments, n => n.Best.Assignments);

    public static LockdownProblem Create(int seed, LockdownShape shape)
    {
        var r = new Random(seed);
        var start = new LocalDate(2022, 8, 15).PlusDays(r.Next(7));
        var zone = DateTimeZone.Utc;
        if (shape == LockdownShape.ClockChange)
        {
            (zone, start) = NearClockChange(r);
        }

        var days = shape switch
        {
            LockdownShape.ClockChange => r.Next(2, 9),
            LockdownShape.LongHorizon => r.Next(2) == 0 ? 365 : r.Next(60, 120),
            LockdownShape.ManyShiftTypes => r.Next(3, 10),
            _ => r.Next(1, 16),
        };
        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        var compounds = Enumerable.Range(1, r.Next(1, 4)).Select(i => new Id<Compound>(i)).ToList();
        var posts = Enumerable.Range(1, shape == LockdownShape.ManyShiftTypes ? r.Next(4, 9) : r.Next(1, 4))
            .Select(i => (Post: new Id<Post>(i), Compound: compounds[r.Next(compounds.Count)])).ToList();

        var shiftCount = shape == LockdownShape.ManyShiftTypes ? r.Next(40, 46) : r.Next(1, 5);
        var shifts = Enumerable.Range(0, shiftCount).Select(i =>
        {
            // Around a clock change, most duties start in the night: across it, inside its gap or in its repeated hour.
            var hour = shape == LockdownShape.ClockChange && r.Next(3) > 0 ? (r.Next(8) + 19) % 24 : r.Next(24);
            var startTime = new LocalTime(hour, r.Next(4) * 15);
            var hours = shape == LockdownShape.DayLongShifts || r.Next(6) == 0 ? 24 : r.Next(1, 13);
            return new ShiftDefinition("S" + i, startTime, Duration.FromMinutes((hours * 60) - (hours == 24 ? 0 : r.Next(2) * 30)));
        }).ToList();

        var workerCount = shape switch
        {
            LockdownShape.NoWorkers => 0,
            LockdownShape.Understaffed => r.Next(1, 4),
            LockdownShape.LongHorizon => r.Next(1, 5),
            _ => r.Next(1, 12),
        };

        // Demands: in a long horizon or with many types, only some post-shift-date triples.
        var demands = new List<Demand>();
        var density = shape is LockdownShape.LongHorizon or LockdownShape.ManyShiftTypes ? 0.15 : 0.6;
        foreach (var date in horizon)
        {
            foreach (var (post, compound) in posts)
            {
                foreach (var shift in shifts)
                {
                    if (r.NextDouble() > density)
                    {
                        continue;
                    }

                    var required = shape == LockdownShape.OverDemanded ? r.Next(2, 8) : r.Next(0, 3);
                    int? minimum = r.Next(3) == 0 ? null : r.Next(0, required + 1);
                    int? maximum = r.Next(3) == 0 ? required + r.Next(0, 3) : null;
                    var qual = r.Next(4) == 0 ? Quals[r.Next(Quals.Length)] : null;
                    demands.Add(new Demand(post, compound, date, shift.Code, required, r.Next(0, 200), r.Next(0, 5), minimum, qual, maximum));
                }
            }
        }

        var workers = new List<Worker>();
        for (var w = 1; w <= workerCount; w++)
        {
            var home = compounds[r.Next(compounds.Count)];
            Id<Compound>? confined = r.Next(4) == 0 ? compounds[r.Next(compounds.Count)] : null;
            var quals = Quals.Where(_ => r.Next(2) == 0).ToList();
            var unavailable = horizon.Where(_ => r.Next(6) == 0).ToList();
            var windows = new List<AvailabilityWindow>();
            for (var i = r.Next(0, 3); i > 0; i--)
            {
                var from = horizon.Start.PlusDays(r.Next(days)).At(new LocalTime(r.Next(24), shape == LockdownShape.ClockChange ? r.Next(4) * 15 : 0));
                windows.Add(new AvailabilityWindow(from, from.PlusHours(r.Next(1, 30))));
            }

            WorkRules? rules = r.Next(3) == 0 ? null : Rules(r, shifts, days);
            workers.Add(new Worker(new Id<Worker>(w), (WorkerKind)r.Next(5), home, quals, confined, windows, unavailable, rules));
        }

        // Pins: any worker on any demand, one per worker-date, whatever rule it breaks.
        var pins = new List<RosterAssignment>();
        var pinShare = shape switch
        {
            LockdownShape.EverythingPinned => 1.0,
            LockdownShape.PinsThatBreakRules => 0.3,
            _ => 0.03,
        };
        if (workers.Count > 0)
        {
            var taken = new HashSet<(Id<Worker>, LocalDate)>();
            foreach (var d in demands)
            {
                for (var k = 0; k < Math.Max(1, d.Required) && r.NextDouble() < pinShare; k++)
                {
                    var w = workers[r.Next(workers.Count)].Id;
                    if (taken.Add((w, d.Date)))
                    {
                        pins.Add(new RosterAssignment(w, d.Date, d.Post, d.ShiftCode, d.Qualification));
                    }
                }
            }
        }

        var wishes = new List<ShiftWish>();
        for (var i = workers.Count == 0 ? 0 : r.Next(0, 10); i > 0; i--)
        {
            wishes.Add(new ShiftWish(workers[r.Next(workers.Count)].Id, horizon.Start.PlusDays(r.Next(days)), shifts[r.Next(shifts.Count)].Code,
                r.Next(2) == 0 ? WishKind.ShiftOn : WishKind.ShiftOff, r.Next(1, 5)));
        }

        var problem = RosterProblem.Create(horizon, shifts, demands, workers, defaultRules: r.Next(2) == 0 ? Rules(r, shifts, days) : null,
            wishes: wishes, pins: pins, weights: new PreferenceWeights(r.Next(0, 3), r.Next(0, 3)), zone: zone);
        return new LockdownProblem(seed, shape, problem);
    }

    /// <summary>
    /// A zone with daylight-saving changes (an hour forward or back; Lord Howe's half hour) and a date up to three days
    /// before one of its 2022 changes, so the horizon spans it.
    /// </summary>
    internal static (DateTimeZone Zone, LocalDate Start) NearClockChange(Random r)
    {
        string[] zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran"];
        var zone = DateTimeZoneProviders.Tzdb[zones[r.Next(zones.Length)]];
        var year = new NodaTime.Interval(Instant.FromUtc(2022, 1, 1, 0, 0), Instant.FromUtc(2023, 1, 1, 0, 0));
        var changes = zone.GetZoneIntervals(year).Skip(1).Select(i => i.Start).ToList();
        var change = changes[r.Next(changes.Count)];
        return (zone, change.InZone(zone).Date.PlusDays(-r.Next(4)));
    }

    /// <summary>Random work rules of every kind, tight or loose, for <paramref name="days"/> dates.</summary>
    public static WorkRules Rules(Random r, List<ShiftDefinition> shifts, int days)
    {
        var maxC = r.Next(3) == 0 ? (int?)r.Next(1, 7) : null;
        var minC = maxC is { } m ? r.Next(1, m + 1) : r.Next(1, 3);
        var maxTotal = r.Next(3) == 0 ? (int?)r.Next(0, days * 600) : null;
        return new WorkRules(
            maxShiftsPerCode: shifts.Where(_ => r.Next(4) == 0).ToDictionary(s => s.Code, _ => r.Next(0, 4)),
            minTotalMinutes: maxTotal is { } mt ? r.Next(0, mt + 1) : r.Next(0, 3) * 480,
            maxTotalMinutes: maxTotal,
            maxMinutesPerWeek: r.Next(3) == 0 ? r.Next(0, 3000) : null,
            maxConsecutiveDays: maxC,
            minConsecutiveDays: minC,
            minConsecutiveDaysOff: r.Next(1, 4),
            maxWeekends: r.Next(3) == 0 ? r.Next(0, 3) : null,
            minRest: r.Next(2) == 0 ? Duration.FromHours(r.Next(0, 25)) : null,
            forbiddenSuccessions: shifts.SelectMany(a => shifts.Select(b => new ForbiddenSuccession(a.Code, b.Code))).Where(_ => r.Next(8) == 0).Take(200).ToList());
    }
}

/// <summary>The arbitraries of the lockdown-shaped roster properties.</summary>
public static class LockdownArbitraries
{
    public static Arbitrary<LockdownProblem> Lockdown() => LockdownRosterGenerators.Lockdown();
}
