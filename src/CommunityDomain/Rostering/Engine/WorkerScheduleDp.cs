namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// Re-optimises one worker's whole schedule while everyone else stays fixed: a shortest path over days
/// whose state is (shift worked today or off, length of the current run, whether the run touches the
/// first day, weekends worked; on the first date off, the shift worked before it when rest can bind
/// across one date off). Each choice is priced by the worker's wishes plus the marginal cover
/// cost it causes given the other workers, so the path is exactly the best response of this worker.
/// </summary>
/// <remarks>
/// Total minutes are handled with a Lagrangian price per minute, bracketed and bisected, warm-started
/// from the worker's last price; per-shift maxima and weekly minutes with prices raised while broken
/// (one-sided rules). When the price jumps over a narrow [min, max] window, the minutes become part of
/// the state (gcd units) if that stays under a budget, else the nearest row is repaired one day at a
/// time. Every row is judged by the evaluator afterwards; fairness is left to it entirely.
/// </remarks>
internal sealed partial class WorkerScheduleDp
{
    private const int MaxRounds = 12;
    private const long ExactBudget = 3_000_000;
    private readonly int _maxShiftMinutes;
    private readonly int _unit;
    private readonly int[] _units;
    private readonly CompiledProblem _p;
    private readonly double[] _lambda;
    private readonly double[] _mu;
    private readonly int[] _counts;
    private readonly int[] _weekMinutes;
    private readonly double[] _nu;
    private readonly double[] _bestPrice;
    private readonly int[] _bestSlot;
    private readonly double[] _offPrice;
    private readonly int[] _row;
    private readonly int[] _nearest;
    private readonly int[] _scratchAssign;
    private readonly int[] _shiftScratch;
    private readonly int[] _weekScratch;
    private readonly double _baseStep;
    private double[] _value = [];
    private int[] _back = [];

