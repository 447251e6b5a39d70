using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Rostering;

[Properties(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 40)]
public sealed class RepairProperties
{
    private const long Moves = 300;

    private static (RosterChange Change, LocalDate Now) ChangeOf(PlantedProblem g, int pick)
    {
        var r = new Random(pick);
        var p = g.Problem;
        var now = p.Horizon.Start.PlusDays(r.Next(p.Horizon.Length));
        var later = now.PlusDays(r.Next(Period.DaysBetween(now, p.Horizon.End) + 1));
        var worker = p.Workers[r.Next(p.Workers.Count)].Id;
        var demand = p.Demands.Where(d => d.Date >= now).DefaultIfEmpty(p.Demands[0]).ElementAt(0);
        RosterChange change = r.Next(5) switch
        {
            0 => new WorkerUnavailable(worker, later),
            1 => new WorkerConfined(worker, p.Demands[r.Next(p.Demands.Count)].Compound),
            2 => new DemandRaised(demand.Post, demand.Date, demand.ShiftCode, demand.Required + 1 + r.Next(2), demand.Qualification),
            3 => new PostClosed(p.Demands[r.Next(p.Demands.Count)].Post, later),
            _ => new IncidentRaisesDemand(
                demand.Post,
                new Interval(Instant.FromUtc(now.Year, now.Month, now.Day, r.Next(24), 0), r.Next(3) == 0 ? null : Instant.FromUtc(later.Year, later.Month, later.Day, 23, 0)),
                1 + r.Next(2),
                DateTimeZone.Utc,
                demand.Qualification),
        };
        return (change, change is DemandRaised ? demand.Date : now);
    }

    [Property]
    public bool Repair_with_no_change_returns_the_roster_unchanged(PlantedProblem g)
    {
        var result = RosterRepair.Repair(g.Problem, g.Planted, null, new RepairOptions(0, iterationLimit: Moves));
        return result.Changes == 0 && result.Notices.Count == 0 && result.Roster.Assignments.ToHashSet().SetEquals(g.Planted);
    }

    [Property]
    public bool Repair_never_touches_the_past_or_pins_and_leaves_no_more_hard_violations_than_the_fewest_changes_roster(PlantedProblem g, NonNegativeInt pick)
    {
        var (change, now) = ChangeOf(g, pick.Get);
        var result = RosterRepair.Repair(g.Problem, g.Planted, change, new RepairOptions(pick.Get % 100, now, iterationLimit: Moves));
        var after = result.Roster.Assignments.ToHashSet();
        var keys = result.Problem.Demands.Select(d => (d.Post, d.Date, d.ShiftCode, d.Qualification)).ToHashSet();
        var fewest = g.Planted.Where(a => keys.Contains((a.Post, a.Date, a.ShiftCode, a.Qualification))).ToList();
        var check = RosterChecker.Check(result.Problem, result.Roster.Assignments);
        return after.Where(a => a.Date < now).ToHashSet().SetEquals(g.Planted.Where(a => a.Date < now))
            && result.Problem.Pins.All(after.Contains)
            && check.Hard == result.Roster.Score.Hard
            && check.Hard <= RosterChecker.Check(result.Problem, fewest).Hard
            && result.Notices.Sum(n => n.Added.Count + n.Removed.Count) == result.Changes;
    }

    [Property]
    public bool Repair_never_leaves_more_hard_violations_than_the_planner_on_the_changed_problem_with_the_past_frozen(PlantedProblem g, NonNegativeInt pick)
    {
        var (change, now) = ChangeOf(g, pick.Get);
        var seed = pick.Get % 7;
        var result = RosterRepair.Repair(g.Problem, g.Planted, change, new RepairOptions(pick.Get % 100, now, seed, Moves));

        // The reference, built here from the documented definition: the changed problem with every published
        // duty before `now` pinned and nobody else available on those dates (a duty's own dates stay free),
        // planned with the same seed and moves.
        var changed = result.Problem;
        var past = g.Planted.Where(a => a.Date < now).ToList();
        var pinned = changed.Pins.Select(p => (p.Worker, p.Date)).ToHashSet();
        // A duty keeps free every date its interval touches (a night runs into the next date).
        var shifts = changed.Shifts.ToDictionary(s => s.Code);
        var busy = past.Concat(changed.Pins)
            .SelectMany(a => new[] { a.Date, a.Date.PlusDays(1) }
                .Where(d => d.AtMidnight() < a.Date.At(shifts[a.ShiftCode].Start).PlusMinutes(shifts[a.ShiftCode].Minutes))
                .Select(d => (a.Worker, d)))
            .ToHashSet();
        var pastDates = changed.Horizon.Where(d => d < now).ToList();
        var frozen = RosterProblem.Create(
            changed.Horizon,
            changed.Shifts,
            changed.Demands,
            changed.Workers.Select(w => new Worker(w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo, w.Availability,
                w.UnavailableDates.Concat(pastDates.Where(d => !busy.Contains((w.Id, d)))).Distinct(), w.Rules)),
            changed.DefaultRules,
            wishes: changed.Wishes,
            pins: changed.Pins.Concat(past.Where(a => !pinned.Contains((a.Worker, a.Date)))),
            weights: changed.Weights);
        var planned = RosterPlanner.Plan(frozen, new PlannerOptions(seed, iterationLimit: Moves)).Match(r => r.Assignments, n => n.Best.Assignments);

        return RosterChecker.Check(changed, result.Roster.Assignments).Hard <= RosterChecker.Check(frozen, planned).Hard;
    }

    [Property(MaxTest = 20)]
    public bool A_higher_per_change_penalty_never_yields_more_changes(PlantedProblem g, NonNegativeInt pick, PositiveInt low, PositiveInt extra)
    {
        var (change, now) = ChangeOf(g, pick.Get);
        var a = RosterRepair.Repair(g.Problem, g.Planted, change, new RepairOptions(low.Get % 300, now, iterationLimit: Moves));
        var b = RosterRepair.Repair(g.Problem, g.Planted, change, new RepairOptions((low.Get % 300) + extra.Get, now, iterationLimit: Moves));
        return b.Changes <= a.Changes;
    }
}
