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

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void At_0_hard_a_guided_walk_gives_ruin_and_recreates_share_to_the_reoptimisation_and_a_blind_one_draws_as_before(bool guided, bool longHorizon)
    {
        // Ranges in the walk's list: 0 the re-optimisation, 1 ruin-and-recreate; the rest must not move.
        var withHard = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided, longHorizon, shortHorizon: true));
        var hardFree = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided, longHorizon, shortHorizon: true, hardFree: true));
        var ruin = longHorizon ? SearchTuning.LongRuinAndRecreatePerMille : SearchTuning.RuinAndRecreatePerMille;

        Assert.Equal([SearchTuning.ReoptimiseWorkerPerMille, ruin], withHard[..2]);
        Assert.Equal(guided ? [SearchTuning.ReoptimiseWorkerPerMille + ruin, 0] : withHard[..2], hardFree[..2]);
        Assert.Equal(withHard[2..], hardFree[2..]);
    }

    [Theory]
    [InlineData("community", "community-60-14-43-s1")]
    [InlineData("instances", "Instance5")]
    public void A_guided_walk_that_keeps_every_hard_rule_draws_no_ruin_and_a_blind_one_does(string folder, string name)
    {
        var problem = CurtoisMapping.ToProblem(CurtoisParser.Load(Path.Combine(RosterBenchmarkFolder.Root, folder, name + ".txt")));
        var engine = new SearchEngine(problem.Compiled, new PlannerOptions(3, iterationLimit: 20_000) { DegreeOfParallelism = 1 }, progress: null);

        engine.Run(CancellationToken.None);

        Assert.Equal(0, engine.BestScore.Hard);
        if (engine.Guided)
        {
            Assert.Equal(0, engine.RuinDraws);
        }
        else
        {
            // 1 % of the draws: about 200 in 20,000 (the opening's iterations count too, so a few fewer).
            Assert.InRange(engine.RuinDraws, 100, 300);
        }
    }
}
