using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

public static class DoorArbitraries
{
    public static Arbitrary<DoorToDoorProblem> Problems() => Arb.From(
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from buildings in Gen.Choose(0, 9)
        from teams in Gen.Choose(1, 4)
        select Make(seed, buildings, teams),
        Shrink);

    /// <summary>
    /// Smaller problems of the same kind: one building fewer (its households go), one household fewer in a building of
    /// several, one team fewer. Every candidate is smaller, so shrinking ends; times, speed and depot stay.
    /// </summary>
    public static IEnumerable<DoorToDoorProblem> Shrink(DoorToDoorProblem p)
    {
        DoorToDoorProblem With(IReadOnlyList<DoorVisit> visits, int teams) =>
            new(p.Depot, teams, p.PerHousehold, p.PerPerson, p.MetresPerSecond, visits);

        foreach (var building in p.Visits.Select(v => v.BuildingId).Distinct().OrderDescending())
        {
            yield return With([.. p.Visits.Where(v => v.BuildingId != building)], p.Teams);
        }

        foreach (var visit in p.Visits.Where(v => p.Visits.Count(o => o.BuildingId == v.BuildingId) > 1))
        {
            yield return With([.. p.Visits.Where(v => v != visit)], p.Teams);
        }

        if (p.Teams > 1)
        {
            yield return With(p.Visits, p.Teams - 1);
        }
    }

    public static DoorToDoorProblem Make(int seed, int buildings, int teams)
    {
        var random = new Random(seed);
        var visits = new List<DoorVisit>();
        var id = 1;
        for (var b = 1; b <= buildings; b++)
        {
            var position = new Position(random.Next(0, 400), random.Next(0, 400));
            for (var h = random.Next(1, 8); h > 0; h--)
            {
                visits.Add(new DoorVisit(id++, b, position, random.Next(1, 6)));
            }
        }

        return new DoorToDoorProblem(new Position(random.Next(0, 400), random.Next(0, 400)), teams,
            Duration.FromSeconds(random.Next(0, 120)), Duration.FromSeconds(random.Next(10, 60)), 0.5 + random.NextDouble(), [.. visits.OrderBy(_ => random.Next())]);
    }
}

[Properties(Arbitrary = [typeof(DoorArbitraries)], MaxTest = 150)]
public sealed class DoorToDoorProperties
{
    [Property]
    public void Every_household_is_on_exactly_one_route_and_a_building_is_never_split(DoorToDoorProblem problem)
    {
        var plan = DoorToDoorPlanner.Plan(problem);
        Assert.Equal(problem.Visits.Select(v => v.HouseholdId).Order(), plan.Routes.SelectMany(r => r.Visits).Select(v => v.HouseholdId).Order());
        foreach (var route in plan.Routes)
        {
            Assert.Equal(route.Buildings, route.Visits.Select(v => v.BuildingId).Distinct());
            Assert.All(route.Buildings, b => Assert.Single(plan.Routes, r => r.Buildings.Contains(b)));
        }
    }

    [Property]
    public void There_are_at_most_as_many_routes_as_teams_and_none_is_empty(DoorToDoorProblem problem)
    {
        var plan = DoorToDoorPlanner.Plan(problem);
        Assert.True(plan.Routes.Count <= problem.Teams);
        Assert.All(plan.Routes, r => Assert.NotEmpty(r.Visits));
        Assert.Equal(plan.Tour, plan.Routes.SelectMany(r => r.Buildings));
    }

    [Property]
    public void A_routes_estimate_is_its_walks_and_door_times(DoorToDoorProblem problem)
    {
        var plan = DoorToDoorPlanner.Plan(problem);
        foreach (var route in plan.Routes)
        {
            Assert.Equal(Independent(problem, route.Buildings), route.Estimate.TotalSeconds, 3);
        }
    }

    [Property]
    public void No_other_split_of_the_tour_has_a_shorter_longest_route(DoorToDoorProblem problem)
    {
        var plan = DoorToDoorPlanner.Plan(problem);
        var tour = plan.Tour.ToArray();
        var best = double.MaxValue;
        // Every way to cut the tour into at most `teams` consecutive parts: a bitmask of cut positions.
        for (var mask = 0; mask < 1 << Math.Max(0, tour.Length - 1); mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) + 1 > problem.Teams)
            {
                continue;
            }

            var longest = 0.0;
            var start = 0;
            for (var i = 1; i <= tour.Length; i++)
            {
                if (i == tour.Length || (mask & (1 << (i - 1))) != 0)
                {
                    longest = Math.Max(longest, Independent(problem, tour[start..i]));
                    start = i;
                }
            }

            best = Math.Min(best, longest);
        }

        Assert.Equal(tour.Length == 0 ? 0 : best, plan.Longest.TotalSeconds, 3);
    }

    private static double Independent(DoorToDoorProblem problem, IReadOnlyList<int> buildings)
    {
        var position = problem.Depot;
        var seconds = 0.0;
        foreach (var b in buildings)
        {
            var visits = problem.Visits.Where(v => v.BuildingId == b).ToList();
            seconds += position.DistanceTo(visits[0].Position) / problem.MetresPerSecond;
            seconds += (visits.Count * problem.PerHousehold.TotalSeconds) + (visits.Sum(v => v.People) * problem.PerPerson.TotalSeconds);
            position = visits[0].Position;
        }

        return seconds + (position.DistanceTo(problem.Depot) / problem.MetresPerSecond);
    }
}
