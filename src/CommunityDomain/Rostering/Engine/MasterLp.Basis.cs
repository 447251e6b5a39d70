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
    /// applied explicitly): row r divided by alpha_r, then alpha_k times it taken from every other row k.
    /// </summary>
    private void UpdateInverse(int r)
    {
        var pivotRow = r * _m;
        var inverse = 1 / _alpha[r];
        for (var i = 0; i < _m; i++)
        {
            _binv[pivotRow + i] *= inverse;
        }

        for (var k = 0; k < _m; k++)
        {
            var a = _alpha[k];
            if (k == r || a == 0)
            {
                continue;
            }

            var row = k * _m;
            for (var i = 0; i < _m; i++)
            {
                _binv[row + i] -= a * _binv[pivotRow + i];
            }
        }

        _sinceRefactor++;
    }

    /// <summary>
    /// B^-1 from scratch by Gauss-Jordan elimination with partial pivoting (row k of the inverse belongs to basis position
    /// k); false when a pivot falls below the pivot tolerance (numerically singular).
    /// </summary>
    private bool Refactor()
    {
        var m = _m;
        Array.Clear(_dense);
        Array.Clear(_binv);
        for (var k = 0; k < m; k++)
        {
            var j = _basis[k];
            if (j < 0)
            {
                _dense[(~j * m) + k] = _artificial[~j];
                continue;
            }

            for (var e = _start[j]; e < _start[j + 1]; e++)
            {
                _dense[(_entryRow[e] * m) + k] = _entryValue[e];
            }
        }

        for (var i = 0; i < m; i++)
        {
            _binv[(i * m) + i] = 1;
        }

        for (var k = 0; k < m; k++)
        {
            if (!PivotOn(k))
            {
                return false;
            }
        }

        _sinceRefactor = 0;
        return true;
    }

    /// <summary>One Gauss-Jordan step: the largest entry at or below row k of column k to row k, scaled to 1, cleared elsewhere.</summary>
    private bool PivotOn(int k)
    {
        var m = _m;
        var p = k;
        for (var r = k + 1; r < m; r++)
        {
            if (Math.Abs(_dense[(r * m) + k]) > Math.Abs(_dense[(p * m) + k]))
            {
                p = r;
            }
        }

        if (Math.Abs(_dense[(p * m) + k]) < PivotTolerance)
        {
            return false;
        }

        SwapRows(p, k);
        var pivotRow = k * m;
        var inverse = 1 / _dense[pivotRow + k];
        for (var c = 0; c < m; c++)
        {
            _dense[pivotRow + c] *= inverse;
            _binv[pivotRow + c] *= inverse;
        }

        for (var r = 0; r < m; r++)
        {
            var f = _dense[(r * m) + k];
            if (r == k || f == 0)
            {
                continue;
            }

            var row = r * m;
            for (var c = k; c < m; c++)
            {
                _dense[row + c] -= f * _dense[pivotRow + c];
            }

            for (var c = 0; c < m; c++)
            {
                _binv[row + c] -= f * _binv[pivotRow + c];
            }
        }

        return true;
    }

    private void SwapRows(int a, int b)
    {
        if (a == b)
        {
            return;
        }

        var m = _m;
        for (var c = 0; c < m; c++)
        {
            (_dense[(a * m) + c], _dense[(b * m) + c]) = (_dense[(b * m) + c], _dense[(a * m) + c]);
            (_binv[(a * m) + c], _binv[(b * m) + c]) = (_binv[(b * m) + c], _binv[(a * m) + c]);
        }
    }
}
