using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

public sealed class CurtoisEvaluatorTests
{
    // Staff fields: ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends.
    private const string Loose = "A,D=7|N=7,10000,0,7,1,1,1";

    [Fact]
    public void Evaluate_empty_roster_of_Instance1_costs_7137_with_one_min_minutes_violation_per_employee()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance1"));

        var evaluation = CurtoisEvaluator.Evaluate(instance, CurtoisSolution.Empty(instance));

        Assert.Equal(7137, evaluation.Objective);
        Assert.Equal((37, 0, 7100, 0), (evaluation.OnRequestPenalty, evaluation.OffRequestPenalty, evaluation.CoverUnderPenalty, evaluation.CoverOverPenalty));
        Assert.Equal(8, evaluation.HardViolations);
        Assert.All(evaluation.Violations, v => Assert.Equal(CurtoisRule.MinTotalMinutes, v.Rule));
        Assert.Equal(Enumerable.Range(0, 8), evaluation.Violations.Select(v => v.Employee));
    }

    [Fact]
    public void Evaluate_roster_breaking_no_rule_has_no_violation()
    {
        var instance = Tiny.OneEmployee(Loose);

        var evaluation = CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, "DDN..D."));

        Assert.True(evaluation.IsFeasible);
        Assert.Empty(evaluation.Violations);
    }

    [Theory]
    [InlineData(Loose, "", "ND.....", CurtoisRule.ShiftRotation, 0, 1)]
    [InlineData("A,D=2|N=7,10000,0,7,1,1,1", "", "DDD....", CurtoisRule.MaxShiftsPerType, -1, -1)]
    [InlineData("A,D=7|N=7,10000,1000,7,1,1,1", "", "D......", CurtoisRule.MinTotalMinutes, -1, -1)]
    [InlineData("A,D=7|N=7,1000,0,7,1,1,1", "", "DDD....", CurtoisRule.MaxTotalMinutes, -1, -1)]
    [InlineData("A,D=7|N=7,10000,0,3,1,1,1", "", "DDDD...", CurtoisRule.MaxConsecutiveShifts, 0, 3)]
    [InlineData("A,D=7|N=7,10000,0,7,2,1,1", "", "D.D....", CurtoisRule.MinConsecutiveShifts, 2, 2)]
    [InlineData("A,D=7|N=7,10000,0,7,1,2,1", "", "D.D....", CurtoisRule.MinConsecutiveDaysOff, 1, 1)]
    [InlineData("A,D=7|N=7,10000,0,7,1,1,0", "", ".....D.", CurtoisRule.MaxWeekends, -1, -1)]
    [InlineData(Loose, "A,3", "...D...", CurtoisRule.DaysOff, 3, 3)]
    public void Evaluate_roster_breaking_one_rule_once_reports_exactly_that_violation(
        string staffLine, string daysOffLine, string row, CurtoisRule rule, int firstDay, int lastDay)
    {
        var instance = Tiny.OneEmployee(staffLine, daysOffLine);

        var evaluation = CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, row));

        var v = Assert.Single(evaluation.Violations);
        Assert.Equal((rule, 0, "A", firstDay, lastDay), (v.Rule, v.Employee, v.EmployeeId, v.FirstDay, v.LastDay));
        Assert.Equal(1, evaluation.HardViolations);
        Assert.Equal(1, evaluation.CountOf(rule));
        Assert.False(string.IsNullOrWhiteSpace(v.Detail));
    }

    [Fact]
    public void Evaluate_max_consecutive_counts_one_violation_per_window_start()
    {
        // A run of 6 with max 3: windows of 4 start on days 0, 1 and 2.
        var instance = Tiny.OneEmployee("A,D=7|N=7,10000,0,3,1,1,1");

        var evaluation = CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, "DDDDDD."));

        Assert.Equal([(0, 3), (1, 4), (2, 5)], evaluation.Violations.Select(v => (v.FirstDay, v.LastDay)));
    }

    [Theory]
    [InlineData("DD....D", 0)] // both working blocks touch a border
    [InlineData(".DD.D..", 2)] // blocks of 2 and 1, both bounded
    [InlineData("D.D.D.D", 2)] // the inner two blocks only
    public void Evaluate_min_consecutive_shifts_constrains_only_blocks_bounded_on_both_sides(string row, int expected)
    {
        var instance = Tiny.OneEmployee("A,D=7|N=7,10000,0,7,3,1,1");

        Assert.Equal(expected, CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, row)).CountOf(CurtoisRule.MinConsecutiveShifts));
    }

    [Theory]
    [InlineData("..DDD..", 0)] // both off blocks touch a border
    [InlineData("D.DD..D", 2)] // off blocks of 1 and 2 between working days
    [InlineData(".......", 0)]
    public void Evaluate_min_consecutive_days_off_constrains_only_blocks_bounded_on_both_sides(string row, int expected)
    {
        var instance = Tiny.OneEmployee("A,D=7|N=7,10000,0,7,1,3,1");

        Assert.Equal(expected, CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, row)).CountOf(CurtoisRule.MinConsecutiveDaysOff));
    }

    [Theory]
    [InlineData(".....D.......D", 1)] // Saturday of weekend 0 and Sunday of weekend 1: two weekends
    [InlineData(".....DD.......", 0)] // both days of one weekend count once
    [InlineData("DDDDD..DDDDD..", 0)]
    public void Evaluate_weekend_is_worked_when_Saturday_or_Sunday_is(string row, int expected)
    {
        var instance = Tiny.OneEmployee("A,D=14|N=14,100000,0,14,1,1,1", days: 14);

        Assert.Equal(expected, CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, row)).CountOf(CurtoisRule.MaxWeekends));
    }

    [Fact]
    public void Evaluate_rotation_applies_only_to_the_next_day()
    {
        var instance = Tiny.OneEmployee(Loose);

        Assert.Empty(CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, "N.D.DN.")).Violations);
    }

    [Fact]
    public void Evaluate_hand_computed_objective()
    {
        var instance = CurtoisParser.Parse(
            "SECTION_HORIZON\n2\n" +
            "SECTION_SHIFTS\nD,480,\nE,480,\n" +
            "SECTION_STAFF\nA,D=2|E=2,2000,0,2,1,1,1\nB,D=2|E=2,2000,0,2,1,1,1\n" +
            "SECTION_DAYS_OFF\n" +
            "SECTION_SHIFT_ON_REQUESTS\nA,0,D,2\nB,1,E,3\n" +
            "SECTION_SHIFT_OFF_REQUESTS\nA,1,D,1\nB,0,D,2\n" +
            "SECTION_COVER\n0,D,1,100,7\n0,E,1,100,1\n1,D,2,50,1\n1,E,0,100,1\n");

        // A works D, D; B works D, off.
        var evaluation = CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, "DD", "D."));

        // On: A's request granted (0), B wanted E on day 1 but is off (3).
        Assert.Equal(3, evaluation.OnRequestPenalty);
        // Off: A works the unwanted D on day 1 (1), B the unwanted D on day 0 (2).
        Assert.Equal(3, evaluation.OffRequestPenalty);
        // Under: day 0 E has 0 of 1 (100), day 1 D has 1 of 2 (50). Over: day 0 D has 2 of 1 (7).
        Assert.Equal(150, evaluation.CoverUnderPenalty);
        Assert.Equal(7, evaluation.CoverOverPenalty);
        Assert.Equal(163, evaluation.Objective);
    }

    [Fact]
    public void Evaluate_on_request_is_not_granted_by_a_different_shift()
    {
        var instance = CurtoisParser.Parse(Tiny.Valid);

        // A asked for D on day 0 and works E.
        Assert.Equal(2, CurtoisEvaluator.Evaluate(instance, Tiny.Roster(instance, "E.", "..")).OnRequestPenalty);
    }

    [Fact]
    public void Evaluate_solution_of_the_wrong_shape_throws()
    {
        var instance = CurtoisParser.Parse(Tiny.Valid);

        var ex = Assert.Throws<ArgumentException>(() => CurtoisEvaluator.Evaluate(instance, new CurtoisSolution(new int[3, 2])));
        Assert.Equal("solution", ex.ParamName);
        Assert.Throws<ArgumentException>(() => CurtoisEvaluator.Evaluate(instance, new CurtoisSolution(new[,] { { 2, -1 }, { -1, -1 } })));
    }

    [Fact]
    public void Evaluate_Instance20_random_roster_agrees_with_CSV_round_trip()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance20"));
        var random = new Random(20);
        var cells = new int[instance.Staff.Count, instance.Days];
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            for (var d = 0; d < instance.Days; d++)
            {
                cells[e, d] = random.Next(-1, instance.Shifts.Count);
            }
        }

        var roster = new CurtoisSolution(cells);
        var writer = new StringWriter();
        CurtoisCsv.Write(instance, roster, writer);

        var reread = CurtoisCsv.Read(instance, new StringReader(writer.ToString()));

        Assert.Equal(roster.ToArray(), reread.ToArray());
        Assert.Equal(CurtoisEvaluator.Evaluate(instance, roster).ToString(), CurtoisEvaluator.Evaluate(instance, reread).ToString());
    }
}
