namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// The bounded dual simplex of <see cref="MasterLp"/> (Koberstein, "The dual simplex method, techniques for a fast and
/// stable implementation", PhD thesis, Paderborn 2005, ch. 3; Chvátal 1983, ch. 10): the warm restart after
/// <see cref="MasterLp.SetBounds"/> or <see cref="MasterLp.SetRhs"/> left the basis primal infeasible. Those changes
/// leave the reduced costs as they were, so the basis stays dual feasible once every nonbasic column sits at the bound
/// its reduced cost asks for.
/// </summary>
internal sealed partial class MasterLp
{
    /// <summary>No dual pivot on a pivot-row entry smaller than this in absolute value.</summary>
    private const double DualPivotTolerance = 1e-9;

    /// <summary>
    /// From a refactored basis with some basic value outside its bounds: every nonbasic column to the bound its reduced
    /// cost asks for, then dual simplex steps (the leaving row by dual steepest edge, the bound-flipping ratio test) until every basic
    /// value lies within its bounds. False when the cold start must take over: a column without an upper bound prices
    /// out (the basis is not dual feasible), no column can enter (infeasible from this basis), the basis became
    /// singular, the phase took more than <see cref="DualCap"/> steps, or the budget ran out.
    /// </summary>
    private bool DualPhase(ref int pivots, int maxPivots)
    {
        if (!AlignToReducedCosts())
        {
            return false;
        }

        RecomputePrimal();
        var cap = pivots + DualCap;
        while (true)
        {
            var r = SteepestLeavingRow(out var below);
            if (r < 0 && _sinceRefactor == 0)
            {
                return true;
            }

            if (r >= 0 && (Spent(pivots, maxPivots) || pivots >= cap || !DualStep(r, below)))
            {
                return false;
            }

            pivots += r >= 0 ? 1 : 0;

            // Feasible on an updated inverse is confirmed on a fresh one; a long run of updates is refreshed too.
            if ((r < 0 || _sinceRefactor >= RefactorEvery) && !Refresh())
            {
                return false;
            }
        }
    }

    /// <summary>The most dual steps one warm restart may take before the cold start takes over (a guard against stalling).</summary>
    private int DualCap => (10 * _m) + 1000;

    /// <summary>
    /// The duals of the basis, and each nonbasic column that may move to the bound its reduced cost asks for (upper when
    /// negative, lower when positive; within the tolerance it stays, and so does a fixed column). False when a column
    /// without an upper bound prices out: the basis is not dual feasible.
    /// </summary>
    private bool AlignToReducedCosts()
    {
        ComputeDuals(_y);
        for (var j = 0; j < _n; j++)
        {
            if (_pos[j] >= 0 || _lower[j] >= _upper[j])
            {
                continue;
            }

            var d = _cost[j] - Dot(_y, j);
            var (up, down) = (PricesOut(-d, _cost[j], _y, j), PricesOut(d, _cost[j], _y, j));
            if (up && double.IsPositiveInfinity(_upper[j]))
            {
                return false;
            }

            _pos[j] = up ? AtUpper : down ? AtLower : _pos[j];
        }

        return true;
    }

    /// <summary>
    /// The leaving basis position by dual steepest edge (Forrest and Goldfarb 1992; Koberstein 2005, 3.3): of the values
    /// outside their bounds beyond the primal tolerance, the largest violation^2 / ||row r of B^-1||^2 (the norms read off
    /// the explicit inverse, exact, O(m) each); ties: lowest position; -1 if none. Also whether it lies below its lower
    /// bound. The largest violation alone stalled on Curtois Instance8's dive (thousands of steps per fix, 47 cold
    /// restarts); by steepest edge no restart.
    /// </summary>
    private int SteepestLeavingRow(out bool below)
    {
        var chosen = -1;
        var worst = 0.0;
        below = false;
        for (var k = 0; k < _m; k++)
        {
            var j = _basis[k];
            var under = LowerOf(j) - _xB[k];
            var over = _xB[k] - UpperOf(j);
            var violation = Math.Max(under, over);
            if (violation <= PrimalTolerance)
            {
                continue;
            }

            var norm = 0.0;
            var row = k * _m;
            for (var i = 0; i < _m; i++)
            {
                norm += _binv[row + i] * _binv[row + i];
            }

            var score = violation * violation / norm;
            if (score > worst)
            {
                chosen = k;
                below = under > over;
                worst = score;
            }
        }

        return chosen;
    }

