namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// Rest and overlap between a worker's duties one, two and (after a jump forward) three dates apart, judged on their instants: each duty is placed
/// by <see cref="ShiftDefinition.On"/> in the problem's zone. On most dates every duty's UTC offset is the same, so one
/// table per shift pair serves (the usual table); only the dates right after a clock change get their own.
/// </summary>
/// <remarks>
/// Duties four or more dates apart never meet a rule. Three dates apart, at least 24 h 15 min of clock time lies between
/// them (a shift starts by 23:45 and lasts at most 24 h), more than any minimum rest (at most 24 h) unless the clock
/// jumps forward between them: only then are they judged (<see cref="ThirdNext"/>), by the evaluator; the one-worker
/// search and the construction do not look that far, so such a rare pair is left for the evaluator to count.
/// </remarks>
internal sealed class DutyTimings
{
    private DutyTimings(byte[][] next, byte[][] secondNext, byte[]?[] thirdNext, byte[] looseNext, bool anyBlocked2)
    {
        Next = next;
        SecondNext = secondNext;
        ThirdNext = thirdNext;
        LooseNext = looseNext;
        AnyBlocked2 = anyBlocked2;
    }

    /// <summary>[date of the later duty][first * shifts + next]: 0, <see cref="CompiledRules.RestCode"/> or <see cref="CompiledRules.OverlapCode"/> for the duty before on the date before.</summary>
    public byte[][] Next { get; }

    /// <summary>The same for the duty two dates before (a date off between them): 0, rest, or (across a jump forward) overlap.</summary>
    public byte[][] SecondNext { get; }

    /// <summary>The same for the duty three dates before: null on every date where no pair breaks a rule (all but a few after a spring-forward change).</summary>
    public byte[]?[] ThirdNext { get; }

    /// <summary>The <see cref="Next"/> table of every date without a clock change (the same array; the first date follows none, so it is one of them).</summary>
    public byte[] UsualNext => Next[0];

    /// <summary>The <see cref="SecondNext"/> table of every date without a clock change.</summary>
    public byte[] UsualSecondNext => SecondNext[0];

    /// <summary>One date to the next, a rule only where it holds on every date (the bound's relaxation).</summary>
    public byte[] LooseNext { get; }

    /// <summary>True when some two-dates-apart entry is set on some date.</summary>
    public bool AnyBlocked2 { get; }

    /// <summary>The tables for a minimum rest of <paramref name="minRest"/> minutes.</summary>
    public static DutyTimings Compile(IReadOnlyList<ShiftDefinition> shifts, long minRest, ClockLags lags)
    {
        var n = shifts.Count;
        var usualNext = Table(shifts, 1, minRest, null, 0);
        var usualSecond = Table(shifts, 2, minRest, null, 0);
        var next = new byte[lags.Days][];
        var second = new byte[lags.Days][];
        var third = new byte[]?[lags.Days];
        Array.Fill(next, usualNext);
        Array.Fill(second, usualSecond);
        var loose = (byte[])usualNext.Clone();
        var anyBlocked2 = usualSecond.Any(c => c != 0);
        foreach (var d in lags.ChangeDates)
        {
            next[d] = Table(shifts, 1, minRest, lags, d);
            second[d] = d >= 2 ? Table(shifts, 2, minRest, lags, d) : usualSecond;
            third[d] = d >= 3 && Table(shifts, 3, minRest, lags, d) is var t && t.Any(c => c != 0) ? t : null;
            anyBlocked2 |= second[d].Any(c => c != 0);
            for (var i = 0; i < n * n; i++)
            {
                loose[i] = next[d][i] == 0 ? (byte)0 : loose[i];
            }
        }

        return new DutyTimings(next, second, third, loose, anyBlocked2);
    }

    /// <summary>Where next may not follow first: an explicit forbidden succession or a timing rule.</summary>
    public static bool[] Blocked(bool[] forbidden, byte[] timing)
    {
        var blocked = new bool[forbidden.Length];
        for (var i = 0; i < blocked.Length; i++)
        {
            blocked[i] = forbidden[i] || timing[i] != 0;
        }

        return blocked;
    }

