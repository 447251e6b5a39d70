using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Delivery;

/// <summary>Groups parcels into runs for runners: few runs, each within neighbouring buildings, its capacity, its time budget and its window.</summary>
/// <remarks>
/// Guarantees: every placeable parcel is in exactly one run and every other parcel is reported unplaceable;
/// no run carries more than the capacity; no run's estimated time (door stops plus walking between its
/// buildings in visiting order) exceeds the time budget or the length of its window; all parcels of a run
/// share one window (or none); any two buildings of a run stand within the neighbour distance of each other; the number of runs is at least the lower bound ceil(total load / capacity) and,
/// at any size, never more than first-fit decreasing under the same rules (parcels by load, heaviest first, ties by building, household and
/// contents, each into the first run of its window that keeps capacity, pairwise neighbours and the time). The
/// same input gives the same plan.
/// <para>
/// Method: per window, best fit decreasing inside clusters of buildings around anchors, and first-fit decreasing over
/// the whole window; the plan keeps the fewer runs. First fit indexes open runs by their first building (a max-room
/// segment tree each), so a parcel asks only the runs that start next to its building: about
/// O(parcels x neighbouring buildings x log runs) rather than O(parcels x runs).
/// </para>
/// </remarks>
public static class RunPlanner
{
    private const int MaxTries = 8;

    /// <summary>Plans the runs.</summary>
    /// <param name="parcels">The parcels.</param>
    /// <param name="sites">Positions of every building a parcel names.</param>
    /// <param name="options">Capacity, budget and neighbourhood.</param>
    /// <param name="runners">Runner labels; runs are dealt out to them in turn; not empty.</param>
    /// <param name="cancellationToken">Cancels a long run.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">Null or empty arguments, a null runner, a default parcel, a parcel in a building without a site, or a
    /// building with two sites.</exception>
    public static DeliveryPlan Plan(
        IReadOnlyList<Parcel> parcels, IReadOnlyList<BuildingSite> sites, RunOptions options, IReadOnlyList<string> runners, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(parcels);
        Guard.Against.Null(sites);
        Guard.Against.Null(options);
        Guard.Against.NullOrEmpty(runners);
        Guard.Against.NullItems(runners);
        var positions = Positions(sites);
        var (placeable, unplaceable) = Sort(parcels, positions, options);
        var built = new List<OpenRun>();
        foreach (var byWindow in placeable.GroupBy(p => p.Window).OrderBy(g => g.Key?.Start ?? Instant.MaxValue).ThenBy(g => g.Key?.End ?? Instant.MaxValue))
        {
            built.AddRange(WindowRuns(byWindow, positions, options, cancellationToken));
        }

        var runs = built.Select((r, i) => r.ToRun(i + 1, runners[i % runners.Count])).ToList();
        var total = placeable.Sum(options.LoadOf);
        return new DeliveryPlan(runs, unplaceable, (int)((total + options.Capacity - 1) / options.Capacity));
    }

    // The phases of Plan: read the sites (Positions), split the parcels into placeable and not (Sort), then plan each
    // window on its own (WindowRuns), since runs never mix windows; each phase is where one guarantee of the remarks lives.
    private static Dictionary<Id<Building>, Position> Positions(IReadOnlyList<BuildingSite> sites)
    {
        var positions = new Dictionary<Id<Building>, Position>();
        foreach (var site in sites)
        {
            // A second position for one building would silently win over the first: refuse it, as WaveProblem does.
            if (!positions.TryAdd(site.Building, site.Position))
            {
                throw new ArgumentException($"{site.Building} has two sites; give each building one position.", nameof(sites));
            }
        }

        return positions;
    }

    // A parcel is unplaceable when no run could carry it: heavier than the capacity, or one stop longer than its budget.
    private static (List<Parcel> Placeable, List<Parcel> Unplaceable) Sort(IReadOnlyList<Parcel> parcels, Dictionary<Id<Building>, Position> positions, RunOptions options)
    {
        var unplaceable = new List<Parcel>();
        var placeable = new List<Parcel>();
        foreach (var p in parcels)
        {
            if (p.Household.IsDefault || !positions.ContainsKey(p.Building))
            {
                throw new ArgumentException($"Parcel {p} is default or in a building without a site.", nameof(parcels));
            }

            (options.LoadOf(p) <= options.Capacity && options.PerStop <= Budget(options, p.Window) ? placeable : unplaceable).Add(p);
        }

        return (placeable, unplaceable);
    }

    private static List<OpenRun> WindowRuns(IGrouping<Interval?, Parcel> byWindow, Dictionary<Id<Building>, Position> positions, RunOptions options, CancellationToken cancellationToken)
    {
        var budget = Budget(options, byWindow.Key);
        var bestFit = new List<OpenRun>();
        foreach (var cluster in Clusters(byWindow, positions, options.NeighbourMetres))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Pack(cluster, positions, options, budget, byWindow.Key, bestFit);
        }

