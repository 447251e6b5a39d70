namespace CommunityDomain.Rostering.Engine;

/// <summary>The splice of <see cref="WorkerScheduleDp"/>: two rows on either side of the minute window, combined.</summary>
/// <remarks>
/// When the minute price brackets the window (a row below the minimum at one price, a row above the maximum at a slightly
/// lower one) but no price lands inside it, the two rows are combined: one row with a range of dates [i, j) taken from the
/// other. Along the cut points a row's minutes move by at most one shift per date, so when the window is at least one
/// shift wide some range lands inside it. Every range is priced in O(1) from prefix sums of the two rows' day prices and
/// minutes; the ranges inside the window are ordered by how many of their cuts are clean (both rows off on the date
/// before and the date of the cut, so no run of duties, run of days off, succession or rest rule changes across it),
/// then by price, and the first few are scored with the worker's own rules (<see cref="WorkerScoring"/>). A range is
/// taken only when it breaks no more of the worker's own rules than the better of the two rows does apart from the
/// minutes, and overlaps no duty across a cut.
/// </remarks>
internal sealed partial class WorkerScheduleDp
{
    // Ranges scored with the worker's rules at most (each an O(days) walk); the cheapest clean ones come first.
    private const int SpliceChecks = 48;

    private readonly int[] _below;
    private readonly int[] _above;
    private readonly int[] _minutePrefix;
    private readonly double[] _costPrefix;
    private readonly bool[] _cleanCut;
    private readonly SpliceCandidate[] _candidates = new SpliceCandidate[SpliceChecks];
    private int _candidateCount;

    /// <summary>A range [From, To) of one row put into the other (<see cref="FromAbove"/>: the row above the window into the one below).</summary>
    private readonly record struct SpliceCandidate(int From, int To, bool FromAbove, int Dirty, double Cost)
    {
        /// <summary>Fewer unclean cuts first, then cheaper.</summary>
        public bool Before(in SpliceCandidate other) => Dirty < other.Dirty || (Dirty == other.Dirty && Cost < other.Cost);
    }

