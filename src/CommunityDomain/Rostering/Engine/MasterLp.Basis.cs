using System.Diagnostics;

namespace CommunityDomain.Rostering.Engine;

/// <summary>The basis of <see cref="MasterLp"/>: its inverse (rebuilt and updated), basic values, duals, and the cold start.</summary>
internal sealed partial class MasterLp
{
    /// <summary>A warm basis is kept while every basic value lies this close to its bounds (Harris steps leave up to the primal tolerance).</summary>
    private const double WarmTolerance = 10 * PrimalTolerance;

    /// <summary>
    /// Every column at its lower bound, and per row the cheapest single-entry column that takes the rest of the row within
    /// its bounds (a +1 or -1 slack), else an artificial column with the rest's sign.
    /// </summary>
    private void ColdStart()
    {
        Array.Copy(_rhs, _residual, _m);
        for (var j = 0; j < _n; j++)
        {
            _pos[j] = AtLower;
            Subtract(j, _lower[j]);
        }

        Array.Clear(_artificial);
        for (var i = 0; i < _m; i++)
        {
            var s = CheapestSlack(i, _residual[i]);
            if (s >= 0)
            {
                _basis[i] = s;
                _pos[s] = i;
            }
            else
            {
                _artificial[i] = _residual[i] >= 0 ? 1 : -1;
                _basis[i] = ~i;
            }
        }

        _hasBasis = true;
        var diagonal = Refactor();
        Debug.Assert(diagonal, "A basis of single-entry columns, one per row, is never singular.");
        RecomputePrimal();
    }

    /// <summary>The single-entry column on row i whose value <paramref name="rest"/> / a lies in its range, cheapest per unit of the row (ties: lowest index); -1 if none.</summary>
    private int CheapestSlack(int i, double rest)
    {
        var best = -1;
        var bestCost = 0.0;
        foreach (var j in _singles[i])
        {
            var a = _entryValue[_start[j]];
            var v = rest / a;
            if (v < -PrimalTolerance || v > _upper[j] - _lower[j] + PrimalTolerance)
            {
                continue;
            }

            var cost = _cost[j] / Math.Abs(a);
            if (best < 0 || cost < bestCost)
            {
                best = j;
                bestCost = cost;
            }
        }

        return best;
    }

    /// <summary>_residual -= x * a_j.</summary>
    private void Subtract(int j, double x)
    {
        if (x == 0)
        {
            return;
        }

        for (var e = _start[j]; e < _start[j + 1]; e++)
        {
            _residual[_entryRow[e]] -= x * _entryValue[e];
        }
    }

    /// <summary>
    /// x_B = B^-1 (b - N x_N) from the nonbasic columns' bounds; true when every basic value lies within its bounds (up
    /// to <see cref="WarmTolerance"/>).
    /// </summary>
    private bool RecomputePrimal()
    {
        Array.Copy(_rhs, _residual, _m);
        for (var j = 0; j < _n; j++)
        {
            var p = _pos[j];
            if (p < 0)
            {
                Subtract(j, p == AtUpper ? _upper[j] : _lower[j]);
            }
        }

        var feasible = true;
        for (var k = 0; k < _m; k++)
        {
            var row = k * _m;
            var sum = 0.0;
            for (var i = 0; i < _m; i++)
            {
                sum += _binv[row + i] * _residual[i];
            }

            _xB[k] = sum;
            var j = _basis[k];
            feasible &= sum >= LowerOf(j) - WarmTolerance && sum <= UpperOf(j) + WarmTolerance;
        }

        return feasible;
    }

    /// <summary>y = c_B B^-1 under the current phase's costs.</summary>
    private void ComputeDuals(double[] y)
    {
        Array.Clear(y);
        for (var k = 0; k < _m; k++)
        {
            var c = CostOf(_basis[k]);
            if (c == 0)
            {
                continue;
            }

            var row = k * _m;
            for (var i = 0; i < _m; i++)
            {
                y[i] += c * _binv[row + i];
            }
        }
    }

    /// <summary>alpha = B^-1 a_q.</summary>
    private void Ftran(int q)
    {
        for (var k = 0; k < _m; k++)
        {
            var row = k * _m;
            var sum = 0.0;
            for (var e = _start[q]; e < _start[q + 1]; e++)
            {
                sum += _binv[row + _entryRow[e]] * _entryValue[e];
            }

            _alpha[k] = sum;
        }
    }

