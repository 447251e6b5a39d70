using CommunityDomain.Benchmarks.Curtois;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Curtois;

[Properties(Arbitrary = new[] { typeof(CurtoisArbitraries) }, MaxTest = 300)]
public sealed class CurtoisEvaluatorProperties
{
    [Property]
    public bool Objective_is_the_sum_of_its_parts_and_each_part_follows_the_integer_programme(CurtoisCase c)
    {
        var evaluation = CurtoisEvaluator.Evaluate(c.Instance, c.Solution);
        var expected = IntegerProgramme(c.Instance, c.Solution);

        return evaluation.Objective == evaluation.OnRequestPenalty + evaluation.OffRequestPenalty + evaluation.CoverUnderPenalty + evaluation.CoverOverPenalty
            && (evaluation.OnRequestPenalty, evaluation.OffRequestPenalty, evaluation.CoverUnderPenalty, evaluation.CoverOverPenalty) == expected;
    }

    [Property]
    public bool Adding_a_shift_to_an_undercovered_pair_lowers_the_under_penalty_by_its_weight(CurtoisCase c)
    {
        var before = CurtoisEvaluator.Evaluate(c.Instance, c.Solution);
        var after = CurtoisEvaluator.Evaluate(c.Instance, c.Solution.With(c.Employee, c.Day, c.Shift));

        return before.CoverUnderPenalty - after.CoverUnderPenalty == c.Instance.CoverAt(c.Day, c.Shift).WeightUnder
            && before.CoverOverPenalty == after.CoverOverPenalty;
    }

    [Property]
    public bool Violation_counts_per_rule_match_a_pattern_based_checker(CurtoisCase c)
    {
        var evaluation = CurtoisEvaluator.Evaluate(c.Instance, c.Solution);
        var expected = PatternChecker(c.Instance, c.Solution);

        return CurtoisRules.All.All(rule => evaluation.CountOf(rule) == expected[rule])
            && evaluation.HardViolations == expected.Values.Sum();
    }

    [Property]
    public bool Violations_of_one_employee_depend_only_on_that_employee(CurtoisCase c)
    {
        var changed = c.Solution.With(c.Employee, c.Day, c.Shift);
        var before = CurtoisEvaluator.Evaluate(c.Instance, c.Solution).Violations.Where(v => v.Employee != c.Employee);
        var after = CurtoisEvaluator.Evaluate(c.Instance, changed).Violations.Where(v => v.Employee != c.Employee);

        return before.SequenceEqual(after);
    }

    [Property]
    public bool Csv_round_trip_gives_back_the_roster(CurtoisCase c)
    {
        var writer = new StringWriter();
        CurtoisCsv.Write(c.Instance, c.Solution, writer);

        var reread = CurtoisCsv.Read(c.Instance, new StringReader(writer.ToString()));

        return reread.ToArray().Cast<int>().SequenceEqual(c.Solution.ToArray().Cast<int>());
    }

    // The objective of FORMAT.md as its integer programme states it: binary x, slacks y (under) and z (over)
    // with sum_i x - z + y = R at minimal slack.
    private static (int On, int Off, int Under, int Over) IntegerProgramme(CurtoisInstance instance, CurtoisSolution s)
    {
        int X(int i, int d, int t) => s[i, d] == t ? 1 : 0;
        var on = instance.OnRequests.Sum(r => r.Weight * (1 - X(r.Employee, r.Day, r.Shift)));
        var off = instance.OffRequests.Sum(r => r.Weight * X(r.Employee, r.Day, r.Shift));
        int under = 0, over = 0;
        for (var d = 0; d < instance.Days; d++)
        {
            for (var t = 0; t < instance.Shifts.Count; t++)
            {
                var sum = Enumerable.Range(0, instance.Staff.Count).Sum(i => X(i, d, t));
                var cover = instance.CoverAt(d, t);
                var y = sum < cover.Requirement ? cover.Requirement - sum : 0;
                var z = sum > cover.Requirement ? sum - cover.Requirement : 0;
                Assert.Equal(cover.Requirement, sum - z + y);
                under += cover.WeightUnder * y;
                over += cover.WeightOver * z;
            }
        }

        return (on, off, under, over);
    }

    // Rules 5-7 as forbidden patterns (the IP's formulation) rather than runs and blocks: a window of max+1
    // worked days; off, k worked days, off with k < min; worked, k days off, worked with k < min.
    private static Dictionary<CurtoisRule, int> PatternChecker(CurtoisInstance instance, CurtoisSolution s)
    {
        var counts = CurtoisRules.All.ToDictionary(r => r, _ => 0);
        var h = instance.Days;
        for (var i = 0; i < instance.Staff.Count; i++)
        {
            var p = instance.Staff[i];
            bool W(int d) => s[i, d] >= 0;
            for (var d = 0; d + 1 < h; d++)
            {
                if (W(d) && W(d + 1) && instance.Shifts[s[i, d]].CannotFollow.Contains(s[i, d + 1]))
                {
                    counts[CurtoisRule.ShiftRotation]++;
                }
            }

            for (var t = 0; t < instance.Shifts.Count; t++)
            {
                var shiftType = t;
                if (Enumerable.Range(0, h).Count(d => s[i, d] == shiftType) > p.MaxShifts[t])
                {
                    counts[CurtoisRule.MaxShiftsPerType]++;
                }
            }

            var minutes = Enumerable.Range(0, h).Where(W).Sum(d => instance.Shifts[s[i, d]].LengthMinutes);
            counts[CurtoisRule.MinTotalMinutes] += minutes < p.MinTotalMinutes ? 1 : 0;
            counts[CurtoisRule.MaxTotalMinutes] += minutes > p.MaxTotalMinutes ? 1 : 0;
            for (var start = 0; start + p.MaxConsecutiveShifts < h; start++)
            {
                if (Enumerable.Range(start, p.MaxConsecutiveShifts + 1).All(W))
                {
                    counts[CurtoisRule.MaxConsecutiveShifts]++;
                }
            }

            for (var start = 1; start < h; start++)
            {
                for (var k = 1; start + k < h; k++)
                {
                    var inner = Enumerable.Range(start, k);
                    if (k < p.MinConsecutiveShifts && !W(start - 1) && inner.All(W) && !W(start + k))
                    {
                        counts[CurtoisRule.MinConsecutiveShifts]++;
                    }

                    if (k < p.MinConsecutiveDaysOff && W(start - 1) && inner.All(d => !W(d)) && W(start + k))
                    {
                        counts[CurtoisRule.MinConsecutiveDaysOff]++;
                    }
                }
            }

            var weekends = Enumerable.Range(0, h).Where(d => d % 7 == 5).Count(sat => W(sat) || (sat + 1 < h && W(sat + 1)));
            counts[CurtoisRule.MaxWeekends] += weekends > p.MaxWeekends ? 1 : 0;
            counts[CurtoisRule.DaysOff] += p.DaysOff.Count(W);
        }

        return counts;
    }
}
