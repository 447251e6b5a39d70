using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

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
        RosterChange change = r.Next(4) switch
        {
            0 => new WorkerUnavailable(worker, later),
            1 => new WorkerConfined(worker, p.Demands[r.Next(p.Demands.Count)].Compound),
            2 => new DemandRaised(demand.Post, demand.Date, demand.ShiftCode, demand.Required + 1 + r.Next(2), demand.Qualification),
            _ => new PostClosed(p.Demands[r.Next(p.Demands.Count)].Post, later),
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

    [Property(MaxTest = 20)]
    public bool A_higher_per_change_penalty_never_yields_more_changes(PlantedProblem g, NonNegativeInt pick, PositiveInt low, PositiveInt extra)
    {
        var (change, now) = ChangeOf(g, pick.Get);
        var a = RosterRepair.Repair(g.Problem, g.Planted, change, new RepairOptions(low.Get % 300, now, iterationLimit: Moves));
        var b = RosterRepair.Repair(g.Problem, g.Planted, change, new RepairOptions((low.Get % 300) + extra.Get, now, iterationLimit: Moves));
        return b.Changes <= a.Changes;
    }
}
