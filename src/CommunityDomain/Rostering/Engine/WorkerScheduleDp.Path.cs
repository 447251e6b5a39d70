using System.Runtime.CompilerServices;

namespace CommunityDomain.Rostering.Engine;

/// <summary>The shortest path of <see cref="WorkerScheduleDp"/>, day by day over the states each day reaches.</summary>
/// <remarks>
/// States come in blocks (a base state and a weekend count, <see cref="StateLayout.Block"/>) whose states differ only in
/// the minutes worked (gcd units, exact mode), and a transition out of a block adds the same units to every state of it.
/// So each day keeps, per block, the range of units it reached, and a transition relaxes one contiguous range of
/// yesterday's values into one of today's: a state the day did not reach is neither read nor cleared, where a sweep over
/// every state of every day streamed the whole table (up to 36 MB per exact-minutes pass on community-600). Two rows of
/// values (yesterday's and today's) stand for one per day, and a back pointer names yesterday's block only (its units
/// follow from today's shift). In exact mode a state that cannot reach the minimum minutes by the last day, even with
/// the longest open shift on every day left, is not kept: its successors could not either, so no kept state loses a
/// predecessor. Blocks are relaxed in ascending order and a target has at most one candidate per block, so with the
/// same sums and the same strict comparison the values, ties and rows are those of the sweep over every state. Without
/// minutes in the state (a block is one state) no range is kept: the day's values start unreached and a transition is one
/// comparison (<see cref="Relax"/>), in the same order, so again the same values, ties and rows.
/// <para>
/// Weekend counts (without minutes in the state; issue 20, weekend24): the weekend maximum is the only rule that reads
/// the count (there is no minimum), so a base state's count is not extended when a lower count of it is as cheap
/// (dominated: every row that continues it continues the lower one too, at no more cost), and the counts that the
/// worker's workable weekends still to come cannot push over the maximum are one state, only the cheapest extended
/// (saturated). Same optimum as extending every count (the tests compare both); among rows of equal cost another may
/// win. On Instance23 (at most 26 of 52 weekends) the 100 staff's solves on the greedy roster extend 53 % of the states.
/// </para>
/// </remarks>
// The path's loops are compiled fully optimised on first call (AggressiveOptimization): a plan run once under a
// limit of about a second otherwise spends its first passes in unoptimised tier-0 code (community-600 cold: the first
// roster without hard violations 0.25 s later than with DOTNET_TC_QuickJitForLoops=0).
internal sealed partial class WorkerScheduleDp
{
    private readonly int[] _need;
    private double[] _value = [];
    private double[] _previous = [];
    private int[] _back = [];
    private int[] _lo = [];
    private int[] _hi = [];
    private int[] _previousLo = [];
    private int[] _previousHi = [];

    /// <summary>One shortest-path pass with the given minute price and the current shift prices; fills <see cref="_row"/>.</summary>
    /// <remarks>With <paramref name="unitCount"/> &gt; 0, total minutes (in gcd units) are part of the state and the bounds are exact.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Run(CompiledRules r, double lambda, int unitCount, out double trueCost)
    {
        var layout = StateLayout.Of(_p, r, unitCount, _openCount);
        Reserve(layout);
        NeedPerDay(layout, r);
        WorkableWeekendsAfter(layout);
        StartFirstDay(layout, lambda);
        var fused = _fusedDay && !layout.Exact;
        if (fused)
        {
            DecodeBases(layout, r);
        }

        for (var d = 1; d < _p.Days; d++)
        {
            if (fused)
            {
                ExtendDayPlain(layout, lambda, d);
            }
            else
            {
                ExtendDay(layout, r, lambda, d);
            }
        }

        var best = BestLastState(layout, r);
        trueCost = 0;
        if (best < 0)
        {
            return false;
        }

        trueCost = ReadBack(layout, best);
        return true;
    }

    /// <summary>
    /// One shortest-path pass alone for worker <paramref name="w"/> at minute price <paramref name="lambda"/> (no noise, no
    /// per-shift or weekly prices): the cheapest row into <paramref name="result"/> and its priced cost (true cost + price x
    /// minutes) into <paramref name="priced"/>; false when no row keeps the rules the path enforces. For the tests that
    /// compare the pruned path with the plain one and for the benchmark of a pass.
    /// </summary>
    internal bool PricedPath(RosterEvaluator ev, int w, double lambda, int[] result, out double priced)
    {
        var r = _p.Rules[_p.WorkerRules[w]];
        Price(ev, w, rng: null);
        OpenShifts(r);
        Array.Clear(_mu);
        Array.Clear(_nu);
        priced = double.PositiveInfinity;
        if (!Run(r, lambda, 0, out var trueCost))
        {
            return false;
        }

        Array.Copy(_row, result, _p.Days);
        priced = trueCost + (lambda * RowMinutes(_row));
        return true;
    }

