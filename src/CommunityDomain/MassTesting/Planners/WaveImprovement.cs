namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// Improves an assignment of call groups to sites by replaying it: moves a group off the site that finishes last,
/// or swaps it with a quicker group of another site, while the replayed finish of the sites involved falls below the
/// last site's finish. Each site keeps calling in <see cref="CallGroup.CompareCallOrder"/>.
/// </summary>
/// <remarks>
/// Every accepted move or swap lowers the sorted vector of site finishes lexicographically, so the search cannot cycle
/// between splits; when no move or swap helps, the latest site's largest call is split (at most <see cref="MaxSplits"/>
/// times), since part of a call may move where the whole does not. It stops at the bound, when nothing helps, or when
/// its replay budget (person-station steps) is spent, and returns the best assignment it saw.
/// </remarks>
internal static class WaveImprovement
{
    /// <summary>Most calls split (each in two, or a building by unit) when no move or swap helps; a split opens moves of
    /// part of a call. Bounds the search's extra cost (each split adds a call to replay) and the calls a plan can gain.</summary>
    internal const int MaxSplits = 16;

    /// <summary>Improves <paramref name="assigned"/> in place; each site's calls stay in <paramref name="order"/>
    /// (<see cref="CallGroup.CompareCallOrder"/> when null), the order they are given in.</summary>
    public static void Improve(SiteSpec[] sites, List<CallGroup>[] assigned, long bound, SiteQueue queue, long budget, ServiceTimes times, CancellationToken cancellationToken,
        Comparison<CallGroup>? order = null)
    {
        if (sites.Length < 2)
        {
            return;
        }

        // A split can make the latest finish worse before a move makes it better: keep the best assignment seen.
        List<CallGroup>[] best = [.. assigned.Select(a => a.ToList())];
        var bestFinish = long.MaxValue;
        new Searcher(sites, assigned, queue, budget, times, order ?? CallGroup.CompareCallOrder).Run(bound, Keep, cancellationToken);
        if (assigned.Select((a, s) => queue.Run(sites[s], a)).Max() > bestFinish)
        {
            for (var s = 0; s < sites.Length; s++)
            {
                assigned[s] = best[s];
            }
        }

        void Keep(long finish)
        {
            if (finish < bestFinish)
            {
                bestFinish = finish;
                best = [.. assigned.Select(a => a.ToList())];
            }
        }
    }

    // A move (H < 0) or swap (H >= 0) of group G of the latest site with site Target: the later of the two new finishes
    // (Value) and each one. G < 0 for none.
    private readonly record struct Change(long Value, long FinishW, long FinishT, int G, int Target, int H);

    // The search's state: each site's calls, replayed finish, people and work, and the replay budget spent.
    private sealed class Searcher
    {
        private readonly SiteSpec[] _sites;
        private readonly List<CallGroup>[] _assigned;
        private readonly SiteQueue _queue;
        private readonly long _budget;
        private readonly ServiceTimes _times;
        private readonly Comparison<CallGroup> _order;
        private readonly long[] _finish;
        private readonly long[] _people;
        private readonly long[] _work;
        private List<CallGroup> _without = [];
        private List<CallGroup> _with = [];
        private long _spent;
        private int _splits;

        public Searcher(SiteSpec[] sites, List<CallGroup>[] assigned, SiteQueue queue, long budget, ServiceTimes times, Comparison<CallGroup> order)
        {
            (_sites, _assigned, _queue, _budget, _times, _order) = (sites, assigned, queue, budget, times, order);
            _finish = new long[sites.Length];
            _people = new long[sites.Length];
            _work = new long[sites.Length];
            for (var s = 0; s < sites.Length; s++)
            {
                _finish[s] = queue.Run(sites[s], assigned[s]);
                _people[s] = assigned[s].Sum(g => (long)g.People);
                _work[s] = assigned[s].Sum(g => g.Work);
                _spent += Cost(sites[s], _people[s]);
            }
        }

        // Until the bound, the budget, or nothing helps: the best move off the latest site, else the best swap, else a split.
        public void Run(long bound, Action<long> keep, CancellationToken cancellationToken)
        {
            while (_spent < _budget)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var w = Latest();
                var current = _finish[w];
                keep(current);
                if (current <= bound)
                {
                    return;
                }

                // The best single move, then (if none helps) the best swap; value = the later of the two sites' new finishes.
                var change = BestMove(w, current);
                if (change.G < 0)
                {
                    change = BestSwap(w, current);
                }

                if (change.G >= 0)
                {
                    Apply(w, change);
                }
                else if (!SplitLargest(w))
                {
                    return;
                }
            }
        }

        private int Latest()
        {
            var w = 0;
            for (var s = 1; s < _sites.Length; s++)
            {
                w = _finish[s] > _finish[w] ? s : w;
            }

            return w;
        }

        private Change BestMove(int w, long current)
        {
            var best = new Change(current, 0, 0, -1, -1, -1);
            for (var g = 0; g < _assigned[w].Count && _spent < _budget; g++)
            {
                var group = _assigned[w][g];
                Without(_assigned[w], g, _without);
                var fw = _queue.Run(_sites[w], _without);
                _spent += Cost(_sites[w], _people[w]);
                if (fw >= best.Value)
                {
                    continue;
                }

                for (var t = 0; t < _sites.Length && _spent < _budget; t++)
                {
                    // Skip targets that cannot finish in time even with perfect packing.
                    if (t == w || LowerFinish(_sites[t], _work[t] + group.Work) >= best.Value)
                    {
                        continue;
                    }

                    With(_assigned[t], group, -1, _with, _order);
                    var ft = _queue.Run(_sites[t], _with);
                    _spent += Cost(_sites[t], _people[t] + group.People);
                    var value = Math.Max(fw, ft);
                    if (value < best.Value)
                    {
                        best = new Change(value, fw, ft, g, t, -1);
                    }
                }
            }

            return best;
        }

