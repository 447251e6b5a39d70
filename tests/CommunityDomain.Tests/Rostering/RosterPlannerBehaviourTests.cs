using System.Globalization;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering;

public sealed class RosterPlannerBehaviourTests
{
    private sealed class Recorder : IProgress<PlannerProgress>
    {
        public List<PlannerProgress> Reports { get; } = [];

        public void Report(PlannerProgress value) => Reports.Add(value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_time_limit_beyond_the_clock_plans_as_the_iteration_limit_alone(bool longest)
    {
        // Duration.MaxValue once overflowed the search's tick count (OverflowException) instead of meaning "no time limit".
        var g = RosterGenerators.Create(11);
        var limit = longest ? Duration.MaxValue : Duration.FromDays(1_000_000);
        Roster Plan(Duration? t) =>
            RosterPlanner.Plan(g.Problem, new PlannerOptions(3, t, iterationLimit: 300) { DegreeOfParallelism = 2 }).Match(r => r, n => n.Best);

        var alone = Plan(null);
        var beyond = Plan(limit);
        Assert.Equal(alone.Assignments, beyond.Assignments);
        Assert.Equal(alone.LowerBound, beyond.LowerBound);
    }

    [Fact]
    public void Demands_asking_for_the_most_people_at_the_largest_weights_are_planned_and_scored_like_the_checker()
    {
        // At RosterProblem.MaxPeopleAsked, with a minimum there and an int's largest weights: the hard total (people missing
        // from minimums, an int) and the soft total (a long) both fit; above it Create refuses (RosterProblemValidationTests).
        const int most = (int)RosterProblem.MaxPeopleAsked;
        var problem = Problem(days: 1, demands: [new Demand(Gate, Home, Monday, "D", most, int.MaxValue, int.MaxValue, minimum: most)]);
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 200) { DegreeOfParallelism = 1 }).Match(r => r, n => n.Best);

        var check = RosterChecker.Check(problem, roster.Assignments);
        Assert.Equal((check.Hard, check.Soft), (roster.Score.Hard, roster.Score.Soft));
        Assert.Equal(most - 2, roster.Score.Hard);
        Assert.Equal((long)int.MaxValue * (most - 2), roster.Score.Soft);
        Assert.Null(RosterPlanner.LowerBound(problem, 50));
    }

    [Fact]
    public void Plan_reports_progress_in_never_worse_best_score_order()
    {
        var g = RosterGenerators.Create(12345);
        var recorder = new Recorder();
        var result = RosterPlanner.Plan(g.Problem, new PlannerOptions(1, iterationLimit: 3000), recorder);
        Assert.NotEmpty(recorder.Reports);
        for (var i = 1; i < recorder.Reports.Count; i++)
        {
            Assert.True(recorder.Reports[i].Best <= recorder.Reports[i - 1].Best);
        }

        Assert.Equal(recorder.Reports[^1].Best, result.Match(r => r.Score.Total, n => n.Best.Score.Total));
    }

