using Stop = (int Id, CommunityDomain.Communities.Position Position, CommunityDomain.MassTesting.Planners.DoorVisit[] Visits);

namespace CommunityDomain.MassTesting.Planners;

/// <summary>Splits door-to-door households among teams into routes by building, with time estimates.</summary>
/// <remarks>
/// <para>Buildings are put in a nearest-neighbour tour from the depot (ties by building id); the tour is then
/// cut into consecutive routes by dynamic programming.</para>
/// <para>Guarantees: every household is on exactly one route, and all households of a building are on the same
/// route, next to each other; there are at most as many routes as teams and none is empty; a route's estimate is
/// the walk from the depot to its first building, the door and swab times, the walks between its buildings and
/// the walk back to the depot; no other split of the tour into at most that many consecutive routes has a shorter
/// longest route.</para>
/// </remarks>
public static class DoorToDoorPlanner
{
    /// <summary>Plans the routes.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="cancellationToken">Cancels a long run.</param>
    /// <returns>The plan.</returns>
    public static DoorToDoorPlan Plan(DoorToDoorProblem problem, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problem);
        var tour = NearestNeighbourTour(problem);
        var n = tour.Count;
        var cost = new RouteCost(problem, tour);
        var routes = Math.Min(problem.Teams, n);
        var (best, cut) = SplitTour(cost, n, routes, cancellationToken);
        var bounds = RouteBounds(cut, n, FewestRoutesReachingBest(best, n, routes));
        var plan = bounds.Select((b, t) => new DoorRoute(t + 1, [.. tour[b.From..b.To].Select(x => x.Id)],
            [.. tour[b.From..b.To].SelectMany(x => x.Visits)], Duration.FromSeconds(cost.Of(b.From, b.To)))).ToList();
        return new DoorToDoorPlan([.. tour.Select(b => b.Id)], n == 0 ? [] : plan);
    }

    // Buildings (households by id) in a nearest-neighbour tour from the depot, ties by building id.
    private static List<Stop> NearestNeighbourTour(DoorToDoorProblem problem)
    {
        var buildings = problem.Visits.GroupBy(v => v.BuildingId).OrderBy(g => g.Key)
            .Select(g => (Id: g.Key, g.First().Position, Visits: g.OrderBy(v => v.HouseholdId).ToArray())).ToList();
        var tour = new List<Stop>(buildings.Count);
        var here = problem.Depot;
        while (buildings.Count > 0)
        {
            var next = 0;
            for (var i = 1; i < buildings.Count; i++)
            {
                if (buildings[i].Position.DistanceTo(here) < buildings[next].Position.DistanceTo(here))
                {
                    next = i;
                }
            }

            tour.Add(buildings[next]);
            here = buildings[next].Position;
            buildings.RemoveAt(next);
        }

        return tour;
    }

    // best[r, j]: the shortest longest route when the first j buildings of the tour go to r routes; cut[r, j]: where the
    // last of those routes starts.
    private static (double[,] Best, int[,] Cut) SplitTour(RouteCost cost, int n, int routes, CancellationToken cancellationToken)
    {
        var best = new double[routes + 1, n + 1];
        var cut = new int[routes + 1, n + 1];
        for (var j = 1; j <= n; j++)
        {
            best[1, j] = cost.Of(0, j);
        }

        for (var r = 2; r <= routes; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = r; j <= n; j++)
            {
                best[r, j] = double.MaxValue;
                for (var i = r - 1; i < j; i++)
                {
                    var value = Math.Max(best[r - 1, i], cost.Of(i, j));
                    if (value < best[r, j])
                    {
                        best[r, j] = value;
                        cut[r, j] = i;
                    }
                }
            }
        }

        return (best, cut);
    }

    // Fewer routes may tie; use the smallest count that reaches the best value.
    private static int FewestRoutesReachingBest(double[,] best, int n, int routes)
    {
        for (var r = 1; r < routes; r++)
        {
            if (best[r, n] <= best[routes, n])
            {
                return r;
            }
        }

        return routes;
    }

    // The routes' [From, To) ranges of the tour, first route first, read back from the cuts.
    private static List<(int From, int To)> RouteBounds(int[,] cut, int n, int count)
    {
        var bounds = new List<(int From, int To)>();
        for (int r = count, j = n; r >= 1; r--)
        {
            var i = r == 1 ? 0 : cut[r, j];
            bounds.Add((i, j));
            j = i;
        }

        bounds.Reverse();
        return bounds;
    }

    // Cost of buildings i..j-1 of the tour as one route: walks in and out, plus the inner work and walks (prefix sums).
    private sealed class RouteCost
    {
        private readonly DoorToDoorProblem _problem;
        private readonly List<Stop> _tour;
        private readonly double[] _prefix;

        public RouteCost(DoorToDoorProblem problem, List<Stop> tour)
        {
            (_problem, _tour) = (problem, tour);
            var n = tour.Count;
            var work = tour.Select(b => (b.Visits.Length * problem.PerHousehold.TotalSeconds) + (b.Visits.Sum(v => (double)v.People) * problem.PerPerson.TotalSeconds)).ToArray();
            _prefix = new double[n + 1];
            for (var i = 0; i < n; i++)
            {
                var walk = i == 0 ? 0 : tour[i - 1].Position.DistanceTo(tour[i].Position) / problem.MetresPerSecond;
                _prefix[i + 1] = _prefix[i] + work[i] + walk;
            }
        }

        public double Of(int i, int j) => (_problem.Depot.DistanceTo(_tour[i].Position) / _problem.MetresPerSecond)
            + (_prefix[j] - _prefix[i] - (i == 0 ? 0 : _tour[i - 1].Position.DistanceTo(_tour[i].Position) / _problem.MetresPerSecond))
            + (_problem.Depot.DistanceTo(_tour[j - 1].Position) / _problem.MetresPerSecond);
    }
}