    /// <summary>Grows the buffers to the layout (kept across workers and rounds, so a pass allocates nothing once warm).</summary>
    private void Reserve(in StateLayout layout)
    {
        var n = layout.Count;
        if (_value.Length < n)
        {
            _value = new double[n];
            _previous = new double[n];
        }

        if (_back.Length < n * _p.Days)
        {
            _back = new int[n * _p.Days];
        }

        if (_lo.Length < layout.Blocks)
        {
            _lo = new int[layout.Blocks];
            _hi = new int[layout.Blocks];
            _previousLo = new int[layout.Blocks];
            _previousHi = new int[layout.Blocks];
        }
    }

    /// <summary>
    /// Per day, the fewest minute units a state must hold at its end to reach the worker's minimum by the last day with
    /// the longest open shift on every later day (exact mode; 0, nothing pruned, otherwise and in count mode).
    /// </summary>
    private void NeedPerDay(in StateLayout layout, CompiledRules r)
    {
        if (!layout.Exact || _countedShift >= 0)
        {
            Array.Clear(_need);
            return;
        }

        var need = (r.MinMinutes + _unit - 1) / _unit;
        var k = layout.Shifts;
        for (var d = _p.Days - 1; d >= 0; d--)
        {
            _need[d] = need;
            var most = 0;
            for (var t = 0; t < k; t++)
            {
                if (!double.IsPositiveInfinity(_openPrice[(d * k) + t]))
                {
                    most = Math.Max(most, _openUnits[t]);
                }
            }

            need -= most;
        }
    }

    /// <summary>
    /// Per date d, the weekends with a later date on which some open shift has a finite price (an unavailable or pinned
    /// weekend cannot be worked, so it cannot push a count over the maximum); only the pruned path reads them.
    /// </summary>
    private void WorkableWeekendsAfter(in StateLayout layout)
    {
        if (!_weekendPruning || !layout.TrackWeekends || layout.Exact)
        {
            return;
        }

        var (count, last, k) = (0, -1, layout.Shifts);
        for (var d = _p.Days - 1; d > 0; d--)
        {
            var weekend = _p.WeekendOfDay[d];
            if (weekend >= 0 && weekend != last && _openPrice.AsSpan(d * k, k).ContainsAnyExcept(double.PositiveInfinity))
            {
                (count, last) = (count + 1, weekend);
            }

            _weekendsAfter[d - 1] = count;
        }
    }

    /// <summary>Day 0: off, or any shift as the first day of a run that touches the start (border 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StartFirstDay(in StateLayout layout, double lambda)
    {
        var p = _p;
        Array.Fill(_lo, int.MaxValue, 0, layout.Blocks);
        Array.Fill(_hi, -1, 0, layout.Blocks);
        if (!layout.Exact)
        {
            // One state per block: every state starts unreached (see Transfer).
            _value.AsSpan(0, layout.Blocks).Fill(double.PositiveInfinity);
        }

        if (!double.IsPositiveInfinity(_offPrice[0]))
        {
            Enter(layout, layout.Block(layout.Off(0, 1), 0), 0, _offPrice[0]);
        }

        var weekends = p.WeekendOfDay[0] >= 0 && layout.TrackWeekends ? 1 : 0;
        var minutePrice = lambda + _nu[p.WeekOfDay[0]];
        for (var t = 0; t < layout.Shifts; t++)
        {
            var price = _openPrice[t];
            var units = layout.Exact ? _openUnits[t] : 0;
            if (double.IsPositiveInfinity(price) || weekends >= layout.WeekendCounts || units >= layout.MinuteUnits)
            {
                continue;
            }

            Enter(layout, layout.Block(layout.Work(t, 0, 1), weekends), units, price + (minutePrice * _openMinutes[t]) + _mu[_open[t]]);
        }
    }

    /// <summary>Reaches a state of day 0 at <paramref name="candidate"/> (no predecessor).</summary>
    private void Enter(in StateLayout layout, int block, int units, double candidate)
    {
        Cover(layout, block, units, units);
        var index = (block * layout.MinuteUnits) + units;
        if (candidate < _value[index])
        {
            _value[index] = candidate;
            _back[index] = -1;
        }
    }

