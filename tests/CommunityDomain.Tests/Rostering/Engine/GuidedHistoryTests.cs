using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Curtois;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// A guided walk's late-acceptance history (<see cref="SearchEngine.GuidedHistoryLength"/>; docs/rostering.md, session 38):
/// one entry per <see cref="SearchTuning.GuidedWorkerDatesPerHistoryEntry"/> worker-dates within
/// [<see cref="SearchTuning.ShortestGuidedHistory"/>, <see cref="SearchTuning.HistoryLength"/>], and its plateau before a
/// kick <see cref="SearchTuning.GuidedStagnationFactor"/> times longer; a blind walk (every Curtois instance) keeps
/// <see cref="SearchTuning.HistoryLength"/> and the plateau.
/// </summary>
public sealed class GuidedHistoryTests
{
    [Property(MaxTest = 200)]
    public void The_guided_history_grows_with_the_roster_and_stays_within_its_limits(NonNegativeInt workers, NonNegativeInt days, PositiveInt more)
    {
        var (w, d) = (workers.Get % 5_000, days.Get % 800);
        var length = SearchEngine.GuidedHistoryLength(w, d);

        Assert.InRange(length, SearchTuning.ShortestGuidedHistory, SearchTuning.HistoryLength);
        Assert.True(SearchEngine.GuidedHistoryLength(w + (more.Get % 100), d) >= length, "more workers, a shorter history");
        Assert.True(SearchEngine.GuidedHistoryLength(w, d + (more.Get % 100)) >= length, "more dates, a shorter history");
        var proportional = (long)w * d / SearchTuning.GuidedWorkerDatesPerHistoryEntry;
        if (proportional > SearchTuning.ShortestGuidedHistory && proportional < SearchTuning.HistoryLength)
        {
            Assert.Equal(proportional, length);
        }
    }

    [Theory]
    [InlineData("community", "community-60-14-43-s1", 50)]
    [InlineData("community", "community-60-28-43-s3", 84)]
    [InlineData("community", "community-300-14-43-s1", 210)]
    [InlineData("community", "community-600-28-85-s1", 840)]
    [InlineData("instances", "Instance5", SearchTuning.HistoryLength)]
    [InlineData("instances", "Instance8", SearchTuning.HistoryLength)]
    [InlineData("instances", "Instance12", SearchTuning.HistoryLength)]
    public void Community_problems_walk_a_shorter_history_and_Curtois_instances_the_long_one(string folder, string name, int expected)
    {
        var problem = CurtoisMapping.ToProblem(CurtoisParser.Load(Path.Combine(RosterBenchmarkFolder.Root, folder, name + ".txt")));

        var engine = new SearchEngine(problem.Compiled, new PlannerOptions(1, iterationLimit: 10), progress: null);

        Assert.Equal(expected, engine.AcceptanceHistory);
        var plateau = Math.Max(SearchTuning.MinStagnation, SearchTuning.StagnationPerWorker * problem.Compiled.WorkerCount);
        var guided = folder == "community";
        Assert.Equal(guided, engine.Guided);
        Assert.Equal(guided, new SearchIndex(problem.Compiled).Guides);
        Assert.Equal(guided ? SearchTuning.GuidedStagnationFactor * plateau : plateau, engine.Stagnation);
    }
}
