using CommunityDomain.Rostering.Coordination;

namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// Why a demand is short, worker by worker, on the compiled problem: adding a worker changes only their
/// own rules and the demand's cover, so each reason costs one worker rescoring (O(days)), not a whole
/// roster. One implementation for <see cref="RosterExplanations.WhyShort"/> and <see cref="NoFeasibleRoster"/>.
/// </summary>
internal static class Shortfall
{
    /// <summary>One reason per worker not on (day, slot) of the evaluator's roster, in worker order.</summary>
    public static List<ShortfallReason> Reasons(RosterEvaluator ev, int day, int slot, Demand demand) =>
        Reasons(new Tallies(ev), day, slot);

    /// <summary>
    /// The demands a roster leaves below their minimum, in date, then slot order. The list is built at once
    /// (O(days x slots)); each duty's reasons are worked out when first read (O(workers x days) each, under
    /// one lock, the before-tallies shared), so an answer with a thousand holes does not cost seconds the
    /// caller's time limit did not give.
    /// </summary>
    public static List<UncoveredDuty> Uncovered(CompiledProblem p, int[] assign)
    {
        var tallies = new Lazy<Tallies>(() => new Tallies(new RosterEvaluator(p, (int[])assign.Clone())));
        var result = new List<UncoveredDuty>();
        var counts = new int[p.Days * p.SlotCount];
        for (var cell = 0; cell < assign.Length; cell++)
        {
            if (assign[cell] >= 0)
            {
                counts[p.DaySlot(cell % p.Days, assign[cell])]++;
            }
        }

        for (var day = 0; day < p.Days; day++)
        {
            for (var slot = 0; slot < p.SlotCount; slot++)
            {
                var count = counts[p.DaySlot(day, slot)];
                var missing = p.CoverMissing(p.DaySlot(day, slot), count);
                if (missing > 0)
                {
                    var demand = DemandOn(p, day, slot);
                    var (d, s) = (day, slot);
                    result.Add(new UncoveredDuty(demand, count, missing, new LazyReasons(() => ReasonsLocked(tallies.Value, d, s))));
                }
            }
        }

        return result;
    }

    /// <summary><see cref="Reasons(Tallies, int, int)"/> under the tallies' lock (the lazy lists of one answer share them).</summary>
    private static List<ShortfallReason> ReasonsLocked(Tallies tallies, int day, int slot)
    {
        lock (tallies.Gate)
        {
            return Reasons(tallies, day, slot);
        }
    }

    /// <summary>Per worker not on (day, slot), in id order: the duty they are on instead, or what taking it would break and cost.</summary>
    private static List<ShortfallReason> Reasons(Tallies tallies, int day, int slot)
    {
        var ev = tallies.Ev;
        var reasons = new List<ShortfallReason>();
        var date = ev.P.Source.Horizon.Start.PlusDays(day);
        foreach (var w in tallies.ById)
        {
            var current = ev.Assign[ev.P.WorkerDay(w, day)];
            if (current != slot)
            {
                reasons.Add(current >= 0 ? BusyElsewhere(ev.P, w, date, current) : IfAdded(tallies, w, day, slot));
            }
        }

        return reasons;
    }

    /// <summary>Worker <paramref name="w"/>, on another duty of the same date: busy there, nothing broken.</summary>
    private static ShortfallReason BusyElsewhere(CompiledProblem p, int w, LocalDate date, int current)
    {
        var d = DemandOf(p, current);
        var id = p.Source.Workers[w].Id;
        return new ShortfallReason(id, new RosterAssignment(id, date, d.Post, d.ShiftCode, d.Qualification), [], 0);
    }

    /// <summary>Worker <paramref name="w"/>, free that date, tried on (day, slot): the rules that breaks more often and the soft change.</summary>
    private static ShortfallReason IfAdded(Tallies tallies, int w, int day, int slot)
    {
        var before = tallies.Before(w);
        var after = tallies.With(w, day, slot, out var softChange);
        var broken = new List<RuleKind>();
        for (var k = 0; k < RuleCount; k++)
        {
            if (after[k] > before[k])
            {
                broken.Add((RuleKind)k);
            }
        }

        return new ShortfallReason(tallies.Ev.P.Source.Workers[w].Id, null, broken, softChange);
    }

    /// <summary>The per-worker hard tallies by rule of one roster, each worker's "before" counted once.</summary>
    private sealed class Tallies(RosterEvaluator ev)
    {
        private readonly int[]?[] _before = new int[ev.P.WorkerCount][];
        private readonly int[] _after = new int[RuleCount];
        private readonly int[] _shiftScratch = new int[Math.Max(1, ev.P.ShiftCount)];
        private readonly int[] _weekScratch = new int[Math.Max(1, ev.P.WeekCount)];

        public Lock Gate { get; } = new();

        public RosterEvaluator Ev => ev;

        /// <summary>The workers in id order (the order reasons are listed in).</summary>
        public int[] ById { get; } = [.. Enumerable.Range(0, ev.P.WorkerCount).OrderBy(w => ev.P.Source.Workers[w].Id.Value)];

        /// <summary>Worker <paramref name="w"/>'s tallies on the roster as it is (counted on first call).</summary>
        public int[] Before(int w) => _before[w] ??= Tally(w, new int[RuleCount]);

        /// <summary>
        /// Worker <paramref name="w"/>'s tallies with them added to (day, slot), plus <see cref="RuleKind.CoverMaximum"/>
        /// when that puts the duty above its maximum; the roster is left as it was. The array is reused by the next call.
        /// </summary>
        public int[] With(int w, int day, int slot, out long softChange)
        {
            var count = ev.Count(day, slot);
            var softBefore = ev.Soft;
            ev.Begin();
            ev.Set(w, day, slot);
            ev.Commit();
            softChange = ev.Soft - softBefore;
            Tally(w, _after);
            ev.Undo();
            var daySlot = ev.P.DaySlot(day, slot);
            if (ev.P.CoverExcess(daySlot, count + 1) > ev.P.CoverExcess(daySlot, count))
            {
                _after[(int)RuleKind.CoverMaximum]++;
            }

            return _after;
        }

        private int[] Tally(int w, int[] byRule)
        {
            Array.Clear(byRule);
            var sink = new TallySink(byRule);
            WorkerScoring.Score(ev.P, w, ev.Assign, _shiftScratch, _weekScratch, ref sink, out _, out _, out _);
            return byRule;
        }
    }

    /// <summary>A read-only list worked out on first read (thread-safe; the same list ever after).</summary>
    private sealed class LazyReasons(Func<List<ShortfallReason>> compute) : IReadOnlyList<ShortfallReason>
    {
        private readonly Lazy<List<ShortfallReason>> _list = new(compute, LazyThreadSafetyMode.ExecutionAndPublication);

        public int Count => _list.Value.Count;

        public ShortfallReason this[int index] => _list.Value[index];

        public IEnumerator<ShortfallReason> GetEnumerator() => _list.Value.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static int RuleCount => Enum.GetValues<RuleKind>().Length;

    private static Demand DemandOf(CompiledProblem p, int slot) => p.Source.Demands[p.SlotDemand[slot]];

    private static Demand DemandOn(CompiledProblem p, int day, int slot) => p.Source.Demands[p.DemandIndex[p.DaySlot(day, slot)]];

    private readonly struct TallySink(int[] byRule) : IScoreSink
    {
        public bool Enabled => true;

        public void Add(RuleKind rule, int worker, int day, int slot, int hard, long soft) => byRule[(int)rule] += hard;

        public void AddOfShift(RuleKind rule, int worker, int shift, int hard) => byRule[(int)rule] += hard;
    }
}