    public WorkerScheduleDp(CompiledProblem p)
    {
        _p = p;
        _lambda = new double[p.WorkerCount];
        _mu = new double[p.ShiftCount];
        _counts = new int[p.ShiftCount];
        _weekMinutes = new int[Math.Max(1, p.WeekCount)];
        _nu = new double[Math.Max(1, p.WeekCount)];
        _bestPrice = new double[p.Days * p.ShiftCount];
        _bestSlot = new int[p.Days * p.ShiftCount];
        _offPrice = new double[p.Days];
        _row = new int[p.Days];
        _nearest = new int[p.Days];
        _scratchAssign = new int[p.WorkerCount * p.Days];
        _shiftScratch = new int[Math.Max(1, p.ShiftCount)];
        _weekScratch = new int[Math.Max(1, p.WeekCount)];
        var avgMinutes = p.ShiftMinutes.Length == 0 ? 60.0 : p.ShiftMinutes.Average();
        _baseStep = 50.0 / avgMinutes;
        _maxShiftMinutes = p.ShiftMinutes.Length == 0 ? 1 : p.ShiftMinutes.Max();
        _unit = p.ShiftMinutes.Aggregate(0, Gcd);
        if (_unit == 0)
        {
            _unit = 1;
        }

        _units = p.ShiftMinutes.Select(m => m / _unit).ToArray();
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>Finds the best row for worker <paramref name="w"/> into <paramref name="result"/>; false when none satisfies the minute and count rules.</summary>
    /// <remarks>
    /// With <paramref name="rng"/>, every price gets a random nudge below 1 / days in total, so among
    /// rows of equal integer cost a random one wins: the search can walk plateaus instead of
    /// returning the same tie forever.
    /// </remarks>
    public bool Solve(RosterEvaluator ev, int w, int[] result, Random? rng = null)
    {
        var p = _p;
        var r = p.Rules[p.WorkerRules[w]];
        Price(ev, w, rng);
        Array.Clear(_mu);
        Array.Clear(_nu);
        var found = false;
        var bestTrue = double.PositiveInfinity;
        var nearestMiss = int.MaxValue;
        var nearestCost = double.PositiveInfinity;
        // Warm start from the price that worked last time for this worker.
        double lambda = _lambda[w], tooHigh = double.NaN, tooLow = double.NaN, feasible = double.NaN;
        var step = Math.Max(_baseStep, Math.Abs(_lambda[w]));
        for (var round = 0; round < MaxRounds; round++)
        {
            if (!Run(r, lambda, 0, out var trueCost))
            {
                break;
            }

            if (!RespectsCountsAndWeeks(r, out var minutes))
            {
                continue;
            }

            var miss = minutes < r.MinMinutes ? r.MinMinutes - minutes : minutes > r.MaxMinutes ? minutes - r.MaxMinutes : 0;
            if (miss > 0 && (miss < nearestMiss || (miss == nearestMiss && trueCost < nearestCost)))
            {
                nearestMiss = miss;
                nearestCost = trueCost;
                Array.Copy(_row, _nearest, p.Days);
            }

            if (minutes < r.MinMinutes)
            {
                tooHigh = lambda;
            }
            else if (minutes > r.MaxMinutes)
            {
                tooLow = lambda;
            }
            else
            {
                if (trueCost < bestTrue)
                {
                    bestTrue = trueCost;
                    Array.Copy(_row, result, p.Days);
                    found = true;
                }

                feasible = lambda;
                if (lambda == 0)
                {
                    break;
                }
            }

            if (!double.IsNaN(feasible))
            {
                // Move the price back towards zero: the closer to zero, the closer to the true optimum.
                var other = feasible < 0 ? tooHigh : tooLow;
                if (double.IsNaN(other))
                {
                    other = 0;
                }

                if (Math.Abs(other - feasible) < _baseStep / 4)
                {
                    break;
                }

                lambda = (feasible + other) / 2;
            }
            else if (!double.IsNaN(tooHigh) && !double.IsNaN(tooLow))
            {
                lambda = (tooHigh + tooLow) / 2;
            }
            else if (!double.IsNaN(tooHigh))
            {
                lambda = tooHigh - step;
                step *= 2;
            }
            else
            {
                lambda = tooLow + step;
                step *= 2;
            }
        }

        if (found)
        {
            _lambda[w] = feasible;
            return true;
        }

        // Minute prices can jump over a narrow [min, max] window (mixed shift lengths): fall back to
        // tracking minutes exactly when the state space is small enough.
        var exact = ExactUnits(r);
        if (exact > 0)
        {
            Array.Clear(_mu);
            Array.Clear(_nu);
            if (SolveExact(w, r, exact, result))
            {
                return true;
            }
        }

        // Too large to track exactly: repair the row nearest the minute window one day at a time;
        // the evaluator judges the result like any move.
        if (nearestMiss != int.MaxValue)
        {
            Repair(w, r);
            Array.Copy(_nearest, result, p.Days);
            return true;
        }

        return false;
    }

    /// <summary>One shortest-path pass with the given minute price and the current shift prices; fills <see cref="_row"/>.</summary>
    /// <remarks>With <paramref name="unitCount"/> &gt; 0, total minutes (in gcd units) are part of the state and the bounds are exact.</remarks>
    private bool Run(CompiledRules r, double lambda, int unitCount, out double trueCost)
    {
        var p = _p;
        var days = p.Days;
        var shifts = p.ShiftCount;
        var (nBase, runCap, offCap, kn, limitedMax, trackWeekends) = Layout(r);
        var mu = Math.Max(1, unitCount);
        var exact = unitCount > 0;
        var units = _units;

        // State = (((base * kn) + weekends) * mu) + minute units.
        var inner = kn * mu;
        var n = nBase * mu;
        var workStates = shifts * runCap * 2;
        var offStates = offCap * 2;
        var trackAfter = r.AnyBlocked2;
        if (_value.Length < n * days)
        {
            _value = new double[n * days];
            _back = new int[n * days];
        }

        var value = _value;
        var back = _back;
        Array.Fill(value, double.PositiveInfinity, 0, n * days);
        for (var d = 0; d < days; d++)
        {
            var we = p.WeekendOfDay[d];
            var row = d * n;
            var offP = _offPrice[d];
            if (d == 0)
            {
                if (!double.IsPositiveInfinity(offP))
                {
                    Relax(value, back, row + (OffState(shifts, runCap, 0, 1) * inner), offP, -1);
                }

                for (var t = 0; t < shifts; t++)
                {
                    var price = _bestPrice[t];
                    var k = we >= 0 && trackWeekends ? 1 : 0;
                    var m = exact ? units[t] : 0;
                    if (double.IsPositiveInfinity(price) || k >= kn || m >= mu)
                    {
                        continue;
                    }

                    Relax(value, back, row + (WorkState(runCap, t, 0, 1) * inner) + (k * mu) + m, price + ((lambda + _nu[p.WeekOfDay[0]]) * p.ShiftMinutes[t]) + _mu[t], -1);
                }

                continue;
            }

            var prevRow = (d - 1) * n;
            var weekPrice = _nu[p.WeekOfDay[d]];
            var sameWeekend = we >= 0 && p.WeekendOfDay[d - 1] == we;
            for (var ps = 0; ps < n; ps++)
            {
                var v = value[prevRow + ps];
                if (double.IsPositiveInfinity(v))
                {
                    continue;
                }

                var bs = ps / inner;
                var km = ps % inner;
                var k = km / mu;
                var m = km % mu;
                var isWork = bs < workStates;
                int prevShift = -1, run = 0, border, off = 0, beforeOff = -1;
                if (isWork)
                {
                    border = bs & 1;
                    run = (bs >> 1) % runCap;
                    prevShift = (bs >> 1) / runCap;
                }
                else if (bs < workStates + offStates)
                {
                    var ob = bs - workStates;
                    border = ob & 1;
                    off = ob >> 1;
                }
                else
                {
                    // First date off after a duty of shift beforeOff (inner block, so border 0).
                    beforeOff = bs - workStates - offStates;
                    border = 0;
                }

                // Off today.
                if (!double.IsPositiveInfinity(offP))
                {
                    if (isWork)
                    {
                        if (border == 1 || run + 1 >= r.MinConsecutive)
                        {
                            var offTarget = trackAfter ? workStates + offStates + prevShift : OffState(shifts, runCap, 0, 0);
                            Relax(value, back, row + (offTarget * inner) + km, v + offP, ps);
                        }
                    }
                    else
                    {
                        Relax(value, back, row + (OffState(shifts, runCap, Math.Min(off + 1, offCap - 1), border) * inner) + km, v + offP, ps);
                    }
                }

                // Work shift t today.
                var nk = k;
                if (we >= 0 && !(isWork && sameWeekend) && trackWeekends)
                {
                    nk = k + 1;
                    if (nk >= kn)
                    {
                        continue;
                    }
                }

                int nextRun, nextBorder;
                if (isWork)
                {
                    if (limitedMax && run + 2 > r.MaxConsecutive)
                    {
                        continue;
                    }

                    nextRun = limitedMax ? run + 1 : Math.Min(run + 1, runCap - 1);
                    nextBorder = border;
                }
                else
                {
                    if (border == 0 && off + 1 < r.MinDaysOff)
                    {
                        continue;
                    }

                    nextRun = 0;
                    nextBorder = 0;
                }

                for (var t = 0; t < shifts; t++)
                {
                    var price = _bestPrice[(d * shifts) + t];
                    if (double.IsPositiveInfinity(price)
                        || (isWork && r.Blocked[(prevShift * shifts) + t])
                        || (beforeOff >= 0 && r.Blocked2[(beforeOff * shifts) + t]))
                    {
                        continue;
                    }

                    var nm = exact ? m + units[t] : 0;
                    if (nm >= mu)
                    {
                        continue;
                    }

                    Relax(value, back, row + (WorkState(runCap, t, nextRun, nextBorder) * inner) + (nk * mu) + nm, v + price + ((lambda + weekPrice) * p.ShiftMinutes[t]) + _mu[t], ps);
                }
            }
        }

        var lastRow = (days - 1) * n;
        var best = -1;
        for (var s = 0; s < n; s++)
        {
            if (exact)
            {
                var minutes = s % mu * _unit;
                if (minutes < r.MinMinutes || minutes > r.MaxMinutes)
                {
                    continue;
                }
            }

            if (!double.IsPositiveInfinity(value[lastRow + s]) && (best < 0 || value[lastRow + s] < value[lastRow + best]))
            {
                best = s;
            }
        }

        trueCost = 0;
        if (best < 0)
        {
            return false;
        }

        var state = best;
        for (var d = days - 1; d >= 0; d--)
        {
            var bs = state / inner;
            if (bs < workStates)
            {
                var t = (bs >> 1) / runCap;
                _row[d] = _bestSlot[(d * shifts) + t];
                trueCost += _bestPrice[(d * shifts) + t];
            }
            else
            {
                _row[d] = -1;
                trueCost += _offPrice[d];
            }

            state = back[(d * n) + state];
        }

        return true;
    }

    private static int WorkState(int runCap, int shift, int run, int border) => (((shift * runCap) + run) << 1) | border;

    private static int OffState(int shifts, int runCap, int off, int border) => (shifts * runCap * 2) + ((off << 1) | border);

    private static void Relax(double[] value, int[] back, int index, double candidate, int from)
    {
        if (candidate < value[index])
        {
            value[index] = candidate;
            back[index] = from;
        }
    }
}
