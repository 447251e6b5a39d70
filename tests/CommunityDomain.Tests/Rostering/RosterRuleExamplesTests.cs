using CommunityDomain.Rostering;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering;

public sealed class RosterRuleExamplesTests
{
    private static Roster Score(RosterProblem problem, params RosterAssignment[] assignments)
    {
        var roster = RosterPlanner.Score(problem, assignments);
        var check = RosterChecker.Check(problem, assignments);
        Assert.Equal(check.Hard, roster.Score.Hard);
        Assert.Equal(check.Soft, roster.Score.Soft);
        return roster;
    }

    [Fact]
    public void Score_unavailable_date_counts_one_hard_violation()
    {
        var p = Problem(workers: [new Worker(W(1), WorkerKind.Staff, Home, unavailableDates: [Monday])]);
        Assert.Equal(1, Part(Score(p, A(1, 0)), RuleKind.Unavailable).Hard);
    }

    [Fact]
    public void Score_shift_outside_the_date_window_is_unavailable_and_inside_is_fine()
    {
        var window = new AvailabilityWindow(Monday.At(new LocalTime(7, 0)), Monday.At(new LocalTime(17, 0)));
        var p = Problem(workers: [new Worker(W(1), WorkerKind.Staff, Home, availability: [window])]);
        Assert.Equal(0, Score(p, A(1, 0)).Score.Hard);
        Assert.Equal(1, Part(Score(p, A(1, 0, "N")), RuleKind.Unavailable).Hard);
        Assert.Equal(0, Score(p, A(1, 1, "N")).Score.Hard);
    }

    [Fact]
    public void Score_missing_qualification_is_hard()
    {
        var p = Problem(demands: Demands(qual: "scanner"));
        Assert.Equal(1, Part(Score(p, A(1, 0, qual: "scanner")), RuleKind.Qualification).Hard);
    }

    [Fact]
    public void Score_confined_worker_outside_compound_is_hard()
    {
        var p = Problem(workers: [new Worker(W(1), WorkerKind.Staff, Home, confinedTo: Home)]);
        Assert.Equal(1, Part(Score(p, A(1, 0, post: Far)), RuleKind.Confinement).Hard);
    }

    [Fact]
    public void Score_a_long_night_then_a_day_overlap_and_are_forbidden_even_without_rules()
    {
        var p = Problem();
        Assert.Equal(1, Part(Score(p, A(1, 0, "N"), A(1, 1, "D")), RuleKind.Overlap).Hard);
    }

    [Fact]
    public void Score_minimum_rest_and_explicit_successions_are_hard()
    {
        var rest = Problem(rules: new WorkRules(minRest: Duration.FromHours(11)));
        Assert.Equal(0, Score(rest, A(1, 0, "D"), A(1, 1, "D")).Score.Hard); // 16 h rest
        var longRest = Problem(rules: new WorkRules(minRest: Duration.FromHours(17)));
        Assert.Equal(1, Part(Score(longRest, A(1, 0, "D"), A(1, 1, "D")), RuleKind.Rest).Hard);
        var explicitRule = Problem(rules: new WorkRules(forbiddenSuccessions: [new ForbiddenSuccession("D", "N")]));
        Assert.Equal(1, Part(Score(explicitRule, A(1, 0, "D"), A(1, 1, "N")), RuleKind.ForbiddenSuccession).Hard);
        Assert.Equal(0, Score(explicitRule, A(1, 0, "N"), A(1, 1, "N")).Score.Hard);
    }

    [Fact]
    public void Score_max_shifts_of_code_counts_each_extra_shift()
    {
        var p = Problem(rules: new WorkRules(maxShiftsPerCode: new Dictionary<string, int> { ["D"] = 1 }));
        Assert.Equal(2, Part(Score(p, A(1, 0), A(1, 2), A(1, 4)), RuleKind.MaxShiftsOfCode).Hard);
    }

