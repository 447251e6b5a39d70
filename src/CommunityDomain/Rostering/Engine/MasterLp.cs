using System.Diagnostics;

namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// A small dense revised simplex for the restricted master of column generation: minimise <c>sum_j c_j x_j</c> subject to
/// <c>sum_j a_ij x_j = b_i</c> for every row (all equalities) and <c>l_j &lt;= x_j &lt;= u_j</c> (<c>l_j</c> finite,
/// <c>u_j</c> possibly +infinity). Rows are cover rows and one convexity row per worker, columns are worker schedules
/// (0/1 entries) plus per-row slack columns; costs are score points, values are shares of a schedule (0-1) or persons
/// missing or over on a cover row.
/// </summary>
/// <remarks>
/// <para>Bounded-variable primal simplex (Chvátal, <i>Linear Programming</i>, 1983, ch. 8, "the bounded-variable simplex"):
/// each nonbasic column sits at its lower or upper bound, and the ratio test lets the entering column flip to its other
/// bound when that comes first. Pricing is Devex (Forrest and Goldfarb, "Steepest-edge simplex algorithms for linear
/// programming", Math. Programming 57, 1992): the largest squared reduced cost of the right sign over the column's
/// reference weight, the weights following each pivot row; switching to Bland's rule (lowest index enters, lowest index leaves on a tie)
/// after <see cref="BlandAfter"/> degenerate steps in a row, back after the next step that moves. Outside Bland's rule the
/// leaving row is chosen by Harris's two-pass test (ratios relaxed by the primal tolerance, then the largest pivot).</para>
/// <para>The basis inverse is an explicit dense m x m matrix, updated after each pivot by the rank-one update of the
/// product form (Bixby, "Implementing the simplex method: the initial basis", ORSA J. Computing 4(3), 1992) and rebuilt
/// from scratch by Gauss-Jordan elimination with partial pivoting when a <see cref="Solve"/> starts on an updated one and every
/// <see cref="RefactorEvery"/> pivots. Tolerances: primal 1e-9, reduced cost 1e-9 relative to max(1, |c_j|) plus 1e-12
/// relative to sum_i |y_i a_ij| (the duals' rounding), pivot 1e-11.
/// Deterministic: no randomness, every tie goes to the lowest index.</para>
/// <para>Warm start: <see cref="Solve"/> continues from the current basis while it is primal feasible; a new column enters
/// nonbasic at its lower bound, which keeps the basis feasible when that bound is 0 (as <see cref="AddColumn"/> sets it).
/// When <see cref="SetBounds"/> or <see cref="SetRhs"/> left the basis infeasible, the reduced costs are unchanged, so
/// the bounded dual simplex (Koberstein 2005, ch. 3; Chvátal 1983, ch. 10) continues from it: each nonbasic column moves
/// to the bound its reduced cost asks for, then the basic value of the largest violation per unit of its inverse row's norm
/// (dual steepest edge) leaves at that bound; the boxed columns whose dual ratios the step passes flip to their other
/// bound while the leaving value stays outside (the bound-flipping ratio test), and among the rest the column of the
/// smallest ratio enters (Harris's two passes, then the largest pivot-row entry), until every value lies within its
/// bounds; the primal phase 2 then finishes. A solve after new columns, bounds or right-hand sides alone reuses the
/// inverse the last one ended with (the basis matrix is the same). The cold start takes over when the basis is also dual
/// infeasible (a column without an upper bound prices out), when no column can enter a dual step, or after
/// 10 m + 1,000 dual steps; before the first solve it is the only start. It puts every column at its lower bound and picks
/// for each row a single-entry column (a slack, +1 or -1) that takes the rest of the row within its bounds, the cheapest
/// one; a row with none gets an artificial column, and a phase 1 minimises the artificials' sum before phase 2.</para>
/// <para>Costs O(m^2) per pivot (update, duals) plus O(nonzeros) pricing; O(m^3) at worst per refactorisation (less on
/// the sparse bases of a master: slacks are eliminated first and zero multipliers are skipped). Measured on a shared
/// 2-core machine (2026, lp55): 150 rows x 3,000 columns cold in about 0.1 s (about 1,000 pivots), warm batches of 600
/// new columns in 15-30 ms; at 1,000 rows x 20,000 columns a cold solve takes minutes (about 6-8 ms a pivot, most of it
/// the refactorisations as the inverse fills in), so that size wants warm starts. A dive on a generated master of 170 rows
/// x 2,840 columns, fixing 30 fractional basic columns at 1 one at a time: 9-493 steps (12-142 ms) per warm re-solve,
/// 3,168 in all, against 3,559-6,830 (0.5-1.5 s) per cold one, 167,533 in all. Not thread-safe: one instance per search.</para>
/// <para>Preconditions (rows and columns in range, finite costs and right-hand sides, bounds not NaN with lower &lt;= upper,
/// distinct rows in a column) are the caller's: like the rest of the roster engine this class trusts its caller and guards
/// nothing itself (CONTRIBUTING, <c>The_roster_engine_guards_nothing_itself</c>); Debug builds check them with
/// <see cref="Debug.Assert(bool, string)"/>, naming the parameter.</para>
/// </remarks>
internal sealed partial class MasterLp
{
    /// <summary>A basic value may lie this far outside its bounds (absolute, the same units as the values).</summary>
    private const double PrimalTolerance = 1e-9;

