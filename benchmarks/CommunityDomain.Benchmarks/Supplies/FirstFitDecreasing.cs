using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using NodaTime;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// First-fit decreasing for delivery runs under the planner's rules, written for speed as the benchmarks' named
/// baseline (issue 15). Same answer as the plain quadratic version in the tests
/// (<c>RunPlannerBaselineProperties.FirstFitDecreasing</c>; a property checks they agree), in about
/// O(parcels x neighbouring buildings x open runs per building) instead of O(parcels x runs).
/// </summary>
/// <remarks>
/// Rules: parcels are grouped by window (runs never mix windows); a parcel heavier than the capacity, or whose
/// door stop alone is longer than the smaller of the time budget and its window, is left out (unplaceable).
/// The rest go heaviest first (ties by building id, household id, contents in ordinal order), each into the first
/// open run (in the order runs were opened) that keeps: load within the capacity; every building of the run
/// within the neighbour distance of the parcel's building; its time - one door stop per household plus a walk of
/// ceil(distance / speed) seconds from the run's last new building to each new one - within the smaller of the
/// budget and the window. A parcel that fits no open run opens one.
/// <para>
/// Why it is fast, and still exactly first fit: every building of a run that can take a parcel stands within the
/// neighbour distance of the parcel's building, so the run's first building does too. Runs are kept in plain lists
/// by their first building, in opening order, and a run leaves its list once its room is below the window's
/// lightest parcel; a parcel scans only the lists of its building's neighbours (found on a grid of the neighbour
/// distance) for their first run that passes every check, and takes the earliest opened of those answers. The
/// structure differs from the planner's (a max-room segment tree per first building) on purpose, so the two do not
/// share a mistake.
/// </para>
/// </remarks>
public static class FirstFitDecreasing
{
    // Walks longer than two days exceed any budget (at most a day): capping keeps far-apart buildings or a crawling
    // speed from overflowing a Duration and changes no decision.
    private const double MaxWalkSeconds = 2 * 24 * 3600;

    /// <summary>The number of runs first-fit decreasing opens for these parcels.</summary>
    /// <param name="parcels">The parcels; each building must have a site.</param>
    /// <param name="sites">Building positions in metres.</param>
    /// <param name="options">Capacity, budget, stop time, walking speed and neighbour distance.</param>
    /// <returns>Runs opened (unplaceable parcels open none).</returns>
    /// <exception cref="ArgumentException">Null arguments, or a parcel whose building has no site.</exception>
    public static int CountRuns(IReadOnlyList<Parcel> parcels, IReadOnlyList<BuildingSite> sites, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(options);
        var index = new Dictionary<Id<Building>, int>();
        var positions = new List<Position>();
        foreach (var site in sites)
        {
            if (index.TryGetValue(site.Building, out var known))
            {
                positions[known] = site.Position;
            }
            else
            {
                index[site.Building] = positions.Count;
                positions.Add(site.Position);
            }
        }

        foreach (var p in parcels)
        {
            if (!index.ContainsKey(p.Building))
            {
                throw new ArgumentException($"Parcel {p} is in a building without a site.", nameof(parcels));
            }
        }

        var neighbours = Neighbours(positions, options.NeighbourMetres);
        var runs = 0;
        foreach (var window in parcels.GroupBy(p => p.Window))
        {
            var limit = window.Key is { } w && w.Duration < options.TimeBudget ? w.Duration : options.TimeBudget;
            if (options.PerStop > limit)
            {
                continue;
            }

            var sorted = window.Where(p => options.LoadOf(p) <= options.Capacity)
                .OrderByDescending(options.LoadOf).ThenBy(p => p.Building.Value).ThenBy(p => p.Household.Value).ThenBy(p => p.Contents, StringComparer.Ordinal);
            runs += new Packing(positions, neighbours, options, limit).Pack([.. sorted.Select(p => (index[p.Building], p))]);
        }

        return runs;
    }

