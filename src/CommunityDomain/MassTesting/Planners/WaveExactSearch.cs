namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// The exact plan of a tiny compound (at most <see cref="MaxHouseholds"/> households): every household its own call,
/// every assignment of households to sites and every calling order at each site.
/// </summary>
/// <remarks>
/// Why this is exhaustive under the queue model: a call of several households can be replaced by one call per
/// household at the same moment (the queue holds the same people at every instant), so one-household calls lose
/// nothing; for a fixed order each call lands best at the earliest moment the queue has room (<see cref="SiteQueue.Run"/>);
/// and sites do not interact, so each site's best order over each subset of households is found alone
/// (all permutations) and a subset dynamic programme (3^n per site) splits the households between sites.
/// </remarks>
internal static class WaveExactSearch
{
    /// <summary>The most households searched exactly.</summary>
    public const int MaxHouseholds = 6;

    // Person-service steps the search may simulate (about 50 ms on a slow core); larger tiny problems use the heuristic.
    private const long MaxSteps = 20_000_000;

    /// <summary>Finds the best plan, or returns false when the problem is not tiny.</summary>
    /// <returns>True with each site's calls (in order) and the optimal finish in ticks from the start.</returns>
    public static bool TryPlan(SiteSpec[] sites, IReadOnlyList<BuildingLoad> buildings, ServiceTimes times, SiteQueue queue,
        CancellationToken cancellationToken, out List<CallGroup>[] assigned, out long optimum)
    {
        assigned = [];
        optimum = 0;
        var groups = OneCallPerHousehold(buildings, times, out var people);
        if (groups is null || groups.Count == 0 || TooCostly(sites, groups.Count, people))
        {
            return false;
        }

        var (best, order) = BestOrders(sites, groups, queue, cancellationToken);
        var (f, choice) = SplitBetweenSites(best, groups.Count);
        optimum = f[^1][^1];
        assigned = Assemble(sites.Length, groups, order, choice);
        return true;
    }

    // Every household its own call, in building, unit and household id order; null above MaxHouseholds.
    private static List<CallGroup>? OneCallPerHousehold(IReadOnlyList<BuildingLoad> buildings, ServiceTimes times, out long people)
    {
        var groups = new List<CallGroup>();
        people = 0;
        foreach (var building in buildings.OrderBy(b => b.BuildingId))
        {
            foreach (var unit in building.Units.OrderBy(u => u.UnitId))
            {
                foreach (var h in unit.Households.OrderBy(h => h.HouseholdId))
                {
                    if (groups.Count == MaxHouseholds)
                    {
                        return null;
                    }

                    groups.Add(CallGroup.Of(building, unit, [h], times));
                    people += h.People;
                }
            }
        }

        return groups;
    }

    // Permutations of every subset: sum over k of C(n, k) k!; each simulation starts `people` persons at up to `stations` stations.
    private static bool TooCostly(SiteSpec[] sites, int n, long people)
    {
        long permutations = 0, falling = 1;
        for (var k = 1; k <= n; k++)
        {
            falling *= n - k + 1;
            permutations += falling;
        }

        long stations = 0;
        foreach (var site in sites)
        {
            stations += site.Stations;
        }

        return permutations * people * (stations + sites.Length) > MaxSteps;
    }

    // For every site and every subset (mask) of households: the best finish over all calling orders, and that order.
    private static (long[][] Best, int[][][] Order) BestOrders(SiteSpec[] sites, List<CallGroup> groups, SiteQueue queue, CancellationToken cancellationToken)
    {
        var n = groups.Count;
        var full = (1 << n) - 1;
        var best = new long[sites.Length][];
        var order = new int[sites.Length][][];
        var sequence = new List<CallGroup>(n);
        var indices = new int[n];
        for (var s = 0; s < sites.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            best[s] = new long[full + 1];
            order[s] = new int[full + 1][];
            order[s][0] = [];
            for (var mask = 1; mask <= full; mask++)
            {
                var k = 0;
                for (var i = 0; i < n; i++)
                {
                    if ((mask & (1 << i)) != 0)
                    {
                        indices[k++] = i;
                    }
                }

                (best[s][mask], order[s][mask]) = BestOrder(sites[s], groups, indices[..k], sequence, queue);
            }
        }

        return (best, order);
    }

    // Every permutation of one subset replayed at one site; the first strictly best is kept.
    private static (long Finish, int[] Order) BestOrder(SiteSpec site, List<CallGroup> groups, int[] permutation, List<CallGroup> sequence, SiteQueue queue)
    {
        var best = long.MaxValue;
        int[] order = [];
        do
        {
            sequence.Clear();
            foreach (var i in permutation)
            {
                sequence.Add(groups[i]);
            }

            var finish = queue.Run(site, sequence);
            if (finish < best)
            {
                best = finish;
                order = [.. permutation];
            }
        }
        while (NextPermutation(permutation));
        return (best, order);
    }

    // f[s][mask]: the best finish of sites 0..s serving exactly mask; choice[s][mask]: the part site s serves.
    private static (long[][] F, int[][] Choice) SplitBetweenSites(long[][] best, int n)
    {
        var full = (1 << n) - 1;
        var f = new long[best.Length][];
        var choice = new int[best.Length][];
        for (var s = 0; s < best.Length; s++)
        {
            f[s] = new long[full + 1];
            choice[s] = new int[full + 1];
            for (var mask = 0; mask <= full; mask++)
            {
                if (s == 0)
                {
                    f[s][mask] = best[0][mask];
                    choice[s][mask] = mask;
                    continue;
                }

                (f[s][mask], choice[s][mask]) = BestPart(f[s - 1], best[s], mask);
            }
        }

        return (f, choice);
    }

    // Submasks from the largest down; the first strictly better one is kept, so the choice is deterministic.
    private static (long Value, int Part) BestPart(long[] before, long[] here, int mask)
    {
        var value = long.MaxValue;
        var part = 0;
        for (var sub = mask; ; sub = (sub - 1) & mask)
        {
            var candidate = Math.Max(before[mask ^ sub], here[sub]);
            if (candidate < value)
            {
                value = candidate;
                part = sub;
            }

            if (sub == 0)
            {
                return (value, part);
            }
        }
    }

    // Walks the choices back from the last site: each site's part, in its best order.
    private static List<CallGroup>[] Assemble(int siteCount, List<CallGroup> groups, int[][][] order, int[][] choice)
    {
        var assigned = new List<CallGroup>[siteCount];
        var left = (1 << groups.Count) - 1;
        for (var s = siteCount - 1; s >= 0; s--)
        {
            var part = choice[s][left];
            assigned[s] = [.. order[s][part].Select(i => groups[i])];
            left ^= part;
        }

        return assigned;
    }

    // Lexicographic next permutation in place; false after the last one.
    private static bool NextPermutation(int[] a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        var j = a.Length - 1;
        while (a[j] <= a[i])
        {
            j--;
        }

        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }
}
