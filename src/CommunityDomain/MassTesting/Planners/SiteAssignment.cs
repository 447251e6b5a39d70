namespace CommunityDomain.MassTesting.Planners;

/// <summary>Assigns call groups to sites: nearest first, keeping each site's work near its share of the bound.</summary>
internal static class SiteAssignment
{
    public static List<CallGroup>[] Assign(SiteSpec[] sites, List<CallGroup> groups)
    {
        var result = new List<CallGroup>[sites.Length];
        for (var s = 0; s < sites.Length; s++)
        {
            result[s] = [];
        }

        if (sites.Length == 1)
        {
            // One site calls in the same order as several do (slowest first): in building order a slow resident could
            // land behind everyone else and finish last (a small compound finished 14% above its bound that way).
            result[0].AddRange(groups);
            result[0].Sort(CallGroup.CompareCallOrder);
            return result;
        }

        var load = new long[sites.Length];
        var placed = PlaceByRegret(sites, groups, Shares(sites, groups), load);
        Rebalance(sites, groups, placed, load);
        foreach (var (site, index) in placed)
        {
            result[site].Add(groups[index]);
        }

        // Each site calls its slowest groups first (elders need not wait for the end), so the last people served are quick ones.
        foreach (var list in result)
        {
            list.Sort(CallGroup.CompareCallOrder);
        }

        return result;
    }

    // Each site's share: the work its stations do by the water level of the whole compound.
    private static double[] Shares(SiteSpec[] sites, List<CallGroup> groups)
    {
        var level = WaveLowerBound.WaterLevel(sites, groups.Sum(g => g.Work));
        return [.. sites.Select(s => (double)s.Stations * Math.Max(0, level - s.WalkDown.BclCompatibleTicks))];
    }

    // Groups with most to lose from a far site go first (regret = second-nearest minus nearest distance), each to the nearest
    // site with room left in its share, or else to the site that would finish earliest with it; `load` gets each site's work.
    private static (int Site, int Index)[] PlaceByRegret(SiteSpec[] sites, List<CallGroup> groups, double[] share, long[] load)
    {
        var order = groups
            .Select((g, i) => (Group: g, Index: i, Distances: sites.Select(s => s.Position.DistanceTo(g.Building.Position)).ToArray()))
            .Select(x => (x.Group, x.Index, x.Distances, Regret: Regret(x.Distances)))
            .OrderByDescending(x => x.Regret).ThenByDescending(x => x.Group.Work).ThenBy(x => x.Index)
            .ToList();
        var placed = new (int Site, int Index)[groups.Count];
        var n = 0;
        foreach (var (group, index, distances, _) in order)
        {
            var choice = NearestWithRoom(sites, distances, share, load, group.Work);
            choice = choice >= 0 ? choice : EarliestFinish(sites, load, group.Work);
            load[choice] += group.Work;
            placed[n++] = (choice, index);
        }

        return placed;
    }

    // The nearest site (lowest index on a tie) whose load stays within its share with this work; -1 when none does.
    private static int NearestWithRoom(SiteSpec[] sites, double[] distances, double[] share, long[] load, long work)
    {
        foreach (var s in Enumerable.Range(0, sites.Length).OrderBy(s => distances[s]).ThenBy(s => s))
        {
            if (load[s] + work <= share[s])
            {
                return s;
            }
        }

        return -1;
    }

    // No site has room left in its share: the one that would finish earliest with this work (the first on a tie).
    private static int EarliestFinish(SiteSpec[] sites, long[] load, long work)
    {
        var choice = -1;
        var best = double.MaxValue;
        for (var s = 0; s < sites.Length; s++)
        {
            var finish = sites[s].WalkDown.BclCompatibleTicks + ((double)(load[s] + work) / sites[s].Stations);
            if (finish < best)
            {
                best = finish;
                choice = s;
            }
        }

        return choice;
    }

    // Moves groups off the site expected to finish last while that lowers the later of the two sites' estimates.
    private static void Rebalance(SiteSpec[] sites, List<CallGroup> groups, (int Site, int Index)[] placed, long[] load)
    {
        double Estimate(int s, long work) => sites[s].WalkDown.BclCompatibleTicks + ((double)work / sites[s].Stations);
        for (var round = 0; round < 4 * placed.Length; round++)
        {
            var worst = 0;
            for (var s = 1; s < sites.Length; s++)
            {
                worst = Estimate(s, load[s]) > Estimate(worst, load[worst]) ? s : worst;
            }

            var current = Estimate(worst, load[worst]);
            int bestMove = -1, bestTarget = -1;
            var bestValue = current;
            for (var m = 0; m < placed.Length; m++)
            {
                if (placed[m].Site != worst)
                {
                    continue;
                }

                var work = groups[placed[m].Index].Work;
                for (var t = 0; t < sites.Length; t++)
                {
                    if (t == worst)
                    {
                        continue;
                    }

                    var value = Math.Max(Estimate(worst, load[worst] - work), Estimate(t, load[t] + work));
                    if (value < bestValue - 1e-9)
                    {
                        bestValue = value;
                        bestMove = m;
                        bestTarget = t;
                    }
                }
            }

            if (bestMove < 0)
            {
                return;
            }

            var moved = groups[placed[bestMove].Index].Work;
            load[worst] -= moved;
            load[bestTarget] += moved;
            placed[bestMove] = (bestTarget, placed[bestMove].Index);
        }
    }

    private static double Regret(double[] distances)
    {
        double first = double.MaxValue, second = double.MaxValue;
        foreach (var d in distances)
        {
            if (d < first)
            {
                second = first;
                first = d;
            }
            else if (d < second)
            {
                second = d;
            }
        }

        return second - first;
    }
}
