using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// Swaps, dispatch and explanations against the independent checker, each guarantee one property over
/// <see cref="RosterCase"/>: planted rosters (valid) and the planner's best rosters for lockdown-shaped problems
/// (often infeasible, with rule-breaking pins). Every guarantee is stated as "no hard rule's amount rises", which is
/// "the roster stays valid" when the roster breaks nothing.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 100)]
public sealed class CoordinationProperties
{
    [Property]
    public bool A_swap_is_accepted_exactly_when_no_hard_rule_rises_and_no_pin_moves_and_a_refusal_names_the_risen_rules(RosterCase c, NonNegativeInt pick) =>
        SwapVerdictIsChecked(c.Problem, c.Roster, pick.Get);

    [Property]
    public bool Dispatch_never_suggests_someone_who_would_raise_a_hard_rule_and_its_first_pick_has_the_best_change(RosterCase c, NonNegativeInt pick) =>
        DispatchIsChecked(c.Problem, c.Roster, pick.Get);

    [Property]
    public bool Why_short_names_only_checkable_reasons(RosterCase c, NonNegativeInt pick) =>
        WhyShortIsChecked(c.Problem, c.Roster, pick.Get);

    [Property]
    public bool A_workers_explanation_lines_add_up_to_their_part_of_the_score(RosterCase c, NonNegativeInt pick) =>
        ExplanationAddsUp(c.Problem, c.Roster, pick.Get);

    /// <summary>The hard amount per rule, from the checker.</summary>
    private static Dictionary<RuleKind, int> HardByRule(RosterProblem problem, IEnumerable<RosterAssignment> roster) =>
        RosterChecker.Check(problem, roster).ByRule.Where(kv => kv.Value.Hard > 0).ToDictionary(kv => kv.Key, kv => kv.Value.Hard);

    private static bool NoHardRuleRises(Dictionary<RuleKind, int> before, Dictionary<RuleKind, int> after) =>
        after.All(kv => kv.Value <= before.GetValueOrDefault(kv.Key));

    private static bool SwapVerdictIsChecked(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        if (p.Workers.Count < 2)
        {
            return true; // a swap needs two workers; fewer is a documented ArgumentException, tested elsewhere
        }

        var r = new Random(pick);
        var a = p.Workers[r.Next(p.Workers.Count)];
        var b = p.Workers.Where(w => w.Id != a.Id).ElementAt(r.Next(p.Workers.Count - 1));
        var dates = Enumerable.Range(0, r.Next(1, 3)).Select(_ => p.Horizon.Start.PlusDays(r.Next(p.Horizon.Length))).Distinct().ToArray();
        var verdict = RosterSwaps.Check(p, roster, a.Id, b.Id, dates);
        var before = HardByRule(p, roster);
        var after = HardByRule(p, verdict.After.Assignments);
        var pins = p.Pins.ToHashSet();
        var movedPins = roster.Where(x => dates.Contains(x.Date) && (x.Worker == a.Id || x.Worker == b.Id) && pins.Contains(x)).ToHashSet();
        // Refused exactly when a hard rule rises or a pin would move; the named rules are the risen ones.
        return verdict.PinnedMoved.ToHashSet().SetEquals(movedPins)
            && verdict.BrokenRules.ToHashSet().SetEquals(after.Where(kv => kv.Value > before.GetValueOrDefault(kv.Key)).Select(kv => kv.Key))
            && verdict.Accepted == (NoHardRuleRises(before, after) && movedPins.Count == 0);
    }

    private static bool DispatchIsChecked(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        if (p.Demands.Count == 0)
        {
            return true; // no post to send anyone to
        }

        var r = new Random(pick);
        var demand = p.Demands[r.Next(p.Demands.Count)];
        var start = demand.Date.At(new LocalTime(r.Next(24), 0));
        var ranking = RosterDispatch.Rank(p, roster, demand.Post, start, Duration.FromHours(r.Next(1, 9)), demand.Qualification);
        var before = HardByRule(ranking.Problem, roster);
        var soft = RosterChecker.Check(p, roster).Soft;
        return ranking.Candidates.All(c => NoHardRuleRises(before, HardByRule(ranking.Problem, roster.Append(c.Assignment))))
            && ranking.Candidates.All(c => RosterChecker.Check(ranking.Problem, roster.Append(c.Assignment)).Soft - soft == c.SoftChange)
            && ranking.Candidates.All(c => ranking.Best!.SoftChange <= c.SoftChange)
            && ranking.Candidates.All(c => c.ChangeByRule.Values.Sum() == c.SoftChange)
            && ranking.Candidates.All(c => roster.All(a => a.Worker != c.Assignment.Worker || a.Date != c.Assignment.Date));
    }

    private static bool WhyShortIsChecked(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        if (p.Demands.Count == 0)
        {
            return true;
        }

        var d = p.Demands[pick % p.Demands.Count];
        var reasons = RosterExplanations.WhyShort(p, roster, d.Post, d.Date, d.ShiftCode, d.Qualification);
        var onIt = roster.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification);
        var before = HardByRule(p, roster);
        return reasons.Count + onIt == p.Workers.Count
            && reasons.All(r =>
            {
                if (r.OnDutyElsewhere is { } duty)
                {
                    return roster.Contains(duty) && duty.Date == d.Date;
                }

                var after = HardByRule(p, roster.Append(new RosterAssignment(r.Worker, d.Date, d.Post, d.ShiftCode, d.Qualification)));
                return r.CouldHaveCovered
                    ? NoHardRuleRises(before, after)
                    : r.BrokenRules.All(k => after.GetValueOrDefault(k) > before.GetValueOrDefault(k));
            });
    }

    private static bool ExplanationAddsUp(RosterProblem p, IReadOnlyList<RosterAssignment> roster, int pick)
    {
        if (p.Workers.Count == 0)
        {
            return true;
        }

        var scored = RosterPlanner.Score(p, roster);
        var w = p.Workers[pick % p.Workers.Count];
        var why = RosterExplanations.WhyWorker(p, scored, w.Id);
        var sum = why.Lines.Aggregate(default(ScorePart), (a, i) => a + new ScorePart(i.Hard, i.Soft));
        return sum == scored.Score.ByWorker.GetValueOrDefault(w.Id)
            && why.Duties.SequenceEqual(roster.Where(a => a.Worker == w.Id).OrderBy(a => a.Date))
            && why.Minutes == why.Duties.Sum(a => (long)p.Shifts.First(s => s.Code == a.ShiftCode).Duration.TotalMinutes);
    }
}