        private Change BestSwap(int w, long current)
        {
            var best = new Change(current, 0, 0, -1, -1, -1);
            for (var g = 0; g < _assigned[w].Count && _spent < _budget && best.G < 0; g++)
            {
                for (var t = 0; t < _sites.Length && _spent < _budget; t++)
                {
                    for (var h = 0; t != w && h < _assigned[t].Count && _spent < _budget; h++)
                    {
                        best = SwapIfBetter(w, g, t, h, best);
                    }
                }
            }

            return best;
        }

        // Group g of the latest site w for group h of site t, when the later of the two new finishes beats `best`.
        private Change SwapIfBetter(int w, int g, int t, int h, Change best)
        {
            var group = _assigned[w][g];
            var other = _assigned[t][h];
            // A heavier group may come back too: an elder's household is quicker to serve at a site without
            // walk-down even when what it swaps with is more work (issue 15's nine-household case).
            if (LowerFinish(_sites[t], _work[t] + group.Work - other.Work) >= best.Value
                || LowerFinish(_sites[w], _work[w] - group.Work + other.Work) >= best.Value)
            {
                return best;
            }

            With(_assigned[w], other, g, _without, _order);
            var fw = _queue.Run(_sites[w], _without);
            _spent += Cost(_sites[w], _people[w]);
            if (fw >= best.Value)
            {
                return best;
            }

            With(_assigned[t], group, h, _with, _order);
            var ft = _queue.Run(_sites[t], _with);
            _spent += Cost(_sites[t], _people[t]);
            var value = Math.Max(fw, ft);
            return value < best.Value ? new Change(value, fw, ft, g, t, h) : best;
        }

        // Stuck: split the latest site's largest call that can be split, so part of it can move; false when none can.
        private bool SplitLargest(int w)
        {
            var split = -1;
            for (var g = 0; g < _assigned[w].Count && _splits < MaxSplits; g++)
            {
                if (_assigned[w][g].Households.Length > 1 && (split < 0 || _assigned[w][g].Work > _assigned[w][split].Work))
                {
                    split = g;
                }
            }

            if (split < 0)
            {
                return false;
            }

            _splits++;
            var parts = _assigned[w][split].Split(_times);
            Without(_assigned[w], split, _without);
            foreach (var part in parts)
            {
                With(_without, part, -1, _with, _order);
                (_without, _with) = (_with, _without);
            }

            _assigned[w] = [.. _without];
            _finish[w] = _queue.Run(_sites[w], _assigned[w]);
            _spent += Cost(_sites[w], _people[w]);
            return true;
        }

        private void Apply(int w, Change change)
        {
            var target = change.Target;
            var moved = _assigned[w][change.G];
            if (change.H < 0)
            {
                Without(_assigned[w], change.G, _without);
                _assigned[w] = [.. _without];
                With(_assigned[target], moved, -1, _with, _order);
                _assigned[target] = [.. _with];
                _people[w] -= moved.People;
                _people[target] += moved.People;
                _work[w] -= moved.Work;
                _work[target] += moved.Work;
            }
            else
            {
                var back = _assigned[target][change.H];
                With(_assigned[w], back, change.G, _without, _order);
                _assigned[w] = [.. _without];
                With(_assigned[target], moved, change.H, _with, _order);
                _assigned[target] = [.. _with];
                _people[w] += back.People - moved.People;
                _people[target] += moved.People - back.People;
                _work[w] += back.Work - moved.Work;
                _work[target] += moved.Work - back.Work;
            }

            _finish[w] = change.FinishW;
            _finish[target] = change.FinishT;
        }
    }

    // No order finishes a site's work earlier: its stations start after the walk-down and share the work perfectly.
    private static double LowerFinish(SiteSpec site, long work) => site.WalkDown.BclCompatibleTicks + ((double)work / site.Stations);

    /// <summary>The cost of replaying a site with this many people, in person-station steps (the search's budget unit).</summary>
    internal static long Cost(SiteSpec site, long people) => (people * (site.Stations + 4)) + 16;

    private static void Without(List<CallGroup> groups, int skip, List<CallGroup> into)
    {
        into.Clear();
        for (var i = 0; i < groups.Count; i++)
        {
            if (i != skip)
            {
                into.Add(groups[i]);
            }
        }
    }

    // The groups without index `replace` (or all, for -1), plus `extra` at its place in call order.
    private static void With(List<CallGroup> groups, CallGroup extra, int replace, List<CallGroup> into, Comparison<CallGroup> order)
    {
        into.Clear();
        var placed = false;
        for (var i = 0; i < groups.Count; i++)
        {
            if (i == replace)
            {
                continue;
            }

            if (!placed && order(extra, groups[i]) < 0)
            {
                into.Add(extra);
                placed = true;
            }

            into.Add(groups[i]);
        }

        if (!placed)
        {
            into.Add(extra);
        }
    }
}
