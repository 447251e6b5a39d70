using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using Google.OrTools.LinearSolver;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The column-generation master's simplex (<see cref="MasterLp"/>): small LPs solved by hand, then generated
/// master-shaped LPs (degenerate, fixed columns, warm starts) against GLOP (Google.OrTools, built independently from the
/// same data) and against an optimality check from scratch: the values meet every row and bound, the duals price every
/// column the right way for where it sits, and the objective equals the dual bound (strong duality).
/// </summary>
[Properties(Arbitrary = new[] { typeof(MasterLpArbitraries) }, MaxTest = 300)]
public sealed class MasterLpTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Solve_two_rows_three_columns_gives_the_hand_optimum_and_duals(bool slacks)
    {
        // min x1 + 2 x2 + 4 x3, x1 + x2 + x3 = 4, x1 - x3 = 1: x = (1, 3, 0), y = (2, -1), reduced cost of x3 4 - (2 + 1) = 1.
        // Without slacks the cold start needs artificials (phase 1); with dear slacks the optimum is the same.
        var lp = new MasterLp([4, 1]);
        var x1 = lp.AddColumn(1, double.PositiveInfinity, [(0, 1.0), (1, 1.0)]);
        var x2 = lp.AddColumn(2, double.PositiveInfinity, [(0, 1.0)]);
        var x3 = lp.AddColumn(4, double.PositiveInfinity, [(0, 1.0), (1, -1.0)]);
        if (slacks)
        {
            AddSlacks(lp, 100, 100);
        }

        Assert.Equal((2, slacks ? 7 : 3), (lp.RowCount, lp.ColumnCount));
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());

        Assert.Equal(7, lp.Objective, 9);
        Assert.Equal([1, 3, 0], new[] { lp.Value(x1), lp.Value(x2), lp.Value(x3) }.Select(v => Math.Round(v, 9)));
        Assert.Equal(2, lp.Dual(0), 9);
        Assert.Equal(-1, lp.Dual(1), 9);
        Assert.Equal(1, lp.ReducedCost(x3), 9);
        Assert.Equal(0, lp.ReducedCost(x1), 9);
    }

    [Fact]
    public void Solve_a_column_that_pays_to_grow_stops_at_its_upper_bound_and_without_one_is_unbounded()
    {
        // x - s- + s+ = 2 with x paying 1 and s- costing 0.5: x grows with s-, each unit earning 0.5. At u = 5:
        // x = 5, s- = 3, objective -5 + 1.5 = -3.5, y = -0.5 (s- basic), x at its upper bound with reduced cost -0.5.
        var lp = new MasterLp([2]);
        var plus = lp.AddColumn(1, double.PositiveInfinity, [(0, 1.0)]);
        var minus = lp.AddColumn(0.5, double.PositiveInfinity, [(0, -1.0)]);
        var x = lp.AddColumn(-1, 5, [(0, 1.0)]);

        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal(-3.5, lp.Objective, 9);
        Assert.Equal((5.0, 3.0, 0.0), (lp.Value(x), Math.Round(lp.Value(minus), 9), lp.Value(plus)));
        Assert.Equal(-0.5, lp.Dual(0), 9);
        Assert.Equal(-0.5, lp.ReducedCost(x), 9);

        lp.SetBounds(x, 0, double.PositiveInfinity);
        Assert.Equal(MasterLpStatus.Unbounded, lp.Solve());
    }

    [Fact]
    public void SetBounds_fixing_the_dearer_schedule_at_one_forces_its_cost_and_freeing_it_restores_the_optimum()
    {
        var (lp, cheap, dear) = OneWorker();
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal(2, lp.Objective, 9);

        lp.SetBounds(dear, 1, 1);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal(5, lp.Objective, 9);
        Assert.Equal((0.0, 1.0), (Math.Round(lp.Value(cheap), 9), lp.Value(dear)));

        lp.SetBounds(dear, 0, 1);
        lp.SetBounds(cheap, 0, 0);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal(5, lp.Objective, 9);

        lp.SetBounds(cheap, 0, 1);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal(2, lp.Objective, 9);
    }

    [Fact]
    public void Solve_after_SetRhs_to_a_negative_value_reaches_the_optimum()
    {
        // The cover row asks -2: the cheap schedule (2) and 3 persons over at 3 each, 11. y_1 = -3 (the over slack is
        // basic); y_0 is any value in [5, 8] (the cheap schedule sits at its upper bound, the dear one prices out at 8).
        var (lp, cheap, _) = OneWorker();
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        lp.SetRhs(1, -2);

        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());

        Assert.Equal(11, lp.Objective, 9);
        Assert.Equal(1, lp.Value(cheap), 9);
        Assert.Equal(-3, lp.Dual(1), 9);
        Assert.InRange(lp.Dual(0), 5 - 1e-9, 8 + 1e-9);
    }

    [Fact]
    public void Solve_after_adding_a_column_that_prices_out_needs_no_pivot_and_one_that_prices_in_needs_some()
    {
        // The warm basis is kept: a cold start (the convexity and cover slacks) would need pivots to reach 2.
        var (lp, _, _) = OneWorker();
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());

        var dearer = lp.AddColumn(10, 1, [(0, 1.0), (1, 1.0)]);
        Assert.True(lp.ReducedCost(dearer) > 0);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve(maxPivots: 0));
        Assert.Equal((2.0, 0), (Math.Round(lp.Objective, 9), lp.Pivots));

        var cheaper = lp.AddColumn(1, 1, [(0, 1.0), (1, 1.0)]);
        Assert.True(lp.ReducedCost(cheaper) < 0);
        Assert.Equal(MasterLpStatus.IterationLimit, lp.Solve(maxPivots: 0));
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal(1, lp.Objective, 9);
    }

    [Fact]
    public void Solve_takes_no_step_for_a_reduced_cost_within_the_rounding_of_large_duals_and_one_for_a_real_gain()
    {
        // A worker on its convexity slack (1e7, as the dive's) and a cover row on a slack of almost the same cost: duals 1e7
        // and 1e7 - 1.5e-5. A schedule of cost 1e-5 on the first row and off the second prices at about -5e-6, below the
        // rounding of its dual terms (1e-12 x 2e7 = 2e-5): such columns swapped back and forth for 100,000 pivots, a
        // refactorisation after each, in a dive before session 58. A schedule pricing at about -1e-3 still enters.
        var lp = new MasterLp([1, 1]);
        lp.AddColumn(1e7, double.PositiveInfinity, [(0, 1.0)]);
        lp.AddColumn(1e7 - 1.5e-5, double.PositiveInfinity, [(1, 1.0)]);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());

        var noise = lp.AddColumn(1e-5, 1, [(0, 1.0), (1, -1.0)]);
        Assert.InRange(lp.ReducedCost(noise), -6e-6, -4e-6);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal((0, 0.0), (lp.Pivots, lp.Value(noise)));

        var gain = lp.AddColumn(-1e-3, 1, [(0, 1.0), (1, -1.0)]);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.Equal(1, lp.Value(gain), 9);
    }

    [Fact]
    public void Solve_after_fixing_a_fractional_basic_column_at_one_continues_warm_to_a_fresh_solves_optimum()
    {
        // A dive's step: the most fractional schedule (basic) fixed at 1. The dual simplex restarts from the optimal basis
        // and needs far fewer steps than a cold solve of the same LP built fresh.
        var c = MasterLpGenerators.Sized(seed: 7, covers: 20, workers: 20, schedules: 300);
        var (lp, status) = Build(c);
        Assert.Equal(MasterLpStatus.Optimal, status);
        var fix = Enumerable.Range(2 * c.Rhs.Length, 300).Where(j => lp.Value(j) is > 0.05 and < 0.95)
            .OrderBy(j => Math.Abs(lp.Value(j) - 0.5)).First();

        lp.SetBounds(fix, 1, 1);
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        var (fresh, freshStatus) = Build(c with { Fixes = [new MasterFix(fix, 1, 1)] });

        Assert.Equal(MasterLpStatus.Optimal, freshStatus);
        Assert.True(Close(lp.Objective, fresh.Objective), $"warm {lp.Objective}, fresh {fresh.Objective}");
        Assert.Equal(1, lp.Value(fix));
        Assert.True(lp.Pivots * 5 < fresh.Pivots, $"warm {lp.Pivots} steps, fresh {fresh.Pivots}");
    }

    [Fact]
    public void Solve_asks_its_stop_every_hundred_steps_ends_when_told_and_the_next_solve_goes_on_from_there()
    {
        // A cold solve of this master takes hundreds of steps. Told to stop at the second asking, it ends after 200 steps
        // with the iteration limit; the next solve (no stop) goes on from the kept basis to the same optimum as a solve
        // never stopped, in fewer steps than that one took (a cold start would need them all again).
        var c = MasterLpGenerators.Sized(seed: 7, covers: 100, workers: 50, schedules: 3_000);
        var (whole, wholeStatus) = Build(c);
        Assert.Equal(MasterLpStatus.Optimal, wholeStatus);
        Assert.True(whole.Pivots > 300, $"{whole.Pivots} steps");
        var lp = new MasterLp(c.Rhs);
        foreach (var column in c.Columns)
        {
            lp.AddColumn(column.Cost, column.Upper, column.Entries);
        }

        var asked = 0;
        Assert.Equal(MasterLpStatus.IterationLimit, lp.Solve(stop: () => ++asked == 2));
        Assert.Equal((2, 200), (asked, lp.Pivots));

        Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
        Assert.True(Close(lp.Objective, whole.Objective), $"resumed {lp.Objective}, whole {whole.Objective}");
        Assert.True(lp.Pivots < whole.Pivots, $"resumed {lp.Pivots} steps, whole {whole.Pivots}");
        Assert.Equal(MasterLpStatus.Optimal, lp.Solve(stop: () => true)); // optimal already: no step, no asking
        Assert.Equal(0, lp.Pivots);
    }

    [Fact]
    public void Solve_without_slacks_on_a_row_no_column_can_meet_is_infeasible()
    {
        var lp = new MasterLp([3]);
        lp.AddColumn(1, 1, [(0, 1.0)]);
        lp.AddColumn(1, 1, [(0, 1.0)]);

        Assert.Equal(MasterLpStatus.Infeasible, lp.Solve());
    }

    [Property]
    public void A_generated_master_solves_to_glops_optimum_with_values_and_duals_that_prove_it(MasterCase c)
    {
        var (lp, status) = Build(c);

        Assert.Equal(MasterLpStatus.Optimal, status);
        var glop = Glop(c);
        Assert.True(glop is null || Close(lp.Objective, glop.Value), $"objective {lp.Objective}, GLOP {glop}");
        CheckOptimal(c, lp);
    }

    [Property(MaxTest = 100)]
    public void Fixing_and_freeing_columns_after_a_solve_resolves_warm_to_glops_optimum_with_values_and_duals_that_prove_it(MasterCase c)
    {
        var (lp, status) = Build(c);
        Assert.Equal(MasterLpStatus.Optimal, status);
        var r = new Random(c.Seed);
        var fixes = c.Fixes.ToList();
        for (var round = 0; round < 3; round++)
        {
            for (var k = r.Next(1, 4); k > 0; k--)
            {
                var fix = DiveFix(c, lp, r);
                lp.SetBounds(fix.Column, fix.Lower, fix.Upper);
                fixes.Add(fix);
            }

            var modified = c with { Fixes = fixes.ToList() };
            Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
            var glop = Glop(modified);
            Assert.True(glop is null || Close(lp.Objective, glop.Value), $"round {round}: objective {lp.Objective}, GLOP {glop}");
            CheckOptimal(modified, lp);
        }
    }

    [Property(MaxTest = 40)]
    public void The_same_build_sequence_gives_identical_values_and_duals(MasterCase c)
    {
        var (a, _) = Build(c);
        var (b, _) = Build(c);

        Assert.Equal(Enumerable.Range(0, c.Columns.Count).Select(a.Value), Enumerable.Range(0, c.Columns.Count).Select(b.Value));
        Assert.Equal(Enumerable.Range(0, c.Rhs.Length).Select(a.Dual), Enumerable.Range(0, c.Rhs.Length).Select(b.Dual));
        Assert.Equal(a.Objective, b.Objective);
    }

    /// <summary>
    /// Optimality from scratch, from the case's own data and the solver's values and duals only: A x = b and the bounds
    /// within 1e-6; every column's reduced cost c_j - y a_j is at least -t_j at its lower bound, at most t_j at its upper
    /// bound, within t_j of 0 between, where t_j = 1e-6 + 1e-8 |c_j| + 1e-11 sum_i |y_i a_ij| (ten times the solver's own
    /// relative tolerances plus 1e-6: a hard price of 1e6 or duals of 1e7 carry rounding far above 1e-6); and c x equals the
    /// dual bound b y + sum_j min(d_j l_j, d_j u_j) within 1e-6 relative.
    /// </summary>
    private static void CheckOptimal(MasterCase c, MasterLp lp)
    {
        var rows = new double[c.Rhs.Length];
        var primal = 0.0;
        var dual = c.Rhs.Select((b, i) => b * lp.Dual(i)).Sum();
        for (var j = 0; j < c.Columns.Count; j++)
        {
            var (lower, upper) = c.Bounds(j);
            var x = lp.Value(j);
            Assert.InRange(x, lower - Tolerance, upper + Tolerance);
            var d = c.Columns[j].Cost - c.Columns[j].Entries.Sum(e => lp.Dual(e.Row) * e.Value);
            var allowance = Tolerance + (1e-8 * Math.Abs(c.Columns[j].Cost)) + (1e-11 * c.Columns[j].Entries.Sum(e => Math.Abs(lp.Dual(e.Row) * e.Value)));
            var atLower = x <= lower + Tolerance;
            var atUpper = x >= upper - Tolerance;
            Assert.True(
                (atLower && atUpper) || (atLower && d >= -allowance) || (atUpper && d <= allowance) || Math.Abs(d) <= allowance,
                $"column {j}: value {x} in [{lower}, {upper}], reduced cost {d}");
            foreach (var (row, value) in c.Columns[j].Entries)
            {
                rows[row] += value * x;
            }

            primal += c.Columns[j].Cost * x;
            dual += d >= 0 ? d * lower : double.IsPositiveInfinity(upper) ? d * x : d * upper;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(Math.Abs(rows[i] - c.Rhs[i]) <= Tolerance, $"row {i}: {rows[i]} for {c.Rhs[i]}");
        }

        Assert.True(Close(primal, lp.Objective), $"c x {primal}, reported {lp.Objective}");
        Assert.True(Close(primal, dual), $"c x {primal}, dual bound {dual}");
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>The case built as a caller would: the first batch, a solve, the rest, the fixes, the last solve.</summary>
    private static (MasterLp Lp, MasterLpStatus Status) Build(MasterCase c)
    {
        var lp = new MasterLp(c.Rhs);
        for (var j = 0; j < c.Columns.Count; j++)
        {
            if (j == c.FirstBatch)
            {
                Assert.Equal(MasterLpStatus.Optimal, lp.Solve());
            }

            Assert.Equal(j, lp.AddColumn(c.Columns[j].Cost, c.Columns[j].Upper, c.Columns[j].Entries));
        }

        foreach (var fix in c.Fixes)
        {
            lp.SetBounds(fix.Column, fix.Lower, fix.Upper);
        }

        return (lp, lp.Solve());
    }

    /// <summary>
    /// A dive's bound change after a solve: half the time the most fractional schedule (a basic column) fixed at 1 when
    /// there is one, else a random schedule fixed at 1, fixed at 0, or freed to [0, its upper bound].
    /// </summary>
    private static MasterFix DiveFix(MasterCase c, MasterLp lp, Random r)
    {
        var slacks = 2 * c.Rhs.Length;
        var fractional = Enumerable.Range(slacks, c.Columns.Count - slacks).Where(j => lp.Value(j) is > 1e-6 and < 1 - 1e-6)
            .OrderBy(j => Math.Abs(lp.Value(j) - 0.5)).ToList();
        if (fractional.Count > 0 && r.Next(2) == 0)
        {
            return new MasterFix(fractional[0], 1, 1);
        }

        var j = slacks + r.Next(c.Columns.Count - slacks);
        return r.Next(3) switch
        {
            0 => new MasterFix(j, 1, 1),
            1 => new MasterFix(j, 0, 0),
            _ => new MasterFix(j, 0, c.Columns[j].Upper),
        };
    }

    /// <summary>
    /// GLOP's optimum of the same LP, built from the case's data alone. GLOP gives up (ABNORMAL) on some masters at the
    /// dive's scale (costs of 1e7 beside shifts of 1e-5): null then, and only then; <see cref="CheckOptimal"/> still proves
    /// the solver's answer from scratch.
    /// </summary>
    private static double? Glop(MasterCase c)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var rows = c.Rhs.Select(b => solver.MakeConstraint(b, b)).ToArray();
        var objective = solver.Objective();
        for (var j = 0; j < c.Columns.Count; j++)
        {
            var (lower, upper) = c.Bounds(j);
            var x = solver.MakeNumVar(lower, upper, $"x{j}");
            objective.SetCoefficient(x, c.Columns[j].Cost);
            foreach (var (row, value) in c.Columns[j].Entries)
            {
                rows[row].SetCoefficient(x, value);
            }
        }

        objective.SetMinimization();
        var status = solver.Solve();
        if (c.DiveScale && status == Solver.ResultStatus.ABNORMAL)
        {
            return null;
        }

        Assert.Equal(Solver.ResultStatus.OPTIMAL, status);
        return objective.Value();
    }

    /// <summary>Row 0 a worker's convexity row (rhs 1, slacks 1e5), row 1 a cover row (rhs 1, under 50, over 3); two schedules covering it, costs 2 and 5.</summary>
    private static (MasterLp Lp, int Cheap, int Dear) OneWorker()
    {
        var lp = new MasterLp([1, 1]);
        lp.AddColumn(1e5, double.PositiveInfinity, [(0, 1.0)]);
        lp.AddColumn(1e5, double.PositiveInfinity, [(0, -1.0)]);
        lp.AddColumn(50, double.PositiveInfinity, [(1, 1.0)]);
        lp.AddColumn(3, double.PositiveInfinity, [(1, -1.0)]);
        var cheap = lp.AddColumn(2, 1, [(0, 1.0), (1, 1.0)]);
        var dear = lp.AddColumn(5, 1, [(0, 1.0), (1, 1.0)]);
        return (lp, cheap, dear);
    }

    private static void AddSlacks(MasterLp lp, double under, double over)
    {
        for (var i = 0; i < lp.RowCount; i++)
        {
            lp.AddColumn(under, double.PositiveInfinity, [(i, 1.0)]);
            lp.AddColumn(over, double.PositiveInfinity, [(i, -1.0)]);
        }
    }
}
