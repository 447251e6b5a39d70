namespace CommunityDomain.Rostering.Engine;

/// <summary>Builds a first roster: scarcest demands first, each filled with the cheapest eligible free worker.</summary>
internal static class Construction
{
    /// <summary>
    /// Greedy by scarcity; every placement is priced by the evaluator (cover, wishes, all rules). A demand is
    /// filled while a placement lowers the cost leaving fairness aside, and among those the worker with the
    /// lowest whole cost (fairness included) is taken: the first duty of a group always widens the spread of
    /// hours, so judged with fairness an empty roster would look best and the search could not leave it.
    /// </summary>
    public static void Greedy(RosterEvaluator ev)
    {
        var p = ev.P;
        var order = new List<(double Scarcity, int Day, int Slot)>();
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                var req = p.Required[(d * p.SlotCount) + s];
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
        foreach (var (_, d, s) in order)
        {
            var need = p.Required[(d * p.SlotCount) + s] - ev.Count(d, s);
            while (need-- > 0)
            {
                var best = -1;
                var bestDelta = long.MaxValue;
                for (var w = 0; w < p.WorkerCount; w++)
                {
                    if (ev.Assign[(w * p.Days) + d] >= 0 || !p.Allowed[p.ChoiceIndex(w, d, s + 1)])
                    {
                        continue;
                    }

                    var fairness = ev.Fairness;
                    ev.Begin();
                    ev.Set(w, d, s);
                    var delta = ev.Commit();
                    var withoutFairness = delta - (ev.Fairness - fairness);
                    ev.Undo();
                    if (withoutFairness < 0 && delta < bestDelta)
                    {
                        bestDelta = delta;
                        best = w;
                    }
                }

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
    }

    /// <summary>The naive baseline: demands in date order, each filled with the first eligible free workers, unpriced.</summary>
    public static void Naive(RosterEvaluator ev)
    {
        var p = ev.P;
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                var need = p.Required[(d * p.SlotCount) + s] - ev.Count(d, s);
                for (var w = 0; w < p.WorkerCount && need > 0; w++)
                {
                    if (ev.Assign[(w * p.Days) + d] < 0 && p.Allowed[p.ChoiceIndex(w, d, s + 1)])
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
