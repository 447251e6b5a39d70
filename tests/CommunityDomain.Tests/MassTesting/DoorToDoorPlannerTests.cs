using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>Door-to-door routes on a case small enough to work out by hand (the properties cover the general case).</summary>
public sealed class DoorToDoorPlannerTests
{
    // The depot at 0 m, building 1 at 100 m (two households of one person), building 2 at 200 m (one household of
    // three); 1 m/s, 60 s a door and 30 s a person. One route through both: 100 + (120 + 60) + 100 + (60 + 90) + 200
    // = 730 s. Two teams: 100 + 180 + 100 = 380 s and 200 + 150 + 200 = 550 s, the better split.
    private static readonly DoorVisit[] Visits =
    [
        new(1, 1, new Position(100, 0), 1),
        new(2, 1, new Position(100, 0), 1),
        new(3, 2, new Position(200, 0), 3),
    ];

    private static string Describe(DoorRoute r) =>
        $"team {r.Team}: buildings {string.Join(",", r.Buildings)}, households {string.Join(",", r.Visits.Select(v => v.HouseholdId).Order())}, {r.Estimate.TotalSeconds} s";

    [Theory]
    [InlineData(1, new[] { "team 1: buildings 1,2, households 1,2,3, 730 s" })]
    [InlineData(2, new[] { "team 1: buildings 1, households 1,2, 380 s", "team 2: buildings 2, households 3, 550 s" })]
    [InlineData(5, new[] { "team 1: buildings 1, households 1,2, 380 s", "team 2: buildings 2, households 3, 550 s" })]
    public void Plan_two_buildings_in_a_line_each_DoorRoute_has_its_team_buildings_households_and_walk_and_door_time(int teams, string[] expected)
    {
        var problem = new DoorToDoorProblem(new Position(0, 0), teams, Duration.FromSeconds(60), Duration.FromSeconds(30), 1.0, Visits);

        var plan = DoorToDoorPlanner.Plan(problem);

        Assert.Equal(expected, plan.Routes.Select(Describe));
        Assert.Equal(plan.Routes.Max(r => r.Estimate), plan.Longest);
    }

    [Fact]
    public void Shrink_a_generated_problem_steps_to_fewer_households_or_teams_until_none_is_left()
    {
        var problem = DoorArbitraries.Make(seed: 7, buildings: 6, teams: 3);
        Assert.NotEmpty(DoorArbitraries.Shrink(problem));

        while (DoorArbitraries.Shrink(problem).FirstOrDefault() is { } smaller)
        {
            Assert.True(smaller.Visits.Count < problem.Visits.Count || smaller.Teams < problem.Teams, "a shrink step must be smaller");
            Assert.Subset(problem.Visits.ToHashSet(), smaller.Visits.ToHashSet());
            problem = smaller;
        }

        Assert.Equal((0, 1), (problem.Visits.Count, problem.Teams));
    }
}
