using System.Runtime.CompilerServices;

namespace CommunityDomain.Rostering.Engine;

/// <summary>The day step of <see cref="WorkerScheduleDp"/>'s path without minutes in the state, in one loop.</summary>
/// <remarks>
/// <see cref="ExtendDay"/> calls <see cref="OffToday"/>, <see cref="WorkToday"/>, <see cref="Transfer"/> and
/// <see cref="WorkTodayPlain"/> once per reached state, each reloading the arrays, decoding the state again and
/// multiplying the minute price by each shift's minutes; on Instance20 those calls were about half the path's time
/// (speed32's profile). Here each base state is decoded and its two targets (off, and the first shift worked, without
/// and with a new weekend) found once per pass (<see cref="DecodeBases"/>: a decode is several integer divisions, which
/// per block and date were a tenth of Instance20's run), for all its weekend counts, and the shifts' minute and
/// per-shift prices once per date; the loop runs unchecked (its indices are bounded by the layout). The states are
/// relaxed in the same order with the same sums, added in the same order, and the same strict comparison, so the
/// values, ties, back pointers and rows are those of <see cref="ExtendDay"/>'s calls (a property compares both, see the
/// constructor's <c>fusedDay</c>).
/// </remarks>
internal sealed partial class WorkerScheduleDp
{
    // Per open shift, this date: the minute price times the shift's minutes, and the shift's per-shift price.
    private readonly double[] _dayMinuteCost;
    private readonly double[] _dayShiftPrice;

    // False: the plain path's day step calls one method per state and transition (the tests' baseline). True: one loop
    // (ExtendDayPlain), the same rows.
    private readonly bool _fusedDay;

    // Per base state, this pass (DecodeBases): the state, its date-off target, its work targets (no new weekend, new).
    private DayState[] _bases = [];
    private int[] _baseOff = [];
    private (int First, int Counts)[] _baseWork = [];

