using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// The planner's guarantees over problems that look like lockdowns (understaffed, infeasible, no workers,
/// everything pinned, rule-breaking pins, 24-hour duties, 40+ shift types, a year's horizon): an answer
/// without an exception, checked by the independent checker.
/// </summary>
[Properties(Arbitrary = new[] { typeof(LockdownArbitraries) }, MaxTest = 60)]
public sealed class LockdownRosterProperties
{
    private const long Moves = 300;

    private static OneOf.OneOf<Roster, NoFeasibleRoster> PlanOf(LockdownProblem g, int seed = 1) =>
        RosterPlanner.Plan(g.Problem, new PlannerOptions(seed, iterationLimit: Moves));

    private static Roster Best(OneOf.OneOf<Roster, NoFeasibleRoster> result) => result.Match(r => r, n => n.Best);

    [Property]
    public bool Every_problem_gets_a_roster_or_no_feasible_roster_scored_like_the_checker(LockdownProblem g)
    {
        var result = PlanOf(g);
        var roster = Best(result);
        var check = RosterChecker.Check(g.Problem, roster.Assignments);
        return roster.Score.Hard == check.Hard
            && roster.Score.Soft == check.Soft
            && roster.Score.ByRule.Count == check.ByRule.Count
            && check.ByRule.All(kv => roster.Score.ByRule.TryGetValue(kv.Key, out var part) && part.Hard == kv.Value.Hard && part.Soft == kv.Value.Soft)
            && result.IsT0 == (check.Hard == 0);
    }

    [Property]
    public bool Breakdown_parts_add_up_exactly_to_the_totals(LockdownProblem g)
    {
        var s = Best(PlanOf(g)).Score;
        var byRule = s.ByRule.Values.Aggregate(default(ScorePart), (a, b) => a + b);
        var attributed = s.ByWorker.Values.Concat(s.ByPostDay.Values).Aggregate(s.Unattributed, (a, b) => a + b);
        var items = s.Items.Aggregate(default(ScorePart), (a, i) => a + new ScorePart(i.Hard, i.Soft));
        return byRule == s.Total && attributed == s.Total && items == s.Total;
    }

    [Property]
    public bool Pins_are_kept_and_nobody_works_twice_on_a_date(LockdownProblem g)
    {
        var roster = Best(PlanOf(g));
        var set = roster.Assignments.ToHashSet();
        return g.Problem.Pins.All(set.Contains) && roster.Assignments.GroupBy(a => (a.Worker, a.Date)).All(x => x.Count() == 1);
    }

    [Property]
    public bool Outside_pins_nobody_is_placed_where_availability_qualification_confinement_or_a_zero_maximum_forbid(LockdownProblem g)
    {
        var p = g.Problem;
        var roster = Best(PlanOf(g));
        var pins = p.Pins.ToHashSet();
        var workers = p.Workers.ToDictionary(w => w.Id);
        var shifts = p.Shifts.ToDictionary(s => s.Code);
        var demands = p.Demands.ToDictionary(d => (d.Post, d.Date, d.ShiftCode, d.Qualification));
        return roster.Assignments.Where(a => !pins.Contains(a)).All(a =>
        {
            var w = workers[a.Worker];
            var d = demands[(a.Post, a.Date, a.ShiftCode, a.Qualification)];
            var (start, end) = RosterChecker.Span(p, a);
            return RosterChecker.AvailableThroughout(w, start, end, p.Zone)
                && (d.Qualification is null || w.Qualifications.Contains(d.Qualification))
                && (w.ConfinedTo is not { } c || c == d.Compound || w.ConfinedFrom > a.Date)
                && (d.Maximum ?? d.Required) > 0
                && p.RulesFor(w).MaxShiftsPerCode.GetValueOrDefault(a.ShiftCode, 1) > 0;
        });
    }

