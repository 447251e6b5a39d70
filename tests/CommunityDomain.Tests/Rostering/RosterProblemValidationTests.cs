using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering;

public sealed class RosterProblemValidationTests
{
    [Fact]
    public void Create_pin_at_unknown_post_throws_naming_pins_and_the_post()
    {
        var ex = Assert.Throws<ArgumentException>(() => Problem(pins: [A(1, 0, post: new Id<Post>(99))]));
        Assert.Equal("pins", ex.ParamName);
        Assert.Contains("Post#99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_demand_with_unknown_shift_code_throws_naming_demands()
    {
        var demands = Demands();
        demands.Add(new Demand(Gate, Home, Monday, "X", 1));
        var ex = Assert.Throws<ArgumentException>(() => Problem(demands: demands));
        Assert.Equal("demands", ex.ParamName);
        Assert.Contains("'X'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_duplicate_demand_worker_or_shift_throws()
    {
        var demands = Demands();
        demands.Add(demands[0]);
        Assert.Equal("demands", Assert.Throws<ArgumentException>(() => Problem(demands: demands)).ParamName);
        Assert.Equal("workers", Assert.Throws<ArgumentException>(() => Problem(workers: [new Worker(W(1), WorkerKind.Staff, Home), new Worker(W(1), WorkerKind.Medical, Home)])).ParamName);
        Assert.Equal("shifts", Assert.Throws<ArgumentException>(() => RosterProblem.Create(new DateInterval(Monday, Monday), [Day, Day], [], [])).ParamName);
    }

    [Fact]
    public void Create_demand_outside_horizon_or_post_in_two_compounds_throws()
    {
        Assert.Equal("demands", Assert.Throws<ArgumentException>(() => Problem(days: 3, demands: Demands(7))).ParamName);
        var demands = Demands();
        demands.Add(new Demand(Gate, Other, Monday, "D", 1, qualification: "x"));
        Assert.Contains("Compound", Assert.Throws<ArgumentException>(() => Problem(demands: demands)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_wish_of_unknown_worker_and_rules_with_unknown_code_throw()
    {
        Assert.Equal("wishes", Assert.Throws<ArgumentException>(() => Problem(wishes: [new ShiftWish(W(9), Monday, "D", WishKind.ShiftOn, 1)])).ParamName);
        Assert.Equal("defaultRules", Assert.Throws<ArgumentException>(() => Problem(rules: new WorkRules(maxShiftsPerCode: new Dictionary<string, int> { ["Q"] = 1 }))).ParamName);
    }

    [Fact]
    public void Create_wishes_whose_sum_exceeds_an_int_on_different_dates_are_accepted_and_on_one_date_refused()
    {
        // The check groups by worker and date only when all the wishes together could overflow a choice's cost.
        ShiftWish[] apart = [new(W(1), Monday, "D", WishKind.ShiftOn, int.MaxValue), new(W(1), Monday.PlusDays(1), "D", WishKind.ShiftOn, int.MaxValue)];
        Assert.Equal(2, Problem(wishes: apart).Wishes.Count);

        ShiftWish[] together = [.. apart, new(W(1), Monday.PlusDays(1), "N", WishKind.ShiftOff, 1)];
        var ex = Assert.Throws<ArgumentException>(() => Problem(wishes: together));
        Assert.Equal("wishes", ex.ParamName);
        Assert.Contains("2024-01-02", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_demands_asking_for_more_people_than_a_roster_can_score_throws_naming_demands()
    {
        // Two minimums of 1.1 billion people overflowed the hard total (an int) when planned; one person above the limit is refused.
        var huge = Enumerable.Range(0, 2).Select(d => new Demand(Gate, Home, Monday.PlusDays(d), "D", 1_100_000_000, minimum: 1_100_000_000)).ToList();
        var ex = Assert.Throws<ArgumentException>(() => Problem(days: 2, demands: huge));
        Assert.Equal("demands", ex.ParamName);
        Assert.Contains("100,000,000", ex.Message, StringComparison.Ordinal);

        var justAbove = new List<Demand> { new(Gate, Home, Monday, "D", (int)RosterProblem.MaxPeopleAsked), new(Gate, Home, Monday, "N", 1) };
        Assert.Equal("demands", Assert.Throws<ArgumentException>(() => Problem(days: 1, demands: justAbove)).ParamName);
    }

    [Fact]
    public void Create_two_pins_for_one_worker_date_or_pin_without_demand_throw()
    {
        Assert.Equal("pins", Assert.Throws<ArgumentException>(() => Problem(pins: [A(1, 0), A(1, 0, "N")])).ParamName);
        Assert.Equal("pins", Assert.Throws<ArgumentException>(() => Problem(pins: [A(1, 0, qual: "nobody")])).ParamName);
    }

    [Fact]
    public void Negative_counts_inverted_windows_and_bad_limits_are_rejected()
    {
        Assert.Equal("required", Assert.Throws<ArgumentException>(() => new Demand(Gate, Home, Monday, "D", -1)).ParamName);
        Assert.Equal("minimum", Assert.Throws<ArgumentException>(() => new Demand(Gate, Home, Monday, "D", 1, minimum: 2)).ParamName);
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => new AvailabilityWindow(Monday.At(new LocalTime(9, 0)), Monday.At(new LocalTime(8, 0)))).ParamName);
        Assert.Equal("maxTotalMinutes", Assert.Throws<ArgumentException>(() => new WorkRules(minTotalMinutes: 100, maxTotalMinutes: 50)).ParamName);
        Assert.Equal("maxConsecutiveDays", Assert.Throws<ArgumentException>(() => new WorkRules(maxConsecutiveDays: 2, minConsecutiveDays: 3)).ParamName);

        // int.MaxValue minimums were accepted and overflowed the planner's score (a new user's finding, 2026-12-06).
        Assert.Equal("minTotalMinutes", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkRules(minTotalMinutes: int.MaxValue)).ParamName);
        Assert.Equal("minConsecutiveDays", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkRules(minConsecutiveDays: 3_661)).ParamName);
        Assert.Equal("minConsecutiveDaysOff", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkRules(minConsecutiveDaysOff: int.MaxValue)).ParamName);
        Assert.Equal(3_660 * 24 * 60, new WorkRules(minTotalMinutes: 3_660 * 24 * 60).MinTotalMinutes);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => new ShiftWish(W(1), Monday, "D", WishKind.ShiftOn, -1)).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentException>(() => new ShiftDefinition("D", LocalTime.Noon, Duration.FromHours(25))).ParamName);
        Assert.Equal("availability", Assert.Throws<ArgumentException>(() => new Worker(W(1), WorkerKind.Staff, Home, availability: [default])).ParamName);
        Assert.Equal("timeLimit", Assert.Throws<ArgumentException>(() => new PlannerOptions(1)).ParamName);
    }
}