    // Every building's neighbours (itself included), from a grid whose cells are the neighbour distance wide: two
    // buildings within that distance sit in the same or adjacent cells.
    private static int[][] Neighbours(List<Position> positions, double within)
    {
        var cell = Math.Max(within, 1e-9);
        var grid = new Dictionary<(long, long), List<int>>();
        var cells = new (long X, long Y)[positions.Count];
        for (var i = 0; i < positions.Count; i++)
        {
            cells[i] = (Cell(positions[i].X, cell), Cell(positions[i].Y, cell));
            if (!grid.TryGetValue(cells[i], out var list))
            {
                grid[cells[i]] = list = [];
            }

            list.Add(i);
        }

        var result = new int[positions.Count][];
        var near = new List<int>();
        for (var i = 0; i < positions.Count; i++)
        {
            near.Clear();
            for (var dx = -1L; dx <= 1; dx++)
            {
                for (var dy = -1L; dy <= 1; dy++)
                {
                    if (grid.TryGetValue((cells[i].X + dx, cells[i].Y + dy), out var list))
                    {
                        near.AddRange(list.Where(j => j == i || positions[i].DistanceTo(positions[j]) <= within));
                    }
                }
            }

            result[i] = [.. near];
        }

        return result;
    }

    // Clamping keeps the order of cells (so neighbours stay in adjacent cells) for coordinates far beyond any compound.
    private static long Cell(double coordinate, double size) => (long)Math.Clamp(Math.Floor(coordinate / size), -1e17, 1e17);

    // Runs are grouped by their first building; each group is a plain list in opening order, scanned from the front.
    // A list drops a run once its room is below the window's lightest parcel (no later parcel is lighter), so the scans
    // pass over runs that could still take something. Deliberately not the planner's structure (a max-room segment
    // tree per first building, Supplies/Delivery/RoomTree.cs): a baseline written the same way would share its bugs.
    private sealed class Packing(List<Position> positions, int[][] neighbours, RunOptions options, Duration limit)
    {
        private readonly List<long> _load = [];
        private readonly List<Duration> _time = [];
        private readonly List<List<int>> _buildings = [];
        private readonly HashSet<(int Run, long Household)> _households = [];
        private readonly Dictionary<int, List<int>> _openByFirstBuilding = [];
        private long _lightest;

        public int Pack(IReadOnlyList<(int Building, Parcel Parcel)> parcels)
        {
            // Heaviest first: the last parcel is the lightest any run will still be asked to take.
            _lightest = parcels.Count == 0 ? 0 : options.LoadOf(parcels[^1].Parcel);
            foreach (var (building, parcel) in parcels)
            {
                var load = options.LoadOf(parcel);
                var best = int.MaxValue;
                foreach (var first in neighbours[building])
                {
                    if (!_openByFirstBuilding.TryGetValue(first, out var open))
                    {
                        continue;
                    }

                    // Opening order: the first run here that takes the parcel is this list's answer; later ones lose
                    // to an earlier answer from another list.
                    foreach (var run in open)
                    {
                        if (run >= best)
                        {
                            break;
                        }

                        if (_load[run] + load <= options.Capacity && Fits(run, building, parcel))
                        {
                            best = run;
                            break;
                        }
                    }
                }

                if (best == int.MaxValue)
                {
                    best = Open(building);
                }

                Add(best, building, parcel);
            }

            return _load.Count;
        }

        private bool Fits(int run, int building, Parcel parcel)
        {
            var buildings = _buildings[run];
            var here = buildings.Contains(building);
            if (!here && !buildings.TrueForAll(b => positions[b].DistanceTo(positions[building]) <= options.NeighbourMetres))
            {
                return false;
            }

            return _time[run] + Extra(run, building, here, parcel) <= limit;
        }

        private Duration Extra(int run, int building, bool here, Parcel parcel)
        {
            var stop = _households.Contains((run, parcel.Household.Value)) ? Duration.Zero : options.PerStop;
            if (here || _buildings[run].Count == 0)
            {
                return stop;
            }

            var seconds = Math.Ceiling(positions[_buildings[run][^1]].DistanceTo(positions[building]) / options.WalkingMetresPerMinute * 60);
            return stop + Duration.FromSeconds(Math.Min(seconds, MaxWalkSeconds));
        }

        private int Open(int building)
        {
            var run = _load.Count;
            _load.Add(0);
            _time.Add(Duration.Zero);
            _buildings.Add([]);
            if (!_openByFirstBuilding.TryGetValue(building, out var open))
            {
                _openByFirstBuilding[building] = open = [];
            }

            open.Add(run);
            return run;
        }

        private void Add(int run, int building, Parcel parcel)
        {
            var here = _buildings[run].Contains(building);
            _time[run] += Extra(run, building, here, parcel);
            _load[run] += options.LoadOf(parcel);
            _households.Add((run, parcel.Household.Value));
            if (!here)
            {
                _buildings[run].Add(building);
            }

            if (options.Capacity - _load[run] < _lightest)
            {
                _ = _openByFirstBuilding[_buildings[run][0]].Remove(run);
            }
        }
    }
}