    /// <summary>A reduced cost prices out below this times max(1, |c_j|) (<see cref="PricesOut"/>).</summary>
    private const double DualTolerance = 1e-9;

    /// <summary>
    /// A reduced cost prices out only below this times the magnitude of its dual terms too (sum_i |y_i a_ij|): about 4,500
    /// times the rounding of a double. With a worker on its convexity slack (duals near 1e7) a row column of cost 1e-5
    /// priced at -2e-9 on a fresh inverse and at 0 on the updated one, and the simplex swapped two such columns for
    /// 100,000 pivots, refactoring after each: minutes for one master (session 58). Duals of hundreds on 30 rows add
    /// about 1e-8, far below the dive's entry threshold for rows (-0.001 points).
    /// </summary>
    private const double RoundingTolerance = 1e-12;

    /// <summary>No pivot on an entry smaller than this in absolute value.</summary>
    private const double PivotTolerance = 1e-11;

    /// <summary>
    /// The basis inverse is rebuilt from scratch after this many pivots. Rebuilding was 70 % of the root's time on
    /// Instance12's master (340 rows) at 100; 400 and 1,000 took the same 58,000 pivots to the same optimum (session 57).
    /// </summary>
    private const int RefactorEvery = 400;

    /// <summary>Devex weights are restarted at 1 when one grows past this (the reference framework has drifted too far).</summary>
    private const double DevexReset = 1e6;

    /// <summary>A solve asks its stop every this many steps (a step takes 0.05-1 ms on the dive's masters).</summary>
    internal const int StopEvery = 100;

    /// <summary>After this many degenerate steps in a row, Bland's rule takes over until a step moves.</summary>
    private const int BlandAfter = 50;

    /// <summary>Phase 1 ends infeasible when the artificials' sum stays above this times max(1, max |b_i|).</summary>
    private const double InfeasibleTolerance = 1e-8;

    // Nonbasic states in _pos (a basic column holds its basis position, >= 0).
    private const int AtLower = -1;
    private const int AtUpper = -2;

    private readonly int _m;
    private readonly double[] _rhs;

    // Columns, compressed: column j's entries are _entryRow/_entryValue[_start[j] .. _start[j + 1]).
    private int _n;
    private double[] _cost = new double[16];
    private double[] _lower = new double[16];
    private double[] _upper = new double[16];
    private int[] _pos = new int[16];
    private int[] _start = new int[17];
    private int[] _entryRow = new int[64];
    private double[] _entryValue = new double[64];

    // Scratch of the dual ratio test, per column: |entry| of the pivot row when the column may enter (else 0), reduced cost.
    private double[] _pivotEntry = new double[16];
    private double[] _reducedCost = new double[16];

    // Devex reference weights of the primal pricing, per column (1 for a new column and after a reset).
    private double[] _devex = new double[16];

    // Scratch of the bound-flipping ratio test: the eligible columns by ratio, and those a dual step flips.
    private readonly List<(double Ratio, int Column)> _candidates = [];
    private readonly List<int> _flips = [];

    // Per row, the columns with a single entry, on that row (the slack candidates of a cold start).
    private readonly List<int>[] _singles;

