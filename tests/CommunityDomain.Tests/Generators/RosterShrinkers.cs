using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Tests.Rostering;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Shrinkers for the roster generators: they never change what a seed generates (FsCheck calls them only after a
/// failure), and each candidate is strictly smaller (fewer workers, demands, wishes, pins, planted duties, dates, shift
/// types or rule limits), so shrinking ends. Issue 17 (v17g): a "two duties" failure used to end on an 11-day horizon,
/// four duties and every worker's rules; the dates, duties and rules now shrink too, down to one or two days, one or
/// two workers and no rule the failure does not need.
/// </summary>
public static class RosterShrinkers
{
    /// <summary>
    /// Smaller planted problems that keep the planted roster breaking no hard rule: a worker leaves with their planted
    /// duties (each demand they covered asks for that many fewer, its minimum and maximum following), unused empty
    /// demands go, then wishes, then pins; then the first or the last date goes with its duties (a worker's minimum
    /// total minutes follows the duties that stay); each worker's rules go back to the defaults (the planted world has
    /// none), or one limit at a time; one planted duty goes (its worker's rules back to the defaults, so no minimum
    /// breaks); an inner date no duty is dated on is closed up (later dates move one earlier); shift types
    /// nothing names go. Each step only loosens what the planted roster must satisfy, except closing up a date, which the
    /// independent <see cref="RosterChecker"/> vets.
    /// </summary>
    public static IEnumerable<PlantedProblem> ShrinkPlanted(PlantedProblem g)
    {
        var p = g.Problem;
        for (var i = p.Workers.Count - 1; i >= 0 && p.Workers.Count > 1; i--)
        {
            yield return WithoutWorker(g, p.Workers[i].Id);
        }

        var used = g.Planted.Select(Key).ToHashSet();
        var unused = p.Demands.Where(d => d.Required == 0 && !used.Contains(Key(d))).ToList();
        if (unused.Count > 0)
        {
            yield return g with { Problem = Rebuild(p, p.Demands.Except(unused), p.Workers, p.Wishes, p.Pins) };
        }

        if (p.Wishes.Count > 0)
        {
            yield return g with { Problem = Rebuild(p, p.Demands, p.Workers, [], p.Pins) };
        }

        if (p.Pins.Count > 0)
        {
            yield return g with { Problem = Rebuild(p, p.Demands, p.Workers, p.Wishes, []) };
        }

        foreach (var date in Ends(p.Horizon))
        {
            yield return WithoutEndDate(g, date);
        }

        foreach (var workers in LooserWorkers(p))
        {
            yield return g with { Problem = Rebuild(p, p.Demands, workers, p.Wishes, p.Pins) };
        }

        for (var i = 0; i < g.Planted.Count; i++)
        {
            yield return WithoutDuty(g, i);
        }

        // An inner date no duty is dated on closes up when the planted roster, moved with it, still breaks no hard rule
        // (the independent RosterChecker says so: a night duty running into the date may now meet the next duty).
        var dated = g.Planted.Select(a => a.Date).ToHashSet();
        foreach (var date in Inner(p.Horizon).Where(d => !dated.Contains(d)))
        {
            var closed = g with { Problem = WithoutInnerDate(p, date), Planted = [.. g.Planted.Select(a => Earlier(a, date))] };
            if (RosterChecker.Check(closed.Problem, closed.Planted).Hard == 0)
            {
                yield return closed;
            }
        }

        if (WithoutUnusedShifts(p) is { } fewerShifts)
        {
            yield return g with { Problem = fewerShifts };
        }
    }

    /// <summary>Smaller lockdown problems of the same shape and seed: <see cref="Smaller"/>'s.</summary>
    public static IEnumerable<LockdownProblem> ShrinkLockdown(LockdownProblem g) => Smaller(g.Problem).Select(p => g with { Problem = p });

    /// <summary>
    /// Smaller problems of any shape (pins and wishes follow the workers, dates and demands that stay): one worker
    /// fewer, half the demands, half the horizon, no wishes, no pins, fewer demands (<see cref="ScriptShrinkers.Fewer"/>:
    /// halves, runs, each one), each demand's numbers plainer; then the first or
    /// the last date, any other date closed up (later dates move one earlier), each worker in turn, each worker's
    /// rules back to the defaults or one limit at a time, the default rules' limits, and shift types nothing names.
    /// Used where the problem need not stay feasible (lockdown problems, the lower bound's tiny problems).
    /// </summary>
    public static IEnumerable<RosterProblem> Smaller(RosterProblem p)
    {
        if (p.Workers.Count > 0)
        {
            yield return Rebuild(p, p.Demands, p.Workers.Take(p.Workers.Count - 1), p.Wishes, p.Pins);
        }

        if (p.Demands.Count > 1)
        {
            yield return Rebuild(p, p.Demands.Take(p.Demands.Count / 2), p.Workers, p.Wishes, p.Pins);
        }

        if (p.Horizon.Length > 1)
        {
            var half = new DateInterval(p.Horizon.Start, p.Horizon.Start.PlusDays((p.Horizon.Length / 2) - 1));
            yield return Rebuild(p, p.Demands.Where(d => half.Contains(d.Date)), p.Workers, p.Wishes, p.Pins, half);
        }

        if (p.Wishes.Count > 0)
        {
            yield return Rebuild(p, p.Demands, p.Workers, [], p.Pins);
        }

        if (p.Pins.Count > 0)
        {
            yield return Rebuild(p, p.Demands, p.Workers, p.Wishes, []);
        }

        foreach (var demands in ScriptShrinkers.Fewer(p.Demands.ToArray()))
        {
            yield return Rebuild(p, demands, p.Workers, p.Wishes, p.Pins);
        }

        for (var i = 0; i < p.Demands.Count; i++)
        {
            foreach (var plain in Plainer(p.Demands[i]))
            {
                yield return Rebuild(p, ScriptShrinkers.Replace(p.Demands.ToArray(), i, plain), p.Workers, p.Wishes, p.Pins);
            }
        }

        foreach (var date in Ends(p.Horizon))
        {
            var within = Without(p.Horizon, date);
            yield return Rebuild(p, p.Demands.Where(d => within.Contains(d.Date)), p.Workers.Select(w => Within(w, within)), p.Wishes, p.Pins, within);
        }

        foreach (var date in Inner(p.Horizon))
        {
            yield return WithoutInnerDate(p, date);
        }

        for (var i = 0; i < p.Workers.Count - 1; i++)
        {
            yield return Rebuild(p, p.Demands, p.Workers.Where((_, k) => k != i), p.Wishes, p.Pins);
        }

        foreach (var workers in LooserWorkers(p))
        {
            yield return Rebuild(p, p.Demands, workers, p.Wishes, p.Pins);
        }

        foreach (var defaults in Limits(p.DefaultRules).Any() ? Looser(p.DefaultRules).Select(r => r ?? WorkRules.None) : [])
        {
            yield return Rebuild(p, p.Demands, p.Workers, p.Wishes, p.Pins, defaults: defaults);
        }

        if (WithoutUnusedShifts(p) is { } fewerShifts)
        {
            yield return fewerShifts;
        }
    }

    /// <summary>
    /// A demand with plainer numbers, same post, date, shift and qualification: the default weights and no minimum or
    /// maximum of its own, then one person required (a demand for 0 goes with <see cref="ScriptShrinkers.Fewer"/>).
    /// </summary>
    private static IEnumerable<Demand> Plainer(Demand d)
    {
        var plain = new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, d.Required, qualification: d.Qualification);
        if (plain.UnderWeight != d.UnderWeight || plain.OverWeight != d.OverWeight || plain.Minimum != d.Minimum || plain.Maximum != d.Maximum)
        {
            yield return plain;
        }

        if (d.Required > 1)
        {
            yield return new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, 1, qualification: d.Qualification);
        }
    }

    /// <summary>How many rule limits the problem sets (each worker's own rules count one, plus each limit set): what rule shrinking lowers.</summary>
    public static int RuleLimits(RosterProblem p) =>
        p.Workers.Sum(w => w.Rules is { } r ? 1 + Limits(r).Count() : 0) + Limits(p.DefaultRules).Count();

    /// <summary>The rules looser: back to the defaults (null), then each limit that is set reset to its default, one at a time.</summary>
    private static IEnumerable<WorkRules?> Looser(WorkRules? r)
    {
        if (r is null)
        {
            yield break;
        }

        yield return null;
        foreach (var limit in Limits(r))
        {
            yield return Reset(r, limit);
        }
    }

    /// <summary>The workers with one worker's rules looser (<see cref="Looser"/>), for each worker in turn.</summary>
    private static IEnumerable<IEnumerable<Worker>> LooserWorkers(RosterProblem p)
    {
        for (var i = 0; i < p.Workers.Count; i++)
        {
            var w = p.Workers[i];
            foreach (var rules in Looser(w.Rules))
            {
                yield return p.Workers.Select((x, k) => k == i ? With(w, rules) : x);
            }
        }
    }

    /// <summary>The limits set in <paramref name="r"/> (0-9, in <see cref="Reset"/>'s numbering).</summary>
    private static IEnumerable<int> Limits(WorkRules r) => Enumerable.Range(0, 10).Where(limit => limit switch
    {
        0 => r.MaxShiftsPerCode.Count > 0,
        1 => r.MinTotalMinutes > 0,
        2 => r.MaxTotalMinutes is not null,
        3 => r.MaxMinutesPerWeek is not null,
        4 => r.MaxConsecutiveDays is not null,
        5 => r.MinConsecutiveDays > 1,
        6 => r.MinConsecutiveDaysOff > 1,
        7 => r.MaxWeekends is not null,
        8 => r.MinRest is not null,
        _ => r.ForbiddenSuccessions.Count > 0,
    });

    /// <summary>The rules with limit <paramref name="limit"/> back to its default (-1: none) and the minimum total at most <paramref name="minTotal"/>.</summary>
    private static WorkRules Reset(WorkRules r, int limit, int minTotal = int.MaxValue) => new(
        maxShiftsPerCode: limit == 0 ? null : r.MaxShiftsPerCode,
        minTotalMinutes: limit == 1 ? 0 : Math.Min(r.MinTotalMinutes, minTotal),
        maxTotalMinutes: limit == 2 ? null : r.MaxTotalMinutes,
        maxMinutesPerWeek: limit == 3 ? null : r.MaxMinutesPerWeek,
        maxConsecutiveDays: limit == 4 ? null : r.MaxConsecutiveDays,
        minConsecutiveDays: limit == 5 ? 1 : r.MinConsecutiveDays,
        minConsecutiveDaysOff: limit == 6 ? 1 : r.MinConsecutiveDaysOff,
        maxWeekends: limit == 7 ? null : r.MaxWeekends,
        minRest: limit == 8 ? null : r.MinRest,
        forbiddenSuccessions: limit == 9 ? null : (IEnumerable<ForbiddenSuccession>)r.ForbiddenSuccessions);

    private static PlantedProblem WithoutWorker(PlantedProblem g, Id<Worker> worker)
    {
        var p = g.Problem;
        var gone = g.Planted.Where(a => a.Worker == worker).GroupBy(Key).ToDictionary(x => x.Key, x => x.Count());
        var demands = p.Demands.Select(d => gone.TryGetValue(Key(d), out var n) ? Less(d, n) : d);
        return new PlantedProblem(
            g.Seed,
            Rebuild(p, demands, p.Workers.Where(w => w.Id != worker), p.Wishes.Where(w => w.Worker != worker), p.Pins.Where(a => a.Worker != worker)),
            [.. g.Planted.Where(a => a.Worker != worker)]);
    }

    /// <summary>Without planted duty <paramref name="i"/>: its demand asks for one fewer, its worker's rules go back to the defaults, a pin on it goes.</summary>
    private static PlantedProblem WithoutDuty(PlantedProblem g, int i)
    {
        var p = g.Problem;
        var duty = g.Planted[i];
        var demands = p.Demands.Select(d => Key(d) == Key(duty) ? Less(d, 1) : d);
        var workers = p.Workers.Select(w => w.Id == duty.Worker ? With(w, null) : w);
        return new PlantedProblem(g.Seed, Rebuild(p, demands, workers, p.Wishes, p.Pins.Where(a => a != duty)), [.. g.Planted.Where((_, k) => k != i)]);
    }

    /// <summary>Without the first or last date and its demands and duties; each worker's minimum total follows their duties that stay.</summary>
    private static PlantedProblem WithoutEndDate(PlantedProblem g, LocalDate date)
    {
        var p = g.Problem;
        var within = Without(p.Horizon, date);
        var planted = g.Planted.Where(a => within.Contains(a.Date)).ToList();
        var minutes = p.Shifts.ToDictionary(s => s.Code, s => s.Minutes, StringComparer.Ordinal);
        var workers = p.Workers.Select(w => Within(w, within, w.Rules is { } r ? Reset(r, -1, planted.Where(a => a.Worker == w.Id).Sum(a => minutes[a.ShiftCode])) : null));
        return new PlantedProblem(g.Seed, Rebuild(p, p.Demands.Where(d => within.Contains(d.Date)), workers, p.Wishes, p.Pins, within), planted);
    }

    /// <summary>
    /// Without an inner date: its demands, wishes, pins and day off go, and everything later moves one day earlier (the
    /// horizon one day shorter); an availability window loses the part on that date (<see cref="Earlier(LocalDateTime, LocalDate)"/>).
    /// </summary>
    private static RosterProblem WithoutInnerDate(RosterProblem p, LocalDate date)
    {
        var within = new DateInterval(p.Horizon.Start, p.Horizon.End.PlusDays(-1));
        var workers = p.Workers.Select(w => new Worker(
            w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo,
            w.Availability.Where(a => Earlier(a.End, date) > Earlier(a.Start, date)).Select(a => new AvailabilityWindow(Earlier(a.Start, date), Earlier(a.End, date))),
            w.UnavailableDates.Where(d => d != date).Select(d => Earlier(d, date)),
            w.Rules, w.DisplayName, w.Resident, w.ConfinedFrom is { } from ? Earlier(from, date) : null));
        var demands = p.Demands.Where(d => d.Date != date).Select(d => new Demand(d.Post, d.Compound, Earlier(d.Date, date), d.ShiftCode, d.Required, d.UnderWeight,
            d.OverWeight, d.Minimum, d.Qualification, d.Maximum));
        var wishes = p.Wishes.Where(w => w.Date != date).Select(w => new ShiftWish(w.Worker, Earlier(w.Date, date), w.ShiftCode, w.Kind, w.Weight));
        var pins = p.Pins.Where(a => a.Date != date).Select(a => Earlier(a, date));
        return Rebuild(p, demands, workers, wishes, pins, within);
    }

    private static LocalDate Earlier(LocalDate d, LocalDate gone) => d > gone ? d.PlusDays(-1) : d;

    private static RosterAssignment Earlier(RosterAssignment a, LocalDate gone) =>
        a.Date > gone ? new RosterAssignment(a.Worker, a.Date.PlusDays(-1), a.Post, a.ShiftCode, a.Qualification) : a;

    /// <summary>A moment with <paramref name="gone"/> cut out of time: before it as it was, within it at its start, after it a day earlier.</summary>
    private static LocalDateTime Earlier(LocalDateTime t, LocalDate gone) =>
        t < gone.AtMidnight() ? t : t < gone.PlusDays(1).AtMidnight() ? gone.AtMidnight() : t.PlusDays(-1);

    /// <summary>The first and the last date, when there are two or more.</summary>
    private static IEnumerable<LocalDate> Ends(DateInterval h) => h.Length > 1 ? [h.End, h.Start] : [];

    /// <summary>The dates between the first and the last.</summary>
    private static IEnumerable<LocalDate> Inner(DateInterval h) => h.Length > 2 ? h.Skip(1).Take(h.Length - 2) : [];

    private static DateInterval Without(DateInterval h, LocalDate end) => end == h.End ? new(h.Start, h.End.PlusDays(-1)) : new(h.Start.PlusDays(1), h.End);

    /// <summary>The worker with only the days off inside <paramref name="within"/> (and <paramref name="rules"/> when given).</summary>
    private static Worker Within(Worker w, DateInterval within, WorkRules? rules = null) =>
        new(w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo, w.Availability, w.UnavailableDates.Where(within.Contains), rules ?? w.Rules, w.DisplayName, w.Resident, w.ConfinedFrom);

    private static Worker With(Worker w, WorkRules? rules) =>
        new(w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo, w.Availability, w.UnavailableDates, rules, w.DisplayName, w.Resident, w.ConfinedFrom);

    /// <summary>The problem without the shift types no demand, wish, pin or rule names, or null when every type is named.</summary>
    private static RosterProblem? WithoutUnusedShifts(RosterProblem p)
    {
        var named = p.Demands.Select(d => d.ShiftCode).Concat(p.Wishes.Select(w => w.ShiftCode))
            .Concat(p.Workers.Select(w => w.Rules).Append(p.DefaultRules).OfType<WorkRules>()
                .SelectMany(r => r.MaxShiftsPerCode.Keys.Concat(r.ForbiddenSuccessions.SelectMany(f => new[] { f.First, f.Next }))))
            .ToHashSet(StringComparer.Ordinal);
        return p.Shifts.Count(s => named.Contains(s.Code)) is var kept && kept < p.Shifts.Count && kept > 0
            ? Rebuild(p, p.Demands, p.Workers, p.Wishes, p.Pins, shifts: p.Shifts.Where(s => named.Contains(s.Code)))
            : null;
    }

    private static Demand Less(Demand d, int n) =>
        new(d.Post, d.Compound, d.Date, d.ShiftCode, d.Required - n, d.UnderWeight, d.OverWeight,
            minimum: d.Minimum is { } min ? Math.Min(min, d.Required - n) : null,
            qualification: d.Qualification,
            maximum: d.Maximum is { } max ? max - n : null);

    private static (Id<Post>, LocalDate, string, string?) Key(Demand d) => (d.Post, d.Date, d.ShiftCode, d.Qualification);

    private static (Id<Post>, LocalDate, string, string?) Key(RosterAssignment a) => (a.Post, a.Date, a.ShiftCode, a.Qualification);

    /// <summary>The problem with these items; wishes and pins of workers, dates or demands that are gone go too.</summary>
    private static RosterProblem Rebuild(
        RosterProblem p, IEnumerable<Demand> demands, IEnumerable<Worker> workers, IEnumerable<ShiftWish> wishes, IEnumerable<RosterAssignment> pins,
        DateInterval? horizon = null, WorkRules? defaults = null, IEnumerable<ShiftDefinition>? shifts = null)
    {
        var kept = demands.ToList();
        var people = workers.ToList();
        var keys = kept.Select(Key).ToHashSet();
        var ids = people.Select(w => w.Id).ToHashSet();
        var within = horizon ?? p.Horizon;
        return RosterProblem.Create(within, shifts ?? p.Shifts, kept, people, defaults ?? p.DefaultRules,
            wishes: wishes.Where(w => ids.Contains(w.Worker) && within.Contains(w.Date)),
            pins: pins.Where(a => ids.Contains(a.Worker) && keys.Contains(Key(a))),
            weights: p.Weights,
            zone: p.Zone);
    }
}
