namespace CommunityDomain.Rostering;

/// <summary>
/// Re-optimises one worker's whole schedule while everyone else stays fixed: a shortest path over days
/// whose state is (shift worked today or off, length of the current run, whether the run touches the
/// first day, weekends worked). Each choice is priced by the worker's wishes plus the marginal cover
/// cost it causes given the other workers. Total minutes and per-shift maxima are enforced through
/// Lagrangian prices adjusted by bracketing; the row returned always satisfies them (else none is).
/// Other rules (weekly minutes, fairness) are left to the evaluator that judges the move.
/// </summary>
internal sealed class WorkerScheduleDp
{
    private const int MaxRounds = 10;
    private readonly CompiledProblem _p;
    private readonly double[] _lambda;
    private readonly double[] _mu;
    private readonly int[] _counts;
    private readonly double[] _bestPrice;
    private readonly int[] _bestSlot;
    private readonly double[] _offPrice;
    private readonly int[] _row;
    private readonly double _baseStep;
    private double[] _value = [];
    private int[] _back = [];

    public WorkerScheduleDp(CompiledProblem p)
    {
        _p = p;
        _lambda = new double[p.WorkerCount];
        _mu = new double[p.ShiftCount];
        _counts = new int[p.ShiftCount];
        _bestPrice = new double[p.Days * p.ShiftCount];
        _bestSlot = new int[p.Days * p.ShiftCount];
        _offPrice = new double[p.Days];
        _row = new int[p.Days];
        var avgMinutes = p.ShiftMinutes.Length == 0 ? 60.0 : p.ShiftMinutes.Average();
        _baseStep = 50.0 / avgMinutes;
    }

    /// <summary>Finds the best row for worker <paramref name="w"/> into <paramref name="result"/>; false when none satisfies the minute and count rules.</summary>
    public bool Solve(RosterEvaluator ev, int w, int[] result)
    {
        var p = _p;
        var r = p.Rules[p.WorkerRules[w]];
        Price(ev, w);
        Array.Clear(_mu);
        var found = false;
        var bestTrue = double.PositiveInfinity;
        double lambda = 0, tooHigh = double.NaN, tooLow = double.NaN, feasible = double.NaN;
        var step = Math.Max(_baseStep, Math.Abs(_lambda[w]));
        for (var round = 0; round < MaxRounds; round++)
        {
            if (!Run(w, r, lambda, out var trueCost))
            {
                return found;
            }

            var minutes = 0;
            Array.Clear(_counts);
            for (var d = 0; d < p.Days; d++)
            {
                var s = _row[d];
                if (s >= 0)
                {
                    _counts[p.SlotShift[s]]++;
                    minutes += p.ShiftMinutes[p.SlotShift[s]];
                }
            }

            var countsOk = true;
            for (var t = 0; t < p.ShiftCount; t++)
            {
                if (_counts[t] > r.MaxPerShift[t])
                {
                    countsOk = false;
                    _mu[t] = _mu[t] == 0 ? _baseStep * 480 : _mu[t] * 2;
                }
            }

            if (!countsOk)
            {
                continue;
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

                if (Math.Abs(other - feasible) < _baseStep / 64)
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
        }

        return found;
    }

    private void Price(RosterEvaluator ev, int w)
    {
        var p = _p;
        var shifts = p.ShiftCount;
        Array.Fill(_bestPrice, double.PositiveInfinity);
        Array.Fill(_bestSlot, -1);
        for (var d = 0; d < p.Days; d++)
        {
            var offIndex = p.ChoiceIndex(w, d, 0);
            _offPrice[d] = p.Allowed[offIndex] ? p.ChoiceSoft[offIndex] : double.PositiveInfinity;
            var current = ev.Assign[(w * p.Days) + d];
            for (var s = 0; s < p.SlotCount; s++)
            {
                var ci = offIndex + s + 1;
                if (!p.Allowed[ci])
                {
                    continue;
                }

                var ds = (d * p.SlotCount) + s;
                var others = ev.Count(d, s) - (current == s ? 1 : 0);
                double price = p.ChoiceSoft[ci] + p.CoverCost(ds, others + 1) - p.CoverCost(ds, others);
                var t = p.SlotShift[s];
                if (price < _bestPrice[(d * shifts) + t])
                {
                    _bestPrice[(d * shifts) + t] = price;
                    _bestSlot[(d * shifts) + t] = s;
                }
            }
        }
    }

    /// <summary>One shortest-path pass with the given minute price and the current shift prices; fills <see cref="_row"/>.</summary>
    private bool Run(int w, CompiledRules r, double lambda, out double trueCost)
    {
        var p = _p;
        var days = p.Days;
        var shifts = p.ShiftCount;
        var limitedMax = r.MaxConsecutive < days;
        var runCap = limitedMax ? r.MaxConsecutive : Math.Min(days, Math.Max(1, r.MinConsecutive));
        var offCap = Math.Min(days, Math.Max(1, r.MinDaysOff));
        var trackWeekends = r.MaxWeekends < p.WeekendCount;
        var kn = trackWeekends ? r.MaxWeekends + 1 : 1;
        var baseStates = (shifts * runCap * 2) + (offCap * 2);
        var n = baseStates * kn;
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
                    Relax(value, back, row + (OffState(shifts, runCap, 0, 1) * kn), offP, -1);
                }

                for (var t = 0; t < shifts; t++)
                {
                    var price = _bestPrice[t];
                    var k = we >= 0 && trackWeekends ? 1 : 0;
                    if (double.IsPositiveInfinity(price) || k >= kn)
                    {
                        continue;
                    }

                    Relax(value, back, row + (WorkState(runCap, t, 0, 1) * kn) + k, price + (lambda * p.ShiftMinutes[t]) + _mu[t], -1);
                }

                continue;
            }