    /// <summary>
    /// The inverse after the column with <see cref="_alpha"/> replaced basis position r (the product form's eta matrix
    /// applied explicitly): row r divided by alpha_r, then alpha_k times it taken from every other row k, over row r's
    /// nonzeros only. Returns how many there are, listed in <see cref="_nonzero"/>.
    /// </summary>
    private int UpdateInverse(int r)
    {
        var pivotRow = r * _m;
        var count = ScaleRow(_binv, pivotRow, 0, 1 / _alpha[r]);
        for (var k = 0; k < _m; k++)
        {
            var a = _alpha[k];
            if (k != r && a != 0)
            {
                SubtractRow(_binv, k * _m, pivotRow, a, count);
            }
        }

        _sinceRefactor++;
        _inverseFresh = false;
        return count;
    }

    /// <summary>Multiplies matrix[row + c] by <paramref name="factor"/> for c from <paramref name="from"/> to m - 1 and lists the nonzero c in <see cref="_nonzero"/>; returns their count.</summary>
    private int ScaleRow(double[] matrix, int row, int from, double factor)
    {
        var count = 0;
        for (var c = from; c < _m; c++)
        {
            var v = matrix[row + c];
            if (v != 0)
            {
                matrix[row + c] = v * factor;
                _nonzero[count++] = c;
            }
        }

        return count;
    }

    /// <summary>matrix[row + c] -= factor * matrix[source + c] over the first <paramref name="count"/> columns c listed in <see cref="_nonzero"/>.</summary>
    private void SubtractRow(double[] matrix, int row, int source, double factor, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var c = _nonzero[n];
            matrix[row + c] -= factor * matrix[source + c];
        }
    }

    /// <summary>
    /// B^-1 from scratch by Gauss-Jordan elimination with partial pivoting; false when a pivot falls below the pivot
    /// tolerance (numerically singular). The basis columns are eliminated sparsest first (slacks and artificials, one entry
    /// each, cost one row scaling and no fill), each on the unused row with its largest entry (ties: lowest row); E B = P
    /// for that row permutation P, so row k of B^-1 is row p_k of E.
    /// </summary>
    private bool Refactor()
    {
        _inverseFresh = false;
        LoadBasis();
        var m = _m;
        for (var n = 0; n < m; n++)
        {
            var k = _order[n];
            var p = -1;
            var best = 0.0;
            for (var r = 0; r < m; r++)
            {
                var v = Math.Abs(_dense[(r * m) + k]);
                if (!_rowUsed[r] && v > best)
                {
                    p = r;
                    best = v;
                }
            }

            if (best < PivotTolerance)
            {
                return false;
            }

            _rowUsed[p] = true;
            _pivotRowOf[k] = p;
            Eliminate(p, k);
        }

        for (var k = 0; k < m; k++)
        {
            Array.Copy(_binv, _pivotRowOf[k] * m, _dense, k * m, m);
        }

        Array.Copy(_dense, _binv, _binv.Length);
        _sinceRefactor = 0;
        _inverseFresh = true;
        return true;
    }

    /// <summary>The basis matrix into <see cref="_dense"/> (B[i, k] at i * m + k), the identity into the inverse, the elimination order (fewest entries first, ties by position), no row used.</summary>
    private void LoadBasis()
    {
        var m = _m;
        Array.Clear(_dense);
        Array.Clear(_binv);
        Array.Clear(_rowUsed);
        for (var k = 0; k < m; k++)
        {
            _binv[(k * m) + k] = 1;
            _order[k] = k;
            var j = _basis[k];
            if (j < 0)
            {
                _dense[(~j * m) + k] = _artificial[~j];
                _orderKey[k] = k;
                continue;
            }

            for (var e = _start[j]; e < _start[j + 1]; e++)
            {
                _dense[(_entryRow[e] * m) + k] = _entryValue[e];
            }

            _orderKey[k] = ((long)(_start[j + 1] - _start[j]) * m) + k;
        }

        Array.Sort(_orderKey, _order);
    }

    /// <summary>One Gauss-Jordan step: row p scaled so column k holds 1 there, column k cleared from every other row (over row p's nonzeros), the same operations on the inverse.</summary>
    private void Eliminate(int p, int k)
    {
        var m = _m;
        var pivotRow = p * m;
        var inverse = 1 / _dense[pivotRow + k];
        var denseCount = ScaleRow(_dense, pivotRow, 0, inverse);
        for (var r = 0; r < m; r++)
        {
            var f = _dense[(r * m) + k];
            _factor[r] = r != p ? f : 0;
            if (r != p && f != 0)
            {
                SubtractRow(_dense, r * m, pivotRow, f, denseCount);
            }
        }

        // The same row operations on the inverse, over its pivot row's nonzeros (the list now holds those).
        var inverseCount = ScaleRow(_binv, pivotRow, 0, inverse);
        for (var r = 0; r < m; r++)
        {
            if (_factor[r] != 0)
            {
                SubtractRow(_binv, r * m, pivotRow, _factor[r], inverseCount);
            }
        }
    }
}
