using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

[Properties(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 60)]
public sealed class StationSizerProperties
{
    [Property]
    public void The_sizing_finishes_by_the_deadline_and_one_station_fewer_would_not(WaveProblem problem, PositiveInt minutes)
    {
        var deadline = problem.Start + Duration.FromMinutes(5 + (minutes.Get % 120));
        var result = StationSizer.StationsToFinishBy(problem, deadline, maxStations: 20);
        result.Switch(
            sizing =>
            {
                Assert.True(sizing.Plan.ExpectedFinish <= deadline);
                Assert.All(sizing.Plan.Sites, s => Assert.Equal(sizing.StationsPerSite, s.Site.Stations));
                var replay = WavePlanner.Plan(With(problem, sizing.StationsPerSite));
                Assert.Equal(sizing.Plan.ExpectedFinish, replay.ExpectedFinish);
                if (sizing.StationsPerSite > 1)
                {
                    Assert.True(WavePlanner.Plan(With(problem, sizing.StationsPerSite - 1)).ExpectedFinish > deadline);
                }

                var shifts = Math.Max(1, (int)Math.Ceiling((sizing.Plan.ExpectedFinish - problem.Start) / Duration.FromHours(4)));
                Assert.Equal((long)sizing.StationsPerSite * problem.Sites.Count * shifts, sizing.Samplers);
            },
            unreachable =>
            {
                var most = WavePlanner.Plan(With(problem, 20)).ExpectedFinish;
                Assert.True(most > deadline);
                Assert.Equal(most, unreachable.BestFinish);
            });
    }

    [Fact]
    public void StationsToFinishBy_deadline_before_the_walk_down_is_unreachable()
    {
        var problem = TestingGenerators.GoalCompound(new Random(5));
        Assert.True(StationSizer.StationsToFinishBy(problem, problem.Start, maxStations: 5).IsT1);
    }

    private static WaveProblem With(WaveProblem problem, int stations) => new(problem.Start, problem.ServiceTimes,
        [.. problem.Sites.Select(s => new SiteSpec(s.SiteId, s.Name, s.Position, stations, s.QueueCapacity, s.WalkDown))], problem.Buildings);
}
