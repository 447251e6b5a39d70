namespace CommunityDomain.Rostering.Engine;

/// <summary>The simplex steps of <see cref="MasterLp"/>: phases, pricing, the ratio test with bound flips.</summary>
internal sealed partial class MasterLp
{
    /// <summary>
    /// One attempt: a cold start if asked, else the refactored basis as it is when its values lie within their bounds, or
    /// after the dual phase when they do not (a cold start when that gives up); then phase 1 while artificials hold
    /// value, then phase 2. Null when the basis became numerically singular (the caller restarts cold).
    /// </summary>
    private MasterLpStatus? Run(ref int pivots, int maxPivots, bool cold)
    {
        if (!cold && !RecomputePrimal() && !DualPhase(ref pivots, maxPivots))
        {
            cold = !Spent(pivots, maxPivots);
            if (!cold)
            {
                return MasterLpStatus.IterationLimit;
            }
        }

        if (cold)
        {
            ColdStart();
        }

        if (ArtificialSum() > PrimalTolerance)
        {
            _phaseOne = true;
            var first = Iterate(ref pivots, maxPivots);
            _phaseOne = false;
            if (first != MasterLpStatus.Optimal)
            {
                return first;
            }

            var scale = Math.Max(1, _rhs.Max(Math.Abs));
            if (ArtificialSum() > InfeasibleTolerance * scale)
            {
                return MasterLpStatus.Infeasible;
            }
        }

        return Iterate(ref pivots, maxPivots);
    }

    /// <summary>Simplex steps of the current phase until no column prices out, the budget ends, or the objective is unbounded.</summary>
    private MasterLpStatus? Iterate(ref int pivots, int maxPivots)
    {
        var degenerate = 0;
        ComputeDuals(_y);
        while (true)
        {
            var bland = degenerate >= BlandAfter;
            var q = Price(bland, out var direction, out var d);
            if (q < 0 && _sinceRefactor == 0)
            {
                return MasterLpStatus.Optimal;
            }

            if (q >= 0 && Spent(pivots, maxPivots))
            {
                return MasterLpStatus.IterationLimit;
            }

            if (q >= 0)
            {
                pivots++;
                var step = Step(q, direction, d, bland);
                if (double.IsPositiveInfinity(step))
                {
                    return MasterLpStatus.Unbounded;
                }

                degenerate = step <= PrimalTolerance ? degenerate + 1 : 0;
            }

            // Optimal on an updated inverse is confirmed on a fresh one; a long run of updates is refreshed too.
            if ((q < 0 || _sinceRefactor >= RefactorEvery) && !Refresh())
            {
                return null;
            }
        }
    }

    /// <summary>Rebuilds the inverse and the basic values from scratch; false when the basis is numerically singular.</summary>
    private bool Refresh()
    {
        if (!Refactor())
        {
            return false;
        }

        RecomputePrimal();
        ComputeDuals(_y);
        return true;
    }

