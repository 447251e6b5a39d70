using System.Runtime.CompilerServices;
using CommunityDomain.Rostering.Engine.Search;

namespace CommunityDomain.Rostering.Engine;

/// <summary>Builds a first roster: demands with a hard minimum first, scarcest first within each group, each filled with the cheapest eligible free worker.</summary>
internal static class Construction
{
    /// <summary>
    /// Acceptable workers (a placement that lowers the cost leaving fairness aside) priced per placement before
    /// the cheapest is taken; the scan starts one worker further each placement, so duties spread. Bounded so a
    /// district problem (hundreds of workers) costs O(duties x this) pricings instead of O(duties x workers);
    /// the search refines the start anyway. On 200 workers x 4,800 over-demanded duties it cut construction from
    /// 5.7 s to 1.7 s (one run each, load about 20; docs/rostering.md).
    /// </summary>
    public const int PricedCandidates = 24;

    /// <summary>
    /// Greedy by scarcity, demands with a hard minimum first (<see cref="ScarcityOrder"/>); every placement is priced by
    /// the evaluator (cover, wishes, all rules). A demand is
    /// filled while a placement lowers the cost leaving fairness aside, and among the first
    /// <see cref="PricedCandidates"/> such workers the one with the lowest whole cost (fairness included) is
    /// taken: the first duty of a group always widens the spread of hours, so judged with fairness an empty
    /// roster would look best and the search could not leave it.
    /// A placement that would overlap the worker's duty on a neighbouring date is never made.
    /// Two passes over the demands: the first takes only duties that break no rule besides the worker's minimum total
    /// (<see cref="OtherRulesBroken"/>), the second fills what is left as before. Each hour short of a minimum total is a
    /// hard unit, so an 8-hour duty for a worker short of it "pays" for up to 8 other broken rules, and a one-pass
    /// construction spent that freely (Instance23: 18,131 hard after it). Measured in docs/rostering.md (session 12):
    /// better on long horizons and the 600 x 28 problem, level on 1-10, 2 % worse on Instance12.
    /// </summary>
    /// <param name="ev">The roster to fill.</param>
    /// <param name="stop">Checked before each demand; when true the construction stops and leaves the remaining
    /// demands as they are (a time limit or cancellation: the search and the answer must still fit). Without a
    /// time limit it never stops early, so the construction stays deterministic.</param>
    /// <param name="index">The workers each date-slot allows (the search's own; built here when null). Candidates are
    /// scanned from these lists, not over every worker: community-600 allows 13 % of its worker-date-slots, and the
    /// scan over all 600 workers was more than half of the construction's time (perf, docs/rostering.md).</param>
    public static void Greedy(RosterEvaluator ev, Func<bool>? stop = null, SearchIndex? index = null)
    {
        var rotation = -1;
        index ??= new SearchIndex(ev.P);
        var order = ScarcityOrder(ev.P, index);
        foreach (var clean in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var (_, _, d, s) in order)
            {
                if (stop?.Invoke() == true)
                {
                    return;
                }

                Fill(ev, index, d, s, clean, ref rotation);
            }
        }
    }

    /// <summary>
    /// The day-slots with a requirement: those with a hard minimum first (a person missing there is a hard unit, elsewhere
    /// soft points), each group scarcest first: allowed workers per required person, then day, then slot.
    /// </summary>
    private static List<(bool Soft, double Scarcity, int Day, int Slot)> ScarcityOrder(CompiledProblem p, SearchIndex index)
    {
        var order = new List<(bool Soft, double Scarcity, int Day, int Slot)>();
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                var req = p.Required[p.DaySlot(d, s)];
                if (req <= 0)
                {
                    continue;
                }

                order.Add((p.Minimum[p.DaySlot(d, s)] <= 0, (double)index.EligibleCount(p.DaySlot(d, s)) / req, d, s));
            }
        }

        order.Sort();
        return order;
    }

    /// <summary>
    /// Adds the best candidate to the day-slot until it is covered or nobody improves the score (the rotation moves on per
    /// person); with <paramref name="clean"/> only candidates whose duty breaks no other rule.
    /// </summary>
    private static void Fill(RosterEvaluator ev, SearchIndex index, int d, int s, bool clean, ref int rotation)
    {
        var p = ev.P;
        var need = p.Required[p.DaySlot(d, s)] - ev.Count(d, s);
        while (need-- > 0)
        {
            rotation = p.WorkerCount == 0 ? 0 : (rotation + 1) % p.WorkerCount;
            var best = BestCandidate(ev, index.EligibleOn(p.DaySlot(d, s)), d, s, clean, rotation);
            if (best < 0)
            {
                break;
            }

            ev.Place(best, d, s);
        }
    }

    /// <summary>
    /// From <paramref name="rotation"/> on (cyclically, in worker order), the free worker of <paramref name="allowed"/> (the
    /// workers the date-slot allows, ascending) whose duty changes the score most for the better among the first
    /// <see cref="PricedCandidates"/> whose duty improves it without fairness (and, when <paramref name="clean"/>, breaks
    /// no rule besides the minimum total); -1 when none does.
    /// </summary>
    /// <remarks>Runs once per placement (thousands per plan): compiled fully optimised on first call (AggressiveOptimization),
    /// not run as tier-0 code in a process that plans once.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int BestCandidate(RosterEvaluator ev, ReadOnlySpan<int> allowed, int d, int s, bool clean, int rotation)
    {
        var p = ev.P;
        var best = -1;
        var bestDelta = ScoreChange.Worst;
        var acceptable = 0;
        var first = allowed.BinarySearch(rotation);
        first = first < 0 ? ~first : first;
        for (var i = 0; i < allowed.Length && acceptable < PricedCandidates; i++)
        {
            var w = allowed[(first + i) % allowed.Length];
            if (ev.Assign[p.WorkerDay(w, d)] >= 0 || p.OverlapsNeighbour(ev.Assign, w, d, s))
            {
                continue;
            }

            var fairness = ev.Fairness;
            ev.Begin();
            ev.Set(w, d, s);
            var delta = ev.Commit();
            var withoutFairness = delta with { Soft = delta.Soft - (ev.Fairness - fairness) };
            ev.Undo();
            if (withoutFairness.Improves && !(clean && OtherRulesBroken(ev, w, s, delta) > 0))
            {
                acceptable++;
                if (delta < bestDelta)
                {
                    bestDelta = delta;
                    best = w;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Of a free worker-date's duty in slot <paramref name="s"/> that changed the score by <paramref name="delta"/>, the
    /// hard units that are not the worker's hours short of their minimum total (which the duty lowers by its hours).
    /// </summary>
    private static int OtherRulesBroken(RosterEvaluator ev, int w, int s, ScoreChange delta)
    {
        var p = ev.P;
        var min = p.Rules[p.WorkerRules[w]].MinMinutes;
        var before = ev.WorkerMinutes(w);
        var after = before + p.ShiftMinutes[p.SlotShift[s]];
        return delta.Hard + HoursShort(min, before) - HoursShort(min, after);

        static int HoursShort(int min, int minutes) => minutes < min ? WorkerScoring.Hours(min - minutes) : 0;
    }

    /// <summary>The naive baseline: demands in date order, each filled with the first eligible free workers, unpriced.</summary>
    public static void Naive(RosterEvaluator ev)
    {
        var p = ev.P;
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                var need = p.Required[p.DaySlot(d, s)] - ev.Count(d, s);
                for (var w = 0; w < p.WorkerCount && need > 0; w++)
                {
                    if (ev.Assign[p.WorkerDay(w, d)] < 0 && p.Allowed[p.ChoiceIndex(w, d, s + 1)])
                    {
                        ev.Place(w, d, s);
                        need--;
                    }
                }
            }
        }
    }
}
