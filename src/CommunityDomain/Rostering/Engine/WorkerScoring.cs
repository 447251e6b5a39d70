using System.Runtime.CompilerServices;

namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// Scores one worker's whole schedule: every per-worker hard rule and the worker's wishes and
/// own-compound penalty. O(days); allocation-free with caller-provided scratch arrays.
/// </summary>
internal static class WorkerScoring
{
    /// <summary>
    /// Scores worker <paramref name="w"/>'s row of <paramref name="assign"/> in two phases: a walk over the days
    /// (<see cref="Duty"/>, <see cref="DayOff"/>: the choice's own violation, successions and rest with the previous
    /// duty, runs of duty and of days off, weekends) and the totals (<see cref="Totals"/>: per shift type, minutes,
    /// week minutes, weekends). Hard amounts are counted in people-days, duties or started hours, as the rule states.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Score<TSink>(
        CompiledProblem p, int w, int[] assign, int[] shiftCounts, int[] weekMinutes, ref TSink sink,
        out int hard, out long soft, out int minutes)
        where TSink : struct, IScoreSink
    {
        var r = p.Rules[p.WorkerRules[w]];
        Array.Clear(shiftCounts, 0, p.ShiftCount);
        Array.Clear(weekMinutes, 0, p.WeekCount);
        hard = 0;
        soft = 0;
        minutes = 0;
        var walk = Walk.Start;
        var rowBase = p.WorkerDay(w, 0);
        for (var d = 0; d < p.Days; d++)
        {
            var s = assign[rowBase + d];
            var ci = p.ChoiceIndex(w, d, s + 1);
            soft += p.ChoiceSoft[ci];
            if (sink.Enabled)
            {
                AddWishLines(p, w, d, s, ref sink);
            }

            if (s >= 0)
            {
                hard += Duty(p, r, w, d, s, ci, ref walk, ref sink);
                var t = p.SlotShift[s];
                shiftCounts[t]++;
                minutes += p.ShiftMinutes[t];
                weekMinutes[p.WeekOfDay[d]] += p.ShiftMinutes[t];
            }
            else
            {
                hard += DayOff(r, w, d, ref walk, ref sink);
            }
        }

        if (walk.Run > 0)
        {
            hard += CloseRun(r, w, walk.Run, walk.RunStart, border: true, ref sink);
        }

        hard += Totals(p, r, w, shiftCounts, weekMinutes, minutes, walk.Weekends, ref sink);
    }

    /// <summary>Where the walk over one worker's days stands: the open run of duties or of days off, the last duty, weekends worked.</summary>
    private struct Walk
    {
        public int Run;
        public int RunStart;
        public int OffRun;
        public int OffStart;
        public int LastShift;
        public int LastDay;
        public int Weekends;
        public int LastWeekend;

        public static Walk Start => new() { LastShift = -1, LastDay = int.MinValue, LastWeekend = -1 };
    }

    /// <summary>A duty of slot <paramref name="s"/> on day <paramref name="d"/>: its own violation, the rules with the previous duty, the weekend, and the run it opens or extends. Returns the hard amount.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Duty<TSink>(CompiledProblem p, CompiledRules r, int w, int d, int s, int ci, ref Walk walk, ref TSink sink)
        where TSink : struct, IScoreSink
    {
        var hard = 0;
        var t = p.SlotShift[s];
        var v = p.Violation[ci];
        if (v != 0)
        {
            hard++;
            Emit(ref sink, (RuleKind)(v - 1), w, d, s, 1);
        }

        hard += WithPreviousDuty(p.ShiftCount, r, w, d, s, t, walk, ref sink);
        var we = p.WeekendOfDay[d];
        if (we >= 0 && we != walk.LastWeekend)
        {
            walk.Weekends++;
            walk.LastWeekend = we;
        }

        if (walk.Run == 0)
        {
            if (walk.OffRun > 0 && walk.OffStart > 0 && walk.OffRun < r.MinDaysOff)
            {
                hard += r.MinDaysOff - walk.OffRun;
                Emit(ref sink, RuleKind.MinConsecutiveDaysOff, w, walk.OffStart, -1, r.MinDaysOff - walk.OffRun);
            }

            walk.OffRun = 0;
            walk.RunStart = d;
        }

        walk.Run++;
        walk.LastShift = t;
        walk.LastDay = d;
        return hard;
    }

    /// <summary>Forbidden successions, rest and overlap with the previous duty when it is one, two or (after a spring-forward change) three dates back (later ones can break no timing rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WithPreviousDuty<TSink>(int shifts, CompiledRules r, int w, int d, int s, int t, in Walk walk, ref TSink sink)
        where TSink : struct, IScoreSink
    {
        var hard = 0;
        if (walk.LastDay == d - 1)
        {
            var pair = (walk.LastShift * shifts) + t;
            if (r.Forbidden[pair])
            {
                hard++;
                Emit(ref sink, RuleKind.ForbiddenSuccession, w, d, s, 1);
            }

            var timing = r.Timing[d][pair];
            if (timing != 0)
            {
                hard++;
                Emit(ref sink, timing == CompiledRules.OverlapCode ? RuleKind.Overlap : RuleKind.Rest, w, d, s, 1);
            }
        }
        else if (walk.LastDay == d - 2 && r.Timing2[d][(walk.LastShift * shifts) + t] is var second && second != 0)
        {
            hard++;
            Emit(ref sink, second == CompiledRules.OverlapCode ? RuleKind.Overlap : RuleKind.Rest, w, d, s, 1);
        }
        else if (walk.LastDay == d - 3 && r.Timing3[d] is { } third && third[(walk.LastShift * shifts) + t] != 0)
        {
            hard++;
            Emit(ref sink, RuleKind.Rest, w, d, s, 1);
        }

        return hard;
    }

    /// <summary>A day off: closes the run of duties before it and opens or extends a run of days off. Returns the hard amount.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DayOff<TSink>(CompiledRules r, int w, int d, ref Walk walk, ref TSink sink)
        where TSink : struct, IScoreSink
    {
        var hard = 0;
        if (walk.Run > 0)
        {
            hard = CloseRun(r, w, walk.Run, walk.RunStart, border: walk.RunStart == 0, ref sink);
            walk.Run = 0;
        }

        if (walk.OffRun == 0)
        {
            walk.OffStart = d;
        }

        walk.OffRun++;
        return hard;
    }

    /// <summary>The whole-horizon rules: duties per shift type, total minutes (in started hours), minutes per week, weekends worked. Returns the hard amount.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Totals<TSink>(CompiledProblem p, CompiledRules r, int w, int[] shiftCounts, int[] weekMinutes, int minutes, int weekends, ref TSink sink)
        where TSink : struct, IScoreSink
    {
        var hard = 0;
        for (var t = 0; t < p.ShiftCount; t++)
        {
            if (shiftCounts[t] > r.MaxPerShift[t])
            {
                hard += shiftCounts[t] - r.MaxPerShift[t];
                if (sink.Enabled)
                {
                    sink.AddOfShift(RuleKind.MaxShiftsOfCode, w, t, shiftCounts[t] - r.MaxPerShift[t]);
                }
            }
        }

        if (minutes < r.MinMinutes)
        {
            var h = Hours(r.MinMinutes - minutes);
            hard += h;
            Emit(ref sink, RuleKind.MinTotalMinutes, w, -1, -1, h);
        }
        else if (minutes > r.MaxMinutes)
        {
            var h = Hours(minutes - r.MaxMinutes);
            hard += h;
            Emit(ref sink, RuleKind.MaxTotalMinutes, w, -1, -1, h);
        }

        if (r.MaxWeekMinutes != CompiledRules.Unlimited)
        {
            for (var k = 0; k < p.WeekCount; k++)
            {
                if (weekMinutes[k] > r.MaxWeekMinutes)
                {
                    var h = Hours(weekMinutes[k] - r.MaxWeekMinutes);
                    hard += h;
                    Emit(ref sink, RuleKind.MaxWeekMinutes, w, FirstDayOfWeek(p, k), -1, h);
                }
            }
        }

        if (weekends > r.MaxWeekends)
        {
            hard += weekends - r.MaxWeekends;
            Emit(ref sink, RuleKind.MaxWeekends, w, -1, -1, weekends - r.MaxWeekends);
        }

        return hard;
    }

    /// <summary>Started hours: the unit of the minute rules' hard amounts.</summary>
    public static int Hours(int minutes) => (minutes + 59) / 60;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CloseRun<TSink>(CompiledRules r, int w, int run, int runStart, bool border, ref TSink sink)
        where TSink : struct, IScoreSink
    {
        var hard = 0;
        if (run > r.MaxConsecutive)
        {
            hard += run - r.MaxConsecutive;
            Emit(ref sink, RuleKind.MaxConsecutiveDays, w, runStart, -1, run - r.MaxConsecutive);
        }

        if (!border && run < r.MinConsecutive)
        {
            hard += r.MinConsecutive - run;
            Emit(ref sink, RuleKind.MinConsecutiveDays, w, runStart, -1, r.MinConsecutive - run);
        }

        return hard;
    }

    private static int FirstDayOfWeek(CompiledProblem p, int week)
    {
        for (var d = 0; d < p.Days; d++)
        {
            if (p.WeekOfDay[d] == week)
            {
                return d;
            }
        }

        return -1;
    }

    private static void Emit<TSink>(ref TSink sink, RuleKind rule, int w, int d, int s, int hard)
        where TSink : struct, IScoreSink
    {
        if (sink.Enabled)
        {
            sink.Add(rule, w, d, s, hard, 0);
        }
    }

    private static void AddWishLines<TSink>(CompiledProblem p, int w, int d, int s, ref TSink sink)
        where TSink : struct, IScoreSink
    {
        var wd = p.WorkerDay(w, d);
        var on = p.OnWishTotal[wd];
        if (s >= 0)
        {
            var t = p.SlotShift[s];
            on -= p.OnWish[p.WishIndex(w, d, t)];
            var off = p.OffWish[p.WishIndex(w, d, t)];
            if (off != 0)
            {
                sink.Add(RuleKind.ShiftOffWish, w, d, s, 0, off);
            }

            var own = p.OwnCompoundCost[p.WorkerSlot(w, s)];
            if (own != 0)
            {
                sink.Add(RuleKind.OwnCompound, w, d, s, 0, own);
            }
        }

        if (on != 0)
        {
            sink.Add(RuleKind.ShiftOnWish, w, d, s, 0, on);
        }
    }
}
