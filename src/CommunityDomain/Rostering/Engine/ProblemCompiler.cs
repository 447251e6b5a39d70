using System.Runtime.CompilerServices;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Engine;

/// <summary>Turns a validated <see cref="RosterProblem"/> into a <see cref="CompiledProblem"/>.</summary>
internal static class ProblemCompiler
{
    /// <summary>Compiles <paramref name="problem"/> in named steps (<see cref="CompileTables"/>), then assembles them; each step's arrays are documented on <see cref="CompiledProblem"/>.</summary>
    public static CompiledProblem Compile(RosterProblem problem) => Assemble(problem, CompileTables(problem));

    /// <summary>Every table of the compiled problem, each from its own step, in dependency order.</summary>
    private static Tables CompileTables(RosterProblem problem)
    {
        var days = problem.Horizon.Length;
        var first = problem.Horizon.Start;
        var shiftIndex = IndexShifts(problem.Shifts);
        var slots = IndexSlots(problem.Demands, shiftIndex);
        var cover = CompileCover(problem.Demands, slots, days, first);
        var workerIndex = IndexWorkers(problem.Workers);
        var (rules, workerRules) = CompileRuleSets(problem, shiftIndex);
        var wishes = CompileWishes(problem, workerIndex, shiftIndex, days, first);
        var pinned = CompilePins(problem, workerIndex, slots, days, first);
        var choices = CompileChoices(problem, slots, cover, rules, workerRules, wishes, pinned, days, first);
        var calendar = CompileCalendar(first, days);
        var (workerGroup, groupSize) = CompileFairnessGroups(problem.Workers);
        return new Tables(days, slots, cover, rules, workerRules, wishes, pinned, choices, calendar, workerGroup, groupSize);
    }

    /// <summary>The compiled problem over the tables (no computing here beyond the shifts' minutes and the cover's hard price).</summary>
    private static CompiledProblem Assemble(RosterProblem problem, Tables t) => new()
    {
        Source = problem,
        Days = t.Days,
        WorkerCount = problem.Workers.Count,
        SlotCount = t.Slots.Count,
        ShiftCount = problem.Shifts.Count,
        SlotShift = t.Slots.Shift,
        SlotPostIndex = t.Slots.Post,
        ShiftMinutes = problem.Shifts.Select(s => s.Minutes).ToArray(),
        Required = t.Cover.Required,
        Minimum = t.Cover.Minimum,
        Maximum = t.Cover.Maximum,
        DemandIndex = t.Cover.DemandIndex,
        SlotDemand = t.Cover.SlotDemand,
        Under = t.Cover.Under,
        Over = t.Cover.Over,
        CoverHardPrice = CompiledProblem.CoverHardPriceFor(t.Cover.Under, t.Cover.Over, t.Choices.Soft),
        ChoiceSoft = t.Choices.Soft,
        Allowed = t.Choices.Allowed,
        Violation = t.Choices.Violation,
        Pinned = t.Pinned,
        OnWishTotal = t.Wishes.OnTotal,
        OwnCompoundCost = t.Choices.OwnCompound,
        Rules = t.Rules,
        WorkerRules = t.WorkerRules,
        WeekOfDay = t.Calendar.WeekOfDay,
        WeekCount = t.Calendar.WeekCount,
        WeekendOfDay = t.Calendar.WeekendOfDay,
        WeekendCount = t.Calendar.WeekendCount,
        WorkerGroup = t.WorkerGroup,
        GroupSize = t.GroupSize,
        FairnessWeight = problem.Weights.Fairness,
    };

    /// <summary>The outputs of <see cref="CompileTables"/>'s steps, handed to <see cref="Assemble"/>.</summary>
    private sealed record Tables(int Days, SlotTable Slots, CoverTable Cover, CompiledRules[] Rules, int[] WorkerRules, WishTable Wishes, int[] Pinned, ChoiceTable Choices, CalendarTable Calendar, int[] WorkerGroup, int[] GroupSize);

