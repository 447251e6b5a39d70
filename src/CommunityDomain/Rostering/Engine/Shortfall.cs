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
        new Tallies(ev).Reasons(day, slot, demand);

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
                    result.Add(new UncoveredDuty(demand, count, missing, new LazyReasons(() => tallies.Value.ReasonsLocked(d, s, demand))));
                }
            }
        }

        return result;
    }

    /// <summary>The per-worker rule tallies of one roster, each worker's "before" counted once.</summary>
    private sealed class Tallies(RosterEvaluator ev)
    {
        private readonly Lock _gate = new();
        private readonly int[]?[] _before = new int[ev.P.WorkerCount][];
        private readonly int[] _after = new int[RuleCount];
        private readonly int[] _shiftScratch = new int[Math.Max(1, ev.P.ShiftCount)];
        private readonly int[] _weekScratch = new int[Math.Max(1, ev.P.WeekCount)];
        private readonly int[] _byId = [.. Enumerable.Range(0, ev.P.WorkerCount).OrderBy(w => ev.P.Source.Workers[w].Id.Value)];

        public List<ShortfallReason> ReasonsLocked(int day, int slot, Demand demand)
        {
            lock (_gate)
            {
                return Reasons(day, slot, demand);
            }
        }

        public List<ShortfallReason> Reasons(int day, int slot, Demand demand)
        {
            var p = ev.P;
            var src = p.Source;
            var reasons = new List<ShortfallReason>();
            var daySlot = p.DaySlot(day, slot);
            var count = ev.Count(day, slot);
            var date = src.Horizon.Start.PlusDays(day);
            foreach (var w in _byId)
            {
                var current = ev.Assign[p.WorkerDay(w, day)];
                if (current == slot)
                {
                    continue;
                }

                if (current >= 0)
                {
                    var d = DemandOf(p, current);
                    reasons.Add(new ShortfallReason(src.Workers[w].Id, new RosterAssignment(src.Workers[w].Id, date, d.Post, d.ShiftCode, d.Qualification), [], 0));
                    continue;
                }

                var before = _before[w] ??= Tally(w, new int[RuleCount]);
                var softBefore = ev.Soft;
                ev.Begin();
                ev.Set(w, day, slot);
                ev.Commit();
                var softChange = ev.Soft - softBefore;
                Tally(w, _after);
                ev.Undo();
                if (p.CoverExcess(daySlot, count + 1) > p.CoverExcess(daySlot, count))
                {
                    _after[(int)RuleKind.CoverMaximum]++;
                }

                var broken = new List<RuleKind>();
                for (var k = 0; k < RuleCount; k++)
                {
                    if (_after[k] > before[k])
                    {
                        broken.Add((RuleKind)k);
                    }
                }

                reasons.Add(new ShortfallReason(src.Workers[w].Id, null, broken, softChange));
            }

            return reasons;
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
    }
}