    [Fact]
    public void Plan_cancelled_before_start_returns_the_constructed_roster_without_searching()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var recorder = new Recorder();
        var g = RosterGenerators.Create(777);
        var result = RosterPlanner.Plan(g.Problem, new PlannerOptions(1, iterationLimit: 1_000_000_000), recorder, cts.Token);
        Assert.Single(recorder.Reports);
        Assert.Equal(0, recorder.Reports[0].Iteration);
        var roster = result.Match(r => r, n => n.Best);
        Assert.Equal(RosterChecker.Check(g.Problem, roster.Assignments).Hard, roster.Score.Hard);
    }

    [Fact]
    public void Plan_cancelled_while_running_stops_early()
    {
        using var cts = new CancellationTokenSource();
        var progress = new CancelAfterFirstImprovement(cts);
        var g = RosterGenerators.Create(4242);
        RosterPlanner.Plan(g.Problem, new PlannerOptions(1, timeLimit: Duration.FromHours(1)), progress, cts.Token);
        Assert.True(cts.IsCancellationRequested);
    }

    [Fact]
    public void Plan_concurrent_runs_give_the_same_rosters_as_sequential_runs()
    {
        var problems = Enumerable.Range(0, 4).Select(i => RosterGenerators.Create(100 + i).Problem).ToList();
        var sequential = problems.Select(p => Names(p)).ToList();
        var parallel = problems.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(p => Names(p)).ToList();
        Assert.Equal(sequential, parallel);

        static string Names(RosterProblem p) => string.Join(";", RosterPlanner.Plan(p, new PlannerOptions(5, iterationLimit: 1500))
            .Match(r => r, n => n.Best).Assignments);
    }

    [Fact]
    public void Plan_infeasible_problem_returns_no_feasible_roster_with_violations()
    {
        var p = Problem(demands: Demands(required: 3, minimum: 3));
        var result = RosterPlanner.Plan(p, new PlannerOptions(1, iterationLimit: 500));
        Assert.True(result.IsT1);
        Assert.NotEmpty(result.AsT1.Violations);
        Assert.All(result.AsT1.Violations, v => Assert.Equal(RuleKind.CoverMinimum, v.Rule));
        Assert.Equal("roster.no-feasible-roster", result.AsT1.Code);
    }

    [Fact]
    public void No_feasible_roster_says_how_many_in_words_with_plurals_and_no_ids()
    {
        var one = RosterPlanner.Plan(Problem(demands: Demands(days: 1, required: 3, minimum: 3), days: 1), new PlannerOptions(1, iterationLimit: 500)).AsT1;
        var seven = RosterPlanner.Plan(Problem(demands: Demands(required: 3, minimum: 3)), new PlannerOptions(1, iterationLimit: 500)).AsT1;
        var en = CultureInfo.GetCultureInfo("en");
        var zh = CultureInfo.GetCultureInfo("zh-CN");

        Assert.Equal("No roster without hard violations was found; the best one still has 1 hard violation, and 1 duty is short of 1 person in all.", one.MessageIn(en));
        Assert.Equal("No roster without hard violations was found; the best one still has 7 hard violations, and 7 duties are short of 7 people in all.", seven.MessageIn(en));
        Assert.Equal("未找到不违反硬约束的排班；最佳方案仍有1处硬约束违反，1个班次共缺1人。", one.MessageIn(zh));

        // Pins that overlap break a rule while every duty keeps its minimum.
        var pinned = RosterPlanner.Plan(Problem(pins: [A(1, 0, "N"), A(1, 1, "D")], days: 2), new PlannerOptions(1, iterationLimit: 500)).AsT1;
        Assert.Empty(pinned.Uncovered);
        Assert.Equal("No roster without hard violations was found; the best one still has 1 hard violation (no duty is below its minimum).", pinned.MessageIn(en));
        Assert.Equal("未找到不违反硬约束的排班；最佳方案仍有1处硬约束违反（没有班次低于最低人数）。", pinned.MessageIn(zh));
    }

    [Fact]
    public void Plan_fills_a_simple_gate_roster_without_violations()
    {
        var workers = Enumerable.Range(1, 4).Select(i => new Worker(W(i), WorkerKind.Staff, Home)).ToList();
        var p = Problem(workers: workers, demands: Demands(required: 2, minimum: 1), rules: new WorkRules(maxConsecutiveDays: 4, minRest: Duration.FromHours(11)));
        var roster = RosterPlanner.Plan(p, new PlannerOptions(1, iterationLimit: 2000)).AsT0;
        Assert.Equal(0, roster.Score.Soft - Part(roster, RuleKind.Fairness).Soft);
        Assert.Equal(14, roster.Assignments.Count);
    }

    [Fact]
    public void Plan_staffs_duties_whose_first_assignment_widens_the_spread_of_hours()
    {
        // Seven interchangeable volunteers, twelve 12-hour duties (day and night for six dates), no minimum,
        // fairness 1 against underWeight 100. The first duty given to anyone costs 123 fairness points (more
        // than the 100 it saves), so a search judging each placement with fairness stays on the empty roster
        // (1,200). The optimum staffs all twelve, five people with two duties and two with one:
        // (7 * (5 * 1440^2 + 2 * 720^2) - 8640^2) / (3600 * 7) = 205.7, rounded down 205.
        var day = new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(12));
        var night = new ShiftDefinition("N", new LocalTime(20, 0), Duration.FromHours(12));
        var demands = Enumerable.Range(0, 6).SelectMany(d => new[]
        {
            new Demand(Gate, Home, Monday.PlusDays(d), "D", 1, underWeight: 100),
            new Demand(Gate, Home, Monday.PlusDays(d), "N", 1, underWeight: 100),
        });
        var workers = Enumerable.Range(1, 7).Select(i => new Worker(W(i), WorkerKind.ResidentVolunteer, Home));
        var p = RosterProblem.Create(new DateInterval(Monday, Monday.PlusDays(5)), [day, night], demands, workers,
            weights: new PreferenceWeights(ownCompound: 0, fairness: 1));

        var roster = RosterPlanner.Plan(p, new PlannerOptions(1, iterationLimit: 20_000)).Match(r => r, n => n.Best);

        var check = RosterChecker.Check(p, roster.Assignments);
        Assert.Equal(0, check.Hard);
        Assert.Equal(12, roster.Assignments.Count);
        Assert.Equal(205, check.Soft);
    }

    [Fact]
    public void Plan_with_a_fake_time_provider_stops_at_the_time_limit()
    {
        var time = new SteppingTimeProvider(TimeSpan.FromMilliseconds(10));
        var g = RosterGenerators.Create(99);
        var recorder = new Recorder();
        RosterPlanner.Plan(g.Problem, new PlannerOptions(1, timeLimit: Duration.FromSeconds(1), timeProvider: time), recorder);
        Assert.True(time.Calls < 200);
    }

    [Fact]
    public void Under_a_time_limit_alone_the_bound_spends_the_time_left_not_the_fixed_budget()
    {
        // 30 staff for 2 posts x 3 shifts x 28 days wanting 3-5 people each: at most 20 duties each, so at least 72
        // person-shifts go uncovered and the bound has something to find (it still rises past 2,000 iterations).
        // Every timestamp read is 0.5 ms later: the search stops at 18 s of its 20 s and the bound gets the last 2 s, one
        // read per subgradient iteration and one per stalled step of the paid ascent (its time estimate; about 2,000). An iteration-limited plan's fixed budget here is 782. The
        // bound's iterates toward the same roster are those of LowerBound, and more never give less, so spending the
        // time shows as a bound above LowerBound's 1,000 iterations.
        var start = new LocalDate(2022, 8, 15);
        var horizon = new DateInterval(start, start.PlusDays(27));
        ShiftDefinition[] shifts = [new("E", new LocalTime(6, 0), Duration.FromHours(8)), new("L", new LocalTime(14, 0), Duration.FromHours(8)), new("N", new LocalTime(22, 0), Duration.FromHours(8))];
        var compound = new Id<CommunityDomain.Communities.Compound>(1);
        var demands = horizon.SelectMany(d => new[] { 1, 2 }.SelectMany(post => shifts.Select(s =>
            new Demand(new Id<CommunityDomain.Communities.Post>(post), compound, d, s.Code, 3 + ((d.Day + post) % 3), underWeight: 100, overWeight: 20)))).ToList();
        var staff = Enumerable.Range(1, 30).Select(i => new Worker(new Id<Worker>(i), WorkerKind.Staff, compound)).ToList();
        var rules = new WorkRules(maxConsecutiveDays: 5, minRest: Duration.FromHours(11), maxTotalMinutes: 20 * 480, minTotalMinutes: 12 * 480);
        var problem = RosterProblem.Create(horizon, shifts, demands, staff, rules);
        var options = new PlannerOptions(1, timeLimit: Duration.FromSeconds(20), timeProvider: new SteppingTimeProvider(TimeSpan.FromMilliseconds(0.5))) { DegreeOfParallelism = 1 };

        var roster = Assert.IsType<Roster>(RosterPlanner.Plan(problem, options).Value);

        Assert.NotNull(roster.LowerBound);
        Assert.True(roster.LowerBound > RosterPlanner.LowerBound(problem, 1_000, roster.Score.Soft), $"bound {roster.LowerBound}");
        Assert.True(roster.LowerBound <= roster.Score.Soft);
    }

    [Fact]
    public void Under_a_time_limit_the_bound_expects_the_iterations_that_fit_in_the_time_left()
    {
        // Every timestamp read is 10 ms later: the engine's start and each estimate read one each.
        var g = RosterGenerators.Create(7);
        var timed = new SearchEngine(g.Problem.Compiled, new PlannerOptions(1, timeLimit: Duration.FromSeconds(1), timeProvider: new SteppingTimeProvider(TimeSpan.FromMilliseconds(10))), progress: null);
        var fit = timed.StepsThatFit(most: 5_000);

        Assert.Equal(5_000, fit(0)); // nothing done yet: no rate (read at 20 ms; the start was read at 10 ms)
        Assert.Equal(5_000, fit(1)); // the first step: the rate starts here (read at 30 ms)

        // 10 more done in 10 ms with 970 ms left: 11 + 970.
        Assert.Equal(981, fit(11));
        Assert.Equal(5_000, fit(300)); // 289 in 20 ms would be ~13,000: never above the most
        var untimed = new SearchEngine(g.Problem.Compiled, new PlannerOptions(1, iterationLimit: 100), progress: null);
        Assert.Equal(800, untimed.StepsThatFit(most: 800)(10));
    }

    [Fact]
    public void The_time_estimate_is_not_misled_by_a_slow_setup_and_first_step()
    {
        // A 1 s limit; the bound's setup takes 500 ms and its first (cold) step 100 ms, then steps take 1 ms each. Timed
        // from the call, 11 steps in 610 ms would expect 18 in all; from the first step, 10 in 10 ms with 390 ms left
        // fit 390 more.
        var g = RosterGenerators.Create(7);
        var clock = new ManualTimeProvider();
        var engine = new SearchEngine(g.Problem.Compiled, new PlannerOptions(1, timeLimit: Duration.FromSeconds(1), timeProvider: clock), progress: null);
        var fit = engine.StepsThatFit(most: 5_000);

        clock.Milliseconds = 500;
        Assert.Equal(5_000, fit(0));
        clock.Milliseconds = 600;
        Assert.Equal(5_000, fit(1));
        clock.Milliseconds = 610;
        Assert.Equal(401, fit(11));
        clock.Milliseconds = 1_200; // past the limit: no time left, so what is done is all
        Assert.Equal(12, fit(12));
    }

    [Fact]
    public void A_time_limit_stops_the_construction_too_and_the_answer_still_names_every_hole()
    {
        // Each timestamp read is 2 s later: the limit (1 s) has passed before the first demand is placed.
        var (problem, _) = OverDemanded(workers: 6, days: 5);
        var options = new PlannerOptions(1, timeLimit: Duration.FromSeconds(1), timeProvider: new SteppingTimeProvider(TimeSpan.FromSeconds(2)));

        var none = Assert.IsType<NoFeasibleRoster>(RosterPlanner.Plan(problem, options).Value);

        Assert.Empty(none.Best.Assignments);
        Assert.Equal(problem.Demands.Count, none.Uncovered.Count);
        Assert.All(none.Uncovered, u => Assert.Equal(problem.Workers.Count, u.Reasons.Count));
        var full = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 200)).Match(r => r, n => n.Best);
        Assert.NotEmpty(full.Assignments); // without the limit the same problem gets duties placed
    }

    [Fact]
    public void Reasons_read_from_many_threads_at_once_equal_the_explanations_read_one_by_one()
    {
        var (problem, options) = OverDemanded(workers: 8, days: 7);
        var none = Assert.IsType<NoFeasibleRoster>(RosterPlanner.Plan(problem, options).Value);
        Assert.NotEmpty(none.Uncovered);

        // Read every duty's reasons concurrently (they are worked out on first read) ...
        var concurrent = new ShortfallReason[none.Uncovered.Count][];
        Parallel.For(0, none.Uncovered.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = [.. none.Uncovered[i].Reasons]);

        // ... and compare with the public explanation of the same roster, duty by duty.
        for (var i = 0; i < none.Uncovered.Count; i++)
        {
            var d = none.Uncovered[i].Demand;
            var why = RosterExplanations.WhyShort(problem, none.Best.Assignments, d.Post, d.Date, d.ShiftCode, d.Qualification);
            Assert.Equal(why.Select(r => (r.Worker, r.OnDutyElsewhere, string.Join(",", r.BrokenRules), r.SoftChange)),
                concurrent[i].Select(r => (r.Worker, r.OnDutyElsewhere, string.Join(",", r.BrokenRules), r.SoftChange)));
            Assert.Same(none.Uncovered[i].Reasons[0], concurrent[i][0]); // the same list ever after
        }
    }

    /// <summary>Two posts x two 12-hour shifts a date, 2 required (minimum 2) each: more than the workers can give.</summary>
    private static (RosterProblem Problem, PlannerOptions Options) OverDemanded(int workers, int days)
    {
        var start = new LocalDate(2022, 8, 18);
        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        var compound = new Id<CommunityDomain.Communities.Compound>(1);
        var demands = horizon.SelectMany(d => new[] { 1, 2 }.SelectMany(post => shifts.Select(s => new Demand(new Id<CommunityDomain.Communities.Post>(post), compound, d, s.Code, 2, minimum: 2)))).ToList();
        var staff = Enumerable.Range(1, workers).Select(i => new Worker(new Id<Worker>(i), WorkerKind.ResidentVolunteer, compound)).ToList();
        var problem = RosterProblem.Create(horizon, shifts, demands, staff, new WorkRules(maxConsecutiveDays: 4, minRest: Duration.FromHours(11)));
        return (problem, new PlannerOptions(3, iterationLimit: 500));
    }

    private sealed class CancelAfterFirstImprovement(CancellationTokenSource cts) : IProgress<PlannerProgress>
    {
        public void Report(PlannerProgress value)
        {
            if (value.Iteration > 0 || value.Best.Hard == 0)
            {
                cts.Cancel();
            }
        }
    }

    /// <summary>Elapsed time set by the test, in milliseconds.</summary>
    private sealed class ManualTimeProvider : TimeProvider
    {
        public long Milliseconds { get; set; }

        public override long TimestampFrequency => 1_000;

        public override long GetTimestamp() => Milliseconds;
    }

    /// <summary>Every timestamp read advances time by a fixed step: elapsed time without a clock.</summary>
    private sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public int Calls { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            Calls++;
            _ticks += step.Ticks;
            return _ticks;
        }
    }
}
