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
            result[0].AddRange(groups);
            return result;
        }

        // Each site's share: the work its stations do by the water level of the whole compound.
        var total = groups.Sum(g => g.Work);
        var level = WaveLowerBound.WaterLevel(sites, total);
        var share = sites.Select(s => (double)s.Stations * Math.Max(0, level - s.WalkDown.BclCompatibleTicks)).ToArray();
        var load = new long[sites.Length];

        // Groups with most to lose from a far site go first: regret = second-nearest minus nearest distance.
        var order = groups
            .Select((g, i) => (Group: g, Index: i, Distances: sites.Select(s => s.Position.DistanceTo(g.Building.Position)).ToArray()))
            .Select(x => (x.Group, x.Index, x.Distances, Regret: Regret(x.Distances)))
            .OrderByDescending(x => x.Regret).ThenByDescending(x => x.Group.Work).ThenBy(x => x.Index)
            .ToList();
        var placed = new (int Site, int Index)[groups.Count];
        var n = 0;
        foreach (var (group, index, distances, _) in order)
        {
            var choice = -1;
            foreach (var s in Enumerable.Range(0, sites.Length).OrderBy(s => distances[s]).ThenBy(s => s))
            {
                if (load[s] + group.Work <= share[s])
                {
                    choice = s;
                    break;
                }
            }

            if (choice < 0)
            {
                // No site has room left in its share: take the one that would finish earliest with it.
                var best = double.MaxValue;
                for (var s = 0; s < sites.Length; s++)
                {
                    var finish = sites[s].WalkDown.BclCompatibleTicks + ((double)(load[s] + group.Work) / sites[s].Stations);
                    if (finish < best)
                    {
                        best = finish;
                        choice = s;
                    }
                }
            }

            load[choice] += group.Work;
            placed[n++] = (choice, index);
        }

        // Each site calls its groups in building order.
        foreach (var (site, index) in placed.OrderBy(p => p.Index))
        {
            result[site].Add(groups[index]);
        }

        return result;
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
