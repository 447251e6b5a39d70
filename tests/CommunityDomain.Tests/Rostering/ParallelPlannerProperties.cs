using CommunityDomain.Rostering;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// <see cref="PlannerOptions.DegreeOfParallelism"/>: several searches at once give the same roster for the same
/// problem, seed, iteration limit and degree, whatever the thread timing; search 0 is the one-search run, so more
/// searches are never worse (by the independent checker too); the roster is still scored like the checker.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries), typeof(LockdownArbitraries) }, MaxTest = 25)]
public sealed class ParallelPlannerProperties
{
    private static Roster Plan(RosterProblem problem, int degree, int seed = 4, long iterations = 400) =>
        RosterPlanner.Plan(problem, new PlannerOptions(seed, iterationLimit: iterations) { DegreeOfParallelism = degree }).Match(r => r, n => n.Best);

    [Property]
    public bool Same_problem_seed_iteration_limit_and_degree_give_the_same_roster(LockdownProblem g, bool three)
    {
        var degree = three ? 3 : 2;
        var a = Plan(g.Problem, degree);
        var b = Plan(g.Problem, degree);
        return a.Assignments.SequenceEqual(b.Assignments) && a.Score.Total == b.Score.Total;
    }

    [Property]
    public bool More_searches_are_never_worse_than_one_and_score_like_the_checker(PlantedProblem g)
    {
        var one = Plan(g.Problem, 1, iterations: 600);
        var three = Plan(g.Problem, 3, iterations: 600);
        var check = RosterChecker.Check(g.Problem, three.Assignments);
        return three.Score.Total <= one.Score.Total && (check.Hard, check.Soft) == (three.Score.Hard, three.Score.Soft);
    }

    [Property]
    public bool More_searches_are_never_worse_than_one_on_lockdown_problems(LockdownProblem g)
    {
        var one = Plan(g.Problem, 1);
        var two = Plan(g.Problem, 2);
        return two.Score.Total <= one.Score.Total;
    }

    [Property]
    public void Two_searches_are_never_worse_than_one_by_the_checker(LockdownProblem g, int seed)
    {
        var one = RosterChecker.Check(g.Problem, Plan(g.Problem, 1, seed).Assignments);
        var two = Plan(g.Problem, 2, seed);
        var check = RosterChecker.Check(g.Problem, two.Assignments);
        Assert.True(check.Hard < one.Hard || (check.Hard == one.Hard && check.Soft <= one.Soft),
            $"degree 1 ({one.Hard}, {one.Soft}), degree 2 ({check.Hard}, {check.Soft})");
        Assert.Equal((check.Hard, check.Soft), (two.Score.Hard, two.Score.Soft));
    }

    [Fact]
    public void A_parallel_plan_is_the_same_alone_and_while_other_plans_hold_the_cores()
    {
        var problems = Enumerable.Range(0, 4).Select(i => RosterGenerators.Create(300 + i).Problem).ToList();
        var alone = problems.Select(Names).ToList();

        // Eight two-search plans at once on the test machine's cores: each search's thread is delayed at other points.
        var busy = problems.Concat(problems).AsParallel().AsOrdered().WithDegreeOfParallelism(8).Select(Names).ToList();
        Assert.Equal(alone, busy.Take(4));
        Assert.Equal(alone, busy.Skip(4));

        static string Names(RosterProblem p) => string.Join(";", Plan(p, 2, iterations: 1500).Assignments);
    }

    [Fact]
    public void Progress_from_several_searches_comes_in_never_worse_order_and_ends_at_the_answer()
    {
        var g = RosterGenerators.Create(4242);
        var reports = new List<PlannerProgress>();
        var progress = new Synchronous(reports);
        var result = RosterPlanner.Plan(g.Problem, new PlannerOptions(2, iterationLimit: 3000) { DegreeOfParallelism = 4 }, progress);

        Assert.NotEmpty(reports);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Best < pair.First.Best));
        Assert.Equal(reports[^1].Best, result.Match(r => r.Score.Total, n => n.Best.Score.Total));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1_025)]
    [InlineData(int.MaxValue)] // overflowed the planner's count of searches before 2026-12-06
    public void A_degree_below_one_or_above_1024_is_refused_naming_it(int degree)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new PlannerOptions(1, iterationLimit: 10) { DegreeOfParallelism = degree });
        Assert.Equal(nameof(PlannerOptions.DegreeOfParallelism), e.ParamName);
    }

    [Fact]
    public void Without_a_degree_the_planner_runs_one_search_per_core()
    {
        var options = new PlannerOptions(1, iterationLimit: 10);
        Assert.Null(options.DegreeOfParallelism);
        Assert.Equal(Environment.ProcessorCount, options.Degree);
    }

    private sealed class Synchronous(List<PlannerProgress> reports) : IProgress<PlannerProgress>
    {
        public void Report(PlannerProgress value) => reports.Add(value);
    }
}
