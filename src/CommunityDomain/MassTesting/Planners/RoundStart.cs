namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// The planner's fourth start (issue 15's many-station compounds): for a target finish T on the grid of the service times'
/// common divisor, each site's households are ordered by <see cref="RoundPacking"/> so that the site finishes by T. Two
/// assignments are tried: the plan's own (its households per site), and, with several sites, one that first sends to each
/// late site (a walk-down w serves only people whose service fits in T - w) the heaviest households it can finish by T, and
/// the rest to the sites of the shortest walk-down. Targets go down from just below the plan's finish to the bound; the first
/// one missed ends the start. The replay decides: an order is taken only when the whole plan, replayed, finishes strictly
/// earlier. The search's nodes are the improvement search's budget / <see cref="StepsPerNode"/>, at least <see cref="MinNodes"/>.
/// </summary>
internal static class RoundStart
{
    /// <summary>Person-station steps of the improvement budget per node of the round search.</summary>
    internal const int StepsPerNode = 8;

    /// <summary>
    /// Nodes the search gets whatever the compound's size: a few hundred milliseconds to about two seconds of CPU at the
    /// measured 0.3-2.2 microseconds a node (docs/testing-rounds.md, helper waves18). It is spent only on a compound still above
    /// its bound and not proven optimal, with a round grid of at most <see cref="RoundPacking.MaxRounds"/> rounds, so a
    /// compound already at its bound never pays it. A small compound's budget / <see cref="StepsPerNode"/> (compound 1 of
    /// the many-station set: about 11,000 nodes) is far below what an order without idle stations can take to find.
    /// </summary>
    internal const long MinNodes = 1_000_000;

    // Households beyond this skip the start: rounds of many stations hold them only when a site has thousands of stations.
    private const int MaxHouseholds = 2_000;

    private sealed record Home(BuildingLoad Building, UnitLoad Unit, HouseholdLoad Load);

    /// <summary>
    /// The start; <paramref name="floor"/> is a proven lower bound on any plan's finish (ticks from the start, 0 when none is
    /// proven): on one site, a target the exhaustive round search proves unreachable puts every finish at least a round later,
    /// since any plan's starts are no earlier than those of its calling order with everyone waiting from the walk-down, which
    /// lie on the site's grid (docs/testing-rounds.md, helper waves19b).
    /// </summary>
    public static (List<CallGroup>[] Assigned, long Reached) Try(WaveProblem problem, SiteSpec[] sites, SiteQueue queue, (long Target, long Budget) limits,
        (List<CallGroup>[] Assigned, long Reached) best, out long floor, CancellationToken cancellationToken)
    {
        var (target, budget) = limits;
        floor = 0;
        var divisor = RoundPacking.Divisor(problem.ServiceTimes);
        var homes = Homes(problem);
        var times = problem.ServiceTimes;
        var longest = Math.Max(times.Assisted.BclCompatibleTicks, Math.Max(times.Typed.BclCompatibleTicks, times.QrCode.BclCompatibleTicks));
        if (homes.Count > MaxHouseholds || homes.Count == 0 || longest / divisor > RoundPacking.MaxLength)
        {
            return best;
        }

        var nodes = Math.Max(budget / StepsPerNode, MinNodes);
        var index = homes.Select((h, i) => (h.Load.HouseholdId, i)).ToDictionary(x => x.HouseholdId, x => x.i);
        foreach (var t in Targets(sites, target, best.Reached, divisor))
        {
            if (t >= best.Reached)
            {
                continue;
            }

            // The plan's own assignment gets half the nodes left (all of them on one site), the late-first one the rest.
            var own = best.Assigned.Select(groups => groups.SelectMany(g => g.Households).Select(h => index[h.HouseholdId]).ToList()).ToArray();
            var share = sites.Length > 1 ? nodes / 2 : nodes;
            nodes -= share;
            var placed = Pack(problem, sites, queue, homes, own, t, ref share, out var none, cancellationToken);
            nodes += share;
            floor = none && sites.Length == 1 ? t + divisor : floor;
            if (placed is null && sites.Length > 1)
            {
                placed = Pack(problem, sites, queue, homes, LateFirst(problem, sites, queue, (homes, index), t, budget), t, ref nodes, out _, cancellationToken);
            }

            if (placed is null)
            {
                break;
            }

            var finish = WavePlanner.Finish(sites, placed, queue);
            best = finish < best.Reached ? (placed, finish) : best;
        }

        return best;
    }

    // Finishes on the grid of some site (its walk-down plus whole rounds), at least the bound and below the plan's finish,
    // latest first: a target met is kept, and the next lower one is tried.
    private static IEnumerable<long> Targets(SiteSpec[] sites, long bound, long reached, long divisor)
    {
        var targets = new SortedSet<long>();
        foreach (var site in sites)
        {
            var walk = site.WalkDown.BclCompatibleTicks;
            var first = walk >= bound ? walk : walk + ((bound - walk + divisor - 1) / divisor * divisor);
            for (var t = first; t < reached && t - walk <= RoundPacking.MaxRounds * divisor; t += divisor)
            {
                targets.Add(t);
            }
        }

        return targets.Reverse();
    }

