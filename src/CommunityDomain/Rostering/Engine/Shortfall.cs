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
    public static List<ShortfallReason> Reasons(RosterEvaluator ev, int day, int slot, Demand demand)
    {
        var p = ev.P;
        var src = p.Source;
        var reasons = new List<ShortfallReason>();
        var before = new int[RuleCount];
        var after = new int[RuleCount];
        var shiftScratch = new int[Math.Max(1, p.ShiftCount)];
        var weekScratch = new int[Math.Max(1, p.WeekCount)];
        var daySlot = (day * p.SlotCount) + slot;
        var count = ev.Count(day, slot);
        var date = src.Horizon.Start.PlusDays(day);
        foreach (var w in Enumerable.Range(0, p.WorkerCount).OrderBy(w => src.Workers[w].Id.Value))
        {
            var current = ev.Assign[(w * p.Days) + day];
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

            Tally(p, w, ev.Assign, shiftScratch, weekScratch, before);
            var softBefore = ev.Soft;
            ev.Begin();
            ev.Set(w, day, slot);
            ev.Commit();
            var softChange = ev.Soft - softBefore;
            Tally(p, w, ev.Assign, shiftScratch, weekScratch, after);
            ev.Undo();
            if (p.CoverExcess(daySlot, count + 1) > p.CoverExcess(daySlot, count))
            {
                after[(int)RuleKind.CoverMaximum]++;
            }

            var broken = new List<RuleKind>();
            for (var k = 0; k < RuleCount; k++)
            {
                if (after[k] > before[k])
                {
                    broken.Add((RuleKind)k);
                }
            }

            reasons.Add(new ShortfallReason(src.Workers[w].Id, null, broken, softChange));
        }

        return reasons;
    }

    /// <summary>The demands a roster leaves below their minimum, with reasons; in date, then slot order.</summary>
    public static List<UncoveredDuty> Uncovered(CompiledProblem p, int[] assign)
    {
        var ev = new RosterEvaluator(p, assign);
        var result = new List<UncoveredDuty>();
        for (var day = 0; day < p.Days; day++)
        {
            for (var slot = 0; slot < p.SlotCount; slot++)
            {
                var count = ev.Count(day, slot);
                var missing = p.CoverMissing((day * p.SlotCount) + slot, count);
                if (missing > 0)
                {
                    var demand = DemandOn(p, day, slot);
                    result.Add(new UncoveredDuty(demand, count, missing, Reasons(ev, day, slot, demand)));
                }
            }
        }

        return result;
    }

    private static int RuleCount => Enum.GetValues<RuleKind>().Length;

    private static Demand DemandOf(CompiledProblem p, int slot) => p.Source.Demands[p.SlotDemand[slot]];

    private static Demand DemandOn(CompiledProblem p, int day, int slot) => p.Source.Demands[p.DemandIndex[(day * p.SlotCount) + slot]];

    private static void Tally(CompiledProblem p, int w, int[] assign, int[] shiftScratch, int[] weekScratch, int[] byRule)
    {
        Array.Clear(byRule);
        var sink = new TallySink(byRule);
        WorkerScoring.Score(p, w, assign, shiftScratch, weekScratch, ref sink, out _, out _, out _);
    }

    private readonly struct TallySink(int[] byRule) : IScoreSink
    {
        public bool Enabled => true;

        public void Add(RuleKind rule, int worker, int day, int slot, int hard, long soft) => byRule[(int)rule] += hard;
    }
}