    // Per row, the sign of its artificial column (0: none); basis entry ~i stands for row i's artificial.
    private readonly int[] _artificial;

    // The basis: the column at each position, basic values, and the inverse (row-major, row k = basis position k).
    private readonly int[] _basis;
    private readonly double[] _xB;
    private readonly double[] _binv;
    private bool _hasBasis;

    // The inverse was refactored from the current basis and not updated since: a new solve need not refactor it again
    // (new columns, bounds and right-hand sides leave the basis matrix as it is).
    private bool _inverseFresh;
    private bool _phaseOne;
    private int _sinceRefactor;

    // The current solve's stop, the step count it was last asked at, and whether it said stop (the budget is then spent).
    private Func<bool>? _stop;
    private int _askedAt;
    private bool _stopped;

    // Scratch: duals of the current phase, the entering column in basis coordinates, a row residual, the dense basis.
    private readonly double[] _y;
    private readonly double[] _alpha;
    private readonly double[] _residual;
    private readonly double[] _dense;
    private readonly int[] _mark;
    private int _stamp;

    // Scratch of the row operations: the nonzero columns of a pivot row, and each row's multiplier in a Gauss-Jordan step.
    private readonly int[] _nonzero;
    private readonly double[] _factor;

    // Scratch of the refactorisation: elimination order and its keys, rows already pivoted on, each position's pivot row.
    private readonly int[] _order;
    private readonly long[] _orderKey;
    private readonly bool[] _rowUsed;
    private readonly int[] _pivotRowOf;

    // The result of the last Solve.
    private readonly double[] _dual;
    private double _objective;

    /// <summary>An empty master with one equality row per entry of <paramref name="rhs"/> (any sign) and no column.</summary>
    /// <param name="rhs">The right-hand sides b_i, at least one, finite; copied.</param>
    public MasterLp(double[] rhs)
    {
        Debug.Assert(rhs.Length > 0 && Array.TrueForAll(rhs, double.IsFinite), "rhs: at least one right-hand side, every one finite.");
        _m = rhs.Length;
        _rhs = (double[])rhs.Clone();
        _singles = new List<int>[_m];
        for (var i = 0; i < _m; i++)
        {
            _singles[i] = [];
        }

        _artificial = new int[_m];
        _basis = new int[_m];
        _xB = new double[_m];
        _binv = new double[_m * _m];
        _y = new double[_m];
        _alpha = new double[_m];
        _residual = new double[_m];
        _dense = new double[_m * _m];
        _mark = new int[_m];
        _nonzero = new int[_m];
        _factor = new double[_m];
        _order = new int[_m];
        _orderKey = new long[_m];
        _rowUsed = new bool[_m];
        _pivotRowOf = new int[_m];
        _dual = new double[_m];
    }

    /// <summary>The number of rows (fixed at construction).</summary>
    public int RowCount => _m;

    /// <summary>The number of columns added so far.</summary>
    public int ColumnCount => _n;

    /// <summary>The objective <c>sum_j c_j x_j</c> at the end of the last <see cref="Solve"/> (0 before any), in cost units.</summary>
    public double Objective => _objective;

    /// <summary>The simplex steps (dual pivots, primal pivots and bound flips, every phase) the last <see cref="Solve"/> took: 0 when its start was optimal.</summary>
    public int Pivots { get; private set; }

    /// <summary>
    /// Adds a column with lower bound 0, nonbasic at that bound (so a feasible basis stays feasible), and returns its index
    /// (0, 1, ... in the order added).
    /// </summary>
    /// <param name="cost">c_j, finite, any sign.</param>
    /// <param name="upper">u_j, at least 0; <see cref="double.PositiveInfinity"/> for none.</param>
    /// <param name="entries">The nonzero coefficients as (row, value) pairs with distinct rows in [0, <see cref="RowCount"/>)
    /// and finite values of any sign (zeros are dropped); may be empty.</param>
    public int AddColumn(double cost, double upper, ReadOnlySpan<(int Row, double Value)> entries)
    {
        Debug.Assert(double.IsFinite(cost), "cost: a column's cost must be finite.");
        Debug.Assert(upper >= 0, "upper: a column's upper bound must be at least 0 (its lower bound) and not NaN.");
        AssertEntries(entries);
        var j = _n;
        Grow(j + 1, _start[j] + entries.Length);
        var e = _start[j];
        foreach (var (row, value) in entries)
        {
            if (value != 0)
            {
                _entryRow[e] = row;
                _entryValue[e] = value;
                e++;
            }
        }

        _start[j + 1] = e;
        _cost[j] = cost;
        _lower[j] = 0;
        _upper[j] = upper;
        _pos[j] = AtLower;
        _devex[j] = 1;
        if (e - _start[j] == 1)
        {
            _singles[_entryRow[_start[j]]].Add(j);
        }

        _n = j + 1;
        return j;
    }