    // Each site's households ordered to finish by t (a site already finishing by t in the longest-first order keeps it), or
    // null when a site's rounds cannot hold its households; `none` when the round search proved that a site's cannot.
    private static List<CallGroup>[]? Pack(WaveProblem problem, SiteSpec[] sites, SiteQueue queue, List<Home> homes, List<int>[] bySite,
        long t, ref long nodes, out bool none, CancellationToken cancellationToken)
    {
        none = false;
        var result = new List<CallGroup>[sites.Length];
        var over = new List<int>();
        for (var s = 0; s < sites.Length; s++)
        {
            result[s] = LongestFirst(problem, homes, bySite[s]);
            if (queue.Run(sites[s], result[s]) > t)
            {
                over.Add(s);
            }
        }

        // The sites with fewest households first: a site that cannot finish by t is most often found in a few nodes.
        foreach (var s in over.OrderBy(x => bySite[x].Count).ThenBy(x => x))
        {
            var order = RoundPacking.Order(sites[s], [.. bySite[s].Select(i => homes[i].Load)], problem.ServiceTimes, (t, true), ref nodes, out none,
                cancellationToken);
            if (order is null)
            {
                return null;
            }

            result[s] = [.. order.Select(o => Call(problem, homes[bySite[s][o]]))];
        }

        return result;
    }

    // Late sites first (latest walk-down first): each takes the heaviest households whose every service fits in t - w while
    // its replay still finishes by t; the rest go, longest service first, to the sites of the shortest walk-down, each to the
    // one whose replay finishes earliest with it.
    private static List<int>[] LateFirst(WaveProblem problem, SiteSpec[] sites, SiteQueue queue, (List<Home> All, Dictionary<int, int> Index) households,
        long t, long budget)
    {
        var homes = households.All;
        var bySite = sites.Select(_ => new List<int>()).ToArray();
        var shortest = sites.Min(x => x.WalkDown);
        var free = Enumerable.Range(0, homes.Count).OrderByDescending(i => Work(homes[i].Load, problem.ServiceTimes)).ThenBy(i => i).ToList();
        long spent = 0;
        foreach (var s in Enumerable.Range(0, sites.Length).Where(x => sites[x].WalkDown > shortest).OrderByDescending(x => sites[x].WalkDown).ThenBy(x => x))
        {
            var room = t - sites[s].WalkDown.BclCompatibleTicks;
            foreach (var i in free.Where(x => LongestService(homes[x].Load, problem.ServiceTimes) <= room).ToList())
            {
                spent += WaveImprovement.Cost(sites[s], bySite[s].Sum(j => (long)homes[j].Load.People) + homes[i].Load.People);
                bySite[s].Add(i);
                if (spent > budget || queue.Run(sites[s], LongestFirst(problem, homes, bySite[s])) > t)
                {
                    bySite[s].RemoveAt(bySite[s].Count - 1);
                    continue;
                }

                free.Remove(i);
            }
        }

        var early = Enumerable.Range(0, sites.Length).Where(x => sites[x].WalkDown == shortest).ToArray();
        var rest = ReplayInsertion.Assign([.. early.Select(x => sites[x])], [.. free.Select(i => Call(problem, homes[i]))], queue, budget,
            CancellationToken.None, CallGroup.LongestFirst(problem.ServiceTimes));
        for (var e = 0; e < early.Length; e++)
        {
            bySite[early[e]].AddRange(rest is null ? (e == 0 ? free : []) : rest[e].Select(g => households.Index[g.Households[0].HouseholdId]));
        }

        return bySite;
    }

    private static List<CallGroup> LongestFirst(WaveProblem problem, List<Home> homes, List<int> chosen)
    {
        var calls = chosen.Select(i => Call(problem, homes[i])).ToList();
        calls.Sort(CallGroup.LongestFirst(problem.ServiceTimes));
        return calls;
    }

    private static CallGroup Call(WaveProblem problem, Home home) => CallGroup.Of(home.Building, home.Unit, [home.Load], problem.ServiceTimes);

    private static List<Home> Homes(WaveProblem problem) =>
        [.. problem.Buildings.SelectMany(b => b.Units.SelectMany(u => u.Households.Select(h => new Home(b, u, h))))];

    private static long Work(HouseholdLoad h, ServiceTimes times) =>
        (h.QrCode * times.QrCode.BclCompatibleTicks) + (h.Typed * times.Typed.BclCompatibleTicks) + (h.Assisted * times.Assisted.BclCompatibleTicks);

    private static long LongestService(HouseholdLoad h, ServiceTimes times) => Math.Max(h.QrCode > 0 ? times.QrCode.BclCompatibleTicks : 0,
        Math.Max(h.Typed > 0 ? times.Typed.BclCompatibleTicks : 0, h.Assisted > 0 ? times.Assisted.BclCompatibleTicks : 0));
}
