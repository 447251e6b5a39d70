using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Rostering;

/// <summary>The reported lockdown cases: too few volunteers, 24-hour duties, nights into the next date, posts in the wrong compound, unrequested people.</summary>
public sealed class LockdownCasesTests
{
    private static readonly LocalDate Aug18 = new(2022, 8, 18);
    private static readonly Id<Compound> A = new(1);
    private static readonly Id<Compound> B = new(2);
    private static readonly Id<Post> GateA = new(1);
    private static readonly Id<Post> GateB = new(2);

    private static DateInterval Week => new(Aug18, Aug18.PlusDays(6));

    private static Worker Volunteer(int id, Id<Compound>? home = null, Id<Compound>? confinedTo = null, IEnumerable<LocalDate>? unavailable = null, WorkRules? rules = null) =>
        new(new Id<Worker>(id), WorkerKind.ResidentVolunteer, home ?? A, confinedTo: confinedTo, unavailableDates: unavailable, rules: rules);

    [Theory]
    [InlineData(3_660 * 24 * 60, 1, 1)]
    [InlineData(0, 3_660, 3_660)]
    [InlineData(3_660 * 24 * 60, 3_660, 3_660)]
    public void The_largest_minimums_work_rules_take_give_a_roster_or_no_feasible_roster_not_an_overflow(int minutes, int days, int daysOff)
    {
        // A new user's finding (2026-12-06): int.MaxValue minimums overflowed the score inside Plan; they are refused now
        // (WorkRules), and the largest accepted ones are planned. Five volunteers, one gate, three shifts a day, a week.
        ShiftDefinition[] shifts = [new("E", new LocalTime(6, 0), Duration.FromHours(8)), new("D", new LocalTime(14, 0), Duration.FromHours(8)), new("N", new LocalTime(22, 0), Duration.FromHours(8))];
        var rules = new WorkRules(minTotalMinutes: minutes, minConsecutiveDays: days, minConsecutiveDaysOff: daysOff);
        var demands = Week.SelectMany(d => shifts.Select(s => new Demand(GateA, A, d, s.Code, 1))).ToList();
        var problem = RosterProblem.Create(Week, shifts, demands, [.. Enumerable.Range(1, 5).Select(i => Volunteer(i, rules: rules))]);
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 2_000) { DegreeOfParallelism = 2 }).Match(r => r, n => n.Best);
        var check = RosterChecker.Check(problem, roster.Assignments);
        Assert.Equal((check.Hard, check.Soft), (roster.Score.Hard, roster.Score.Soft));
        Assert.True(minutes == 0 || check.Hard > 0, "no roster of five volunteers can meet ten years' minutes");
    }

    [Fact]
    public void Wish_weights_that_overflow_a_choice_are_refused_with_an_argument_exception_not_an_overflow()
    {
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        var days = new DateInterval(Aug18, Aug18.PlusDays(2));
        var demands = days.SelectMany(d => shifts.Select(s => new Demand(GateA, A, d, s.Code, 1))).ToList();
        ShiftWish[] wishes = [new(new Id<Worker>(1), Aug18, "D", WishKind.ShiftOn, int.MaxValue), new(new Id<Worker>(1), Aug18, "N", WishKind.ShiftOn, int.MaxValue)];

        var e = Assert.Throws<ArgumentException>(() => RosterProblem.Create(days, shifts, demands, [Volunteer(1)], wishes: wishes));
        Assert.Equal("wishes", e.ParamName);

        // One wish of the largest weight alone still fits and plans.
        var one = RosterProblem.Create(days, shifts, demands, [Volunteer(1)], wishes: wishes[..1]);
        Assert.True(RosterPlanner.Plan(one, new PlannerOptions(1, iterationLimit: 200)).Match(r => r, n => n.Best).Score.Soft >= 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void One_worker_for_a_24_hour_duty_and_a_duty_inside_it_is_left_a_hole_not_put_in_two_places(int seed)
    {
        // Z 08:00 for 24 h on 08-18 and D 06:00 on 08-19: one person cannot serve both.
        ShiftDefinition[] shifts = [new("Z", new LocalTime(8, 0), Duration.FromHours(24)), new("D", new LocalTime(6, 0), Duration.FromHours(8))];
        var days = new DateInterval(Aug18, Aug18.PlusDays(1));
        Demand[] demands = [new(GateA, A, Aug18, "Z", 1, minimum: 1), new(GateA, A, Aug18.PlusDays(1), "D", 1, minimum: 1)];
        var problem = RosterProblem.Create(days, shifts, demands, [Volunteer(1)]);

        var none = Assert.IsType<NoFeasibleRoster>(RosterPlanner.Plan(problem, new PlannerOptions(seed, iterationLimit: 2000)).Value);

        var check = RosterChecker.Check(problem, none.Best.Assignments);
        Assert.False(check.ByRule.ContainsKey(RuleKind.Overlap));
        Assert.Single(none.Best.Assignments);
        UncoveredDuty hole = Assert.Single(none.Uncovered);
        Assert.Equal(1, hole.Missing);
        Assert.Equal(0, hole.Assigned);
        var served = Assert.Single(none.Best.Assignments);
        Assert.Equal(served.Date == Aug18 ? Aug18.PlusDays(1) : Aug18, hole.Demand.Date);
        var reason = Assert.Single(hole.Reasons);
        Assert.Contains(RuleKind.Overlap, reason.BrokenRules);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public void Plan_one_worker_for_fourteen_day_and_night_duties_answers_without_an_exception(int? minimum)
    {
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        var demands = Week.SelectMany(d => shifts.Select(s => new Demand(GateA, A, d, s.Code, 1, minimum: minimum))).ToList();
        var problem = RosterProblem.Create(Week, shifts, demands, [Volunteer(1)]);

        var result = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 2000));

        var best = result.Match(r => r, n => n.Best);
        Assert.Equal(RosterChecker.Check(problem, best.Assignments).Hard, best.Score.Hard);
        Assert.True(best.Assignments.Count <= 7); // one duty a date at most
        if (minimum is null)
        {
            Assert.True(result.IsT0); // short cover is soft
        }
        else
        {
            var none = result.AsT1;
            Assert.Equal(14 - best.Assignments.Count, none.Uncovered.Sum(u => u.Missing));
            Assert.All(none.Uncovered, u => Assert.Single(u.Reasons));
        }
    }

    [Fact]
    public void Plan_two_gates_three_shifts_with_one_to_five_workers_never_throws_and_names_what_is_uncovered()
    {
        ShiftDefinition[] shifts = [new("M", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("E", new LocalTime(16, 0), Duration.FromHours(8))];
        var demands = new[] { GateA, GateB }.SelectMany(g => Week.SelectMany(d => shifts.Select(s => new Demand(g, A, d, s.Code, 1, minimum: 1)))).ToList();
        var rules = new WorkRules(maxConsecutiveDays: 5, minRest: Duration.FromHours(11), maxMinutesPerWeek: 2400);
        foreach (var workers in Enumerable.Range(1, 5))
        {
            var problem = RosterProblem.Create(Week, shifts, demands, Enumerable.Range(1, workers).Select(i => Volunteer(i)), defaultRules: rules);
            foreach (var seed in Enumerable.Range(0, 20))
            {
                var result = RosterPlanner.Plan(problem, new PlannerOptions(seed, iterationLimit: 1500));
                var none = Assert.IsType<NoFeasibleRoster>(result.Value); // 42 duties; 5 workers give at most 35 worker-days
                var check = RosterChecker.Check(problem, none.Best.Assignments);
                Assert.Equal(check.Hard, none.Best.Score.Hard);
                Assert.Equal(check.ByRule.GetValueOrDefault(RuleKind.CoverMinimum).Hard, none.Uncovered.Sum(u => u.Missing));
                Assert.All(none.Uncovered, u => Assert.Equal(workers, u.Reasons.Count));
            }
        }
    }

    [Fact]
    public void Plan_under_a_time_limit_on_an_understaffed_problem_returns_the_best_roster()
    {
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        var demands = Week.SelectMany(d => shifts.Select(s => new Demand(GateA, A, d, s.Code, 2, minimum: 2))).ToList();
        var problem = RosterProblem.Create(Week, shifts, demands, [Volunteer(1), Volunteer(2)]);
        var result = RosterPlanner.Plan(problem, new PlannerOptions(3, timeLimit: Duration.FromMilliseconds(200)));
        Assert.True(result.IsT1);
        Assert.NotEmpty(result.AsT1.Uncovered);
    }

    [Fact]
    public void Score_rest_across_a_day_off_is_checked_on_real_times()
    {
        // Z 08:00 for 24 h on the 18th ends on the 19th at 08:00; D on the 20th starts 06:00: 22 h of rest.
        ShiftDefinition[] shifts = [new("Z", new LocalTime(8, 0), Duration.FromHours(24)), new("D", new LocalTime(6, 0), Duration.FromHours(8))];
        var demands = Week.SelectMany(d => shifts.Select(s => new Demand(GateA, A, d, s.Code, 0, maximum: 1))).ToList();
        var problem = RosterProblem.Create(Week, shifts, demands, [Volunteer(1, rules: new WorkRules(minRest: Duration.FromHours(24)))]);
        var w = new Id<Worker>(1);

        var roster = RosterPlanner.Score(problem, [new(w, Aug18, GateA, "Z"), new(w, Aug18.PlusDays(2), GateA, "D")]);

        Assert.Equal(1, roster.Score.ByRule[RuleKind.Rest].Hard);
        Assert.Equal(1, roster.Score.Hard);
        Assert.Equal(0, RosterPlanner.Score(problem, [new(w, Aug18, GateA, "Z"), new(w, Aug18.PlusDays(3), GateA, "D")]).Score.Hard);
    }

    [Fact]
    public void Plan_never_schedules_too_little_rest_across_a_day_off()
    {
        ShiftDefinition[] shifts = [new("Z", new LocalTime(8, 0), Duration.FromHours(24)), new("D", new LocalTime(6, 0), Duration.FromHours(8))];
        var demands = Week.SelectMany(d => shifts.Select(s => new Demand(GateA, A, d, s.Code, 1, minimum: s.Code == "Z" && d == Aug18 ? 1 : null))).ToList();
        var problem = RosterProblem.Create(Week, shifts, demands, [Volunteer(1, rules: new WorkRules(minRest: Duration.FromHours(24)))]);
        foreach (var seed in Enumerable.Range(0, 10))
        {
            var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed, iterationLimit: 3000)).Match(r => r, n => n.Best);
            Assert.True(RosterChecker.AllPairsKeepRestAndOverlap(problem, roster.Assignments));
            Assert.Equal(0, roster.Score.Hard);
        }
    }

    [Fact]
    public void Score_planner_and_repair_treat_a_night_into_an_unavailable_date_as_unavailable()
    {
        ShiftDefinition[] shifts = [new("N", new LocalTime(22, 0), Duration.FromHours(8))];
        var demands = Week.Select(d => new Demand(GateA, A, d, "N", 1)).ToList();
        var w = new Id<Worker>(1);
        var night19 = new RosterAssignment(w, Aug18.PlusDays(1), GateA, "N");
        var unavailable = RosterProblem.Create(Week, shifts, demands, [Volunteer(1, unavailable: [Aug18.PlusDays(2)])]);

        Assert.Equal(1, RosterPlanner.Score(unavailable, [night19]).Score.ByRule[RuleKind.Unavailable].Hard);
        var planned = RosterPlanner.Plan(unavailable, new PlannerOptions(1, iterationLimit: 2000)).AsT0;
        Assert.DoesNotContain(planned.Assignments, a => a.Date == Aug18.PlusDays(1) || a.Date == Aug18.PlusDays(2));

        var free = RosterProblem.Create(Week, shifts, demands, [Volunteer(1)]);
        var published = Week.Select(d => new RosterAssignment(w, d, GateA, "N")).ToList();
        var repaired = RosterRepair.Repair(free, published, new WorkerUnavailable(w, Aug18.PlusDays(2)), FreezeAt.Options(10, date: Aug18, iterationLimit: 500));
        Assert.DoesNotContain(night19, repaired.Roster.Assignments);
        Assert.Equal(0, repaired.Roster.Score.Hard);
    }

    [Fact]
    public void Repair_takes_an_unavailable_worker_off_duty_even_when_nobody_can_replace_them()
    {
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12))];
        var w = new Id<Worker>(1);
        var problem = RosterProblem.Create(Week, shifts, [new Demand(GateA, A, Aug18.PlusDays(1), "D", 1, minimum: 1)], [Volunteer(1)]);
        var published = new[] { new RosterAssignment(w, Aug18.PlusDays(1), GateA, "D") };

        var repaired = RosterRepair.Repair(problem, published, new WorkerUnavailable(w, Aug18.PlusDays(1)), FreezeAt.Options(50, date: Aug18, iterationLimit: 300));

        Assert.Empty(repaired.Roster.Assignments);
        Assert.Equal(1, repaired.Roster.Score.ByRule[RuleKind.CoverMinimum].Hard);
        Assert.False(repaired.Roster.Score.ByRule.ContainsKey(RuleKind.Unavailable));
    }

    [Fact]
    public void Create_with_the_community_rejects_a_demand_that_puts_a_post_in_another_compound()
    {
        var community = Community.Create("Pubai", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new FakeClock(CommunityOps.T0));
        var a = community.AddCompound("Dongfang").AsT0;
        var b = community.AddCompound("Meiyuan").AsT0;
        var gateOfA = community.AddPost(a.Id, PostKind.Gate, "East gate").AsT0;
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8))];
        var trapped = new Worker(new Id<Worker>(1), WorkerKind.PartyMemberVolunteer, b.Id, confinedTo: b.Id);

        var ex = Assert.Throws<ArgumentException>(() => RosterProblem.Create(Week, shifts, [new Demand(gateOfA.Id, b.Id, Aug18, "D", 1)], [trapped], community: community));
        Assert.Equal("demands", ex.ParamName);

        // Built from the post itself, the compound is the post's: confinement then holds.
        var problem = RosterProblem.Create(Week, shifts, [new Demand(gateOfA.Id, gateOfA.CompoundId, Aug18, "D", 1)], [trapped], community: community);
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 500)).AsT0;
        Assert.Empty(roster.Assignments);
        Assert.Equal(1, RosterPlanner.Score(problem, [new(trapped.Id, Aug18, gateOfA.Id, "D")]).Score.ByRule[RuleKind.Confinement].Hard);
    }

    [Fact]
    public void Plan_adds_nobody_unrequested_and_extra_people_only_where_a_maximum_allows()
    {
        // 12 duties for 7 interchangeable volunteers, with fairness weighed: exactly 12 assignments.
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("N", new LocalTime(20, 0), Duration.FromHours(8))];
        var dates = Week.Take(6).ToList();
        var demands = dates.SelectMany(d => shifts.Select(s => new Demand(GateA, A, d, s.Code, 1, minimum: 1))).ToList();
        var volunteers = Enumerable.Range(1, 7).Select(i => Volunteer(i)).ToList();
        var problem = RosterProblem.Create(Week, shifts, demands, volunteers, weights: new PreferenceWeights(0, 5));
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 5000)).AsT0;
        Assert.Equal(12, roster.Assignments.Count);
        Assert.False(roster.Score.ByRule.ContainsKey(RuleKind.CoverOver));

        // A maximum above the requirement lets the planner add people (each at the over weight) to even hours.
        var open = demands.Select(d => new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, 1, overWeight: 0, minimum: 1, maximum: 3)).ToList();
        var roomy = RosterPlanner.Plan(RosterProblem.Create(Week, shifts, open, volunteers, weights: new PreferenceWeights(0, 5)), new PlannerOptions(1, iterationLimit: 5000)).AsT0;
        Assert.All(roomy.Assignments.GroupBy(a => (a.Date, a.ShiftCode)), g => Assert.InRange(g.Count(), 1, 3));
    }

    [Fact]
    public void Score_a_pin_beyond_the_maximum_is_a_hard_cover_maximum()
    {
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8))];
        var demand = new Demand(GateA, A, Aug18, "D", 1);
        var pins = new[] { new RosterAssignment(new Id<Worker>(1), Aug18, GateA, "D"), new RosterAssignment(new Id<Worker>(2), Aug18, GateA, "D") };
        var problem = RosterProblem.Create(Week, shifts, [demand], [Volunteer(1), Volunteer(2)], pins: pins);
        var result = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 100));
        Assert.Equal(1, result.AsT1.Best.Score.ByRule[RuleKind.CoverMaximum].Hard);
        Assert.Empty(result.AsT1.Uncovered);
    }
}