            var prevRow = (d - 1) * n;
            var sameWeekend = we >= 0 && p.WeekendOfDay[d - 1] == we;
            for (var ps = 0; ps < n; ps++)
            {
                var v = value[prevRow + ps];
                if (double.IsPositiveInfinity(v))
                {
                    continue;
                }

                var bs = ps / kn;
                var k = ps % kn;
                var isWork = bs < shifts * runCap * 2;
                int prevShift = -1, run = 0, border, off = 0;
                if (isWork)
                {
                    border = bs & 1;
                    run = (bs >> 1) % runCap;
                    prevShift = (bs >> 1) / runCap;
                }
                else
                {
                    var ob = bs - (shifts * runCap * 2);
                    border = ob & 1;
                    off = ob >> 1;
                }

                // Off today.
                if (!double.IsPositiveInfinity(offP))
                {
                    if (isWork)
                    {
                        if (border == 1 || run + 1 >= r.MinConsecutive)
                        {
                            Relax(value, back, row + (OffState(shifts, runCap, 0, 0) * kn) + k, v + offP, ps);
                        }
                    }
                    else
                    {
                        Relax(value, back, row + (OffState(shifts, runCap, Math.Min(off + 1, offCap - 1), border) * kn) + k, v + offP, ps);
                    }
                }

                // Work shift t today.
                var nk = k;
                if (we >= 0 && !(isWork && sameWeekend))
                {
                    nk = trackWeekends ? k + 1 : 0;
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
                    if (double.IsPositiveInfinity(price) || (isWork && r.Forbidden[(prevShift * shifts) + t]))
                    {
                        continue;
                    }

                    Relax(value, back, row + (WorkState(runCap, t, nextRun, nextBorder) * kn) + nk, v + price + (lambda * p.ShiftMinutes[t]) + _mu[t], ps);
                }
            }
        }

        var lastRow = (days - 1) * n;
        var best = -1;
        for (var s = 0; s < n; s++)
        {
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
            var bs = state / kn;
            if (bs < shifts * runCap * 2)
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
