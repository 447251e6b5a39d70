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

    public static void Improve(SiteSpec[] sites, List<CallGroup>[] assigned, long bound, SiteQueue queue, long budget, ServiceTimes times, CancellationToken cancellationToken)
    {
        if (sites.Length < 2)
        {
            return;
        }

        // A split can make the latest finish worse before a move makes it better: keep the best assignment seen.
        List<CallGroup>[] best = [.. assigned.Select(a => a.ToList())];
        var bestFinish = long.MaxValue;
        Search(sites, assigned, bound, queue, budget, times, Keep, cancellationToken);
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

    private static void Search(SiteSpec[] sites, List<CallGroup>[] assigned, long bound, SiteQueue queue, long budget, ServiceTimes times,
        Action<long> keep, CancellationToken cancellationToken)
    {
        var splits = 0;
        var finish = new long[sites.Length];
        var people = new long[sites.Length];
        var work = new long[sites.Length];
        long spent = 0;
        for (var s = 0; s < sites.Length; s++)
        {
            finish[s] = queue.Run(sites[s], assigned[s]);
            people[s] = assigned[s].Sum(g => (long)g.People);
            work[s] = assigned[s].Sum(g => g.Work);
            spent += Cost(sites[s], people[s]);
        }

        var without = new List<CallGroup>();
        var with = new List<CallGroup>();
        while (spent < budget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var w = 0;
            for (var s = 1; s < sites.Length; s++)
            {
                w = finish[s] > finish[w] ? s : w;
            }

            var current = finish[w];
            keep(current);
            if (current <= bound)
            {
                return;
            }

            // The best single move, then (if none helps) the best swap; value = the later of the two sites' new finishes.
            long bestValue = current, bestW = 0, bestT = 0;
            int bestG = -1, bestTarget = -1, bestH = -1;
            for (var g = 0; g < assigned[w].Count && spent < budget; g++)
            {
                var group = assigned[w][g];
                Without(assigned[w], g, without);
                var fw = queue.Run(sites[w], without);
                spent += Cost(sites[w], people[w]);
                if (fw >= bestValue)
                {
                    continue;
                }

                for (var t = 0; t < sites.Length && spent < budget; t++)
                {
                    // Skip targets that cannot finish in time even with perfect packing.
                    if (t == w || LowerFinish(sites[t], work[t] + group.Work) >= bestValue)
                    {
                        continue;
                    }

                    With(assigned[t], group, -1, with);
                    var ft = queue.Run(sites[t], with);
                    spent += Cost(sites[t], people[t] + group.People);
                    var value = Math.Max(fw, ft);
                    if (value < bestValue)
                    {
                        (bestValue, bestW, bestT, bestG, bestTarget, bestH) = (value, fw, ft, g, t, -1);
                    }
                }
            }

            if (bestG < 0)
            {
                for (var g = 0; g < assigned[w].Count && spent < budget && bestG < 0; g++)
                {
                    var group = assigned[w][g];
                    for (var t = 0; t < sites.Length && spent < budget; t++)
                    {
                        if (t == w)
                        {
                            continue;
                        }

                        for (var h = 0; h < assigned[t].Count && spent < budget; h++)
                        {
                            var other = assigned[t][h];
                            // A heavier group may come back too: an elder's household is quicker to serve at a site without
                            // walk-down even when what it swaps with is more work (issue 15's nine-household case).
                            if (LowerFinish(sites[t], work[t] + group.Work - other.Work) >= bestValue
                                || LowerFinish(sites[w], work[w] - group.Work + other.Work) >= bestValue)
                            {
                                continue;
                            }

                            With(assigned[w], other, g, without);
                            var fw = queue.Run(sites[w], without);
                            spent += Cost(sites[w], people[w]);
                            if (fw >= bestValue)
                            {
                                continue;
                            }

                            With(assigned[t], group, h, with);
                            var ft = queue.Run(sites[t], with);
                            spent += Cost(sites[t], people[t]);
                            var value = Math.Max(fw, ft);
                            if (value < bestValue)
                            {
                                (bestValue, bestW, bestT, bestG, bestTarget, bestH) = (value, fw, ft, g, t, h);
                            }
                        }
                    }
                }
            }

            if (bestG < 0)
            {
                // Stuck: split the latest site's largest call that can be split, so part of it can move.
                var split = -1;
                for (var g = 0; g < assigned[w].Count && splits < MaxSplits; g++)
                {
                    if (assigned[w][g].Households.Length > 1 && (split < 0 || assigned[w][g].Work > assigned[w][split].Work))
                    {
                        split = g;
                    }
                }

                if (split < 0)
                {
                    return;
                }

                splits++;
                var parts = assigned[w][split].Split(times);
                Without(assigned[w], split, without);
                foreach (var part in parts)
                {
                    With(without, part, -1, with);
                    (without, with) = (with, without);
                }

                assigned[w] = [.. without];
                finish[w] = queue.Run(sites[w], assigned[w]);
                spent += Cost(sites[w], people[w]);
                continue;
            }

            var moved = assigned[w][bestG];
            if (bestH < 0)
            {
                Without(assigned[w], bestG, without);
                assigned[w] = [.. without];
                With(assigned[bestTarget], moved, -1, with);
                assigned[bestTarget] = [.. with];
                people[w] -= moved.People;
                people[bestTarget] += moved.People;
                work[w] -= moved.Work;
                work[bestTarget] += moved.Work;
            }
            else
            {
                var back = assigned[bestTarget][bestH];
                With(assigned[w], back, bestG, without);
                assigned[w] = [.. without];
                With(assigned[bestTarget], moved, bestH, with);
                assigned[bestTarget] = [.. with];
                people[w] += back.People - moved.People;
                people[bestTarget] += moved.People - back.People;
                work[w] += back.Work - moved.Work;
                work[bestTarget] += moved.Work - back.Work;
            }

            finish[w] = bestW;
            finish[bestTarget] = bestT;
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
    private static void With(List<CallGroup> groups, CallGroup extra, int replace, List<CallGroup> into)
    {
        into.Clear();
        var placed = false;
        for (var i = 0; i < groups.Count; i++)
        {
            if (i == replace)
            {
                continue;
            }

            if (!placed && CallGroup.CompareCallOrder(extra, groups[i]) < 0)
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
