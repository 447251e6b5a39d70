namespace CommunityDomain.Rostering.Engine;

/// <summary>Prices, state layout and the one-sided rule checks of <see cref="WorkerScheduleDp"/>.</summary>
internal sealed partial class WorkerScheduleDp
{
    /// <summary>
    /// Checks the row's per-shift counts and weekly minutes; raises the prices of what it breaks (one-sided rules), except
    /// that, when <paramref name="mayCount"/>, the first broken per-shift maximum the budget allows is counted in the state
    /// from the next pass on instead (<see cref="TryCount"/>).
    /// </summary>
    private bool RespectsCountsAndWeeks(CompiledRules r, bool mayCount, out int minutes)
    {
        var p = _p;
        minutes = 0;
        Array.Clear(_counts);
        Array.Clear(_weekMinutes);
        for (var d = 0; d < p.Days; d++)
        {
            var s = _row[d];
            if (s >= 0)
            {
                var m = p.ShiftMinutes[p.SlotShift[s]];
                _counts[p.SlotShift[s]]++;
                _weekMinutes[p.WeekOfDay[d]] += m;
                minutes += m;
            }
        }

        var ok = true;
        for (var t = 0; t < p.ShiftCount; t++)
        {
            if (_counts[t] > r.MaxPerShift[t])
            {
                ok = false;
                if (!(mayCount && _countedShift < 0 && TryCount(r, t)))
                {
                    _mu[t] = _mu[t] == 0 ? _baseStep * PerShiftFirstPrice : _mu[t] * 2;
                }
            }
        }

        for (var k = 0; k < p.WeekCount; k++)
        {
            if (_weekMinutes[k] > r.MaxWeekMinutes)
            {
                ok = false;
                _nu[k] = _nu[k] == 0 ? _baseStep : _nu[k] * 2;
            }
        }

        return ok;
    }

    /// <summary>
    /// Count mode: from the next pass on, the shifts of type <paramref name="t"/> worked so far are part of the state (the
    /// exact layout's units, one per shift of that type, capped at its maximum; minutes stay priced), so the maximum holds
    /// exactly instead of by a price, which makes every shift of the type worth the same and, raised past what a shift
    /// gains, leaves the row fewer of them than it may work (Instance8's nights: 4 at most, a missing person worth 100).
    /// False, nothing changed, when a pass would pass <see cref="CountBudget"/>.
    /// </summary>
    private bool TryCount(CompiledRules r, int t)
    {
        var open = Array.IndexOf(_open, t, 0, _openCount);
        var units = r.MaxPerShift[t] + 1;
        if (!_countMode || open < 0 || (long)StateLayout.Of(_p, r, 0, _openCount).Count * units * _p.Days > CountBudget)
        {
            return false;
        }

        (_countedShift, _countUnits) = (t, units);
        for (var i = 0; i < _openCount; i++)
        {
            _openUnits[i] = i == open ? 1 : 0;
        }

        return true;
    }

    /// <summary>Leaves count mode: the exact layout's units are minutes again.</summary>
    private void LeaveCountMode()
    {
        (_countedShift, _countUnits) = (-1, 0);
        for (var i = 0; i < _openCount; i++)
        {
            _openUnits[i] = _units[_open[i]];
        }
    }

    /// <summary>
    /// Prices worker <paramref name="w"/>'s choices at fixed prices instead of the roster's marginal cover: each duty costs
    /// its own soft cost less <paramref name="dual"/> of its date-slot (per <see cref="CompiledProblem.DaySlot"/>), a day
    /// off its own soft cost. The pricing problem of column generation (the cover rows' duals).
    /// </summary>
    private void PriceAt(int w, double[] dual)
    {
        var p = _p;
        Array.Fill(_bestPrice, double.PositiveInfinity);
        Array.Fill(_bestSlot, -1);
        for (var d = 0; d < p.Days; d++)
        {
            var offIndex = p.ChoiceIndex(w, d, 0);
            _offPrice[d] = p.Allowed[offIndex] ? p.ChoiceSoft[offIndex] : double.PositiveInfinity;
            for (var s = 0; s < p.SlotCount; s++)
            {
                var ci = offIndex + s + 1;
                if (!p.Allowed[ci])
                {
                    continue;
                }

                Offer(d, s, p.ChoiceSoft[ci] - dual[p.DaySlot(d, s)]);
            }
        }
    }

    /// <summary>Keeps <paramref name="slot"/> as date <paramref name="d"/>'s choice for its shift type when it is the cheapest so far.</summary>
    private void Offer(int d, int slot, double price)
    {
        var at = (d * _p.ShiftCount) + _p.SlotShift[slot];
        if (price < _bestPrice[at])
        {
            _bestPrice[at] = price;
            _bestSlot[at] = slot;
        }
    }