    /// <summary>Per date, <paramref name="of"/> of that date's table, computed once for the usual table.</summary>
    public static T[][] PerDate<T>(byte[][] tables, byte[] usual, Func<byte[], T[]> of)
    {
        var usualOf = of(usual);
        return Array.ConvertAll(tables, t => ReferenceEquals(t, usual) ? usualOf : of(t));
    }

    /// <summary>
    /// Codes for every shift pair <paramref name="days"/> dates apart, the later duty on date <paramref name="d"/>: the clock
    /// gap from the first's end to the next's start, less the rise of the UTC offset between their starts (none without lags).
    /// </summary>
    private static byte[] Table(IReadOnlyList<ShiftDefinition> shifts, int days, long minRest, ClockLags? lags, int d)
    {
        var n = shifts.Count;
        var table = new byte[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var rise = lags is null ? 0 : lags.Lag(d, b) - lags.Lag(d - days, a);
                var gap = (days * 24L * 60) + MinuteOfDay(shifts[b]) - MinuteOfDay(shifts[a]) - shifts[a].Minutes - rise;
                table[(a * n) + b] = gap < 0 ? CompiledRules.OverlapCode : gap < minRest ? CompiledRules.RestCode : (byte)0;
            }
        }

        return table;
    }

    private static long MinuteOfDay(ShiftDefinition shift) => shift.Start.TickOfDay / NodaConstants.TicksPerMinute;
}

/// <summary>
/// Per date and shift, the UTC offset in minutes of the duty's start as <see cref="ShiftDefinition.On"/> places it (a start
/// in a spring-forward gap counts as moved on by the gap), and the dates after which it changes.
/// </summary>
internal sealed class ClockLags
{
    private readonly int[]? _lag;
    private readonly int _shifts;

    private ClockLags(int days, int shifts, int[]? lag, int[] changeDates)
    {
        Days = days;
        _shifts = shifts;
        _lag = lag;
        ChangeDates = changeDates;
    }

    /// <summary>The horizon's length in dates.</summary>
    public int Days { get; }

    /// <summary>Ascending date indexes d whose duties' offsets differ from some duty's on d - 1, d - 2 or d - 3.</summary>
    public int[] ChangeDates { get; }

    /// <summary>The offsets of <paramref name="problem"/>'s duties; none to keep when its zone's offset is the same over the horizon.</summary>
    public static ClockLags Of(RosterProblem problem)
    {
        var (days, shifts, zone) = (problem.Horizon.Length, problem.Shifts, problem.Zone);
        var first = problem.Horizon.Start;

        // A day on each side: a duty may start just before midnight and a leniently placed start may move past it.
        var span = new Interval(first.PlusDays(-1).AtStartOfDayInZone(zone).ToInstant(), first.PlusDays(days + 1).AtStartOfDayInZone(zone).ToInstant());
        if (zone.GetZoneIntervals(span).Take(2).Count() < 2)
        {
            return new ClockLags(days, shifts.Count, null, []);
        }

        var lag = new int[days * shifts.Count];
        for (var d = 0; d < days; d++)
        {
            for (var s = 0; s < shifts.Count; s++)
            {
                var local = first.PlusDays(d).At(shifts[s].Start);
                lag[(d * shifts.Count) + s] = (int)(local.InUtc().ToInstant() - shifts[s].On(first.PlusDays(d), zone).Start).TotalMinutes;
            }
        }

        return new ClockLags(days, shifts.Count, lag, ChangesOf(lag, days, shifts.Count));
    }

    /// <summary>The offset in minutes of shift <paramref name="shift"/>'s duty on date <paramref name="d"/>.</summary>
    public int Lag(int d, int shift) => _lag is null ? 0 : _lag[(d * _shifts) + shift];

    private static int[] ChangesOf(int[] lag, int days, int shifts)
    {
        var dates = new List<int>();
        for (var d = 1; d < days; d++)
        {
            var window = lag.AsSpan(Math.Max(0, d - 3) * shifts, (Math.Min(d, 3) + 1) * shifts);
            if (window.IndexOfAnyExcept(window[0]) >= 0)
            {
                dates.Add(d);
            }
        }

        return [.. dates];
    }
}