    /// <summary>
    /// Combines <see cref="_below"/> and <see cref="_above"/> (rows of worker <paramref name="w"/> below and above the
    /// minute window) into a row inside it, into <paramref name="result"/>; false when no range checked keeps the worker's
    /// own rules as well as the better of the two rows does apart from the minutes.
    /// </summary>
    private bool Splice(ICoverView ev, int w, CompiledRules r, int[] result)
    {
        var (belowMinutes, belowCost, aboveMinutes, aboveCost) = PrepareSplice(ev, w);
        CollectSpliceCandidates(r, belowMinutes, belowCost, aboveMinutes, aboveCost);
        if (_candidateCount == 0)
        {
            return false;
        }

        var floor = Math.Min(
            OwnHard(w, _below) - WorkerScoring.Hours(r.MinMinutes - belowMinutes),
            OwnHard(w, _above) - WorkerScoring.Hours(aboveMinutes - r.MaxMinutes));
        var row = _scratchAssign.AsSpan(w * _p.Days, _p.Days);
        for (var k = 0; k < _candidateCount; k++)
        {
            var c = _candidates[k];
            Fill(row, c);
            if (!OverlapAtCut(w, c.From) && !OverlapAtCut(w, c.To) && OwnHard(w, row) <= floor)
            {
                row.CopyTo(result);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The splice alone, for the tests' brute force: rows <paramref name="below"/> and <paramref name="above"/> of worker
    /// <paramref name="w"/> (below and above their minute window) combined into <paramref name="result"/>, the others as in
    /// <paramref name="ev"/>; false when the rows are not on both sides of the window or no range keeps the rules.
    /// </summary>
    internal bool SpliceRows(RosterEvaluator ev, int w, int[] below, int[] above, int[] result)
    {
        var r = _p.Rules[_p.WorkerRules[w]];
        below.CopyTo(_below, 0);
        above.CopyTo(_above, 0);
        return RowMinutes(below) < r.MinMinutes && RowMinutes(above) > r.MaxMinutes && Splice(ev, w, r, result);
    }

    /// <summary>
    /// Prefix sums over the dates of the above row's minutes and prices minus the below row's, and the clean cuts; returns
    /// each row's minutes and price (<see cref="DayPrice"/>, without the search's noise).
    /// </summary>
    private (int BelowMinutes, double BelowCost, int AboveMinutes, double AboveCost) PrepareSplice(ICoverView ev, int w)
    {
        var p = _p;
        _minutePrefix[0] = 0;
        _costPrefix[0] = 0;
        var (belowMinutes, belowCost) = (0, 0.0);
        for (var d = 0; d < p.Days; d++)
        {
            var (minutesBelow, priceBelow) = (DayMinutes(_below[d]), DayPrice(ev, w, d, _below[d]));
            _minutePrefix[d + 1] = _minutePrefix[d] + DayMinutes(_above[d]) - minutesBelow;
            _costPrefix[d + 1] = _costPrefix[d] + DayPrice(ev, w, d, _above[d]) - priceBelow;
            belowMinutes += minutesBelow;
            belowCost += priceBelow;
        }

        _cleanCut[0] = true;
        _cleanCut[p.Days] = true;
        for (var k = 1; k < p.Days; k++)
        {
            _cleanCut[k] = _below[k - 1] < 0 && _below[k] < 0 && _above[k - 1] < 0 && _above[k] < 0;
        }

        return (belowMinutes, belowCost, belowMinutes + _minutePrefix[p.Days], belowCost + _costPrefix[p.Days]);
    }

    /// <summary>
    /// Every range [i, j) of the above row put into the below row, and (both cuts inside the horizon) of the below row put
    /// into the above row, whose minutes land in the window: the <see cref="SpliceChecks"/> first by clean cuts, then price.
    /// </summary>
    private void CollectSpliceCandidates(CompiledRules r, int belowMinutes, double belowCost, int aboveMinutes, double aboveCost)
    {
        _candidateCount = 0;
        var days = _p.Days;
        for (var i = 0; i < days; i++)
        {
            for (var j = i + 1; j <= days; j++)
            {
                var minutes = _minutePrefix[j] - _minutePrefix[i];
                var cost = _costPrefix[j] - _costPrefix[i];
                var dirty = (_cleanCut[i] ? 0 : 1) + (_cleanCut[j] ? 0 : 1);
                if (belowMinutes + minutes >= r.MinMinutes && belowMinutes + minutes <= r.MaxMinutes)
                {
                    Offer(new SpliceCandidate(i, j, true, dirty, belowCost + cost));
                }

                if (i > 0 && j < days && aboveMinutes - minutes >= r.MinMinutes && aboveMinutes - minutes <= r.MaxMinutes)
                {
                    Offer(new SpliceCandidate(i, j, false, dirty, aboveCost - cost));
                }
            }
        }
    }

    /// <summary>Keeps <paramref name="c"/> among the best <see cref="SpliceChecks"/> candidates, in order (insertion; ties keep the earlier).</summary>
    private void Offer(in SpliceCandidate c)
    {
        if (_candidateCount == SpliceChecks && !c.Before(_candidates[SpliceChecks - 1]))
        {
            return;
        }

        var k = Math.Min(_candidateCount, SpliceChecks - 1);
        while (k > 0 && c.Before(_candidates[k - 1]))
        {
            _candidates[k] = _candidates[k - 1];
            k--;
        }

        _candidates[k] = c;
        _candidateCount = Math.Min(_candidateCount + 1, SpliceChecks);
    }

    /// <summary>Writes candidate <paramref name="c"/>'s row into <paramref name="row"/>: one row outside [From, To), the other inside.</summary>
    private void Fill(Span<int> row, in SpliceCandidate c)
    {
        var (outside, inside) = c.FromAbove ? (_below, _above) : (_above, _below);
        outside.CopyTo(row);
        inside.AsSpan(c.From, c.To - c.From).CopyTo(row[c.From..]);
    }

    /// <summary>Whether worker <paramref name="w"/>'s scratch row has overlapping duties on the dates either side of cut <paramref name="k"/>.</summary>
    private bool OverlapAtCut(int w, int k)
    {
        if (k <= 0 || k >= _p.Days)
        {
            return false;
        }

        var cell = _p.WorkerDay(w, k);
        return _p.Overlap(w, k, _scratchAssign[cell - 1], _scratchAssign[cell]);
    }

    /// <summary>The hard amount of worker <paramref name="w"/>'s own rules (<see cref="WorkerScoring"/>) with <paramref name="row"/> as their row.</summary>
    private int OwnHard(int w, ReadOnlySpan<int> row)
    {
        var target = _scratchAssign.AsSpan(w * _p.Days, _p.Days);
        if (!row.Overlaps(target))
        {
            row.CopyTo(target);
        }

        var sink = default(NullSink);
        WorkerScoring.Score(_p, w, _scratchAssign, _shiftScratch, _weekScratch, ref sink, out var hard, out _, out _);
        return hard;
    }

    /// <summary>The minutes of one date's choice (<paramref name="slot"/>, -1 off).</summary>
    private int DayMinutes(int slot) => slot < 0 ? 0 : _p.ShiftMinutes[_p.SlotShift[slot]];

    /// <summary>
    /// The price of worker <paramref name="w"/>'s choice <paramref name="slot"/> (-1 off) on date <paramref name="d"/> as the
    /// path prices it without noise: the choice's own soft cost plus the cover cost it adds given the others in
    /// <paramref name="ev"/>.
    /// </summary>
    private double DayPrice(ICoverView ev, int w, int d, int slot)
    {
        var p = _p;
        var ci = p.ChoiceIndex(w, d, slot + 1);
        if (slot < 0)
        {
            return p.ChoiceSoft[ci];
        }

        var ds = p.DaySlot(d, slot);
        var others = ev.Count(d, slot) - (ev.Assigned(w, d) == slot ? 1 : 0);
        return p.ChoiceSoft[ci] + p.CoverPrice(ds, others + 1) - p.CoverPrice(ds, others);
    }
}
