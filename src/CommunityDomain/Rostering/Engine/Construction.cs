namespace CommunityDomain.Rostering.Engine;

/// <summary>Builds a first roster: scarcest demands first, each filled with the cheapest eligible free worker.</summary>
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
    /// Greedy by scarcity; every placement is priced by the evaluator (cover, wishes, all rules). A demand is
    /// filled while a placement lowers the cost leaving fairness aside, and among the first
    /// <see cref="PricedCandidates"/> such workers the one with the lowest whole cost (fairness included) is
    /// taken: the first duty of a group always widens the spread of hours, so judged with fairness an empty
    /// roster would look best and the search could not leave it.
    /// A placement that would overlap the worker's duty on a neighbouring date is never made.
    /// </summary>
    /// <param name="ev">The roster to fill.</param>
    /// <param name="stop">Checked before each demand; when true the construction stops and leaves the remaining
    /// demands as they are (a time limit or cancellation: the search and the answer must still fit). Without a
    /// time limit it never stops early, so the construction stays deterministic.</param>
    public static void Greedy(RosterEvaluator ev, Func<bool>? stop = null)
    {
        var rotation = -1;
        foreach (var (_, d, s) in ScarcityOrder(ev.P))
        {
            if (stop?.Invoke() == true)
            {
                return;
            }

            Fill(ev, d, s, ref rotation);
        }
    }

    /// <summary>The day-slots with a requirement, scarcest first: allowed workers per required person, then day, then slot.</summary>
    private static List<(double Scarcity, int Day, int Slot)> ScarcityOrder(CompiledProblem p)
    {
        var order = new List<(double Scarcity, int Day, int Slot)>();
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                var req = p.Required[p.DaySlot(d, s)];
                if (req <= 0)
                {
                    continue;
                }

                var candidates = 0;
                for (var w = 0; w < p.WorkerCount; w++)
                {
                    if (p.Allowed[p.ChoiceIndex(w, d, s + 1)])
                    {
                        candidates++;
                    }
                }

                order.Add(((double)candidates / req, d, s));
            }
        }

        order.Sort();
        return order;
    }

    /// <summary>Adds the best candidate to the day-slot until it is covered or nobody improves the score (the rotation moves on per person).</summary>
    private static void Fill(RosterEvaluator ev, int d, int s, ref int rotation)
    {
        var p = ev.P;
        var need = p.Required[p.DaySlot(d, s)] - ev.Count(d, s);
        while (need-- > 0)
        {
            rotation = p.WorkerCount == 0 ? 0 : (rotation + 1) % p.WorkerCount;
            var best = BestCandidate(ev, d, s, rotation);
            if (best < 0)
            {
                break;
            }

            ev.Begin();
            ev.Set(best, d, s);
            ev.Commit();
            ev.Accept();
        }
    }

    /// <summary>
    /// From <paramref name="rotation"/> on, the free allowed worker whose duty changes the score most for the better among
    /// the first <see cref="PricedCandidates"/> whose duty improves it without fairness; -1 when none does.
    /// </summary>
    private static int BestCandidate(RosterEvaluator ev, int d, int s, int rotation)
    {
        var p = ev.P;
        var best = -1;
        var bestDelta = ScoreChange.Worst;
        var acceptable = 0;
        for (var i = 0; i < p.WorkerCount && acceptable < PricedCandidates; i++)
        {
            var w = (rotation + i) % p.WorkerCount;
            if (ev.Assign[p.WorkerDay(w, d)] >= 0 || !p.Allowed[p.ChoiceIndex(w, d, s + 1)] || p.OverlapsNeighbour(ev.Assign, w, d, s))
            {
                continue;
            }

            var fairness = ev.Fairness;
            ev.Begin();
            ev.Set(w, d, s);
            var delta = ev.Commit();
            var withoutFairness = delta with { Soft = delta.Soft - (ev.Fairness - fairness) };
            ev.Undo();
            if (withoutFairness.Improves)
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
                        ev.Begin();
                        ev.Set(w, d, s);
                        ev.Commit();
                        ev.Accept();
                        need--;
                    }
                }
            }
        }
    }
}