    /// <summary>The last day's values and minute ranges move to the previous day's buffers; the freed ones take the new day's.</summary>
    private void SwapDays()
    {
        (_value, _previous) = (_previous, _value);
        (_lo, _previousLo) = (_previousLo, _lo);
        (_hi, _previousHi) = (_previousHi, _hi);
    }

    /// <summary>Day <paramref name="d"/> from day d - 1: every reached block goes off or works each allowed shift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExtendDay(in StateLayout layout, CompiledRules r, double lambda, int d)
    {
        var p = _p;
        SwapDays();
        if (layout.Exact)
        {
            Array.Fill(_lo, int.MaxValue, 0, layout.Blocks);
            Array.Fill(_hi, -1, 0, layout.Blocks);
        }
        else
        {
            _value.AsSpan(0, layout.Blocks).Fill(double.PositiveInfinity);
        }

        var offPrice = _offPrice[d];
        var weekend = p.WeekendOfDay[d];
        var sameWeekend = weekend >= 0 && p.WeekendOfDay[d - 1] == weekend;
        var minutePrice = lambda + _nu[p.WeekOfDay[d]];
        var prune = _weekendPruning && layout.TrackWeekends && !layout.Exact;
        // Blocks in ascending order, each base state decoded once for all its weekend counts.
        for (var block = 0; block < layout.Blocks; block += layout.WeekendCounts)
        {
            var baseState = layout.Decode(block * layout.MinuteUnits);
            var newWeekend = weekend >= 0 && !(baseState.IsWork && sameWeekend);
            var (free, kept, cheapest) = prune ? Saturated(layout, block, d, baseState.IsWork && sameWeekend) : (-1, -1, double.PositiveInfinity);
            for (var weekends = 0; weekends < layout.WeekendCounts; weekends++)
            {
                if (layout.Exact ? _previousLo[block + weekends] > _previousHi[block + weekends] : double.IsPositiveInfinity(_previous[block + weekends]))
                {
                    continue;
                }

                if (prune && DominatedOrFolded(block, weekends, free, kept, ref cheapest))
                {
                    continue;
                }

                var from = baseState with { Weekends = weekends };
                if (!double.IsPositiveInfinity(offPrice))
                {
                    OffToday(layout, r, from, d, block + weekends, offPrice);
                }

                WorkToday(layout, r, from, d, block + weekends, minutePrice, newWeekend);
            }
        }
    }

    /// <summary>
    /// The weekend counts of yesterday's base state at <paramref name="block"/> (count 0) that can no longer bind: up to
    /// <c>free</c>, the maximum minus the weekends still to come that the state can newly work (those with a workable
    /// date after yesterday, or after today when <paramref name="inWeekend"/>: worked yesterday, today the same weekend,
    /// already counted). Returns that, the
    /// first of those counts at the lowest value (-1 when none is reached) and the value (infinity when none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Free, int Kept, double Cheapest) Saturated(in StateLayout layout, int block, int d, bool inWeekend)
    {
        var free = layout.WeekendCounts - 1 - (inWeekend ? _weekendsAfter[d] : _weekendsAfter[d - 1]);
        var (kept, cheapest) = (-1, double.PositiveInfinity);
        for (var k = 0; k <= free; k++)
        {
            if (_previous[block + k] < cheapest)
            {
                (kept, cheapest) = (k, _previous[block + k]);
            }
        }

        return (free, kept, cheapest);
    }

    /// <summary>
    /// True when yesterday's count <paramref name="weekends"/> of the base state at <paramref name="block"/> is not extended:
    /// a saturated count (up to <paramref name="free"/>, one state) other than the cheapest, <paramref name="kept"/>; above
    /// them, a count dominated by a lower one at most as costly (<paramref name="cheapest"/> so far), since the weekend
    /// maximum is the count's only rule and fewer weekends never forbid more. Else the count's value is the new cheapest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool DominatedOrFolded(int block, int weekends, int free, int kept, ref double cheapest)
    {
        if (weekends <= free ? weekends != kept : _previous[block + weekends] >= cheapest)
        {
            return true;
        }

        cheapest = _previous[block + weekends];
        return false;
    }