    [Property]
    public bool No_feasible_roster_names_exactly_the_demands_below_their_minimum_with_a_reason_per_other_worker(LockdownProblem g)
    {
        var result = PlanOf(g);
        if (result.IsT0)
        {
            return true;
        }

        var none = result.AsT1;
        var assignments = none.Best.Assignments;
        var expected = g.Problem.Demands
            .Select(d => (Demand: d, Count: assignments.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification)))
            .Where(x => x.Count < (x.Demand.Minimum ?? 0))
            .ToList();
        var named = none.Uncovered.ToDictionary(u => u.Demand);
        return none.Uncovered.Count == expected.Count
            && none.Uncovered.Select(u => u.Demand.Date).SequenceEqual(none.Uncovered.Select(u => u.Demand.Date).Order())
            && expected.All(x => named.TryGetValue(x.Demand, out var u)
                && u.Assigned == x.Count
                && u.Missing == x.Demand.Minimum - x.Count
                && u.Reasons.Count == g.Problem.Workers.Count - x.Count
                && u.Reasons.All(reason => reason.OnDutyElsewhere is not { } duty || assignments.Contains(duty)));
    }

    [Property(MaxTest = 25)]
    public bool A_reason_names_only_rules_the_checker_sees_rise_when_that_worker_is_added(LockdownProblem g)
    {
        var result = PlanOf(g);
        if (result.IsT0 || result.AsT1.Uncovered.Count == 0)
        {
            return true;
        }

        var none = result.AsT1;
        var uncovered = none.Uncovered[0];
        var before = RosterChecker.Check(g.Problem, none.Best.Assignments);
        return uncovered.Reasons.Where(r => r.OnDutyElsewhere is null).All(reason =>
        {
            var d = uncovered.Demand;
            var after = RosterChecker.Check(g.Problem, none.Best.Assignments.Append(new RosterAssignment(reason.Worker, d.Date, d.Post, d.ShiftCode, d.Qualification)));
            var risen = after.ByRule.Where(kv => kv.Value.Hard > before.ByRule.GetValueOrDefault(kv.Key).Hard).Select(kv => kv.Key).ToHashSet();
            return risen.SetEquals(reason.BrokenRules) && after.Soft - before.Soft == reason.SoftChange;
        });
    }

    [Property(MaxTest = 30)]
    public bool Same_problem_seed_and_iteration_limit_give_the_same_roster(LockdownProblem g)
    {
        var a = Best(PlanOf(g, seed: 5));
        var b = Best(PlanOf(g, seed: 5));
        return a.Assignments.SequenceEqual(b.Assignments);
    }

    [Property]
    public bool Without_rest_or_overlap_lines_every_pair_of_duties_keeps_rest_and_never_overlaps(LockdownProblem g)
    {
        var roster = Best(PlanOf(g));
        var check = RosterChecker.Check(g.Problem, roster.Assignments);
        var timingBroken = check.ByRule.ContainsKey(RuleKind.Rest) || check.ByRule.ContainsKey(RuleKind.Overlap);
        return timingBroken || RosterChecker.AllPairsKeepRestAndOverlap(g.Problem, roster.Assignments);
    }

    [Property]
    public bool Outside_pins_nobody_is_on_two_overlapping_duties(LockdownProblem g)
    {
        // A person cannot be in two places: the planner leaves a duty uncovered instead (only pins may overlap).
        var p = g.Problem;
        var pins = p.Pins.ToHashSet();
        return RosterChecker.OverlappingPairs(p, Best(PlanOf(g)).Assignments).All(x => pins.Contains(x.First) && pins.Contains(x.Second));
    }

    [Property(MaxTest = 25)]
    public bool Repair_dispatch_swaps_and_explanations_answer_every_problem_without_an_exception(LockdownProblem g, int pick)
    {
        var p = g.Problem;
        var roster = Best(PlanOf(g));
        var r = new Random(pick);
        if (p.Workers.Count == 0 || p.Demands.Count == 0)
        {
            return true;
        }

        var worker = p.Workers[r.Next(p.Workers.Count)].Id;
        var other = p.Workers[r.Next(p.Workers.Count)].Id;
        var date = p.Horizon.Start.PlusDays(r.Next(p.Horizon.Length));
        var demand = p.Demands[r.Next(p.Demands.Count)];
        RosterChange change = r.Next(3) switch
        {
            0 => new WorkerUnavailable(worker, date),
            1 => new WorkerConfined(worker, demand.Compound),
            _ => new DemandRaised(demand.Post, demand.Date, demand.ShiftCode, demand.Required + 1, demand.Qualification),
        };
        var repaired = RosterRepair.Repair(p, roster.Assignments, change, FreezeAt.Options(10, date: change is DemandRaised ? demand.Date : date, iterationLimit: 100, zone: p.Zone));
        // Swapping a worker with themself is a documented ArgumentException; pick two when there are two.
        var swap = other == worker ? null : RosterSwaps.Check(p, roster.Assignments, worker, other, date);
        var ranking = RosterDispatch.Rank(p, roster.Assignments, demand.Post, date.At(new LocalTime(r.Next(24), 0)), Duration.FromHours(r.Next(1, 25)), demand.Qualification);
        var why = RosterExplanations.WhyShort(p, roster.Assignments, demand.Post, demand.Date, demand.ShiftCode, demand.Qualification);
        var explained = RosterExplanations.WhyWorker(p, roster, worker);
        return repaired.Roster.Score.Hard == RosterChecker.Check(repaired.Problem, repaired.Roster.Assignments).Hard
            && (swap is null || swap.Accepted || swap.BrokenRules.Count > 0 || swap.PinnedMoved.Count > 0) && ranking.Candidates.All(c => c.Assignment.Worker != default(Id<Worker>))
            && why.Count == p.Workers.Count - roster.Assignments.Count(a => a.Post == demand.Post && a.Date == demand.Date && a.ShiftCode == demand.ShiftCode && a.Qualification == demand.Qualification)
            && explained.Worker == worker;
    }
}