    /// <summary>
    /// One dual step: basis position r leaves at the bound it violates, the column the dual ratio test picks enters and
    /// moves so far that r reaches that bound (it may pass its own other bound: it is basic then, and a later step fixes
    /// that). False when no column can enter.
    /// </summary>
    private bool DualStep(int r, bool below)
    {
        var target = below ? LowerOf(_basis[r]) : UpperOf(_basis[r]);
        var q = DualRatioTest(r, below ? 1 : -1, Math.Abs(_xB[r] - target), out var reducedCost);
        if (q < 0)
        {
            return false;
        }

        foreach (var j in _flips)
        {
            Ftran(j);
            var from = _pos[j] == AtUpper ? _upper[j] : _lower[j];
            _pos[j] = _pos[j] == AtUpper ? AtLower : AtUpper;
            Move((_pos[j] == AtUpper ? _upper[j] : _lower[j]) - from);
        }

        Ftran(q);
        var delta = (_xB[r] - target) / _alpha[r];
        var entering = (_pos[q] == AtUpper ? _upper[q] : _lower[q]) + delta;
        Move(delta);
        Pivot(q, r, entering, below, reducedCost);
        return true;
    }

    /// <summary>
    /// The entering column of a dual step on basis position r (-1: none), its reduced cost, and in <see cref="_flips"/>
    /// the boxed columns the step passes (the bound-flipping ratio test, Koberstein 2005, 3.2.3; Maros 2003, 9.5). With
    /// g_j = sign times (row r of B^-1) a_j (sign +1 when r lies below its lower bound, -1 above its upper), a nonbasic
    /// column that is not fixed can enter when its move is allowed: at its lower bound with g_j &lt; 0, at its upper with
    /// g_j &gt; 0 (beyond the dual pivot tolerance). In order of the ratios |d_j| / |g_j|, a column whose whole range
    /// |g_j| (u_j - l_j) still leaves r outside its bound (<paramref name="infeasibility"/> left) flips to its other bound;
    /// the first that does not is where the step ends, and among the columns from there whose ratio lies within Harris's
    /// relaxed bound the largest |g_j| enters (ties: lowest index). Reduced costs of the wrong sign (within the tolerance) count as 0.
    /// </summary>
    private int DualRatioTest(int r, int sign, double infeasibility, out double reducedCost)
    {
        _candidates.Clear();
        _flips.Clear();
        for (var j = 0; j < _n; j++)
        {
            _pivotEntry[j] = EligibleEntry(r * _m, sign, j);
            if (_pivotEntry[j] > 0)
            {
                _reducedCost[j] = _cost[j] - Dot(_y, j);
                _candidates.Add((DualSlack(j) / _pivotEntry[j], j));
            }
        }

        _candidates.Sort();
        var first = PassFlips(infeasibility);
        var bound = double.PositiveInfinity;
        for (var k = first; k < _candidates.Count; k++)
        {
            var j = _candidates[k].Column;
            var relax = DualTolerance * Math.Max(1, Math.Abs(_cost[j]));
            bound = Math.Min(bound, (DualSlack(j) + relax) / _pivotEntry[j]);
        }

        var chosen = -1;
        reducedCost = 0;
        for (var k = first; k < _candidates.Count; k++)
        {
            var j = _candidates[k].Column;
            var g = _pivotEntry[j];
            if (_candidates[k].Ratio <= bound && (chosen < 0 || g > _pivotEntry[chosen] || (g == _pivotEntry[chosen] && j < chosen)))
            {
                chosen = j;
                reducedCost = _reducedCost[j];
            }
        }

        return chosen;
    }

    /// <summary>
    /// Walks <see cref="_candidates"/> by ratio, adding to <see cref="_flips"/> each column whose whole move still leaves the
    /// leaving row <paramref name="infeasibility"/> outside its bound; returns the index of the first that does not (never
    /// past the last candidate).
    /// </summary>
    private int PassFlips(double infeasibility)
    {
        var first = 0;
        for (; first < _candidates.Count - 1; first++)
        {
            var j = _candidates[first].Column;
            var pass = _pivotEntry[j] * (_upper[j] - _lower[j]);
            if (!(infeasibility - pass > PrimalTolerance))
            {
                break;
            }

            infeasibility -= pass;
            _flips.Add(j);
        }

        return first;
    }

    /// <summary>|g_j| when column j may enter a dual step on the basis row starting at <paramref name="row"/> of the inverse, else 0.</summary>
    private double EligibleEntry(int row, int sign, int j)
    {
        var p = _pos[j];
        if (p >= 0 || _lower[j] >= _upper[j])
        {
            return 0;
        }

        var g = 0.0;
        for (var e = _start[j]; e < _start[j + 1]; e++)
        {
            g += _binv[row + _entryRow[e]] * _entryValue[e];
        }

        g *= sign;
        return (p == AtLower ? g < -DualPivotTolerance : g > DualPivotTolerance) ? Math.Abs(g) : 0;
    }

    /// <summary>How far column j's stored reduced cost lies on its dual feasible side (d_j at its lower bound, -d_j at its upper), at least 0.</summary>
    private double DualSlack(int j) => Math.Max(0, _pos[j] == AtUpper ? -_reducedCost[j] : _reducedCost[j]);
}
