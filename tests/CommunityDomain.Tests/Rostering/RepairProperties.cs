using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// Repair against independent references, each guarantee one property over <see cref="RosterCase"/>: planted
/// rosters and the planner's best rosters for lockdown-shaped problems (understaffed, infeasible, rule-breaking
/// pins, 24-hour duties, long horizons).
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 60)]
public sealed class RepairProperties
{
    private const long Moves = 300;

    internal static (RosterChange Change, LocalDate Now) ChangeOf(RosterProblem p, int pick)
    {
        var r = new Random(pick);
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

    /// <summary>Repair needs a worker and a demand to change; problems without them are answered by the no-crash property.</summary>
    private static bool Changeable(RosterProblem p) => p.Workers.Count > 0 && p.Demands.Count > 0;

    [Property]
    public bool Repair_with_no_change_returns_the_roster_unchanged(RosterCase c) => NoChangeKeepsTheRoster(c.Problem, c.Roster);

    private static bool NoChangeKeepsTheRoster(RosterProblem p, IReadOnlyList<RosterAssignment> roster)
    {
        var result = RosterRepair.Repair(p, roster, null, new RepairOptions(0, iterationLimit: Moves));
        return result.Changes == 0 && result.Notices.Count == 0 && result.Roster.Assignments.ToHashSet().SetEquals(roster);
    }

    [Property]
    public bool Repair_never_touches_the_past_or_pins_and_leaves_no_more_hard_violations_than_the_fewest_changes_roster(RosterCase c, NonNegativeInt pick) =>
        !Changeable(c.Problem) || KeepsPastAndPinsAndBeatsFewestChanges(c.Problem, c.Roster, pick.Get);

    /// <summary>The repair of a generated change (<see cref="ChangeOf"/>) with the seed and moves these properties use.</summary>
    private static (RepairResult Result, LocalDate Now) RepairAt(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        var (change, now) = ChangeOf(p, pick);
        return (RosterRepair.Repair(p, roster, change, FreezeAt.Options(pick % 100, now, iterationLimit: Moves, zone: p.Zone)), now);
    }

    private static bool KeepsPastAndPinsAndBeatsFewestChanges(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        var (result, now) = RepairAt(p, roster, pick);
        var after = result.Roster.Assignments.ToHashSet();
        var keys = result.Problem.Demands.Select(d => (d.Post, d.Date, d.ShiftCode, d.Qualification)).ToHashSet();
        var pins = result.Problem.Pins.ToHashSet();
        bool Keeps(RosterAssignment a) => a.Date < now || pins.Contains(a) || CanServe(result.Problem, a);
        var fewest = roster.Where(a => keys.Contains((a.Post, a.Date, a.ShiftCode, a.Qualification)) && Keeps(a)).ToList();
        var check = RosterChecker.Check(result.Problem, result.Roster.Assignments);
        return after.Where(a => a.Date < now).ToHashSet().SetEquals(roster.Where(a => a.Date < now))
            && result.Problem.Pins.All(after.Contains)
            && result.Roster.Assignments.All(Keeps)
            && check.Hard == result.Roster.Score.Hard
            && check.Hard <= RosterChecker.Check(result.Problem, fewest).Hard
            && result.Notices.Sum(n => n.Added.Count + n.Removed.Count) == result.Changes;
    }

    [Property]
    public bool Repair_never_moves_people_between_posts_of_one_shift_for_nothing(RosterCase c, NonNegativeInt pick) =>
        !Changeable(c.Problem) || NoFreeSwapBack(c.Problem, c.Roster, pick.Get);

    /// <summary>
    /// No two unpinned duties of one shift on one date (from now on) could swap their workers so that more duties
    /// are as published, without a worse score (judged by the independent checker): a notice for nothing.
    /// </summary>
    private static bool NoFreeSwapBack(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        var (result, now) = RepairAt(p, roster, pick);
        var published = roster.ToHashSet();
        var pins = result.Problem.Pins.ToHashSet();
        var after = result.Roster.Assignments.ToList();
        var check = RosterChecker.Check(result.Problem, after);
        int Published(params RosterAssignment[] duties) => duties.Count(published.Contains);
        foreach (var x in after.Where(a => a.Date >= now && !pins.Contains(a)))
        {
            foreach (var y in after.Where(a => a.Date == x.Date && a.ShiftCode == x.ShiftCode && a.Worker != x.Worker && a.Post != x.Post && !pins.Contains(a)))
            {
                var x2 = new RosterAssignment(y.Worker, x.Date, x.Post, x.ShiftCode, x.Qualification);
                var y2 = new RosterAssignment(x.Worker, y.Date, y.Post, y.ShiftCode, y.Qualification);
                if (Published(x2, y2) <= Published(x, y))
                {
                    continue;
                }

                var swapped = RosterChecker.Check(result.Problem, after.Where(a => a != x && a != y).Append(x2).Append(y2));
                if ((swapped.Hard, swapped.Soft).CompareTo((check.Hard, check.Soft)) <= 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Independently: available at every moment, qualified, inside the confinement.</summary>
    internal static bool CanServe(RosterProblem p, RosterAssignment a)
    {
        var w = p.Workers.First(x => x.Id == a.Worker);
        var demand = p.Demands.First(d => d.Post == a.Post && d.Date == a.Date && d.ShiftCode == a.ShiftCode && d.Qualification == a.Qualification);
        var (start, end) = RosterChecker.Span(p, a);
        return RosterChecker.AvailableThroughout(w, start, end, p.Zone)
            && (demand.Qualification is null || w.Qualifications.Contains(demand.Qualification))
            && (w.ConfinedTo is not { } c || c == demand.Compound || w.ConfinedFrom > a.Date);
    }

    [Property]
    public bool Repair_never_leaves_more_hard_violations_than_the_planner_on_the_changed_problem_with_the_past_frozen(RosterCase c, NonNegativeInt pick) =>
        !Changeable(c.Problem) || NoWorseThanFrozenPlan(c.Problem, c.Roster, pick.Get);

    // The case CI drew after two walks a core landed (session 36): the repair's plain re-plan walked one search alone with
    // all the moves, the planner two with half each, and the repair kept more hard violations. Failed before the repair
    // re-planned through RosterPlanner.Search.
    [Property(Replay = "(925053022352793805,190190892627521325,65)", MaxTest = 1)]
    public bool Repair_never_leaves_more_hard_violations_than_the_planner_where_two_walks_a_core_parted_them(RosterCase c, NonNegativeInt pick) =>
        !Changeable(c.Problem) || NoWorseThanFrozenPlan(c.Problem, c.Roster, pick.Get);

    // Both rosters are judged in the changed problem, the one the coordinator lives with. The frozen problem
    // is only the planner's way to keep the past: with pins that break rules and day-long duties it can score a
    // kept past duty differently (a kept 24-hour duty into the worker's own unavailable date looks servable
    // there through its tail window), so its own score is not the yardstick.

    private static bool NoWorseThanFrozenPlan(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        var (change, now) = ChangeOf(p, pick);
        var seed = pick % 7;
        var result = RosterRepair.Repair(p, roster, change, FreezeAt.Options(pick % 100, now, seed, Moves, p.Zone));

        // The reference, built here from the documented definition: the changed problem with every published
        // duty before `now` pinned and nobody else available on those dates, planned with the same seed and moves.
        var changed = result.Problem;
        var past = roster.Where(a => a.Date < now).ToList();
        var pinned = changed.Pins.Select(p => (p.Worker, p.Date)).ToHashSet();
        var busy = past.Select(a => (a.Worker, a.Date)).Concat(pinned).ToHashSet();
        var pastDates = changed.Horizon.Where(d => d < now).ToList();
        var frozen = RosterProblem.Create(
            changed.Horizon,
            changed.Shifts,
            changed.Demands,
            changed.Workers.Select(w =>
            {
                // Where a kept duty runs past midnight into a frozen date without a duty of its own, the
                // worker is available there for that tail only.
                var tails = past.Concat(changed.Pins).Where(a => a.Worker == w.Id)
                    .Select(a => (Date: a.Date.PlusDays(1), End: (RosterChecker.Span(changed, a).End).InZone(changed.Zone).LocalDateTime))
                    .Where(t => t.Date < now && t.End > t.Date.AtMidnight() && !busy.Contains((w.Id, t.Date)))
                    .ToList();
                return new Worker(w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo,
                    w.Availability.Concat(tails.Select(t => new AvailabilityWindow(t.Date.AtMidnight(), t.End))),
                    w.UnavailableDates.Concat(pastDates.Where(d => !busy.Contains((w.Id, d)) && !tails.Any(t => t.Date == d))).Distinct(), w.Rules, confinedFrom: w.ConfinedFrom);
            }),
            changed.DefaultRules,
            wishes: changed.Wishes,
            pins: changed.Pins.Concat(past.Where(a => !pinned.Contains((a.Worker, a.Date)))),
            weights: changed.Weights,
            zone: changed.Zone);
        // One search, as repair runs for each of its re-plans (Plan's default runs one per core).
        var planned = RosterPlanner.Plan(frozen, new PlannerOptions(seed, iterationLimit: Moves) { DegreeOfParallelism = 1 }).Match(r => r.Assignments, n => n.Best.Assignments);

        return RosterChecker.Check(changed, result.Roster.Assignments).Hard <= RosterChecker.Check(changed, planned).Hard;
    }

    [Property(MaxTest = 30)]
    public bool A_higher_per_change_penalty_never_yields_more_changes(RosterCase c, NonNegativeInt pick, PositiveInt low, PositiveInt extra) =>
        !Changeable(c.Problem) || PenaltyIsMonotone(c.Problem, c.Roster, pick.Get, low.Get, extra.Get);

    private static bool PenaltyIsMonotone(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick, int low, int extra)
    {
        var (change, now) = ChangeOf(p, pick);
        var a = RosterRepair.Repair(p, roster, change, FreezeAt.Options(low % 300, now, iterationLimit: Moves, zone: p.Zone));
        var b = RosterRepair.Repair(p, roster, change, FreezeAt.Options((low % 300) + extra, now, iterationLimit: Moves, zone: p.Zone));
        return b.Changes <= a.Changes;
    }
}