    /// <summary>
    /// Sets a column's bounds. A nonbasic column moves to its new lower bound (or stays at its upper bound while that is
    /// finite); when the current basis became infeasible the next <see cref="Solve"/> restores feasibility by dual simplex steps.
    /// </summary>
    /// <param name="column">The column's index, in [0, <see cref="ColumnCount"/>).</param>
    /// <param name="lower">l_j, finite (may be above 0, e.g. 1 to fix a schedule).</param>
    /// <param name="upper">u_j, at least <paramref name="lower"/>; <see cref="double.PositiveInfinity"/> for none.</param>
    public void SetBounds(int column, double lower, double upper)
    {
        AssertColumn(column);
        Debug.Assert(double.IsFinite(lower), "lower: a column's lower bound must be finite.");
        Debug.Assert(upper >= lower, "upper: a column's upper bound must be at least its lower bound and not NaN.");
        _lower[column] = lower;
        _upper[column] = upper;
        if (_pos[column] == AtUpper && double.IsPositiveInfinity(upper))
        {
            _pos[column] = AtLower;
        }
    }

    /// <summary>Sets a row's right-hand side; the next <see cref="Solve"/> restores feasibility by dual simplex steps if needed.</summary>
    /// <param name="row">The row, in [0, <see cref="RowCount"/>).</param>
    /// <param name="value">b_i, finite, any sign.</param>
    public void SetRhs(int row, double value)
    {
        AssertRow(row);
        Debug.Assert(double.IsFinite(value), "value: a right-hand side must be finite.");
        _rhs[row] = value;
    }

    /// <summary>
    /// Solves from the current basis (phase 1 first when a cold start needed artificials) and records the values, duals
    /// and objective.
    /// </summary>
    /// <param name="maxPivots">The most simplex steps (dual pivots, primal pivots and bound flips) this call may take, at least 0.</param>
    /// <param name="stop">Asked every <see cref="StopEvery"/> steps (null: never); true ends the call as the budget does,
    /// keeping the basis for the next call (no cold start). A caller's time limit holds inside one solve this way.</param>
    /// <returns><see cref="MasterLpStatus.Optimal"/>, or <see cref="MasterLpStatus.Infeasible"/> (only without usable
    /// slacks), <see cref="MasterLpStatus.IterationLimit"/> (the budget or the stop), or <see cref="MasterLpStatus.Unbounded"/>
    /// (a slack pair whose costs sum below zero, or an unbounded column with a negative reduced cost).</returns>
    public MasterLpStatus Solve(int maxPivots = 100_000, Func<bool>? stop = null)
    {
        Debug.Assert(maxPivots >= 0, "maxPivots: the pivot budget must be at least 0.");
        var pivots = 0;
        (_stop, _stopped, _askedAt) = (stop, false, 0);
        var status = Run(ref pivots, maxPivots, cold: !_hasBasis || (!_inverseFresh && !Refactor()));
        for (var restart = 0; status is null && restart < 2; restart++)
        {
            status = Run(ref pivots, maxPivots, cold: true);
        }

        _stop = null;
        _phaseOne = false;
        Pivots = pivots;
        ComputeDuals(_dual);
        _objective = 0;
        for (var j = 0; j < _n; j++)
        {
            _objective += _cost[j] * Value(j);
        }

        return status ?? MasterLpStatus.IterationLimit;
    }

    /// <summary>Column <paramref name="column"/>'s value x_j at the end of the last <see cref="Solve"/> (its bound while nonbasic).</summary>
    public double Value(int column)
    {
        AssertColumn(column);
        var p = _pos[column];
        return p >= 0 ? _xB[p] : p == AtUpper ? _upper[column] : _lower[column];
    }

