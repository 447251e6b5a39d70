using CommunityDomain.Communities;

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
        var buildings = problem.Visits.GroupBy(v => v.BuildingId).OrderBy(g => g.Key)
            .Select(g => (Id: g.Key, g.First().Position, Visits: g.OrderBy(v => v.HouseholdId).ToArray())).ToList();
        var tour = new List<(int Id, Position Position, DoorVisit[] Visits)>(buildings.Count);
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

        var n = tour.Count;
        var work = tour.Select(b => (b.Visits.Length * problem.PerHousehold.TotalSeconds) + (b.Visits.Sum(v => (double)v.People) * problem.PerPerson.TotalSeconds)).ToArray();
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            var walk = i == 0 ? 0 : tour[i - 1].Position.DistanceTo(tour[i].Position) / problem.MetresPerSecond;
            prefix[i + 1] = prefix[i] + work[i] + walk;
        }

        // Cost of buildings i..j-1 as one route: walks in and out, plus the inner work and walks.
        double Cost(int i, int j) => (problem.Depot.DistanceTo(tour[i].Position) / problem.MetresPerSecond)
            + (prefix[j] - prefix[i] - (i == 0 ? 0 : tour[i - 1].Position.DistanceTo(tour[i].Position) / problem.MetresPerSecond))
            + (problem.Depot.DistanceTo(tour[j - 1].Position) / problem.MetresPerSecond);

        var routes = Math.Min(problem.Teams, n);
        var best = new double[routes + 1, n + 1];
        var cut = new int[routes + 1, n + 1];
        for (var j = 1; j <= n; j++)
        {
            best[1, j] = Cost(0, j);
        }

        for (var r = 2; r <= routes; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = r; j <= n; j++)
            {
                best[r, j] = double.MaxValue;
                for (var i = r - 1; i < j; i++)
                {
                    var value = Math.Max(best[r - 1, i], Cost(i, j));
                    if (value < best[r, j])
                    {
                        best[r, j] = value;
                        cut[r, j] = i;
                    }
                }
            }
        }

        // Fewer routes may tie; use the smallest count that reaches the best value.
        var count = routes;
        for (var r = 1; r < routes; r++)
        {
            if (best[r, n] <= best[routes, n])
            {
                count = r;
                break;
            }
        }

        var bounds = new List<(int From, int To)>();
        for (int r = count, j = n; r >= 1; r--)
        {
            var i = r == 1 ? 0 : cut[r, j];
            bounds.Add((i, j));
            j = i;
        }

        bounds.Reverse();
        var plan = bounds.Select((b, t) => new DoorRoute(t + 1, [.. tour[b.From..b.To].Select(x => x.Id)],
            [.. tour[b.From..b.To].SelectMany(x => x.Visits)], Duration.FromSeconds(Cost(b.From, b.To)))).ToList();
        return new DoorToDoorPlan([.. tour.Select(b => b.Id)], n == 0 ? [] : plan);
    }
}
