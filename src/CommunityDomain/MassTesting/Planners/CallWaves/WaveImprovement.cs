namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// Improves an assignment of call groups to sites by replaying it: moves a group off the site that finishes last,
/// or swaps it with a quicker group of another site, while the replayed finish of the sites involved falls below the
/// last site's finish. Each site keeps calling in <see cref="CallGroup.CompareCallOrder"/>.
/// </summary>
/// <remarks>
/// Every accepted change lowers the sorted vector of site finishes lexicographically, so the search cannot cycle; it
/// stops at the bound, when no change helps, or when its replay budget (person-station steps) is spent.
/// </remarks>
internal static class WaveImprovement
{
    public static void Improve(SiteSpec[] sites, List<CallGroup>[] assigned, long bound, SiteQueue queue, long budget, CancellationToken cancellationToken)
    {
        if (sites.Length < 2)
        {
            return;
        }

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
                            if (other.Work >= group.Work || LowerFinish(sites[t], work[t] + group.Work - other.Work) >= bestValue)
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
                return;
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

    private static long Cost(SiteSpec site, long people) => (people * (site.Stations + 4)) + 16;

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