    /// <summary>Day <paramref name="d"/> from day d - 1 when a block is one state: as <see cref="ExtendDay"/>, fused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExtendDayPlain(in StateLayout layout, double lambda, int d)
    {
        unchecked // the project checks overflow; here every index is within the layout's arrays
        {
            var p = _p;
            SwapDays();
            var today = _value.AsSpan(0, layout.Blocks);
            today.Fill(double.PositiveInfinity);
            var yesterday = _previous.AsSpan(0, layout.Blocks);
            var back = _back.AsSpan(d * layout.Count, layout.Count);
            ShiftCostsOfDay(layout.Shifts, lambda + _nu[p.WeekOfDay[d]]);
            var prices = _openPrice.AsSpan(d * layout.Shifts, layout.Shifts);
            var offPrice = _offPrice[d];
            var weekend = p.WeekendOfDay[d];
            var sameWeekend = weekend >= 0 && p.WeekendOfDay[d - 1] == weekend;
            var prune = _weekendPruning && layout.TrackWeekends;
            var counts = layout.WeekendCounts;
            var stride = layout.RunCap * 2 * counts;
            var noOff = double.IsPositiveInfinity(offPrice);
            for (int block = 0, b = 0; block < layout.Blocks; block += counts, b++)
            {
                var from = _bases[b];
                var inWeekend = from.IsWork && sameWeekend;
                var (free, kept, cheapest) = prune ? Saturated(layout, block, d, inWeekend) : (-1, -1, double.PositiveInfinity);
                var offTo = noOff ? -1 : _baseOff[b];
                var (workTo, workCounts) = _baseWork[(2 * b) + (weekend >= 0 && !inWeekend ? 1 : 0)];
                var blocked = BlockedAfter(layout.Shifts, from, d);
                for (var weekends = 0; weekends < counts; weekends++)
                {
                    var value = yesterday[block + weekends];
                    if (double.IsPositiveInfinity(value) || (prune && DominatedOrFolded(block, weekends, free, kept, ref cheapest)))
                    {
                        continue;
                    }

                    if (offTo >= 0 && value + offPrice < today[offTo + weekends])
                    {
                        (today[offTo + weekends], back[offTo + weekends]) = (value + offPrice, block + weekends);
                    }

                    if (weekends < workCounts)
                    {
                        RelaxShifts(today, back, prices, blocked, workTo + weekends, stride, block + weekends, value);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Per base state of <paramref name="layout"/>, once per pass: the decoded state, its date-off target
    /// (<see cref="OffTarget"/>) and its work target without and with a new weekend (<see cref="WorkTarget"/>), so the
    /// day step decodes nothing (a decode is several integer divisions per block per date).
    /// </summary>
    private void DecodeBases(in StateLayout layout, CompiledRules r)
    {
        var bases = layout.Blocks / layout.WeekendCounts;
        if (_bases.Length < bases)
        {
            _bases = new DayState[bases];
            _baseOff = new int[bases];
            _baseWork = new (int, int)[2 * bases];
        }

        for (var b = 0; b < bases; b++)
        {
            var from = layout.Decode(b * layout.WeekendCounts);
            _bases[b] = from;
            _baseOff[b] = OffTarget(layout, r, from);
            _baseWork[2 * b] = WorkTarget(layout, r, from, false);
            _baseWork[(2 * b) + 1] = WorkTarget(layout, r, from, true);
        }
    }

    /// <summary>Per open shift, date's minute price times its minutes (<see cref="_dayMinuteCost"/>) and its per-shift price.</summary>
    private void ShiftCostsOfDay(int shifts, double minutePrice)
    {
        for (var t = 0; t < shifts; t++)
        {
            _dayMinuteCost[t] = minutePrice * _openMinutes[t];
            _dayShiftPrice[t] = _mu[_open[t]];
        }
    }

    /// <summary>
    /// Today's block (weekend count 0; add yesterday's count) of a date off after base state <paramref name="from"/>, as
    /// <see cref="OffToday"/>; -1 when a run of duties too short to close is open.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OffTarget(in StateLayout layout, CompiledRules r, in DayState from)
    {
        if (!from.IsWork)
        {
            return layout.Block(layout.Off(Math.Min(from.Off + 1, layout.OffCap - 1), from.Border), 0);
        }

        if (from.Border == 0 && from.Run + 1 < r.MinConsecutive)
        {
            return -1;
        }

        return layout.Block(layout.TrackAfterOff ? layout.AfterOff(from.Shift) : layout.Off(0, 0), 0);
    }

    /// <summary>
    /// Today's block of shift 0 worked after base state <paramref name="from"/> at weekend count 0 (add yesterday's count;
    /// shift t is t strides on), and the counts below which a duty may follow (0 when none may), as
    /// <see cref="NextWorkState"/>: a new weekend moves every count up one and the top count can take no more.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int First, int Counts) WorkTarget(in StateLayout layout, CompiledRules r, in DayState from, bool newWeekend)
    {
        if (!NextWorkState(layout, r, from, newWeekend, out var step, out var run, out var border))
        {
            return (-1, 0);
        }

        return (layout.Block(layout.Work(0, run, border), step), layout.WeekendCounts - step);
    }

    /// <summary>The open shifts that may not follow base state <paramref name="from"/> (its shift, or the shift before a first date off).</summary>
    private ReadOnlySpan<bool> BlockedAfter(int shifts, in DayState from, int d) =>
        from.IsWork ? _openBlocked[d].AsSpan(from.Shift * shifts, shifts)
        : from.BeforeOff >= 0 ? _openBlocked2[d].AsSpan(from.BeforeOff * shifts, shifts)
        : default;

    /// <summary>
    /// Relaxes every open shift t allowed today after yesterday's <paramref name="source"/> (worth <paramref name="value"/>)
    /// into today's block <paramref name="first"/> + t x <paramref name="stride"/>, the sums as in <see cref="WorkTodayPlain"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RelaxShifts(Span<double> today, Span<int> back, ReadOnlySpan<double> prices, ReadOnlySpan<bool> blocked, int first, int stride, int source, double value)
    {
        unchecked
        {
            var minuteCost = _dayMinuteCost;
            var shiftPrice = _dayShiftPrice;
            for (var t = 0; t < prices.Length; t++)
            {
                var price = prices[t];
                if (double.IsPositiveInfinity(price) || (!blocked.IsEmpty && blocked[t]))
                {
                    continue;
                }

                var to = first + (t * stride);
                var candidate = value + price + minuteCost[t] + shiftPrice[t];
                if (candidate < today[to])
                {
                    today[to] = candidate;
                    back[to] = source;
                }
            }
        }
    }
}