    /// <summary>Off today: a run of duties closes (long enough unless it touched the start), or the off run grows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OffToday(in StateLayout layout, CompiledRules r, in DayState from, int d, int block, double offPrice)
    {
        int to;
        if (from.IsWork)
        {
            if (from.Border == 0 && from.Run + 1 < r.MinConsecutive)
            {
                return;
            }

            to = layout.TrackAfterOff ? layout.AfterOff(from.Shift) : layout.Off(0, 0);
        }
        else
        {
            to = layout.Off(Math.Min(from.Off + 1, layout.OffCap - 1), from.Border);
        }

        Transfer(layout, d, block, layout.Block(to, from.Weekends), 0, offPrice, 0, 0);
    }

    /// <summary>
    /// A shift today: the run grows (cut at the maximum, or saturating when only a minimum counts) or a new run starts
    /// after enough days off; a new weekend counts once; forbidden successions and rest across one date off are kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WorkToday(in StateLayout layout, CompiledRules r, in DayState from, int d, int block, double minutePrice, bool newWeekend)
    {
        if (!NextWorkState(layout, r, from, newWeekend, out var weekends, out var run, out var border))
        {
            return;
        }

        var shifts = layout.Shifts;
        if (!layout.Exact)
        {
            WorkTodayPlain(layout, from, d, block, minutePrice, layout.Block(layout.Work(0, run, border), weekends));
            return;
        }

        var (blocked, blocked2) = (_openBlocked[d], _openBlocked2[d]);
        for (var t = 0; t < shifts; t++)
        {
            var price = _openPrice[(d * shifts) + t];
            if (double.IsPositiveInfinity(price)
                || (from.IsWork && blocked[(from.Shift * shifts) + t])
                || (from.BeforeOff >= 0 && blocked2[(from.BeforeOff * shifts) + t]))
            {
                continue;
            }

            var to = layout.Block(layout.Work(t, run, border), weekends);
            Transfer(layout, d, block, to, _openUnits[t], price, minutePrice * _openMinutes[t], _mu[_open[t]]);
        }
    }

    /// <summary>
    /// <see cref="WorkToday"/> without minutes in the state: shift t's target block is <paramref name="first"/> + t blocks of
    /// shifts apart, each relaxed with one comparison (<see cref="Relax"/>), the sums as in <see cref="Transfer"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WorkTodayPlain(in StateLayout layout, in DayState from, int d, int block, double minutePrice, int first)
    {
        var shifts = layout.Shifts;
        var stride = layout.RunCap * 2 * layout.WeekendCounts;
        var prices = _openPrice.AsSpan(d * shifts, shifts);
        ReadOnlySpan<bool> blocked = from.IsWork ? _openBlocked[d].AsSpan(from.Shift * shifts, shifts) : default;
        ReadOnlySpan<bool> blocked2 = from.BeforeOff >= 0 ? _openBlocked2[d].AsSpan(from.BeforeOff * shifts, shifts) : default;
        var value = _previous[block];
        var backRow = d * layout.Count;
        for (var t = 0; t < prices.Length; t++)
        {
            var price = prices[t];
            if (double.IsPositiveInfinity(price) || (!blocked.IsEmpty && blocked[t]) || (!blocked2.IsEmpty && blocked2[t]))
            {
                continue;
            }

            var to = first + (t * stride);
            var candidate = value + price + (minutePrice * _openMinutes[t]) + _mu[_open[t]];
            if (candidate < _value[to])
            {
                _value[to] = candidate;
                _back[backRow + to] = block;
            }
        }
    }

    /// <summary>
    /// Relaxes yesterday's block <paramref name="from"/> into today's block <paramref name="to"/>, <paramref name="units"/>
    /// more minute units, at yesterday's value + <paramref name="price"/> + <paramref name="minutes"/> +
    /// <paramref name="perShift"/> (summed in that order, as one state at a time did): only the units reached, kept under
    /// the cap and at or above the day's need.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Transfer(in StateLayout layout, int d, int from, int to, int units, double price, double minutes, double perShift)
    {
        if (!layout.Exact)
        {
            Relax(layout, d, from, to, _previous[from] + price + minutes + perShift);
            return;
        }

        var unitCount = layout.MinuteUnits;
        var lo = Math.Max(_previousLo[from], _need[d] - units);
        var hi = Math.Min(_previousHi[from], unitCount - 1 - units);
        if (lo > hi)
        {
            return;
        }

        Cover(layout, to, lo + units, hi + units);
        var source = _previous.AsSpan((from * unitCount) + lo, hi - lo + 1);
        var target = _value.AsSpan((to * unitCount) + units + lo, source.Length);
        var back = _back.AsSpan((d * layout.Count) + (to * unitCount) + units + lo, source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var candidate = source[i] + price + minutes + perShift;
            if (candidate < target[i])
            {
                target[i] = candidate;
                back[i] = from;
            }
        }
    }

