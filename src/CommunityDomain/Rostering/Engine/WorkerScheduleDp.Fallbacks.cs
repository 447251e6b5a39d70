namespace CommunityDomain.Rostering.Engine;

/// <summary>The fallbacks of <see cref="WorkerScheduleDp"/> for when minute prices miss a narrow window.</summary>
internal sealed partial class WorkerScheduleDp
{
    /// <summary>
    /// The exact-minutes path alone, what <see cref="Solve"/> falls back to when minute prices jump over the window: the
    /// cheapest row for worker <paramref name="w"/> into <paramref name="result"/> with total minutes tracked exactly, no
    /// price noise. False when the state space is over <see cref="ExactBudget"/>, the worker has no minute window, or no
    /// row keeps the rules. For the tests' brute force and the benchmark of this path.
    /// </summary>
    internal bool SolveExactMinutes(RosterEvaluator ev, int w, int[] result)
    {
        var r = _p.Rules[_p.WorkerRules[w]];
        Price(ev, w, rng: null);
        OpenShifts(r);
        Array.Clear(_mu);
        Array.Clear(_nu);
        var exact = ExactUnits(r);
        return exact > 0 && SolveExact(r, exact, result);
    }

    /// <summary>
    /// The minute-price rounds alone for worker <paramref name="w"/> (price noise from <paramref name="rng"/>, none without):
    /// the cheapest row they price into the window into <paramref name="result"/>; false when no round priced a row into
    /// the window (the fallbacks not tried). For the tests of the secant.
    /// </summary>
    internal bool SearchMinutePrices(ICoverView ev, int w, int[] result, Random? rng)
    {
        var r = _p.Rules[_p.WorkerRules[w]];
        Price(ev, w, rng);
        OpenShifts(r);
        Array.Clear(_mu);
        Array.Clear(_nu);
        return SearchMinutePrice(w, r, result, out _);
    }

    /// <summary>Minute units (gcd of shift lengths) to track total minutes exactly, or 0 when the state space would be too large.</summary>
    private int ExactUnits(CompiledRules r)
    {
        if (r.MinMinutes == 0 && r.MaxMinutes >= _p.Days * _maxShiftMinutes)
        {
            return 0;
        }

        var units = Math.Min(r.MaxMinutes, _p.Days * _maxShiftMinutes) / _unit;
        var n = StateLayout.Of(_p, r, 0, _openCount).Count;
        return (long)n * (units + 1) * _p.Days <= ExactBudget ? units + 1 : 0;
    }

    /// <summary>Exact minutes in the state; per-shift maxima still by prices (a one-sided rule: raising a price always helps).</summary>
    private bool SolveExact(CompiledRules r, int unitCount, int[] result)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            if (!Run(r, 0, unitCount, out _))
            {
                return false;
            }

            var countsOk = RespectsCountsAndWeeks(r, mayCount: false, out _);
            if (countsOk)
            {
                Array.Copy(_row, result, _p.Days);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Greedy repair of <see cref="_nearest"/> towards the minute window: repeatedly adds (or removes)
    /// the one shift that keeps the worker's own rules best satisfied at the lowest price.
    /// </summary>
    private void Repair(int w, CompiledRules r)
    {
        var row = _scratchAssign.AsSpan(w * _p.Days, _p.Days);
        _nearest.CopyTo(row);
        for (var step = 0; step < MaxRepairSteps; step++)
        {
            var minutes = RowMinutes(row);
            var add = minutes < r.MinMinutes;
            if (!add && minutes <= r.MaxMinutes)
            {
                break;
            }

            var (bestDay, bestSlot) = BestRepairStep(w, row, add);
            if (bestDay < 0)
            {
                break;
            }

            row[bestDay] = bestSlot;
        }

        row.CopyTo(_nearest);
    }

    /// <summary>The minutes worked in one worker's <paramref name="row"/> (slot per date, -1 off).</summary>
    private int RowMinutes(ReadOnlySpan<int> row)
    {
        var minutes = 0;
        for (var d = 0; d < row.Length; d++)
        {
            minutes += row[d] >= 0 ? _p.ShiftMinutes[_p.SlotShift[row[d]]] : 0;
        }

        return minutes;
    }

    /// <summary>
    /// The one change of worker <paramref name="w"/>'s <paramref name="row"/> (add the cheapest shift on a day off, or
    /// clear a duty) that leaves the fewest hard violations of their own rules, then the lowest price change; the row is
    /// left as it was. (-1, -1) when no day can change.
    /// </summary>
    private (int Day, int Slot) BestRepairStep(int w, Span<int> row, bool add)
    {
        var p = _p;
        var sink = default(NullSink);
        int bestDay = -1, bestSlot = -1, bestHard = int.MaxValue;
        var bestPrice = double.PositiveInfinity;
        for (var d = 0; d < row.Length; d++)
        {
            var old = row[d];
            if (add == (old >= 0))
            {
                continue;
            }

            for (var t = 0; t < (add ? p.ShiftCount : 1); t++)
            {
                var slot = add ? _bestSlot[(d * p.ShiftCount) + t] : -1;
                // A person cannot be in two places: never add a duty overlapping a neighbouring date's one.
                if ((add && (slot < 0 || p.OverlapsNeighbour(_scratchAssign, w, d, slot))) || (!add && double.IsPositiveInfinity(_offPrice[d])))
                {
                    continue;
                }

                var price = add ? _bestPrice[(d * p.ShiftCount) + t] - _offPrice[d] : _offPrice[d] - _bestPrice[(d * p.ShiftCount) + p.SlotShift[old]];
                row[d] = slot;
                WorkerScoring.Score(p, w, _scratchAssign, _shiftScratch, _weekScratch, ref sink, out var hard, out _, out _);
                row[d] = old;
                if (hard < bestHard || (hard == bestHard && price < bestPrice))
                {
                    (bestDay, bestSlot, bestHard, bestPrice) = (d, slot, hard, price);
                }
            }
        }

        return (bestDay, bestSlot);
    }
}