    /// <summary>The (post, shift, qualification) slots, numbered in order of first appearance so compilation is deterministic.</summary>
    private sealed record SlotTable(Dictionary<(Id<Post>, string, string?), int> Index, int[] Shift, int[] Post, Id<Compound>[] Compound, string?[] Qualification)
    {
        public int Count => Shift.Length;
    }

    /// <summary>Per date x slot (index <c>day * slots + slot</c>): the demand's numbers; -1 in Required/DemandIndex where no demand is.</summary>
    private sealed record CoverTable(int[] Required, int[] Minimum, int[] Maximum, int[] Under, int[] Over, int[] DemandIndex, int[] SlotDemand);

    /// <summary>
    /// Wish weights per worker x date (OnTotal), and each worker-date's wishes in a compressed row: the wishes of cell wd
    /// are entries <c>Start[wd] .. Start[wd + 1] - 1</c> of Shift, On and Off (a worker x date x shift table of each is
    /// 1.4 M ints on community-600 with 4,100 wishes, and only the breakdown reads it: <see cref="DenseWishes"/>).
    /// </summary>
    private sealed record WishTable(int[] OnTotal, int[] Start, int[] Shift, int[] On, int[] Off);

    /// <summary>Per worker x date x choice (choice 0 = off, 1 + slot): soft cost, allowed, and the rule that excludes it (1 + RuleKind, 0 = none).</summary>
    private sealed record ChoiceTable(int[] Soft, bool[] Allowed, byte[] Violation, int[] OwnCompound);

    /// <summary>Per date: ISO week since the horizon's first Monday, and that week again when the date is a Saturday or Sunday (else -1).</summary>
    private sealed record CalendarTable(int[] WeekOfDay, int[] WeekendOfDay, int WeekCount, int WeekendCount);

    private static Dictionary<string, int> IndexShifts(IReadOnlyList<ShiftDefinition> shifts)
    {
        var shiftIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < shifts.Count; i++)
        {
            shiftIndex[shifts[i].Code] = i;
        }

