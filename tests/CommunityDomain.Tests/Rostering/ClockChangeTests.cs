using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// Rules about time are about instants: across a daylight-saving change a duty is as long as its duration, so rest,
/// overlap and availability follow the real clock of <see cref="RosterProblem.Zone"/> (New York: 13 March 2022 02:00
/// jumps to 03:00, 6 November 2022 02:00 falls back to 01:00). Every score is also checked by the independent checker.
/// </summary>
public sealed class ClockChangeTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly LocalDate FallBackEve = new(2022, 11, 5);
    private static readonly LocalDate SpringForwardEve = new(2022, 3, 12);
    private static readonly Id<Post> Gate = new(1);
    private static readonly Id<Compound> Home = new(1);

    private static RosterProblem Problem(
        DateTimeZone? zone, LocalDate first, int days, ShiftDefinition[] shifts, (int Day, string Code)[] duties, WorkRules? rules = null, Worker? worker = null) =>
        RosterProblem.Create(
            new DateInterval(first, first.PlusDays(days - 1)),
            shifts,
            duties.Select(d => new Demand(Gate, Home, first.PlusDays(d.Day), d.Code, 1, 100, 1)),
            [worker ?? new Worker(new Id<Worker>(1), WorkerKind.Staff, Home)],
            rules,
            zone: zone);

    private static RosterScore Score(RosterProblem problem, params (int Day, string Code)[] duties)
    {
        var assignments = duties.Select(d => new RosterAssignment(new Id<Worker>(1), problem.Horizon.Start.PlusDays(d.Day), Gate, d.Code)).ToList();
        var score = RosterPlanner.Score(problem, assignments).Score;
        var check = RosterChecker.Check(problem, assignments);
        Assert.Equal((check.Hard, check.Soft), (score.Hard, score.Soft));
        return score;
    }

    private static int Hard(RosterScore score, RuleKind rule) => score.ByRule.GetValueOrDefault(rule).Hard;

    private static RosterProblem Required(RosterProblem problem) =>
        RosterProblem.Create(problem.Horizon, problem.Shifts, problem.Demands.Select(d => new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, 1, 100, 1, minimum: 1)),
            problem.Workers, problem.DefaultRules, zone: problem.Zone);

    private static int Planned(RosterProblem problem) =>
        RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 2_000)).Match(r => r.Assignments.Count, n => -1);

    [Fact]
    public void A_night_across_the_fall_back_change_ends_an_hour_earlier_on_the_clock_so_the_next_morning_duty_does_not_overlap()
    {
        // 20:00 EDT + 12 h = 07:00 EST; on a clock without changes it would end at 08:00, after the 07:30 start.
        ShiftDefinition[] shifts = [new("N", new LocalTime(20, 0), Duration.FromHours(12)), new("M", new LocalTime(7, 30), Duration.FromHours(8))];
        (int, string)[] duties = [(0, "N"), (1, "M")];
        var real = Problem(NewYork, FallBackEve, 2, shifts, duties);
        var fixedClock = Problem(null, FallBackEve, 2, shifts, duties);

        Assert.Equal(0, Score(real, duties).Hard);
        Assert.Equal(1, Hard(Score(fixedClock, duties), RuleKind.Overlap));
        Assert.Equal(2, Planned(real));
        Assert.Equal(1, Planned(fixedClock));
    }

    [Fact]
    public void Rest_across_the_spring_forward_change_is_an_hour_shorter_and_the_planner_keeps_it()
    {
        // 22:00 EST to 08:00 EDT is 9 hours, not 10.
        ShiftDefinition[] shifts = [new("E", new LocalTime(14, 0), Duration.FromHours(8)), new("M", new LocalTime(8, 0), Duration.FromHours(8))];
        (int, string)[] duties = [(0, "E"), (1, "M")];
        var rules = new WorkRules(minRest: Duration.FromHours(10));
        var real = Problem(NewYork, SpringForwardEve, 2, shifts, duties, rules);
        var fixedClock = Problem(null, SpringForwardEve, 2, shifts, duties, rules);

        Assert.Equal(1, Hard(Score(real, duties), RuleKind.Rest));
        Assert.Equal(0, Score(fixedClock, duties).Hard);
        Assert.Equal(1, Planned(real));
        Assert.Equal(2, Planned(fixedClock));
    }

    [Fact]
    public void Rest_across_a_date_off_and_the_spring_forward_change_is_judged_on_instants()
    {
        // A 24-hour duty from 08:00 EST on the 12th ends at 09:00 EDT on the 13th; 06:00 on the 14th is 21 h later.
        ShiftDefinition[] shifts = [new("X", new LocalTime(8, 0), Duration.FromHours(24)), new("M", new LocalTime(6, 0), Duration.FromHours(8))];
        (int, string)[] duties = [(0, "X"), (2, "M")];
        var rules = new WorkRules(minRest: Duration.FromHours(22));

        Assert.Equal(1, Hard(Score(Problem(NewYork, SpringForwardEve, 3, shifts, duties, rules), duties), RuleKind.Rest));
        Assert.Equal(0, Score(Problem(null, SpringForwardEve, 3, shifts, duties, rules), duties).Hard);
    }

    [Fact]
    public void Rest_three_dates_apart_counts_when_the_clock_jumps_forward_between_the_duties()
    {
        // 23:45 EST on the 11th + 24 h ends 23:45 EST on the 12th; 00:00 EDT on the 14th is 23 h 15 min later, under 24 h.
        ShiftDefinition[] shifts = [new("Z", new LocalTime(23, 45), Duration.FromHours(24)), new("A", new LocalTime(0, 0), Duration.FromHours(8))];
        (int, string)[] duties = [(0, "Z"), (3, "A")];
        var rules = new WorkRules(minRest: Duration.FromHours(24));
        var first = SpringForwardEve.PlusDays(-1);

        Assert.Equal(1, Hard(Score(Problem(NewYork, first, 4, shifts, duties, rules), duties), RuleKind.Rest));
        Assert.Equal(0, Score(Problem(null, first, 4, shifts, duties, rules), duties).Hard);
    }

    [Fact]
    public void Availability_is_judged_on_the_duty_s_real_end_across_the_fall_back_change()
    {
        // Available 19:00 on the 5th to 07:00 on the 6th and again from 09:00 (both dates restricted): the 12-hour
        // night from 20:00 ends at 07:00 EST, inside; on a clock without changes it would end at 08:00, outside.
        var night = new AvailabilityWindow(FallBackEve.At(new LocalTime(19, 0)), FallBackEve.PlusDays(1).At(new LocalTime(7, 0)));
        var day = new AvailabilityWindow(FallBackEve.PlusDays(1).At(new LocalTime(9, 0)), FallBackEve.PlusDays(1).At(new LocalTime(17, 0)));
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, Home, availability: [night, day]);
        ShiftDefinition[] shifts = [new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        (int, string)[] duties = [(0, "N")];

        Assert.Equal(0, Score(Problem(NewYork, FallBackEve, 1, shifts, duties, worker: worker), duties).Hard);
        Assert.Equal(1, Hard(Score(Problem(null, FallBackEve, 1, shifts, duties, worker: worker), duties), RuleKind.Unavailable));
    }

    [Fact]
    public void On_places_a_start_in_the_spring_forward_gap_after_the_gap_and_an_ambiguous_one_at_the_earlier_instant()
    {
        var inGap = new ShiftDefinition("G", new LocalTime(2, 30), Duration.FromHours(1)).On(SpringForwardEve.PlusDays(1), NewYork);
        Assert.Equal(Instant.FromUtc(2022, 3, 13, 7, 30), inGap.Start);
        Assert.Equal(Duration.FromHours(1), inGap.Duration);

        var repeated = new ShiftDefinition("R", new LocalTime(1, 30), Duration.FromHours(1)).On(FallBackEve.PlusDays(1), NewYork);
        Assert.Equal(Instant.FromUtc(2022, 11, 6, 5, 30), repeated.Start);

        var refused = Assert.Throws<ArgumentNullException>(() => new ShiftDefinition("R", new LocalTime(1, 30), Duration.FromHours(1)).On(FallBackEve, null!));
        Assert.Equal("zone", refused.ParamName);
    }

    [Fact]
    public void A_problem_s_zone_is_the_one_given_else_the_community_s_else_UTC_and_must_match_the_community()
    {
        var shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var community = Community.Create("Pubai", shanghai, new FakeClock(Instant.FromUtc(2022, 4, 1, 0, 0)));
        var horizon = new DateInterval(FallBackEve, FallBackEve);
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8))];

        Assert.Equal(DateTimeZone.Utc, RosterProblem.Create(horizon, shifts, [], []).Zone);
        Assert.Equal(NewYork, RosterProblem.Create(horizon, shifts, [], [], zone: NewYork).Zone);
        Assert.Equal(shanghai, RosterProblem.Create(horizon, shifts, [], [], community: community).Zone);
        Assert.Equal(shanghai, RosterProblem.Create(horizon, shifts, [], [], community: community, zone: shanghai).Zone);
        var refused = Assert.Throws<ArgumentException>(() => RosterProblem.Create(horizon, shifts, [], [], community: community, zone: NewYork));
        Assert.Equal("zone", refused.ParamName);
    }

    [Fact]
    public void A_stored_problem_keeps_its_zone_and_one_stored_without_a_zone_reads_as_UTC()
    {
        ShiftDefinition[] shifts = [new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        var problem = Problem(NewYork, FallBackEve, 2, shifts, [(0, "N")]);

        var json = CommunityJson.Write(problem);
        var back = CommunityJson.Read<RosterProblem>(json).AsT0;
        Assert.Equal(NewYork, back.Zone);

        var withoutZone = json.Replace("\"zone\":\"America/New_York\",", "", StringComparison.Ordinal).Replace(",\"zone\":\"America/New_York\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("America/New_York", withoutZone, StringComparison.Ordinal);
        Assert.Equal(DateTimeZone.Utc, CommunityJson.Read<RosterProblem>(withoutZone).AsT0.Zone);
    }

    [Theory]
    [InlineData(1, 30, 60)]
    [InlineData(1, 45, 30)]
    [InlineData(1, 0, 90)]
    public void A_duty_in_the_repeated_hour_is_outside_a_window_that_starts_later_that_morning(int hour, int minute, int minutes)
    {
        // 01:30 EDT + 60 min ends at 01:30 EST: on the clock no time passes, yet the duty fills the whole repeated hour.
        var day = FallBackEve.PlusDays(1);
        var window = new AvailabilityWindow(day.At(new LocalTime(10, 0)), day.At(new LocalTime(12, 0)));
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, Home, availability: [window]);
        ShiftDefinition[] shifts = [new("R", new LocalTime(hour, minute), Duration.FromMinutes(minutes))];
        (int, string)[] duties = [(0, "R")];
        var problem = Problem(NewYork, day, 1, shifts, duties, worker: worker);

        Assert.Equal(1, Hard(Score(problem, duties), RuleKind.Unavailable));
        Assert.Equal(0, Planned(problem));
    }

    [Fact]
    public void A_window_over_the_repeated_hour_covers_a_duty_that_runs_through_it_twice()
    {
        // 01:00 EDT to 02:00 EST is two real hours, both read between 01:00 and 02:00 on the clock.
        var day = FallBackEve.PlusDays(1);
        var window = new AvailabilityWindow(day.At(new LocalTime(1, 0)), day.At(new LocalTime(2, 0)));
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, Home, availability: [window]);
        ShiftDefinition[] shifts = [new("R", new LocalTime(1, 0), Duration.FromHours(2))];
        (int, string)[] duties = [(0, "R")];

        Assert.Equal(0, Score(Problem(NewYork, day, 1, shifts, duties, worker: worker), duties).Hard);
    }

    [Theory]
    [InlineData(20, 0, 11, 7, 30)]
    [InlineData(8, 0, 24, 8, 0)]
    public void One_worker_is_never_planned_on_two_duties_that_overlap_across_the_spring_forward_change(int hour, int minute, int hours, int nextHour, int nextMinute)
    {
        // 20:00 EST + 11 h ends at 08:00 EDT, after the 07:30 start; 08:00 + 24 h ends at 09:00 EDT. Both duties have a
        // hard minimum: the roster leaves one uncovered rather than put the only worker in two places.
        ShiftDefinition[] shifts = [new("A", new LocalTime(hour, minute), Duration.FromHours(hours)), new("B", new LocalTime(nextHour, nextMinute), Duration.FromHours(8))];
        (int, string)[] duties = [(0, "A"), (1, "B")];
        var problem = Required(Problem(NewYork, SpringForwardEve, 2, shifts, duties));

        Assert.Equal(1, Hard(Score(problem, duties), RuleKind.Overlap));
        for (var seed = 1; seed <= 3; seed++)
        {
            var best = RosterPlanner.Plan(problem, new PlannerOptions(seed, iterationLimit: 2_000)).Match(r => r, n => n.Best);
            Assert.Equal(0, best.Score.ByRule.GetValueOrDefault(RuleKind.Overlap).Hard);
            Assert.Single(best.Assignments);
        }
    }

    [Fact]
    public void Duties_two_dates_apart_that_overlap_across_the_spring_forward_change_are_an_overlap_and_never_planned()
    {
        // 23:45 EST on the 12th + 24 h ends at 00:45 EDT on the 14th, after that date's 00:00 start; no rest rule at all.
        ShiftDefinition[] shifts = [new("Z", new LocalTime(23, 45), Duration.FromHours(24)), new("A", new LocalTime(0, 0), Duration.FromHours(8))];
        (int, string)[] duties = [(0, "Z"), (2, "A")];
        var problem = Required(Problem(NewYork, SpringForwardEve, 3, shifts, duties));

        var score = Score(problem, duties);
        Assert.Equal((1, 0), (Hard(score, RuleKind.Overlap), Hard(score, RuleKind.Rest)));
        var best = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 2_000)).Match(r => r, n => n.Best);
        Assert.Equal(0, best.Score.ByRule.GetValueOrDefault(RuleKind.Overlap).Hard);
        Assert.Single(best.Assignments);
    }

    [Theory]
    [InlineData("Asia/Manila", 2022, 8, 1)]
    [InlineData("America/Anchorage", 2022, 3, 12)]
    [InlineData("Pacific/Apia", 2011, 12, 28)]
    public void Zones_whose_history_spans_more_than_a_day_of_offsets_plan_and_score_as_the_checker_does(string zoneId, int year, int month, int day)
    {
        // Manila's and Anchorage's offsets once spanned more than 18 h (the compiler overflowed an Offset); Apia skipped
        // 30 December 2011 altogether, so that date's duties start on the 31st.
        var first = new LocalDate(year, month, day);
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        var duties = Enumerable.Range(0, 6).SelectMany(d => new[] { (d, "D"), (d, "N") }).ToArray();
        var workers = Enumerable.Range(1, 3).Select(i => new Worker(new Id<Worker>(i), WorkerKind.Staff, Home)).ToList();
        var problem = RosterProblem.Create(new DateInterval(first, first.PlusDays(5)), shifts,
            duties.Select(d => new Demand(Gate, Home, first.PlusDays(d.Item1), d.Item2, 1, 100, 1)), workers,
            new WorkRules(minRest: Duration.FromHours(11)), zone: DateTimeZoneProviders.Tzdb[zoneId]);

        var roster = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 2_000)).Match(r => r, n => n.Best);
        var check = RosterChecker.Check(problem, roster.Assignments);
        Assert.Equal((check.Hard, check.Soft), (roster.Score.Hard, roster.Score.Soft));
        Assert.NotEmpty(roster.Assignments);
    }

    [Fact]
    public void Two_names_of_one_zone_are_one_clock_for_the_community_and_for_repair()
    {
        var eastern = DateTimeZoneProviders.Tzdb["US/Eastern"];
        var community = Community.Create("Queens", NewYork, new FakeClock(Instant.FromUtc(2022, 3, 1, 0, 0)));
        var horizon = new DateInterval(SpringForwardEve, SpringForwardEve);
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8))];

        Assert.Equal(NewYork, RosterProblem.Create(horizon, shifts, [], [], community: community, zone: eastern).Zone); // the community's name for it
        var problem = Problem(NewYork, SpringForwardEve, 1, shifts, [(0, "D")]);
        var frozen = SpringForwardEve.At(new LocalTime(9, 0)).InZoneStrictly(NewYork).ToInstant();
        var repair = CommunityDomain.Rostering.Coordination.RosterRepair.Repair(problem, [new RosterAssignment(new Id<Worker>(1), SpringForwardEve, Gate, "D")],
            new CommunityDomain.Rostering.Coordination.WorkerUnavailable(new Id<Worker>(1), SpringForwardEve.PlusDays(1)),
            new CommunityDomain.Rostering.Coordination.RepairOptions(1, frozen, eastern, iterationLimit: 10));
        Assert.Single(repair.Roster.Assignments);

        // A problem on Etc/UTC (the database's name of UTC) has no clock of its own: the freeze takes the options' zone.
        var utc = Problem(DateTimeZoneProviders.Tzdb["Etc/UTC"], SpringForwardEve, 1, shifts, [(0, "D")]);
        Assert.Single(CommunityDomain.Rostering.Coordination.RosterRepair.Repair(utc, [new RosterAssignment(new Id<Worker>(1), SpringForwardEve, Gate, "D")],
            new CommunityDomain.Rostering.Coordination.WorkerUnavailable(new Id<Worker>(1), SpringForwardEve.PlusDays(1)),
            new CommunityDomain.Rostering.Coordination.RepairOptions(1, frozen, NewYork, iterationLimit: 10)).Roster.Assignments);
    }

    [Fact]
    public void An_ad_hoc_need_in_the_spring_forward_gap_is_named_for_when_it_starts()
    {
        // Someone to the gate at 02:30 on 13 March: the clock skips from 02:00 to 03:00, so the need starts at 03:30.
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8))];
        var problem = Problem(NewYork, SpringForwardEve, 2, shifts, [(0, "D"), (1, "D")]);

        var ranking = CommunityDomain.Rostering.Coordination.RosterDispatch.Rank(problem, [], Gate, SpringForwardEve.PlusDays(1).At(new LocalTime(2, 30)), Duration.FromHours(2));

        var need = ranking.Problem.Shifts[^1];
        Assert.Equal("ADHOC-20220313-0330", need.Code);
        Assert.Equal(Instant.FromUtc(2022, 3, 13, 7, 30), need.On(SpringForwardEve.PlusDays(1), NewYork).Start);
    }
}