    [Fact]
    public void Score_total_minutes_bounds_count_started_hours()
    {
        var p = Problem(rules: new WorkRules(minTotalMinutes: 1000, maxTotalMinutes: 1000), workers: [new Worker(W(1), WorkerKind.Staff, Home)]);
        Assert.Equal(9, Part(Score(p, A(1, 0)), RuleKind.MinTotalMinutes).Hard); // 520 minutes short
        Assert.Equal(0, Part(Score(p, A(1, 0)), RuleKind.MaxTotalMinutes).Hard);
        Assert.Equal(8, Part(Score(p, A(1, 0), A(1, 1), A(1, 2)), RuleKind.MaxTotalMinutes).Hard); // 440 minutes over
    }

    [Fact]
    public void Score_max_minutes_per_iso_week_is_hard()
    {
        var p = Problem(rules: new WorkRules(maxMinutesPerWeek: 900), workers: [new Worker(W(1), WorkerKind.Staff, Home)]);
        Assert.Equal(1, Part(Score(p, A(1, 0), A(1, 1)), RuleKind.MaxWeekMinutes).Hard);
    }

    [Fact]
    public void Score_consecutive_day_rules_follow_the_border_convention()
    {
        var p = Problem(rules: new WorkRules(maxConsecutiveDays: 2, minConsecutiveDays: 2, minConsecutiveDaysOff: 2), workers: [new Worker(W(1), WorkerKind.Staff, Home)]);
        Assert.Equal(1, Part(Score(p, A(1, 0), A(1, 1), A(1, 2)), RuleKind.MaxConsecutiveDays).Hard);
        Assert.Equal(1, Part(Score(p, A(1, 3)), RuleKind.MinConsecutiveDays).Hard);
        Assert.Equal(0, Score(p, A(1, 0)).Score.Hard); // a block touching the first day is free
        Assert.Equal(1, Part(Score(p, A(1, 0), A(1, 1), A(1, 3), A(1, 4)), RuleKind.MinConsecutiveDaysOff).Hard);
    }

    [Fact]
    public void Score_worked_weekends_above_the_maximum_are_hard()
    {
        var p = Problem(days: 14, rules: new WorkRules(maxWeekends: 1), workers: [new Worker(W(1), WorkerKind.Staff, Home)], demands: Demands(14));
        Assert.Equal(0, Score(p, A(1, 5), A(1, 6)).Score.Hard);
        Assert.Equal(1, Part(Score(p, A(1, 6), A(1, 13)), RuleKind.MaxWeekends).Hard);
    }

    [Fact]
    public void Score_cover_under_over_and_hard_minimum()
    {
        var p = Problem(demands: Demands(required: 2, minimum: 1));
        var roster = Score(p);
        Assert.Equal(7, Part(roster, RuleKind.CoverMinimum).Hard);
        Assert.Equal(1400, Part(roster, RuleKind.CoverUnder).Soft);
        Assert.Equal(1, Part(Score(p, A(1, 0, "N")), RuleKind.CoverOver).Soft);
    }

    [Fact]
    public void Score_wishes_own_compound_and_fairness_are_soft()
    {
        var wishes = new[]
        {
            new ShiftWish(W(1), Monday, "D", WishKind.ShiftOn, 3),
            new ShiftWish(W(1), Monday.PlusDays(1), "D", WishKind.ShiftOff, 2),
        };
        var p = Problem(wishes: wishes, weights: new PreferenceWeights(5, 1));
        var roster = Score(p, A(1, 0, "N"), A(1, 1), A(1, 2, post: Far));
        Assert.Equal(3, Part(roster, RuleKind.ShiftOnWish).Soft);
        Assert.Equal(2, Part(roster, RuleKind.ShiftOffWish).Soft);
        Assert.Equal(5, Part(roster, RuleKind.OwnCompound).Soft);
        // Two staff workers: minutes 1680 and 0; (2*1680^2 - 1680^2) / (3600*2) = 392.
        Assert.Equal(392, Part(roster, RuleKind.Fairness).Soft);
    }

    [Fact]
    public void Explain_lists_totals_and_hard_lines()
    {
        var p = Problem(workers: [new Worker(W(1), WorkerKind.Staff, Home, unavailableDates: [Monday])]);
        var text = RosterPlanner.Score(p, [A(1, 0)]).Explain();
        Assert.Contains("INFEASIBLE", text, StringComparison.Ordinal);
        Assert.Contains("Unavailable", text, StringComparison.Ordinal);
    }
}
