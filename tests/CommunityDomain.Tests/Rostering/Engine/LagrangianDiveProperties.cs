using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Curtois;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The Lagrangian dive (<see cref="LagrangianDive"/>), the start of search 1 of a portfolio on a blind walk: its roster
/// keeps the pins and only choices the problem allows, repeats, spends at most its ascents, is missing only where the
/// relaxation proves no roster keeps every hard rule, and on Curtois Instance6 reaches the basin the walks from the greedy
/// opening do not (scored by the independent checker).
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries), typeof(LockdownArbitraries) }, MaxTest = 40)]
public sealed class LagrangianDiveProperties
{
    [Property]
    public void The_dive_keeps_the_pins_and_allowed_choices_repeats_and_is_missing_only_on_an_empty_relaxation(LockdownProblem g, PositiveInt upper)
    {
        var p = g.Problem.Compiled;
        var asked = 0L;
        var cells = LagrangianDive.Cells(p, upper.Get, () => ++asked < 0);
        var again = LagrangianDive.Cells(p, upper.Get, () => false);

        Assert.Equal(cells, again);
        Assert.True(asked <= (LagrangianDive.MostAscents * 100L) + 1, $"{asked} iterations"); // 100 iterations an ascent
        if (cells is null)
        {
            Assert.Null(RosterPlanner.LowerBound(g.Problem, 50, upper: upper.Get));
            return;
        }

        Assert.Equal(p.WorkerCount * p.Days, cells.Length);
        for (var w = 0; w < p.WorkerCount; w++)
        {
            for (var d = 0; d < p.Days; d++)
            {
                var cell = cells[p.WorkerDay(w, d)];
                var pin = p.Pinned[p.WorkerDay(w, d)];
                Assert.True(
                    pin >= 0 ? cell == pin : cell == -1 || (cell < p.SlotCount && p.Allowed[p.ChoiceIndex(w, d, cell + 1)]),
                    $"worker {w}, date {d}: slot {cell}, pin {pin}");
            }
        }
    }

    [Fact]
    public void A_dive_stopped_before_its_first_ascent_gives_no_roster()
    {
        var g = RosterGenerators.Create(11);
        Assert.Null(LagrangianDive.Cells(g.Problem.Compiled, 100, () => true));
    }

    [Fact]
    public void On_instance6_a_one_core_plan_whose_second_search_dives_ends_below_2000_where_walks_from_the_opening_end_near_2050()
    {
        // Best known 1,950; walks from the greedy opening ended at 2,050-2,140 at 60 s (docs/rostering.md, sessions 40 and 43).
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance6"));
        var problem = CurtoisMapping.ToProblem(instance);
        var options = new PlannerOptions(1, iterationLimit: Moves) { DegreeOfParallelism = 1 };

        var roster = RosterPlanner.Plan(problem, options).Match(r => r, n => n.Best);

        var check = RosterChecker.Check(problem, roster.Assignments);
        Assert.Equal(0, check.Hard);
        Assert.True(check.Soft < 2_000, $"soft {check.Soft}");
        Assert.Equal(check.Soft, CurtoisEvaluator.Evaluate(instance, CurtoisMapping.ToSolution(instance, roster)).Objective);
    }

    private const long Moves = 10_000;
}