    /// <summary>
    /// The entering column (-1: none prices out) and its direction (+1 up from its lower bound, -1 down from its upper):
    /// the largest squared violation over the column's Devex weight, ties to the lowest index, or under Bland's rule the
    /// lowest index that prices out.
    /// Fixed columns and artificials never enter. <paramref name="reducedCost"/> is the entering column's.
    /// </summary>
    private int Price(bool bland, out int direction, out double reducedCost)
    {
        var best = -1;
        var bestScore = 0.0;
        direction = 0;
        reducedCost = 0;
        for (var j = 0; j < _n; j++)
        {
            var p = _pos[j];
            if (p >= 0 || _lower[j] >= _upper[j])
            {
                continue;
            }

            var c = _phaseOne ? 0 : _cost[j];
            var d = c - Dot(_y, j);
            if (!PricesOut(p == AtLower ? -d : d, c, _y, j))
            {
                continue;
            }

            var score = d * d / _devex[j];
            if (!bland && score <= bestScore)
            {
                continue;
            }

            best = j;
            bestScore = score;
            reducedCost = d;
            direction = p == AtLower ? 1 : -1;
            if (bland)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>
    /// Moves column <paramref name="q"/> in <paramref name="direction"/> as far as the ratio test allows: a bound flip when
    /// its own range ends first, else a pivot (the duals follow: y += d_q times the inverse's new row r). Returns the step
    /// length (infinity: unbounded).
    /// </summary>
    private double Step(int q, int direction, double reducedCost, bool bland)
    {
        Ftran(q);
        var r = RatioTest(direction, bland, out var t);
        var range = _upper[q] - _lower[q];
        if (r < 0 || range <= t)
        {
            if (double.IsPositiveInfinity(range))
            {
                return range;
            }

            Move(direction * range);
            _pos[q] = direction > 0 ? AtUpper : AtLower;
            return range;
        }

        var entering = (direction > 0 ? _lower[q] : _upper[q]) + (direction * t);
        var (leaving, pivot) = (_basis[r], _alpha[r]);
        Move(direction * t);
        Pivot(q, r, entering, leavesAtLower: direction * _alpha[r] > 0, reducedCost);
        UpdateDevex(q, r, leaving, pivot);
        return t;
    }

    /// <summary>
    /// The Devex weights after column q entered at basis position r on pivot element <paramref name="pivot"/>: each
    /// nonbasic column j's weight rises to (alpha_rj / alpha_rq)^2 times q's when that is more, and the leaving column's
    /// becomes q's over the pivot squared, at least 1. Row r of the updated inverse is the old row r over the pivot, so
    /// alpha_rj / alpha_rq is that row times column j (one pass over the columns, as pricing).
    /// </summary>
    private void UpdateDevex(int q, int r, int leaving, double pivot)
    {
        var weight = _devex[q];
        var offset = r * _m;
        var largest = 0.0;
        for (var j = 0; j < _n; j++)
        {
            if (_pos[j] < 0 && _lower[j] < _upper[j])
            {
                var a = Dot(_binv, offset, j);
                _devex[j] = Math.Max(_devex[j], a * a * weight);
                largest = Math.Max(largest, _devex[j]);
            }
        }

        if (leaving >= 0)
        {
            _devex[leaving] = Math.Max(weight / (pivot * pivot), 1);
        }

        if (largest > DevexReset)
        {
            Array.Fill(_devex, 1, 0, _n);
        }
    }

    /// <summary>
    /// Column q (its <see cref="_alpha"/> computed, its value <paramref name="entering"/>) replaces basis position r, whose
    /// column leaves at the bound named; the inverse is updated and the duals follow: y += d_q times the inverse's new row r.
    /// </summary>
    private void Pivot(int q, int r, double entering, bool leavesAtLower, double reducedCost)
    {
        var leaving = _basis[r];
        if (leaving >= 0)
        {
            _pos[leaving] = leavesAtLower ? AtLower : AtUpper;
        }

        _basis[r] = q;
        _pos[q] = r;
        _xB[r] = entering;
        var count = UpdateInverse(r);
        var pivotRow = r * _m;
        for (var n = 0; n < count; n++)
        {
            var i = _nonzero[n];
            _y[i] += reducedCost * _binv[pivotRow + i];
        }
    }

    /// <summary>
    /// The leaving basis position (-1: none blocks) and the step length <paramref name="t"/>. Outside Bland's rule, Harris's
    /// two passes: the smallest ratio with bounds relaxed by the primal tolerance, then among the rows whose exact ratio
    /// is within it the largest pivot. Under Bland's rule: the exact smallest ratio, ties to the lowest column index.
    /// </summary>
    private int RatioTest(int direction, bool bland, out double t)
    {
        var relax = bland ? 0 : PrimalTolerance;
        var bound = double.PositiveInfinity;
        for (var k = 0; k < _m; k++)
        {
            bound = Math.Min(bound, Limit(k, direction * _alpha[k], relax));
        }

        t = double.PositiveInfinity;
        if (double.IsPositiveInfinity(bound))
        {
            return -1;
        }

        var chosen = -1;
        var best = 0.0;
        for (var k = 0; k < _m; k++)
        {
            var g = direction * _alpha[k];
            var ratio = Limit(k, g, 0);
            if (ratio > bound)
            {
                continue;
            }

            if (chosen < 0 || (bland ? BlandKey(_basis[k]) < BlandKey(_basis[chosen]) : Math.Abs(g) > best))
            {
                chosen = k;
                best = Math.Abs(g);
                t = ratio;
            }
        }

        return chosen;
    }

    /// <summary>How far the step may go before basis position k reaches a bound (relaxed by <paramref name="relax"/>), at least 0.</summary>
    private double Limit(int k, double g, double relax)
    {
        if (g > PivotTolerance)
        {
            return Math.Max(0, (_xB[k] - LowerOf(_basis[k]) + relax) / g);
        }

        if (g < -PivotTolerance)
        {
            var u = UpperOf(_basis[k]);
            return double.IsPositiveInfinity(u) ? u : Math.Max(0, (u - _xB[k] + relax) / -g);
        }

        return double.PositiveInfinity;
    }

    /// <summary>The basic values after the entering column moves by <paramref name="delta"/>: x_B -= delta * alpha.</summary>
    private void Move(double delta)
    {
        for (var k = 0; k < _m; k++)
        {
            _xB[k] -= delta * _alpha[k];
        }
    }

    /// <summary>The sum of the basic artificials' values (nonbasic ones are 0).</summary>
    private double ArtificialSum()
    {
        var sum = 0.0;
        for (var k = 0; k < _m; k++)
        {
            if (_basis[k] < 0)
            {
                sum += _xB[k];
            }
        }

        return sum;
    }

    // Basis entries: j >= 0 a column, ~i row i's artificial (bounds [0, inf) in phase 1, [0, 0] after; cost 1 in phase 1).
    private double LowerOf(int j) => j >= 0 ? _lower[j] : 0;

    private double UpperOf(int j) => j >= 0 ? _upper[j] : _phaseOne ? double.PositiveInfinity : 0;

    private double CostOf(int j) => _phaseOne ? (j < 0 ? 1 : 0) : (j < 0 ? 0 : _cost[j]);

    private int BlandKey(int j) => j >= 0 ? j : _n + ~j;
}
