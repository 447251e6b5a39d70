namespace CommunityDomain.Rostering.Engine;

/// <summary>Prices, state layout and the one-sided rule checks of <see cref="WorkerScheduleDp"/>.</summary>
internal sealed partial class WorkerScheduleDp
{
    /// <summary>Checks the row's per-shift counts and weekly minutes; raises the prices of what it breaks (one-sided rules).</summary>
    private bool RespectsCountsAndWeeks(CompiledRules r, out int minutes)
    {
        minutes = TallyRow();
        return RaiseBrokenPrices(r);
    }

    /// <summary>Counts <see cref="_row"/>'s shifts per type and minutes per week into <see cref="_counts"/> and <see cref="_weekMinutes"/>; returns its minutes.</summary>
    private int TallyRow()
    {
        var p = _p;
        var minutes = 0;
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

        return minutes;
    }

    /// <summary>Raises the prices of the per-shift maxima and weekly minutes the tallied row breaks; false when it breaks one.</summary>
    private bool RaiseBrokenPrices(CompiledRules r)
    {
        var ok = true;
        for (var t = 0; t < _p.ShiftCount; t++)
        {
            if (_counts[t] > r.MaxPerShift[t])
            {
                ok = false;
                _mu[t] = _mu[t] == 0 ? _baseStep * PerShiftFirstPrice : _mu[t] * 2;
            }
        }

        for (var k = 0; k < _p.WeekCount; k++)
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
    /// What the tallied row's prices add to its true cost beyond the rules' limits, so that true cost plus this is the
    /// path's Lagrangian value: the minute price times the minutes past the limit it prices (the maximum for a price of 0
    /// or more, the minimum below 0), plus the per-shift and weekly prices times the counts and minutes past their maxima.
    /// The path is the cheapest priced row, so no row inside every limit costs less than that value (weak duality).
    /// </summary>
    private double PricedSlack(CompiledRules r, double lambda, int minutes)
    {
        var slack = lambda * ((double)minutes - (lambda >= 0 ? r.MaxMinutes : r.MinMinutes));
        for (var t = 0; t < _p.ShiftCount; t++)
        {
            slack += _mu[t] == 0 ? 0 : _mu[t] * ((double)_counts[t] - r.MaxPerShift[t]);
        }

        for (var k = 0; k < _p.WeekCount; k++)
        {
            slack += _nu[k] == 0 ? 0 : _nu[k] * ((double)_weekMinutes[k] - r.MaxWeekMinutes);
        }

        return slack;
    }

    // forcedDate, forcedSlot: when forcedDate >= 0, the only choice priced on that date is that slot (SolveTaking).
    private void Price(ICoverView ev, int w, Random? rng, int forcedDate = -1, int forcedSlot = -1)
    {
        // Below one point over the whole horizon (soft scores are whole), so noise only breaks ties between equal rows.
        var noise = rng is null ? 0 : 0.9 / (_p.Days + 1);
        var p = _p;
        var shifts = p.ShiftCount;
        Array.Fill(_bestPrice, double.PositiveInfinity);
        Array.Fill(_bestSlot, -1);
        for (var d = 0; d < p.Days; d++)
        {
            var offIndex = p.ChoiceIndex(w, d, 0);
            _offPrice[d] = p.Allowed[offIndex] && d != forcedDate ? p.ChoiceSoft[offIndex] + (noise == 0 ? 0 : noise * rng!.NextDouble()) : double.PositiveInfinity;
            var current = ev.Assigned(w, d);
            for (var s = 0; s < p.SlotCount; s++)
            {
                var ci = offIndex + s + 1;
                if (!p.Allowed[ci] || (d == forcedDate && s != forcedSlot))
                {
                    continue;
                }

                var ds = p.DaySlot(d, s);
                var others = ev.Count(d, s) - (current == s ? 1 : 0);
                var price = p.ChoiceSoft[ci] + p.CoverPrice(ds, others + 1) - p.CoverPrice(ds, others) + (noise == 0 ? 0 : noise * rng!.NextDouble());
                var t = p.SlotShift[s];
                if (price < _bestPrice[(d * shifts) + t])
                {
                    _bestPrice[(d * shifts) + t] = price;
                    _bestSlot[(d * shifts) + t] = s;
                }
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

        for (var i = 0; i < k; i++)
        {
            _openMinutes[i] = p.ShiftMinutes[_open[i]];
            _openUnits[i] = _units[_open[i]];
            for (var j = 0; j < k; j++)
            {
                _openBlocked[(i * k) + j] = r.Blocked[(_open[i] * shifts) + _open[j]];
                _openBlocked2[(i * k) + j] = r.Blocked2[(_open[i] * shifts) + _open[j]];
            }
        }
    }
}
