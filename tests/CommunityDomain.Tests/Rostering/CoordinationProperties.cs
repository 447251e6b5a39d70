using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

[Properties(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 100)]
public sealed class CoordinationProperties
{
    private static (Worker A, Worker B, LocalDate[] Dates) Pick(PlantedProblem g, int pick)
    {
        var r = new Random(pick);
        var ws = g.Problem.Workers;
        var a = ws[r.Next(ws.Count)];
        var b = ws.Where(w => w.Id != a.Id).ElementAt(r.Next(ws.Count - 1));
        var dates = Enumerable.Range(0, r.Next(1, 3)).Select(_ => g.Problem.Horizon.Start.PlusDays(r.Next(g.Problem.Horizon.Length))).Distinct().ToArray();
        return (a, b, dates);
    }

    [Property]
    public bool An_accepted_swap_leaves_the_roster_valid_and_a_refused_one_names_a_rule_the_swapped_roster_breaks(PlantedProblem g, NonNegativeInt pick)
    {
        var (a, b, dates) = Pick(g, pick.Get);
        var verdict = RosterSwaps.Check(g.Problem, g.Planted, a.Id, b.Id, dates);
        var check = RosterChecker.Check(g.Problem, verdict.After.Assignments);
        return verdict.Accepted
            ? check.Hard == 0
            : verdict.BrokenRules.All(rule => check.ByRule.TryGetValue(rule, out var part) && part.Hard > 0);
    }

    [Property]
    public bool Dispatch_never_suggests_someone_who_would_break_a_rule_and_its_first_pick_has_the_best_change(PlantedProblem g, NonNegativeInt pick)
    {
        var r = new Random(pick.Get);
        var demand = g.Problem.Demands[r.Next(g.Problem.Demands.Count)];
        var start = demand.Date.At(new LocalTime(r.Next(24), 0));
        var ranking = RosterDispatch.Rank(g.Problem, g.Planted, demand.Post, start, Duration.FromHours(r.Next(1, 9)), demand.Qualification);
        return ranking.Candidates.All(c => RosterChecker.Check(ranking.Problem, g.Planted.Append(c.Assignment)).Hard == 0)
            && ranking.Candidates.All(c => RosterChecker.Check(ranking.Problem, g.Planted.Append(c.Assignment)).Soft
                - RosterChecker.Check(g.Problem, g.Planted).Soft == c.SoftChange)
            && ranking.Candidates.All(c => ranking.Best!.SoftChange <= c.SoftChange)
            && ranking.Candidates.All(c => c.ChangeByRule.Values.Sum() == c.SoftChange);
    }

    [Property]
    public bool Why_short_names_only_checkable_reasons(PlantedProblem g, NonNegativeInt pick)
    {
        var d = g.Problem.Demands[pick.Get % g.Problem.Demands.Count];
        var reasons = RosterExplanations.WhyShort(g.Problem, g.Planted, d.Post, d.Date, d.ShiftCode, d.Qualification);
        var onIt = g.Planted.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification);
        return reasons.Count + onIt == g.Problem.Workers.Count
            && reasons.All(r =>
            {
                if (r.OnDutyElsewhere is { } duty)
                {
                    return g.Planted.Contains(duty) && duty.Date == d.Date;
                }

                var check = RosterChecker.Check(g.Problem, g.Planted.Append(new RosterAssignment(r.Worker, d.Date, d.Post, d.ShiftCode, d.Qualification)));
                return r.CouldHaveCovered ? check.Hard == 0 : r.BrokenRules.All(k => check.ByRule.TryGetValue(k, out var part) && part.Hard > 0);
            });
    }

    [Property]
    public bool A_workers_explanation_lines_add_up_to_their_part_of_the_score(PlantedProblem g, NonNegativeInt pick)
    {
        var roster = RosterPlanner.Score(g.Problem, g.Planted);
        var w = g.Problem.Workers[pick.Get % g.Problem.Workers.Count];
        var why = RosterExplanations.WhyWorker(g.Problem, roster, w.Id);
        var sum = why.Lines.Aggregate(default(ScorePart), (a, i) => a + new ScorePart(i.Hard, i.Soft));
        return sum == roster.Score.ByWorker.GetValueOrDefault(w.Id)
            && why.Duties.SequenceEqual(g.Planted.Where(a => a.Worker == w.Id).OrderBy(a => a.Date))
            && why.Minutes == why.Duties.Sum(a => (long)g.Problem.Shifts.First(s => s.Code == a.ShiftCode).Duration.TotalMinutes);
    }
}
