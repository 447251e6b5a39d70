using System.Runtime.CompilerServices;

namespace CommunityDomain.Rostering.Engine;

/// <summary>The state numbering of <see cref="WorkerScheduleDp"/>'s shortest path.</summary>
internal sealed partial class WorkerScheduleDp
{
    /// <summary>
    /// How <see cref="Run"/> numbers one day's states: a base state (a shift worked today with the length of its run and
    /// whether the run touches the first day; a run of days off with the same border flag; or, when rest binds across
    /// one date off, the first date off after a given shift), times the weekends worked so far (when the weekend maximum
    /// is tracked), times the minutes worked so far in gcd units (exact mode only).
    /// </summary>
    /// <remarks>
    /// Index = ((base * <see cref="WeekendCounts"/>) + weekends) * <see cref="MinuteUnits"/> + units. Work bases come
    /// first, ((shift * <see cref="RunCap"/>) + run) * 2 + border; then off bases, <see cref="WorkBases"/> + off * 2 +
    /// border; then the after-off bases, <see cref="WorkBases"/> + <see cref="OffBases"/> + shift. A value type, read
    /// by value in the inner loop: nothing is allocated per state.
    /// </remarks>
    private readonly struct StateLayout
    {
        private StateLayout(int shifts, int runCap, int offCap, int weekendCounts, int minuteUnits, bool exact, bool limitedMax, bool trackWeekends, bool trackAfterOff)
        {
            Shifts = shifts;
            RunCap = runCap;
            OffCap = offCap;
            WeekendCounts = weekendCounts;
            MinuteUnits = minuteUnits;
            Exact = exact;
            LimitedMax = limitedMax;
            TrackWeekends = trackWeekends;
            TrackAfterOff = trackAfterOff;
            WorkBases = shifts * runCap * 2;
            OffBases = offCap * 2;
            Inner = weekendCounts * minuteUnits;
            Blocks = (WorkBases + OffBases + (trackAfterOff ? shifts : 0)) * weekendCounts;
            Count = Blocks * minuteUnits;
        }

        /// <summary>Shift types: the worker's open ones, numbered in the order of the problem's.</summary>
        public int Shifts { get; }

        /// <summary>Run lengths told apart: up to the maximum run when it binds, else up to the minimum (saturating).</summary>
        public int RunCap { get; }

        /// <summary>Lengths of a run of days off told apart (up to the minimum that matters).</summary>
        public int OffCap { get; }

        /// <summary>Counts of weekends worked told apart: the maximum + 1 when it binds, else 1.</summary>
        public int WeekendCounts { get; }

        /// <summary>Minute units told apart: the exact mode's count, else 1.</summary>
        public int MinuteUnits { get; }

        /// <summary>True when total minutes are part of the state (the bounds are then exact).</summary>
        public bool Exact { get; }

        /// <summary>True when the maximum run binds within the horizon (a longer run is cut, not saturated).</summary>
        public bool LimitedMax { get; }

        /// <summary>True when the weekend maximum binds within the horizon.</summary>
        public bool TrackWeekends { get; }

        /// <summary>True when rest can bind across one date off, so the first date off remembers the shift before it.</summary>
        public bool TrackAfterOff { get; }

        /// <summary>Base states with a shift worked today.</summary>
        public int WorkBases { get; }

        /// <summary>Base states in a run of days off.</summary>
        public int OffBases { get; }

        /// <summary>States per base state (weekends times minute units).</summary>
        public int Inner { get; }

        /// <summary>Blocks per day: base states times weekend counts, each block <see cref="MinuteUnits"/> states in a row.</summary>
        public int Blocks { get; }

        /// <summary>States per day.</summary>
        public int Count { get; }

        /// <summary>
        /// The layout for a worker's rules over <paramref name="shifts"/> shift types (the worker's open ones, see
        /// <see cref="OpenShifts"/>); <paramref name="unitCount"/> &gt; 0 tracks minutes exactly.
        /// </summary>
        public static StateLayout Of(CompiledProblem p, CompiledRules r, int unitCount, int shifts)
        {
            var days = p.Days;
            var limitedMax = r.MaxConsecutive < days;
            var runCap = limitedMax ? r.MaxConsecutive : Math.Min(days, Math.Max(1, r.MinConsecutive));
            var offCap = Math.Min(days, Math.Max(1, r.MinDaysOff));
            var trackWeekends = r.MaxWeekends < p.WeekendCount;
            var weekendCounts = trackWeekends ? r.MaxWeekends + 1 : 1;
            return new StateLayout(shifts, runCap, offCap, weekendCounts, Math.Max(1, unitCount), unitCount > 0, limitedMax, trackWeekends, r.AnyBlocked2);
        }

        /// <summary>The base state of shift <paramref name="shift"/> worked today as day <paramref name="run"/> + 1 of a run.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Work(int shift, int run, int border) => (((shift * RunCap) + run) << 1) | border;

        /// <summary>The base state of day <paramref name="off"/> + 1 of a run of days off.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Off(int off, int border) => WorkBases + ((off << 1) | border);

        /// <summary>The base state of the first date off after shift <paramref name="shift"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int AfterOff(int shift) => WorkBases + OffBases + shift;

        /// <summary>The block of a base state and a weekend count: its states are the next <see cref="MinuteUnits"/> indices from block x units.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Block(int baseState, int weekends) => (baseState * WeekendCounts) + weekends;

        /// <summary>The state index within a day.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Index(int baseState, int weekends, int units) => (((baseState * WeekendCounts) + weekends) * MinuteUnits) + units;

        /// <summary>True when the state at <paramref name="index"/> works a shift today.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool IsWork(int index) => index / Inner < WorkBases;

        /// <summary>The shift of a work state.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int ShiftOf(int index) => ((index / Inner) >> 1) / RunCap;

        /// <summary>The parts of the state at <paramref name="index"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public DayState Decode(int index)
        {
            var baseState = index / Inner;
            var within = index % Inner;
            var weekends = within / MinuteUnits;
            var units = within % MinuteUnits;
            if (baseState < WorkBases)
            {
                return new DayState(true, (baseState >> 1) / RunCap, (baseState >> 1) % RunCap, baseState & 1, 0, -1, weekends, units);
            }

            if (baseState < WorkBases + OffBases)
            {
                var off = baseState - WorkBases;
                return new DayState(false, -1, 0, off & 1, off >> 1, -1, weekends, units);
            }

            // The first date off after a duty: an inner block, so border 0.
            return new DayState(false, -1, 0, 0, 0, baseState - WorkBases - OffBases, weekends, units);
        }
    }

    /// <summary>One decoded state: worked today (and which shift, which day of its run) or off (which day of the off run,
    /// and the shift before it on the first date off); whether the run touches the first day; weekends and minute units so far.</summary>
    private readonly record struct DayState(bool IsWork, int Shift, int Run, int Border, int Off, int BeforeOff, int Weekends, int Units);
}
