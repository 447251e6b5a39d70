namespace CommunityDomain.Rostering.Engine;

/// <summary>Prices, state layout and the one-sided rule checks of <see cref="WorkerScheduleDp"/>.</summary>
internal sealed partial class WorkerScheduleDp
{
    /// <summary>Checks the row's per-shift counts and weekly minutes; raises the prices of what it breaks (one-sided rules).</summary>
    private bool RespectsCountsAndWeeks(CompiledRules r, out int minutes)
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
                _mu[t] = _mu[t] == 0 ? _baseStep * 480 : _mu[t] * 2;
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

    private void Price(RosterEvaluator ev, int w, Random? rng)
    {
        var noise = rng is null ? 0 : 0.9 / (_p.Days + 1);
        var p = _p;
        var shifts = p.ShiftCount;
        Array.Fill(_bestPrice, double.PositiveInfinity);
        Array.Fill(_bestSlot, -1);
        for (var d = 0; d < p.Days; d++)
        {
            var offIndex = p.ChoiceIndex(w, d, 0);
            _offPrice[d] = p.Allowed[offIndex] ? p.ChoiceSoft[offIndex] + (noise == 0 ? 0 : noise * rng!.NextDouble()) : double.PositiveInfinity;
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
                var price = p.ChoiceSoft[ci] + p.CoverCost(ds, others + 1) - p.CoverCost(ds, others) + (noise == 0 ? 0 : noise * rng!.NextDouble());
                var t = p.SlotShift[s];
                if (price < _bestPrice[(d * shifts) + t])
                {
                    _bestPrice[(d * shifts) + t] = price;
                    _bestSlot[(d * shifts) + t] = s;
                }
            }
        }
    }
}