    /// <summary>
    /// Relaxes today's state <paramref name="to"/> from yesterday's <paramref name="from"/> at <paramref name="candidate"/>
    /// when states are blocks (no minutes in the state): all of today's start unreached, so no range is kept, which cost
    /// more than the relaxation itself (Instance23's 364 days x 16 types: about half the search's time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Relax(in StateLayout layout, int d, int from, int to, double candidate)
    {
        if (candidate < _value[to])
        {
            _value[to] = candidate;
            _back[(d * layout.Count) + to] = from;
        }
    }

    /// <summary>Widens today's reached range of <paramref name="block"/> to [lo, hi], newly covered states unreached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Cover(in StateLayout layout, int block, int lo, int hi)
    {
        var start = block * layout.MinuteUnits;
        var (haveLo, haveHi) = (_lo[block], _hi[block]);
        if (haveLo > haveHi)
        {
            _value.AsSpan(start + lo, hi - lo + 1).Fill(double.PositiveInfinity);
            (_lo[block], _hi[block]) = (lo, hi);
            return;
        }

        if (lo < haveLo)
        {
            _value.AsSpan(start + lo, haveLo - lo).Fill(double.PositiveInfinity);
            _lo[block] = lo;
        }

        if (hi > haveHi)
        {
            _value.AsSpan(start + haveHi + 1, hi - haveHi).Fill(double.PositiveInfinity);
            _hi[block] = hi;
        }
    }

    /// <summary>
    /// The weekends, run and border of a working day after <paramref name="from"/>, whatever the shift; false when no shift
    /// may be worked (a weekend too many, a run at its maximum, or too few days off since the last run).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextWorkState(in StateLayout layout, CompiledRules r, in DayState from, bool newWeekend, out int weekends, out int run, out int border)
    {
        (weekends, run, border) = (from.Weekends, 0, 0);
        if (newWeekend && layout.TrackWeekends && ++weekends >= layout.WeekendCounts)
        {
            return false;
        }

        if (from.IsWork)
        {
            run = layout.LimitedMax ? from.Run + 1 : Math.Min(from.Run + 1, layout.RunCap - 1);
            border = from.Border;
            return !(layout.LimitedMax && from.Run + 2 > r.MaxConsecutive);
        }

        return !(from.Border == 0 && from.Off + 1 < r.MinDaysOff);
    }

    /// <summary>The cheapest state of the last day (within the minute window in exact mode; any count in count mode), or -1 when none is reached.</summary>
    private int BestLastState(in StateLayout layout, CompiledRules r)
    {
        var best = -1;
        for (var block = 0; block < layout.Blocks; block++)
        {
            var (lo, hi) = layout.Exact ? (_lo[block], _hi[block]) : (0, 0);
            for (var u = lo; u <= hi; u++)
            {
                var s = (block * layout.MinuteUnits) + u;
                if (layout.Exact && _countedShift < 0 && (u * _unit < r.MinMinutes || u * _unit > r.MaxMinutes))
                {
                    continue;
                }

                if (!double.IsPositiveInfinity(_value[s]) && (best < 0 || _value[s] < _value[best]))
                {
                    best = s;
                }
            }
        }

        return best;
    }

    /// <summary>Walks the back pointers from <paramref name="state"/> on the last day into <see cref="_row"/>; returns the row's unpriced cost.</summary>
    private double ReadBack(in StateLayout layout, int state)
    {
        var shifts = _p.ShiftCount;
        var trueCost = 0.0;
        for (var d = _p.Days - 1; d >= 0; d--)
        {
            var units = 0;
            if (layout.IsWork(state))
            {
                var open = layout.ShiftOf(state);
                var t = _open[open];
                _row[d] = _bestSlot[(d * shifts) + t];
                trueCost += _bestPrice[(d * shifts) + t];
                units = layout.Exact ? _openUnits[open] : 0;
            }
            else
            {
                _row[d] = -1;
                trueCost += _offPrice[d];
            }

            if (d > 0)
            {
                state = (_back[(d * layout.Count) + state] * layout.MinuteUnits) + (state % layout.MinuteUnits) - units;
            }
        }

        return trueCost;
    }
}
