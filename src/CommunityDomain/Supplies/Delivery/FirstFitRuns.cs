using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Delivery;

// First-fit decreasing over one window: each parcel (already sorted heaviest first) goes into the first run, in
// opening order, that keeps capacity, pairwise neighbours and the time budget (OpenRun.Fits); else it opens a run.
//
// Exactly that, without scanning every open run per parcel (issue 15: the planner had skipped first fit above 5,000
// parcels a window because the scan made it O(parcels x runs)):
// - a run that can take a parcel has every building within the neighbour distance of the parcel's building, its
//   first building too (a building joins a run only within that distance of all its buildings, and the parcel's own
//   building passes the check when it is already in the run), so runs are indexed by first building and a parcel asks
//   only its building's neighbours' indexes (found on a grid twice the neighbour distance wide);
// - each index is a max-room segment tree in opening order, so runs without room are skipped in O(log runs);
// - a run whose time left is under one door stop can only take parcels of households already in it: it leaves its
//   tree and is asked only by those households' parcels (else a time-bound run with room would be asked, and
//   refuse, for every later parcel of its neighbourhood).
// The answer is the earliest opened run among the candidates that fits: the same run a scan would find.
internal static class FirstFitRuns
{
    public static List<OpenRun> Pack(
        List<Parcel> sorted, Dictionary<Id<Building>, Position> positions, RunOptions options, Duration budget, Interval? window, CancellationToken cancellationToken)
    {
        var packing = new Packing(Neighbours(sorted, positions, options.NeighbourMetres), positions, options, budget, window);
        for (var n = 0; n < sorted.Count; n++)
        {
            if ((n & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var parcel = sorted[n];
            var run = packing.FirstRunThatFits(parcel);
            packing.Add(parcel, run == int.MaxValue ? packing.Open(parcel) : run);
        }

        return packing.Runs;
    }

    // The open runs and their indexes: per first building, a room tree over its runs in opening order; per household,
    // the runs closed to new households that hold it.
    private sealed class Packing(
        Dictionary<Id<Building>, Id<Building>[]> neighbours, Dictionary<Id<Building>, Position> positions, RunOptions options, Duration budget, Interval? window)
    {
        private readonly List<int> _slots = [];
        private readonly Dictionary<Id<Building>, (RoomTree Tree, List<int> Runs)> _byFirst = [];
        private readonly Dictionary<Id<Household>, List<int>> _byHousehold = [];

        public List<OpenRun> Runs { get; } = [];

        // The earliest opened run that takes the parcel, int.MaxValue when none: the indexed open runs of the parcel's
        // neighbourhood, then the closed runs of its household.
        public int FirstRunThatFits(Parcel parcel)
        {
            var load = options.LoadOf(parcel);
            var best = int.MaxValue;
            foreach (var first in neighbours[parcel.Building])
            {
                if (!_byFirst.TryGetValue(first, out var opened))
                {
                    continue;
                }

                for (var at = opened.Tree.FindFirst(0, load); at >= 0 && opened.Runs[at] < best; at = opened.Tree.FindFirst(at + 1, load))
                {
                    if (Runs[opened.Runs[at]].Fits(parcel, options, budget, positions))
                    {
                        best = opened.Runs[at];
                        break;
                    }
                }
            }

            if (_byHousehold.TryGetValue(parcel.Household, out var closed))
            {
                foreach (var run in closed)
                {
                    if (run < best && Runs[run].Fits(parcel, options, budget, positions))
                    {
                        best = run;
                    }
                }
            }

            return best;
        }

        // Opens an empty run first at the parcel's building and returns its number.
        public int Open(Parcel parcel)
        {
            var run = Runs.Count;
            Runs.Add(new OpenRun(window));
            if (!_byFirst.TryGetValue(parcel.Building, out var opened))
            {
                _byFirst[parcel.Building] = opened = (new RoomTree(), []);
            }

            _slots.Add(opened.Runs.Count);
            opened.Runs.Add(run);
            opened.Tree.Add(options.Capacity);
            return run;
        }

        // Puts the parcel in the run and updates the run's room, or closes it to new households once its time left is
        // under one door stop.
        public void Add(Parcel parcel, int run)
        {
            var chosen = Runs[run];
            var wasOpen = budget - chosen.Time >= options.PerStop;
            chosen.Add(parcel, options, positions);
            var tree = _byFirst[chosen.FirstBuilding].Tree;
            if (budget - chosen.Time >= options.PerStop)
            {
                tree.Set(_slots[run], options.Capacity - chosen.Load);
            }
            else if (wasOpen)
            {
                // Closed to new households from now on: only its own households' parcels may still join it.
                tree.Set(_slots[run], -1);
                foreach (var household in chosen.Households)
                {
                    if (!_byHousehold.TryGetValue(household, out var list))
                    {
                        _byHousehold[household] = list = [];
                    }

                    list.Add(run);
                }
            }
        }
    }

    // Every building's neighbours (itself included) among the parcels' buildings, by the same distance test as
    // OpenRun.Fits. The grid's cells are twice the neighbour distance wide, so two buildings within that distance
    // sit in the same or adjacent cells even after rounding; clamping keeps the order of far-out cells.
    private static Dictionary<Id<Building>, Id<Building>[]> Neighbours(List<Parcel> parcels, Dictionary<Id<Building>, Position> positions, double within)
    {
        var cell = 2 * Math.Max(within, 1e-9);
        var grid = new Dictionary<(long X, long Y), List<Id<Building>>>();
        var cells = new Dictionary<Id<Building>, (long X, long Y)>();
        foreach (var parcel in parcels)
        {
            if (!cells.ContainsKey(parcel.Building))
            {
                var at = positions[parcel.Building];
                var key = (Cell(at.X, cell), Cell(at.Y, cell));
                cells[parcel.Building] = key;
                if (!grid.TryGetValue(key, out var list))
                {
                    grid[key] = list = [];
                }

                list.Add(parcel.Building);
            }
        }

        var result = new Dictionary<Id<Building>, Id<Building>[]>(cells.Count);
        var near = new List<Id<Building>>();
        foreach (var (building, (x, y)) in cells)
        {
            near.Clear();
            var here = positions[building];
            for (var dx = -1L; dx <= 1; dx++)
            {
                for (var dy = -1L; dy <= 1; dy++)
                {
                    if (grid.TryGetValue((x + dx, y + dy), out var list))
                    {
                        foreach (var other in list)
                        {
                            if (other == building || here.DistanceTo(positions[other]) <= within)
                            {
                                near.Add(other);
                            }
                        }
                    }
                }
            }

            result[building] = [.. near];
        }

        return result;
    }

    private static long Cell(double coordinate, double size) => (long)Math.Clamp(Math.Floor(coordinate / size), -1e17, 1e17);
}
