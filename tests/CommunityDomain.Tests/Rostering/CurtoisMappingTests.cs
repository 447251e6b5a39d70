using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Curtois;

namespace CommunityDomain.Tests.Rostering;

public sealed class CurtoisMappingTests
{
    [Fact]
    public void ToProblem_empty_roster_of_instance1_costs_7137_and_breaks_min_total_minutes()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance1"));
        var roster = RosterPlanner.Score(CurtoisMapping.ToProblem(instance), []);
        Assert.Equal(7137, roster.Score.Soft);
        Assert.True(roster.Score.ByRule[RuleKind.MinTotalMinutes].Hard > 0);
    }

    [Theory]
    [InlineData(10, "A,D=2|E=2,2000,0,0,1,1,1", "staff A")] // MaxConsecutiveShifts 0
    [InlineData(11, "B,D=2|E=0,100,2000,2,1,1,1", "staff B")] // MaxTotalMinutes below MinTotalMinutes
    [InlineData(6, "D,1500,", "shift type D")] // a 25-hour shift
    public void ToProblem_refuses_a_well_formed_line_the_planner_cannot_model_naming_it(int line, string replacement, string named)
    {
        var instance = CurtoisParser.Parse(Tiny.WithLine(line, replacement));

        var ex = Assert.Throws<NotSupportedException>(() => CurtoisMapping.ToProblem(instance));

        Assert.StartsWith(named + ": ", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(ex.InnerException);
    }

    [Theory]
    [InlineData("Instance1")]
    [InlineData("Instance2")]
    [InlineData("Instance4")]
    public void Planned_roster_mapped_back_scores_the_same_in_the_independent_evaluator(string name)
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf(name));
        var problem = CurtoisMapping.ToProblem(instance);
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(1, iterationLimit: 3000)).Match(r => r, n => n.Best);
        var evaluation = CurtoisEvaluator.Evaluate(instance, CurtoisMapping.ToSolution(instance, roster));
        Assert.Equal(evaluation.Objective, roster.Score.Soft);
        Assert.Equal(evaluation.IsFeasible, roster.Score.IsFeasible);
        Assert.Equal(RosterChecker.Check(problem, roster.Assignments).Soft, roster.Score.Soft);
    }

    [Fact]
    public void Solve_returns_a_feasible_solution_for_instance1_within_the_limit()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance1"));
        var solution = CurtoisSolver.Solve(instance, TimeSpan.FromSeconds(1), 1, CancellationToken.None);
        Assert.True(CurtoisEvaluator.Evaluate(instance, solution).IsFeasible);
    }

    [Theory]
    [InlineData("Instance1")]
    [InlineData("Instance2")]
    [InlineData("Instance3")]
    [InlineData("Instance4")]
    [InlineData("Instance5")]
    public void The_lower_bound_never_exceeds_the_best_known_objective(string name)
    {
        // Instances 1-4 are solved to proven optimality in the literature, so a bound above best known would be wrong.
        var path = RosterBenchmarkFolder.PathOf(name);
        Assert.True(CurtoisBestKnown.TryFindFor(path, out var best));
        var problem = CurtoisMapping.ToProblem(CurtoisParser.Load(path));
        var bound = RosterPlanner.LowerBound(problem, 150);
        Assert.NotNull(bound);
        Assert.InRange(bound.Value, 0, best.BestKnownObjective);
    }

    [Theory]
    [InlineData("Instance1", 800, 0.95)]
    [InlineData("Instance3", 800, 0.99)]
    [InlineData("Instance4", 800, 0.95)]
    [InlineData("Instance6", 800, 0.98)]
    [InlineData("Instance8", 800, 0.96)]
    [InlineData("Instance12", 800, 0.95)]
    [InlineData("Instance12", 400, 0.95)]
    [InlineData("Instance8", 400, 0.93)]
    [InlineData("Instance20", 800, 0.84)]
    [InlineData("Instance5", 100, 0.80)]
    [InlineData("Instance6", 100, 0.88)]
    public void The_bound_comes_close_to_the_proven_optimum(string name, int iterations, double share)
    {
        // Minute and weekend limits priced instead of kept in the workers' paths: the bound stalled at 429 of 607 (71 %)
        // on Instance1 and 1521 of 1716 (89 %) on Instance4 at any iteration count. Plain subgradient steps instead of
        // averaged ones: it zig-zagged and stalled at 986 of 1001 on Instance3 and 1884 of 1950 on Instance6 (800
        // iterations); both together reach 558, 1001, 1709 and 1936. From zero prices alone the 182-day Instance20 stalled
        // at 1,129 of 4,913 (23 %); the second ascent, from paid cover prices, reached about half with the zero ascent's
        // step scale (2) and 4,218 (86 %) with its own (8); Instance8 went from 1,078 to 1,267 of 1,300 with it. With 100
        // iterations and the paid ascent halving its step after 20 iterations without a better bound (as with 800),
        // Instance5 reached 670 of 1,143 (59 %) and Instance6 80 %; halving after a fortieth of the budget (4 here), 965
        // (84 %) and 90 %. Instance12 at 800: 3,704 (91.7 %) with the two ascents taking turns to the end, 3,869 (95.8 %)
        // since the one ahead at half the budget takes the rest. Instance1 stayed at 558 (91.9 %, the column LP's optimum)
        // until the branch and bound over the ascent (BoundBranching, bound17): 587 (96.7 %). At 400, Instance12 reached
        // 3,246 (80 %) and Instance8 1,046 (80 %) while a stall counted as the averaged direction formed halved the step
        // scale in the ascents' first 20-40 steps; with no halving before LagrangianBound.WarmUpSteps, 3,934 and 1,244.
        var path = RosterBenchmarkFolder.PathOf(name);
        Assert.True(CurtoisBestKnown.TryFindFor(path, out var best));
        var bound = RosterPlanner.LowerBound(CurtoisMapping.ToProblem(CurtoisParser.Load(path)), iterations, best.BestKnownObjective);
        Assert.NotNull(bound);
        Assert.InRange(bound.Value, (long)Math.Ceiling(share * best.BestKnownObjective), best.BestKnownObjective);
    }

    [Fact]
    public void Without_a_known_roster_the_bound_steers_by_a_short_searchs_roster()
    {
        // Aiming a few percent above its own progress, the bound stalled at 22 of Instance12's 4,040 (0.5 %) at 800
        // iterations; steered by a 2,000-move search's roster (7,580) it reached 3,888 (96 %).
        var path = RosterBenchmarkFolder.PathOf("Instance12");
        Assert.True(CurtoisBestKnown.TryFindFor(path, out var best));
        var bound = RosterPlanner.LowerBound(CurtoisMapping.ToProblem(CurtoisParser.Load(path)), 200);
        Assert.NotNull(bound);
        Assert.InRange(bound.Value, (long)Math.Ceiling(0.5 * best.BestKnownObjective), best.BestKnownObjective);
    }

    [Theory]
    [InlineData("Instance5")]
    [InlineData("Instance14")]
    public void The_bound_is_the_same_when_the_workers_paths_are_solved_on_several_threads(string name)
    {
        // Large enough that the paths are shared out (BoundSetup's lanes), so the parallel sums are what is compared.
        var p = CurtoisMapping.ToProblem(CurtoisParser.Load(RosterBenchmarkFolder.PathOf(name))).Compiled;
        var hi = Enumerable.Repeat(int.MaxValue, p.Days * p.SlotCount).ToArray();
        Assert.Equal(3, new BoundSetup(p, hi, 3).Lanes.Length);
        var one = LagrangianBound.Compute(p, null, 60, 1, () => false);
        Assert.NotNull(one);
        Assert.Equal(one, LagrangianBound.Compute(p, null, 60, 3, () => false));
    }

    [Fact]
    public void On_a_community_problem_the_zero_price_ascent_aimed_above_the_roster_proves_more()
    {
        // community-60-14-43-s1: CP-SAT proves 50 optimal (docs/rostering.md); the planner's rosters score 50-53. Aimed
        // at the roster's 51 the bound stops short; aimed at four times it, the zero-price ascent climbs further.
        var problem = CurtoisMapping.ToProblem(CurtoisParser.Load(Path.Combine(RosterBenchmarkFolder.Root, "community", "community-60-14-43-s1.txt")));
        var p = problem.Compiled;
        var aimedAtTheScore = LagrangianBound.Compute(p, 51, 800, 2, () => false);
        var aimedAbove = LagrangianBound.Compute(p, 51, 800, 2, () => false, guided: true);

        Assert.True(new SearchIndex(p).Guides);
        Assert.NotNull(aimedAtTheScore);
        Assert.NotNull(aimedAbove);
        Assert.True(aimedAbove > aimedAtTheScore, $"aimed above {aimedAbove}, at the score {aimedAtTheScore}");
        Assert.InRange(aimedAbove.Value, aimedAtTheScore.Value, 50);
        Assert.Equal(aimedAbove, RosterPlanner.LowerBound(problem, 800, upper: 51));
    }

    [Fact]
    public void On_a_long_budget_the_bound_does_not_hinge_on_the_roster_score_it_is_given()
    {
        // community-60-28-43-s3 (CP-SAT's best in 600 s: 439): at 3,200 iterations a step scale halving after a fixed 20
        // iterations without a better bound died out by about 2,000 steps wherever the ascent stood, 231 given 446 as the
        // roster's score (386 given 448, 429 given 450); halving after a fortieth of the budget, 430 (433, 432). One score
        // only: each costs about 9 s of the suite on a 2-core machine.
        const long upper = 446;
        var problem = CurtoisMapping.ToProblem(CurtoisParser.Load(Path.Combine(RosterBenchmarkFolder.Root, "community", "community-60-28-43-s3.txt")));
        var bound = RosterPlanner.LowerBound(problem, 3_200, upper);
        Assert.NotNull(bound);
        Assert.InRange(bound.Value, 425, upper);
    }

    [Fact]
    public void A_pessimistic_time_estimate_does_not_drop_an_ascent_before_its_first_steps()
    {
        // An estimate that every step is the last (a slow first step under load) may end the race between the ascents
        // only once each has taken its first steps: over 2 x MinStepsBeforeDrop iterations the bound is the one both
        // ascents reach side by side, as with an estimate that never drops either.
        var p = CurtoisMapping.ToProblem(CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance14"))).Compiled;
        var steps = 2 * LagrangianBound.MinStepsBeforeDrop;
        var sideBySide = LagrangianBound.Compute(p, null, steps, 1, () => false, expected: _ => int.MaxValue);
        var pessimistic = LagrangianBound.Compute(p, null, steps, 1, () => false, expected: done => Math.Max(1, done));
        Assert.NotNull(sideBySide);
        Assert.Equal(sideBySide, pessimistic);
    }

    [Fact]
    public void Solve_attaches_the_planners_bound_to_the_solution()
    {
        var path = RosterBenchmarkFolder.PathOf("Instance1");
        var instance = CurtoisParser.Load(path);
        var solution = CurtoisSolver.Solve(instance, TimeSpan.FromSeconds(1), 1, CancellationToken.None);
        Assert.True(CurtoisBestKnown.TryFindFor(path, out var best));
        Assert.NotNull(solution.LowerBound);
        Assert.InRange(solution.LowerBound.Value, 0, Math.Min(best.BestKnownObjective, CurtoisEvaluator.Evaluate(instance, solution).Objective));
    }
}