    /// <summary>Row <paramref name="row"/>'s dual y_i from the last <see cref="Solve"/> (cost units per unit of the row).</summary>
    public double Dual(int row)
    {
        AssertRow(row);
        return _dual[row];
    }

    /// <summary>
    /// Column <paramref name="column"/>'s reduced cost <c>c_j - sum_i y_i a_ij</c> under the duals of the last
    /// <see cref="Solve"/> (also for columns added since, which is how new columns are priced).
    /// </summary>
    public double ReducedCost(int column)
    {
        AssertColumn(column);
        return _cost[column] - Dot(_dual, column);
    }

    private void AssertColumn(int column) =>
        Debug.Assert(column >= 0 && column < _n, "column: the column must be an index returned by AddColumn.");

    private void AssertRow(int row) => Debug.Assert(row >= 0 && row < _m, "row: the row must lie in [0, RowCount).");

    [Conditional("DEBUG")]
    private void AssertEntries(ReadOnlySpan<(int Row, double Value)> entries)
    {
        _stamp++;
        foreach (var (row, value) in entries)
        {
            Debug.Assert(row >= 0 && row < _m, "entries: an entry's row must lie in [0, RowCount).");
            Debug.Assert(double.IsFinite(value), "entries: an entry's value must be finite.");
            Debug.Assert(_mark[row] != _stamp, "entries: a column's entries must name distinct rows.");
            _mark[row] = _stamp;
        }
    }

    private void Grow(int columns, int entries)
    {
        if (columns > _cost.Length)
        {
            var size = Math.Max(columns, 2 * _cost.Length);
            Array.Resize(ref _cost, size);
            Array.Resize(ref _lower, size);
            Array.Resize(ref _upper, size);
            Array.Resize(ref _pos, size);
            Array.Resize(ref _pivotEntry, size);
            Array.Resize(ref _reducedCost, size);
            Array.Resize(ref _devex, size);
            Array.Resize(ref _start, size + 1);
        }

        if (entries > _entryRow.Length)
        {
            var size = Math.Max(entries, 2 * _entryRow.Length);
            Array.Resize(ref _entryRow, size);
            Array.Resize(ref _entryValue, size);
        }
    }

    /// <summary>Whether the solve must end before step <paramref name="pivots"/> + 1: the budget is used or the stop said so (asked at every <see cref="StopEvery"/>-th step).</summary>
    private bool Spent(int pivots, int maxPivots)
    {
        if (!_stopped && _stop is not null && pivots > _askedAt && pivots % StopEvery == 0)
        {
            (_askedAt, _stopped) = (pivots, _stop());
        }

        return _stopped || pivots >= maxPivots;
    }

    /// <summary><c>sum_i v_i a_ij</c> over column j's entries.</summary>
    private double Dot(double[] v, int j) => Dot(v, 0, j);

    /// <summary>
    /// Whether a reduced cost that violates its column's optimality by <paramref name="violation"/> (cost units; at most
    /// 0 when it does not) prices the column out: beyond <see cref="DualTolerance"/> times max(1, |c|) plus
    /// <see cref="RoundingTolerance"/> times sum_i |y_i a_ij|, because the duals' rounding error scales with them. The
    /// second sum is read only for a violation past the first part (few columns).
    /// </summary>
    private bool PricesOut(double violation, double c, double[] y, int j)
    {
        var tolerance = DualTolerance * Math.Max(1, Math.Abs(c));
        if (violation <= tolerance)
        {
            return false;
        }

        var magnitude = 0.0;
        for (var e = _start[j]; e < _start[j + 1]; e++)
        {
            magnitude += Math.Abs(y[_entryRow[e]] * _entryValue[e]);
        }

        return violation > tolerance + (RoundingTolerance * magnitude);
    }

    /// <summary><c>sum_i v[offset + i] a_ij</c> over column j's entries (a row of the inverse at <paramref name="offset"/>).</summary>
    private double Dot(double[] v, int offset, int j)
    {
        var sum = 0.0;
        for (var e = _start[j]; e < _start[j + 1]; e++)
        {
            sum += v[offset + _entryRow[e]] * _entryValue[e];
        }

        return sum;
    }
}