    /// <summary>The best row of worker <paramref name="w"/> at <paramref name="dual"/> prices (<see cref="PriceAt"/>) into <paramref name="result"/>.</summary>
    internal bool SolveAt(ICoverView ev, int w, double[] dual, int[] result)
    {
        PriceAt(w, dual);
        return SolvePriced(ev, w, result);
    }

    // forcedDate, forcedSlot: when forcedDate >= 0, the only choice priced on that date is that slot (SolveTaking).
    // windowFrom, windowTo: outside [windowFrom, windowTo) the only choice priced is the worker's current one (SolveWindow).
    private void Price(ICoverView ev, int w, Random? rng, int forcedDate = -1, int forcedSlot = -1, int windowFrom = 0, int windowTo = int.MaxValue)
    {
        // Below one point over the whole horizon (soft scores are whole), so noise only breaks ties between equal rows.
        var noise = rng is null ? 0 : 0.9 / (_p.Days + 1);
        var p = _p;
        Array.Fill(_bestPrice, double.PositiveInfinity);
        Array.Fill(_bestSlot, -1);
        for (var d = 0; d < p.Days; d++)
        {
            var offIndex = p.ChoiceIndex(w, d, 0);
            var current = ev.Assigned(w, d);
            var kept = d < windowFrom || d >= windowTo;
            _offPrice[d] = p.Allowed[offIndex] && d != forcedDate && (!kept || current < 0)
                ? p.ChoiceSoft[offIndex] + (noise == 0 ? 0 : noise * rng!.NextDouble())
                : double.PositiveInfinity;
            for (var s = 0; s < p.SlotCount; s++)
            {
                var ci = offIndex + s + 1;
                if (!p.Allowed[ci] || (d == forcedDate && s != forcedSlot) || (kept && s != current))
                {
                    continue;
                }

                var ds = p.DaySlot(d, s);
                var others = ev.Count(d, s) - (current == s ? 1 : 0);
                Offer(d, s, p.ChoiceSoft[ci] + p.CoverPrice(ds, others + 1) - p.CoverPrice(ds, others) + (noise == 0 ? 0 : noise * rng!.NextDouble()));
            }
        }
    }

    /// <summary>
    /// Numbers the shift types the worker can take on some date (a finite price) 0..k-1 in the problem's order and
    /// copies their prices, successions, minutes and units, so the path's work states and the transitions out of
    /// each grow with the worker's own choices, not with every post of the district (a volunteer eligible for 6 of
    /// 85 types: 14 x fewer of each). Same order, same ties: the same rows as over all types.
    /// </summary>
    private void OpenShifts(CompiledRules r)
    {
        var p = _p;
        var shifts = p.ShiftCount;
        var k = 0;
        for (var t = 0; t < shifts; t++)
        {
            for (var d = 0; d < p.Days; d++)
            {
                if (!double.IsPositiveInfinity(_bestPrice[(d * shifts) + t]))
                {
                    _open[k++] = t;
                    break;
                }
            }
        }

        _openCount = k;
        for (var d = 0; d < p.Days; d++)
        {
            for (var j = 0; j < k; j++)
            {
                _openPrice[(d * k) + j] = _bestPrice[(d * shifts) + _open[j]];
            }
        }

        LeaveCountMode(); // a solve starts with minutes as the exact layout's units
        for (var i = 0; i < k; i++)
        {
            _openMinutes[i] = p.ShiftMinutes[_open[i]];
        }

        OpenPairs(r.UsualBlocked, _usualOpenBlocked, k, shifts);
        OpenPairs(r.UsualBlocked2, _usualOpenBlocked2, k, shifts);
        foreach (var d in r.ChangeDates)
        {
            if (ReferenceEquals(_openBlocked[d], _usualOpenBlocked))
            {
                (_openBlocked[d], _openBlocked2[d]) = (new bool[shifts * shifts], new bool[shifts * shifts]);
            }

            OpenPairs(r.Blocked[d], _openBlocked[d], k, shifts);
            OpenPairs(r.Blocked2[d], _openBlocked2[d], k, shifts);
        }
    }

    /// <summary>The <paramref name="k"/> open shifts' rows and columns of a shifts x shifts table, as a k x k one.</summary>
    private void OpenPairs(bool[] all, bool[] open, int k, int shifts)
    {
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                open[(i * k) + j] = all[(_open[i] * shifts) + _open[j]];
            }
        }
    }
}
