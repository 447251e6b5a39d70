using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Curtois;
using Google.OrTools.LinearSolver;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// The lower bound against the best any relaxation of its kind can give: the LP relaxation of the column formulation
/// (each employee a convex combination of their feasible schedules, cover under and over as priced slack), which a
/// Lagrangian relaxation of cover with exact worker subproblems can reach but never pass. Built independently of the
/// planner: every schedule of a one-shift-type instance enumerated, kept when the independent
/// <see cref="CurtoisEvaluator"/> finds no violation of that employee's, and the LP solved by GLOP (Google.OrTools, the
/// benchmarks' peer).
/// </summary>
public sealed class ColumnLpBoundTests
{
    [Fact]
    public void On_instance1_the_branch_and_bound_lifts_the_bound_above_the_column_lp_optimum_and_below_the_optimum()
    {
        // Instance1's optimum is 607; its LP is lower (558), so the 95 % (577) there needs integrality: the root
        // ascent alone gave exactly the LP's 558, the branch and bound over it (BoundBranching) passes it.
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance1"));
        var lp = ColumnLp(instance);
        var bound = RosterPlanner.LowerBound(CurtoisMapping.ToProblem(instance), 800, 607);
        Assert.NotNull(bound);
        Assert.True(lp < 607, $"the column LP ({lp}) lies below the proven optimum 607");
        Assert.InRange(bound.Value, (long)Math.Ceiling(lp - 1e-6) + 1, 607);
    }

    [Fact]
    public void On_instance1_the_root_ascent_alone_reaches_the_column_lp_optimum_and_never_passes_it()
    {
        // Without a roster's score there is no branch and bound (nothing to prune with), so the root's value shows.
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance1"));
        var lp = ColumnLp(instance);
        var root = LagrangianBound.Compute(CurtoisMapping.ToProblem(instance).Compiled, upper: null, 800, 1, () => false);
        Assert.NotNull(root);
        Assert.InRange(root.Value, 0, (long)Math.Ceiling(lp - 1e-6));
    }

    /// <summary>The column LP's optimum for an instance with one shift type (every schedule of every employee enumerated).</summary>
    private static double ColumnLp(CurtoisInstance instance)
    {
        Assert.Single(instance.Shifts);
        var days = instance.Days;
        using var solver = Solver.CreateSolver("GLOP");
        var objective = solver.Objective();
        var working = Enumerable.Range(0, days).Select(_ => new List<Variable>()).ToArray();
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            var convexity = solver.MakeConstraint(1, 1);
            for (var mask = 0; mask < 1 << days; mask++)
            {
                if (!Feasible(instance, e, mask))
                {
                    continue;
                }

                var x = solver.MakeNumVar(0, 1, $"x{e}_{mask}");
                convexity.SetCoefficient(x, 1);
                objective.SetCoefficient(x, RequestPenalty(instance, e, mask));
                for (var d = 0; d < days; d++)
                {
                    if ((mask >> d & 1) != 0)
                    {
                        working[d].Add(x);
                    }
                }
            }
        }

        foreach (var c in instance.Cover)
        {
            // count + under - over = requirement
            var under = solver.MakeNumVar(0, double.PositiveInfinity, "under");
            var over = solver.MakeNumVar(0, double.PositiveInfinity, "over");
            objective.SetCoefficient(under, c.WeightUnder);
            objective.SetCoefficient(over, c.WeightOver);
            var row = solver.MakeConstraint(c.Requirement, c.Requirement);
            working[c.Day].ForEach(x => row.SetCoefficient(x, 1));
            row.SetCoefficient(under, 1);
            row.SetCoefficient(over, -1);
        }

        objective.SetMinimization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return objective.Value();
    }

    private static bool Feasible(CurtoisInstance instance, int employee, int mask)
    {
        var cells = new int[instance.Staff.Count, instance.Days];
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            for (var d = 0; d < instance.Days; d++)
            {
                cells[e, d] = e == employee && (mask >> d & 1) != 0 ? 0 : CurtoisSolution.Off;
            }
        }

        return CurtoisEvaluator.Evaluate(instance, new CurtoisSolution(cells)).Violations.All(v => v.Employee != employee);
    }

    private static int RequestPenalty(CurtoisInstance instance, int employee, int mask) =>
        instance.OnRequests.Where(r => r.Employee == employee && (mask >> r.Day & 1) == 0).Sum(r => r.Weight)
        + instance.OffRequests.Where(r => r.Employee == employee && (mask >> r.Day & 1) != 0).Sum(r => r.Weight);
}