        // Clusters within half the neighbour distance can split buildings that one run could serve (issue 15:
        // two buildings 40 m apart, neighbours within 60 m, got two runs); first-fit decreasing over the whole
        // window with a pairwise neighbour check does not, so the fewer runs of the two is kept, at every size
        // (first fit is indexed, see FirstFitRuns; one run cannot be beaten).
        if (bestFit.Count <= 1)
        {
            return bestFit;
        }

        var sorted = byWindow.ToList();
        sorted.Sort((a, b) => Heaviest(a, b, options));
        var firstFit = FirstFitRuns.Pack(sorted, positions, options, budget, byWindow.Key, cancellationToken);
        return firstFit.Count < bestFit.Count ? firstFit : bestFit;
    }

    private static Duration Budget(RunOptions options, Interval? window) =>
        window is { } w && w.Duration < options.TimeBudget ? w.Duration : options.TimeBudget;

    // Greedy neighbourhoods: sweep buildings by position; each unassigned building anchors a cluster of the
    // unassigned buildings within half the neighbour distance of it, so any two of them are neighbours.
    private static List<List<Parcel>> Clusters(IEnumerable<Parcel> parcels, Dictionary<Id<Building>, Position> positions, double within)
    {
        var byBuilding = parcels.GroupBy(p => p.Building).ToDictionary(g => g.Key, g => g.ToList());
        var buildings = byBuilding.Keys.OrderBy(b => positions[b].X).ThenBy(b => positions[b].Y).ThenBy(b => b.Value).ToArray();
        var assigned = new bool[buildings.Length];
        var clusters = new List<List<Parcel>>();
        for (var i = 0; i < buildings.Length; i++)
        {
            if (assigned[i])
            {
                continue;
            }

            var anchor = positions[buildings[i]];
            var radius = within / 2;
            var cluster = new List<Parcel>();
            for (var j = i; j < buildings.Length && positions[buildings[j]].X - anchor.X <= radius; j++)
            {
                if (!assigned[j] && positions[buildings[j]].DistanceTo(anchor) <= radius)
                {
                    assigned[j] = true;
                    cluster.AddRange(byBuilding[buildings[j]]);
                }
            }

            clusters.Add(cluster);
        }

        return clusters;
    }

    private static int Heaviest(Parcel a, Parcel b, RunOptions options)
    {
        var byLoad = options.LoadOf(b).CompareTo(options.LoadOf(a));
        return byLoad != 0 ? byLoad
            : a.Building != b.Building ? a.Building.Value.CompareTo(b.Building.Value)
            : a.Household != b.Household ? a.Household.Value.CompareTo(b.Household.Value)
            : string.CompareOrdinal(a.Contents, b.Contents);
    }

    // Best fit decreasing: heaviest parcels first, each into the open run with the least room that still
    // takes it (capacity and time), trying a few candidates before opening a new run.
    private static void Pack(List<Parcel> cluster, Dictionary<Id<Building>, Position> positions, RunOptions options, Duration budget, Interval? window, List<OpenRun> done)
    {
        cluster.Sort((a, b) => Heaviest(a, b, options));
        var room = new SortedSet<(long Room, int Index)>();
        foreach (var parcel in cluster)
        {
            var load = options.LoadOf(parcel);
            var chosen = -1;
            var tries = 0;
            foreach (var (_, index) in room.GetViewBetween((load, int.MinValue), (options.Capacity, int.MaxValue)))
            {
                if (done[index].Fits(parcel, options, budget, positions))
                {
                    chosen = index;
                    break;
                }

                if (++tries == MaxTries)
                {
                    break;
                }
            }

            if (chosen < 0)
            {
                chosen = done.Count;
                done.Add(new OpenRun(window));
            }
            else
            {
                room.Remove((options.Capacity - done[chosen].Load, chosen));
            }

            done[chosen].Add(parcel, options, positions);
            var left = options.Capacity - done[chosen].Load;
            if (left > 0)
            {
                room.Add((left, chosen));
            }
        }
    }

    // Walks longer than two days exceed any budget (at most a day) plus any stop (at most a day), so they are
    // capped there: the decision is the same and far-apart buildings or a crawling speed cannot overflow a Duration.
    internal static Duration Walk(Position from, Position to, RunOptions options) =>
        Duration.FromSeconds(Math.Min(Math.Ceiling(from.DistanceTo(to) / options.WalkingMetresPerMinute * 60), MaxWalkSeconds));

    private const double MaxWalkSeconds = 2 * 24 * 3600;
}
