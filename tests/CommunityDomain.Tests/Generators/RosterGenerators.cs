using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Tests.Generators;

/// <summary>A generated problem and the feasible roster it was planted around.</summary>
public sealed record PlantedProblem(int Seed, RosterProblem Problem, IReadOnlyList<RosterAssignment> Planted)
{
    /// <summary>A count line, then the problem and the planted roster as <see cref="RosterText"/> lines (rebuilt by <see cref="RosterCase.Parse"/>).</summary>
    public override string ToString() =>
        $"planted seed {Seed}: {Problem.Workers.Count} workers, {Problem.Horizon.Length} days, {Problem.Demands.Count} demands, {Planted.Count} planted\n{RosterText.Write(Problem, Planted)}";
}

/// <summary>
/// Small rostering problems generated around a planted roster: demands equal the planted counts, every
/// worker's rules are derived from their planted schedule (minutes within a few hours of the bounds,
/// run lengths, weekends, shift maxima, rest), so the planted roster breaks no hard rule.
/// </summary>
public static class RosterGenerators
{
    private static readonly string[] Quals = ["scanner", "marshal"];

    public static Arbitrary<PlantedProblem> Planted() =>
        Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(Create), RosterShrinkers.ShrinkPlanted);

    public static PlantedProblem Create(int seed)
    {
        var r = new Random(seed);
        var start = new LocalDate(2024, 1, 1).PlusDays(r.Next(7));
        var days = r.Next(5, 13);
        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        var compounds = Enumerable.Range(1, r.Next(1, 4)).Select(i => new Id<Compound>(i)).ToList();
        var posts = Enumerable.Range(1, r.Next(1, 4)).Select(i => (Post: new Id<Post>(i), Compound: compounds[r.Next(compounds.Count)])).ToList();
        var starts = new[] { new LocalTime(5, 0), new LocalTime(8, 0), new LocalTime(14, 0), new LocalTime(22, 0) };
        var shifts = Enumerable.Range(0, r.Next(1, 4))
            .Select(i => new ShiftDefinition("S" + i, starts[r.Next(starts.Length)], Duration.FromMinutes(60 * r.Next(4, 11))))
            .ToList();
        var workerCount = r.Next(2, 8);

        var specs = new List<(Id<Worker> Id, WorkerKind Kind, Id<Compound> Home, string[] Quals, Id<Compound>? Confined)>();
        for (var w = 1; w <= workerCount; w++)
        {
            var quals = Quals.Where(_ => r.Next(2) == 0).ToArray();
            var home = compounds[r.Next(compounds.Count)];
            Id<Compound>? confined = r.Next(5) == 0 ? home : null;
            specs.Add((new Id<Worker>(w), (WorkerKind)r.Next(5), home, quals, confined));
        }

        // Plant a roster.
        var planted = new List<RosterAssignment>();
        var byWorker = new Dictionary<Id<Worker>, Dictionary<LocalDate, RosterAssignment>>();
        foreach (var spec in specs)
        {
            var mine = new Dictionary<LocalDate, RosterAssignment>();
            byWorker[spec.Id] = mine;
            var options = posts.Where(p => spec.Confined is null || p.Compound == spec.Confined).ToList();
            for (var d = 0; d < days; d++)
            {
                var date = start.PlusDays(d);
                if (options.Count == 0 || r.Next(100) < 45)
                {
                    continue;
                }

                var post = options[r.Next(options.Count)];
                var shift = shifts[r.Next(shifts.Count)];
                if (mine.TryGetValue(date.PlusDays(-1), out var prev) && Gap(shifts, prev.ShiftCode, shift.Code) < 0)
                {
                    continue;
                }

                string? qual = spec.Quals.Length > 0 && r.Next(2) == 0 ? spec.Quals[r.Next(spec.Quals.Length)] : null;
                var a = new RosterAssignment(spec.Id, date, post.Post, shift.Code, qual);
                mine[date] = a;
                planted.Add(a);
            }
        }

        // Demands: planted counts, plus a few empty ones.
        var demands = new List<Demand>();
        foreach (var g in planted.GroupBy(a => (a.Post, a.Date, a.ShiftCode, a.Qualification)))
        {
            var compound = posts.First(p => p.Post == g.Key.Post).Compound;
            var count = g.Count();
            // A third of the demands take one person more than planted (at the over weight): the rest are
            // exact, where nobody may be added.
            demands.Add(new Demand(g.Key.Post, compound, g.Key.Date, g.Key.ShiftCode, count, 100, r.Next(0, 4),
                minimum: r.Next(4) == 0 ? r.Next(0, count + 1) : null, qualification: g.Key.Qualification,
                maximum: r.Next(3) == 0 ? count + 1 : null));
        }

        var keys = demands.Select(d => (d.Post, d.Date, d.ShiftCode, d.Qualification)).ToHashSet();
        for (var i = 0; i < 4; i++)
        {
            var post = posts[r.Next(posts.Count)];
            var key = (post.Post, start.PlusDays(r.Next(days)), shifts[r.Next(shifts.Count)].Code, (string?)null);
            if (keys.Add(key))
            {
                demands.Add(new Demand(key.Item1, post.Compound, key.Item2, key.Item3, 0, 100, 1));
            }
        }

        // Rules derived from each planted schedule, so the planted roster satisfies them.
        var workers = new List<Worker>();
        foreach (var spec in specs)
        {
            var mine = byWorker[spec.Id];
            var minutes = mine.Values.Sum(a => Minutes(shifts, a.ShiftCode));
            var runs = Runs(mine, start, days);
            var innerWork = runs.Where(x => x.Working && x.Inner).Select(x => x.Length).DefaultIfEmpty(days).Min();
            var innerOff = runs.Where(x => !x.Working && x.Inner).Select(x => x.Length).DefaultIfEmpty(days).Min();
            var maxRun = runs.Where(x => x.Working).Select(x => x.Length).DefaultIfEmpty(0).Max();
            var weekends = mine.Keys.Where(d => d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                .Select(d => d.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))).Distinct().Count();
            var week = mine.Values.GroupBy(a => a.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)))
                .Select(g => g.Sum(a => Minutes(shifts, a.ShiftCode))).DefaultIfEmpty(0).Max();
            // Rest binds between a duty and the worker's next duty however far (rules are about instants).
            var ordered = mine.Values.OrderBy(a => a.Date).ToList();
            var gaps = ordered.Zip(ordered.Skip(1), (a, b) => RealGap(shifts, a, b)).DefaultIfEmpty(24 * 60).Min();
            var used = mine.Values.Select(a => a.ShiftCode).ToHashSet();
            var forbidden = shifts.SelectMany(a => shifts.Select(b => new ForbiddenSuccession(a.Code, b.Code)))
                .Where(f => !mine.Values.Any(a => a.ShiftCode == f.First && mine.TryGetValue(a.Date.PlusDays(1), out var n) && n.ShiftCode == f.Next))
                .Where(_ => r.Next(3) == 0)
                .ToList();
            var rules = new WorkRules(
                maxShiftsPerCode: shifts.ToDictionary(s => s.Code, s => mine.Values.Count(a => a.ShiftCode == s.Code) + (used.Contains(s.Code) ? r.Next(0, 2) : 0)),
                minTotalMinutes: Math.Max(0, minutes - r.Next(0, 300)),
                maxTotalMinutes: minutes + r.Next(0, 300),
                maxMinutesPerWeek: r.Next(2) == 0 ? week + r.Next(0, 600) : null,
                maxConsecutiveDays: Math.Max(1, maxRun + r.Next(0, 2)),
                minConsecutiveDays: Math.Min(Math.Max(1, maxRun), Math.Max(1, r.Next(2) == 0 ? innerWork : 1)),
                minConsecutiveDaysOff: Math.Max(1, r.Next(2) == 0 ? innerOff : 1),
                maxWeekends: weekends + r.Next(0, 2),
                minRest: r.Next(2) == 0 ? Duration.FromMinutes(Math.Min(gaps, 24 * 60) * r.Next(0, 2)) : null,
                forbiddenSuccessions: forbidden);

            // Unavailable dates and availability windows on days the planted schedule allows.
            // Only dates no planted duty touches (a night shift runs into the next date).
            var touched = mine.Values.SelectMany(a => Touched(shifts, a)).ToHashSet();
            var offDays = Enumerable.Range(0, days).Select(d => start.PlusDays(d)).Where(d => !touched.Contains(d)).Where(_ => r.Next(3) == 0);
            var spilledInto = mine.Values.Where(a => Touched(shifts, a).Count > 1).Select(a => a.Date.PlusDays(1)).ToHashSet();
            var windows = mine.Values.Where(a => !spilledInto.Contains(a.Date) && r.Next(4) == 0).Select(a =>
            {
                var s = shifts.First(x => x.Code == a.ShiftCode);
                var from = a.Date.At(s.Start).PlusHours(-r.Next(0, 2));
                return new AvailabilityWindow(from, a.Date.At(s.Start).PlusMinutes(Minutes(shifts, s.Code) + (60 * r.Next(0, 3))));
            });
            workers.Add(new Worker(spec.Id, spec.Kind, spec.Home, spec.Quals, spec.Confined, windows, offDays, rules));
        }

        var wishes = new List<ShiftWish>();
        for (var i = 0; i < r.Next(0, 8); i++)
        {
            wishes.Add(new ShiftWish(specs[r.Next(specs.Count)].Id, start.PlusDays(r.Next(days)), shifts[r.Next(shifts.Count)].Code,
                r.Next(2) == 0 ? WishKind.ShiftOn : WishKind.ShiftOff, r.Next(1, 4)));
        }

        var pins = planted.Where(_ => r.Next(8) == 0).ToList();
        var problem = RosterProblem.Create(horizon, shifts, demands, workers, wishes: wishes, pins: pins,
            weights: new PreferenceWeights(r.Next(0, 3), r.Next(0, 3)));
        return new PlantedProblem(seed, problem, planted);
    }

    private static int Minutes(List<ShiftDefinition> shifts, string code) => shifts.First(s => s.Code == code).Minutes;

    private static int RealGap(List<ShiftDefinition> shifts, RosterAssignment a, RosterAssignment b)
    {
        var sa = shifts.First(s => s.Code == a.ShiftCode);
        var sb = shifts.First(s => s.Code == b.ShiftCode);
        var end = a.Date.At(sa.Start).PlusMinutes(sa.Minutes);
        return (int)Math.Min(24 * 60, Period.Between(end, b.Date.At(sb.Start), PeriodUnits.Minutes).Minutes);
    }

    private static List<LocalDate> Touched(List<ShiftDefinition> shifts, RosterAssignment a)
    {
        var s = shifts.First(x => x.Code == a.ShiftCode);
        var end = a.Date.At(s.Start).PlusMinutes(s.Minutes);
        var dates = new List<LocalDate>();
        for (var d = a.Date; d.AtMidnight() < end; d = d.PlusDays(1))
        {
            dates.Add(d);
        }

        return dates;
    }

    private static int Gap(List<ShiftDefinition> shifts, string first, string next)
    {
        var a = shifts.First(s => s.Code == first);
        var b = shifts.First(s => s.Code == next);
        return (24 * 60) + (b.Start.Hour * 60) + b.Start.Minute - (a.Start.Hour * 60) - a.Start.Minute - a.Minutes;
    }

    private static List<(bool Working, int Length, bool Inner)> Runs(Dictionary<LocalDate, RosterAssignment> mine, LocalDate start, int days)
    {
        var runs = new List<(bool, int, bool)>();
        var i = 0;
        while (i < days)
        {
            var working = mine.ContainsKey(start.PlusDays(i));
            var j = i;
            while (j < days && mine.ContainsKey(start.PlusDays(j)) == working)
            {
                j++;
            }

            runs.Add((working, j - i, i > 0 && j < days));
            i = j;
        }

        return runs;
    }
}

/// <summary>The arbitraries the rostering properties use.</summary>
public static class RosterArbitraries
{
    public static Arbitrary<PlantedProblem> Planted() => RosterGenerators.Planted();
}
