namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// Scores one worker's whole schedule: every per-worker hard rule and the worker's wishes and
/// own-compound penalty. O(days); allocation-free with caller-provided scratch arrays.
/// </summary>
internal static class WorkerScoring
{
    public static void Score<TSink>(
        CompiledProblem p, int w, int[] assign, int[] shiftCounts, int[] weekMinutes, ref TSink sink,
        out int hard, out long soft, out int minutes)
        where TSink : struct, IScoreSink
    {
        var days = p.Days;
        var shifts = p.ShiftCount;
        var r = p.Rules[p.WorkerRules[w]];
        Array.Clear(shiftCounts, 0, shifts);
        Array.Clear(weekMinutes, 0, p.WeekCount);
        hard = 0;
        soft = 0;
        minutes = 0;
        int run = 0, runStart = 0, offRun = 0, offStart = 0, lastShift = -1, lastDay = int.MinValue, weekends = 0, lastWeekend = -1;
        var rowBase = w * days;
        for (var d = 0; d < days; d++)
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
                var t = p.SlotShift[s];
                var v = p.Violation[ci];
                if (v != 0)
                {
                    hard++;
                    Emit(ref sink, (RuleKind)(v - 1), w, d, s, 1);
                }

                shiftCounts[t]++;
                minutes += p.ShiftMinutes[t];
                weekMinutes[p.WeekOfDay[d]] += p.ShiftMinutes[t];
                // The previous duty, if it is one or two dates back (later ones can break no timing rule).
                if (lastDay == d - 1)
                {
                    var pair = (lastShift * shifts) + t;
                    if (r.Forbidden[pair])
                    {
                        hard++;
                        Emit(ref sink, RuleKind.ForbiddenSuccession, w, d, s, 1);
                    }

                    if (r.Timing[pair] != 0)
                    {
                        hard++;
                        Emit(ref sink, r.Timing[pair] == CompiledRules.OverlapCode ? RuleKind.Overlap : RuleKind.Rest, w, d, s, 1);
                    }
                }
                else if (lastDay == d - 2 && r.Timing2[(lastShift * shifts) + t] != 0)
                {
                    hard++;
                    Emit(ref sink, RuleKind.Rest, w, d, s, 1);
                }

                var we = p.WeekendOfDay[d];
                if (we >= 0 && we != lastWeekend)
                {
                    weekends++;
                    lastWeekend = we;
                }

                if (run == 0)
                {
                    if (offRun > 0 && offStart > 0 && offRun < r.MinDaysOff)
                    {
                        hard += r.MinDaysOff - offRun;
                        Emit(ref sink, RuleKind.MinConsecutiveDaysOff, w, offStart, -1, r.MinDaysOff - offRun);
                    }

                    offRun = 0;
                    runStart = d;
                }

                run++;
                lastShift = t;
                lastDay = d;
            }
            else
            {
                if (run > 0)
                {
                    CloseRun(r, w, run, runStart, border: runStart == 0, ref sink, ref hard);
                    run = 0;
                }

                if (offRun == 0)
                {
                    offStart = d;
                }

                offRun++;
            }
        }

        if (run > 0)
        {
            CloseRun(r, w, run, runStart, border: true, ref sink, ref hard);
        }

        for (var t = 0; t < shifts; t++)
        {
            if (shiftCounts[t] > r.MaxPerShift[t])
            {
                hard += shiftCounts[t] - r.MaxPerShift[t];
                Emit(ref sink, RuleKind.MaxShiftsOfCode, w, -1, -1, shiftCounts[t] - r.MaxPerShift[t]);
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
    }

    /// <summary>Started hours: the unit of the minute rules' hard amounts.</summary>
    public static int Hours(int minutes) => (minutes + 59) / 60;

    private static void CloseRun<TSink>(CompiledRules r, int w, int run, int runStart, bool border, ref TSink sink, ref int hard)
        where TSink : struct, IScoreSink
    {
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
            on -= p.OnWish[(wd * p.ShiftCount) + t];
            var off = p.OffWish[(wd * p.ShiftCount) + t];
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