        return shiftIndex;
    }

    private static SlotTable IndexSlots(IReadOnlyList<Demand> demands, Dictionary<string, int> shiftIndex)
    {
        var slotIndex = new Dictionary<(Id<Post>, string, string?), int>();
        var postIndex = new Dictionary<Id<Post>, int>();
        var slotShift = new List<int>();
        var slotPost = new List<int>();
        var slotCompound = new List<Id<Compound>>();
        var slotQual = new List<string?>();
        foreach (var d in demands)
        {
            postIndex.TryAdd(d.Post, postIndex.Count);
            if (slotIndex.TryAdd((d.Post, d.ShiftCode, d.Qualification), slotShift.Count))
            {
                slotShift.Add(shiftIndex[d.ShiftCode]);
                slotPost.Add(postIndex[d.Post]);
                slotCompound.Add(d.Compound);
                slotQual.Add(d.Qualification);
            }
        }

        return new SlotTable(slotIndex, [.. slotShift], [.. slotPost], [.. slotCompound], [.. slotQual]);
    }

    private static CoverTable CompileCover(IReadOnlyList<Demand> demands, SlotTable slots, int days, LocalDate first)
    {
        var cells = days * slots.Count;
        var required = new int[cells];
        Array.Fill(required, -1);
        var minimum = new int[cells];
        var maximum = new int[cells];
        Array.Fill(maximum, int.MaxValue);
        var under = new int[cells];
        var over = new int[cells];
        var demandIndex = new int[cells];
        Array.Fill(demandIndex, -1);
        var slotDemand = new int[slots.Count];
        Array.Fill(slotDemand, -1);
        for (var k = 0; k < demands.Count; k++)
        {
            var d = demands[k];
            var slot = slots.Index[(d.Post, d.ShiftCode, d.Qualification)];
            var i = (DayOf(first, d.Date) * slots.Count) + slot;
            demandIndex[i] = k;
            if (slotDemand[slot] < 0)
            {
                slotDemand[slot] = k;
            }

            required[i] = d.Required;
            minimum[i] = d.Minimum ?? 0;
            maximum[i] = d.MaximumOrRequired;
            under[i] = d.UnderWeight;
            over[i] = d.OverWeight;
        }

        return new CoverTable(required, minimum, maximum, under, over, demandIndex, slotDemand);
    }

    private static Dictionary<Id<Worker>, int> IndexWorkers(IReadOnlyList<Worker> workers)
    {
        var workerIndex = new Dictionary<Id<Worker>, int>();
        for (var w = 0; w < workers.Count; w++)
        {
            workerIndex[workers[w].Id] = w;
        }

        return workerIndex;
    }

    /// <summary>One compiled rule set per distinct <see cref="WorkRules"/> instance, and each worker's set.</summary>
    private static (CompiledRules[] Rules, int[] WorkerRules) CompileRuleSets(RosterProblem problem, Dictionary<string, int> shiftIndex)
    {
        var rules = new List<CompiledRules>();
        var ruleIndex = new Dictionary<WorkRules, int>(ReferenceEqualityComparer.Instance);
        var timings = new Dictionary<long, DutyTimings>();
        var lags = ClockLags.Of(problem);
        var workerRules = new int[problem.Workers.Count];
        for (var w = 0; w < workerRules.Length; w++)
        {
            var r = problem.RulesFor(problem.Workers[w]);
            if (!ruleIndex.TryGetValue(r, out var ri))
            {
                // Timing depends only on the shifts and the minimum rest: one table per rest, shared (read-only).
                var minRest = r.MinRest is { } rest ? (long)rest.TotalMinutes : 0;
                if (!timings.TryGetValue(minRest, out var timing))
                {
                    timing = DutyTimings.Compile(problem.Shifts, minRest, lags);
                    timings[minRest] = timing;
                }

                ri = rules.Count;
                ruleIndex[r] = ri;
                rules.Add(CompileRules(r, timing, lags.ChangeDates, problem.Shifts.Count, shiftIndex));
            }

            workerRules[w] = ri;
        }

        return ([.. rules], workerRules);
    }

    private static WishTable CompileWishes(RosterProblem problem, Dictionary<Id<Worker>, int> workerIndex, Dictionary<string, int> shiftIndex, int days, LocalDate first)
    {
        var wishes = problem.Wishes;
        var cell = new int[wishes.Count];
        var onWishTotal = new int[problem.Workers.Count * days];
        var start = new int[onWishTotal.Length + 1];
        for (var k = 0; k < wishes.Count; k++)
        {
            cell[k] = (workerIndex[wishes[k].Worker] * days) + DayOf(first, wishes[k].Date);
            start[cell[k] + 1]++;
            if (wishes[k].Kind == WishKind.ShiftOn)
            {
                onWishTotal[cell[k]] += wishes[k].Weight;
            }
        }

        for (var wd = 0; wd < onWishTotal.Length; wd++)
        {
            start[wd + 1] += start[wd];
        }

        var (shift, on, off) = (new int[wishes.Count], new int[wishes.Count], new int[wishes.Count]);
        var next = (int[])start.Clone();
        for (var k = 0; k < wishes.Count; k++)
        {
            var i = next[cell[k]]++;
            shift[i] = shiftIndex[wishes[k].ShiftCode];
            (wishes[k].Kind == WishKind.ShiftOn ? on : off)[i] = wishes[k].Weight;
        }

        return new WishTable(onWishTotal, start, shift, on, off);
    }

    /// <summary>
    /// Per worker x date x shift type (<see cref="CompiledProblem.WishIndex"/>): the weights of shift-on and shift-off
    /// wishes. Built on first use by the score's breakdown (<see cref="CompiledProblem.OnWish"/>), not by every compile.
    /// </summary>
    public static (int[] On, int[] Off) DenseWishes(RosterProblem problem)
    {
        var days = problem.Horizon.Length;
        var shifts = IndexShifts(problem.Shifts);
        var workers = IndexWorkers(problem.Workers);
        var on = new int[problem.Workers.Count * days * problem.Shifts.Count];
        var off = new int[on.Length];
        foreach (var wish in problem.Wishes)
        {
            var i = (((workers[wish.Worker] * days) + DayOf(problem.Horizon.Start, wish.Date)) * problem.Shifts.Count) + shifts[wish.ShiftCode];
            (wish.Kind == WishKind.ShiftOn ? on : off)[i] += wish.Weight;
        }

        return (on, off);
    }

    /// <summary>Per worker x date: the pinned slot, or -1.</summary>
    private static int[] CompilePins(RosterProblem problem, Dictionary<Id<Worker>, int> workerIndex, SlotTable slots, int days, LocalDate first)
    {
        var pinned = new int[problem.Workers.Count * days];
        Array.Fill(pinned, -1);
        foreach (var pin in problem.Pins)
        {
            pinned[(workerIndex[pin.Worker] * days) + DayOf(first, pin.Date)] = slots.Index[(pin.Post, pin.ShiftCode, pin.Qualification)];
        }

        return pinned;
    }

    /// <summary>
    /// Every worker x date x choice: its soft cost (wishes, own compound), the rule that excludes it
    /// (availability on the duty's real interval, qualification, confinement) and whether the search may
    /// take it (a pin allows only itself; otherwise an open demand, no excluding rule, a shift maximum above 0).
    /// </summary>
    private static ChoiceTable CompileChoices(
        RosterProblem problem, SlotTable slots, CoverTable cover, CompiledRules[] rules, int[] workerRules, WishTable wishes, int[] pinned, int days, LocalDate first)
    {
        // Phases per worker: the slots' own-compound cost and qualification, then per date the shifts the worker can serve
        // (availability, asked once per distinct shift time) and that date's choices (soft cost, barring rule, allowed).
        var workers = problem.Workers;
        var cells = workers.Count * days * (slots.Count + 1);
        var table = new ChoiceTable(new int[cells], new bool[cells], new byte[cells], new int[workers.Count * slots.Count]);
        var day = new DayChoices(slots, cover, wishes, table, problem.Shifts.Count, days);
        var timings = new ShiftTimings(problem.Shifts, problem.Zone);
        var reach = ReachDays(problem.Shifts, problem.Zone, problem.Horizon);
        var judged = new bool[days + reach];
        for (var w = 0; w < workers.Count; w++)
        {
            var worker = workers[w];
            MarkJudgedDates(worker, first, judged);
            day.StartWorker(w, worker, rules[workerRules[w]], problem.Weights.OwnCompound);
            for (var d = 0; d < days; d++)
            {
                var date = first.PlusDays(d);
                timings.Servable(worker, date, judged.AsSpan(d, reach + 1).Contains(true), day.CanServe);
                day.Compile(d, pinned[(w * days) + d], ConfinedAway(worker, date));
            }
        }

        return table;
    }

    /// <summary>The compound <paramref name="worker"/> is confined to on <paramref name="date"/> (every other compound is barred), or null.</summary>
    private static Id<Compound>? ConfinedAway(Worker worker, LocalDate date) =>
        worker.ConfinedTo is { } c && (worker.ConfinedFrom is not { } from || date >= from) ? c : null;

    /// <summary>
    /// Which shifts a worker can serve on a date, asked once per distinct (start, length): availability depends only on
    /// the duty's real interval, and a district's shift types share a handful of times. A duty that can touch no
    /// unavailable or restricted date (judged false: most dates of most workers) is served without asking the rule.
    /// </summary>
    private sealed class ShiftTimings
    {
        private readonly LocalTime[] _start;
        private readonly int[] _minutes;
        private readonly int[] _timingOf;
        private readonly bool[] _canServe;
        private readonly DateTimeZone _zone;
        private readonly bool _fixedOffset;
        private readonly ShiftDefinition[] _shift;

        public ShiftTimings(IReadOnlyList<ShiftDefinition> shifts, DateTimeZone zone)
        {
            (_zone, _fixedOffset) = (zone, zone.MinOffset == zone.MaxOffset);
            // A linear scan over the few distinct times (a dictionary keyed by a value tuple is one more generic
            // instantiation for the JIT to compile on a cold start).
            _start = new LocalTime[shifts.Count];
            _minutes = new int[shifts.Count];
            _timingOf = new int[shifts.Count];
            _shift = new ShiftDefinition[shifts.Count];
            var count = 0;
            for (var t = 0; t < shifts.Count; t++)
            {
                var k = 0;
                while (k < count && (_start[k] != shifts[t].Start || _minutes[k] != shifts[t].Minutes))
                {
                    k++;
                }

                if (k == count)
                {
                    (_start[k], _minutes[k], _shift[k]) = (shifts[t].Start, shifts[t].Minutes, shifts[t]);
                    count++;
                }

                _timingOf[t] = k;
            }

            _canServe = new bool[count];
        }

        public void Servable(Worker worker, LocalDate date, bool judged, bool[] canServe)
        {
            if (!judged)
            {
                Array.Fill(canServe, true);
                return;
            }

            for (var k = 0; k < _canServe.Length; k++)
            {
                _canServe[k] = CanServe(worker, date, k);
            }

            for (var t = 0; t < canServe.Length; t++)
            {
                canServe[t] = _canServe[_timingOf[t]];
            }
        }

        /// <summary>
        /// Whether the worker can serve distinct timing <paramref name="k"/>'s duty on <paramref name="date"/>
        /// (<see cref="ShiftDefinition.On"/>): its moments read on the zone's clock, one span per offset, since across a
        /// change the clock skips an hour (never read) or repeats one (read twice: 01:30 EDT to 01:30 EST is that whole hour).
        /// </summary>
        private bool CanServe(Worker worker, LocalDate date, int k)
        {
            var start = date.At(_start[k]);
            if (_fixedOffset)
            {
                return AvailabilityRule.CanServe(worker, start, start.PlusMinutes(_minutes[k]));
            }

            var span = _shift[k].On(date, _zone);
            foreach (var piece in _zone.GetZoneIntervals(span))
            {
                var from = piece.HasStart && piece.Start > span.Start ? piece.Start : span.Start;
                var to = piece.HasEnd && piece.End < span.End ? piece.End : span.End;
                if (from < to && !AvailabilityRule.CanServe(worker, from.WithOffset(piece.WallOffset).LocalDateTime, to.WithOffset(piece.WallOffset).LocalDateTime))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// One worker's choices date by date over the flat tables: off (allowed unless pinned) and each slot's soft cost,
    /// barring rule and whether it is allowed. Its day loop runs once per worker-date of a plan (1.4 M cells on
    /// community-600), so it is compiled fully optimised on first call (AggressiveOptimization) rather than run as
    /// tier-0 code in a process that plans once (docs/rostering.md, the 1 s target).
    /// </summary>
    private sealed class DayChoices(SlotTable slots, CoverTable cover, WishTable wishes, ChoiceTable table, int shiftCount, int days)
    {
        private readonly byte[] _qualification = new byte[slots.Count];
        private readonly int[] _onToday = new int[shiftCount];
        private readonly int[] _offToday = new int[shiftCount];
        private int _worker;
        private int[] _maxPerShift = [];

        /// <summary>Per shift type: whether the current worker can serve it on the date being compiled.</summary>
        public bool[] CanServe { get; } = new bool[shiftCount];

        /// <summary>Sets the worker: their own-compound cost and missing qualification per slot.</summary>
        public void StartWorker(int w, Worker worker, CompiledRules rules, int ownCompound)
        {
            _worker = w;
            _maxPerShift = rules.MaxPerShift;
            for (var s = 0; s < slots.Count; s++)
            {
                table.OwnCompound[(w * slots.Count) + s] = slots.Compound[s] != worker.Home ? ownCompound : 0;
                _qualification[s] = slots.Qualification[s] is { } q && !worker.Qualifications.Contains(q) ? (byte)(1 + (int)RuleKind.Qualification) : (byte)0;
            }
        }

        /// <summary>The current worker's choices on date <paramref name="day"/>, with its pin (-1 none) and the compound they are confined to.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Compile(int day, int pin, Id<Compound>? confinedTo)
        {
            var (soft, allowed, violation, own) = (table.Soft, table.Allowed, table.Violation, table.OwnCompound);
            var (on, off, onTotal) = (_onToday, _offToday, wishes.OnTotal);
            var (slotShift, slotCompound, required, maximum) = (slots.Shift, slots.Compound, cover.Required, cover.Maximum);
            var (canServe, qualification, maxPerShift) = (CanServe, _qualification, _maxPerShift);
            var slotCount = slotShift.Length;
            var wd = (_worker * days) + day;
            WishesOf(wd, +1);
            var baseIndex = wd * (slotCount + 1);
            soft[baseIndex] = onTotal[wd];
            allowed[baseIndex] = pin < 0;
            const byte unavailable = 1 + (int)RuleKind.Unavailable, confinement = 1 + (int)RuleKind.Confinement;
            for (var s = 0; s < slotCount; s++)
            {
                var t = slotShift[s];
                var i = baseIndex + s + 1;
                soft[i] = onTotal[wd] - on[t] + off[t] + own[(_worker * slotCount) + s];
                var broken = !canServe[t] ? unavailable
                    : qualification[s] != 0 ? qualification[s]
                    : confinedTo is { } c && c != slotCompound[s] ? confinement
                    : (byte)0;
                violation[i] = broken;
                var open = required[(day * slotCount) + s] >= 0 && maximum[(day * slotCount) + s] > 0;
                allowed[i] = pin >= 0 ? pin == s : open && broken == 0 && maxPerShift[t] > 0;
            }

            WishesOf(wd, -1);
        }

        /// <summary>Adds (<paramref name="sign"/> +1) or takes back (-1) worker-date <paramref name="wd"/>'s wishes in the per-shift weights of the day.</summary>
        private void WishesOf(int wd, int sign)
        {
            for (var k = wishes.Start[wd]; k < wishes.Start[wd + 1]; k++)
            {
                _onToday[wishes.Shift[k]] += sign * wishes.On[k];
                _offToday[wishes.Shift[k]] += sign * wishes.Off[k];
            }
        }
    }

    /// <summary>How many dates after its own a duty of these shifts can reach (0 when every shift ends by midnight).</summary>
    private static int ReachDays(IReadOnlyList<ShiftDefinition> shifts, DateTimeZone zone, DateInterval horizon)
    {
        // A clock that jumps forward ends a duty later on the clock, by at most the range of the zone's offsets around the
        // horizon (not the zone's whole history: Manila's spans more than a day, which Offset cannot even hold).
        var around = new Interval(horizon.Start.PlusDays(-2).AtMidnight().InUtc().ToInstant(), horizon.End.PlusDays(3).AtMidnight().InUtc().ToInstant());
        var offsets = zone.GetZoneIntervals(around).Select(i => i.WallOffset.Seconds).ToList();
        var jump = (offsets.Max() - offsets.Min()) / 60;
        var reach = 0;
        foreach (var shift in shifts)
        {
            var lastMinute = (shift.Start.TickOfDay / NodaConstants.TicksPerMinute) + Math.Max(shift.Minutes, 1) - 1 + jump;
            reach = Math.Max(reach, (int)(lastMinute / (24 * 60)));
        }

        return reach;
    }

    /// <summary>Marks the dates (index from <paramref name="first"/>) on which the availability rule can refuse a duty: unavailable or restricted.</summary>
    private static void MarkJudgedDates(Worker worker, LocalDate first, bool[] judged)
    {
        Array.Clear(judged);
        foreach (var date in worker.UnavailableDates)
        {
            Mark(judged, Period.DaysBetween(first, date));
        }

        foreach (var window in worker.Availability)
        {
            Mark(judged, Period.DaysBetween(first, window.Start.Date));
        }

        static void Mark(bool[] judged, int index)
        {
            if (index >= 0 && index < judged.Length)
            {
                judged[index] = true;
            }
        }
    }

    private static CalendarTable CompileCalendar(LocalDate first, int days)
    {
        var firstMonday = first.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var weekOfDay = new int[days];
        var weekendOfDay = new int[days];
        var weekends = new HashSet<int>();
        for (var day = 0; day < days; day++)
        {
            var date = first.PlusDays(day);
            weekOfDay[day] = Period.DaysBetween(firstMonday, date) / 7;
            var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            weekendOfDay[day] = weekend ? weekOfDay[day] : -1;
            if (weekend)
            {
                weekends.Add(weekOfDay[day]);
            }
        }

        return new CalendarTable(weekOfDay, weekendOfDay, days == 0 ? 0 : weekOfDay[days - 1] + 1, weekends.Count);
    }

    /// <summary>Fairness groups: workers of the same kind and the same qualifications compare their hours.</summary>
    private static (int[] WorkerGroup, int[] GroupSize) CompileFairnessGroups(IReadOnlyList<Worker> workers)
    {
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var workerGroup = new int[workers.Count];
        var groupSize = new List<int>();
        for (var w = 0; w < workers.Count; w++)
        {
            var key = workers[w].Kind + "|" + string.Join(",", workers[w].Qualifications.Order(StringComparer.Ordinal));
            if (!groupIndex.TryGetValue(key, out var g))
            {
                g = groupIndex.Count;
                groupIndex[key] = g;
                groupSize.Add(0);
            }

            workerGroup[w] = g;
            groupSize[g]++;
        }

        return (workerGroup, [.. groupSize]);
    }

    private static int DayOf(LocalDate first, LocalDate date) => Period.DaysBetween(first, date);

    // Run once per distinct rules object (134 on community-600, each with 1,454 successions and 85 x 85 tables): fully
    // optimised on first call, like the choices' day loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CompiledRules CompileRules(WorkRules rules, DutyTimings timings, int[] changeDates, int n, Dictionary<string, int> shiftIndex)
    {
        var maxPer = new int[n];
        Array.Fill(maxPer, CompiledRules.Unlimited);
        foreach (var (code, max) in rules.MaxShiftsPerCode)
        {
            maxPer[shiftIndex[code]] = max;
        }

        var forbidden = new bool[n * n];
        foreach (var f in rules.ForbiddenSuccessions)
        {
            forbidden[(shiftIndex[f.First] * n) + shiftIndex[f.Next]] = true;
        }

        var blocked = DutyTimings.PerDate(timings.Next, timings.UsualNext, t => DutyTimings.Blocked(forbidden, t));
        var blocked2 = DutyTimings.PerDate(timings.SecondNext, timings.UsualSecondNext, static t => Array.ConvertAll(t, c => c != 0));
        return new CompiledRules
        {
            MaxPerShift = maxPer,
            Forbidden = forbidden,
            Timing = timings.Next,
            Timing2 = timings.SecondNext,
            Timing3 = timings.ThirdNext,
            LooseTiming = timings.LooseNext,
            Blocked = blocked,
            Blocked2 = blocked2,
            ChangeDates = changeDates,
            AnyBlocked2 = timings.AnyBlocked2,
            AnyOverlap2 = changeDates.Any(d => timings.SecondNext[d].Contains(CompiledRules.OverlapCode)),
            MinMinutes = rules.MinTotalMinutes,
            MaxMinutes = rules.MaxTotalMinutes ?? CompiledRules.Unlimited,
            MaxWeekMinutes = rules.MaxMinutesPerWeek ?? CompiledRules.Unlimited,
            MaxConsecutive = rules.MaxConsecutiveDays ?? CompiledRules.Unlimited,
            MinConsecutive = rules.MinConsecutiveDays,
            MinDaysOff = rules.MinConsecutiveDaysOff,
            MaxWeekends = rules.MaxWeekends ?? CompiledRules.Unlimited,
        };
    }
}
