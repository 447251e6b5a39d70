using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// The story's restart, in the small: a five-day series is stored after day 2 (a JSON document through
/// <see cref="CommunityJson"/>), restored, and days 3-5 run on the original and on the restored copy alike,
/// including a positive pooled tube with its individual re-samples on day 3 and a day-3 result that arrives on day 4.
/// </summary>
public sealed class SeriesRestartTests
{
    /// <summary>What a day leaves: per-day tests and tubes, the closure and pending results, for comparing runs.</summary>
    private sealed record DayFigures(int Day, int Tests, int Tubes, int Pending, int Listed, int Tested, int Missing, bool Complete, int Resamples);

    /// <summary>One testing day of the fixture's two compounds on <paramref name="series"/>, driven by <paramref name="clock"/>.</summary>
    private static DayFigures Day(RoundFixture fixture, TestingSeries series, FakeClock clock, int day, Dictionary<Id<Resident>, string> exemptions)
    {
        var community = fixture.Community;
        clock.Reset(series.StartOf(series.FirstDay.PlusDays(day)));
        var list = MustTestList.From(community, community.Compounds.Select(c => c.Id), clock.GetCurrentInstant(), exemptions);
        var round = series.StartRound(list, new PoolingPolicy(5, 1), Actor.Of("office")).AsT0;
        var site = round.AddSite(fixture.OpenCompound.Id, "Gate square", 2, 60, Actor.Of("office")).AsT0;
        foreach (var (entry, i) in round.MustTest.WalkIns.Select((e, i) => (e, i)))
        {
            clock.Advance(Duration.FromSeconds(30 + (i % 3 * 10)));
            Assert.True(round.Scan(entry.Resident, site.Id, clock.GetCurrentInstant(), assisted: entry.Intake == Intake.Assisted).IsT0);
        }

        foreach (var home in round.MustTest.DoorToDoor.Select(e => e.Household).Distinct())
        {
            clock.Advance(Duration.FromMinutes(4));
            Assert.True(round.SampleAtDoor(home, clock.GetCurrentInstant()).IsT0);
        }

        _ = round.CloseSite(site.Id, clock.GetCurrentInstant());

        // The lab: day 3 has a positive pooled tube (its members re-sampled one by one, all negative) and one
        // tube whose result comes on day 4.
        clock.Advance(Duration.FromHours(6));
        var tubes = round.Tubes.ToList();
        var positive = day == 2 ? tubes.First(t => t.Members.Count > 1) : null;
        var lateResult = day == 2 ? tubes[^1] : null;
        foreach (var tube in tubes.Where(t => t != lateResult))
        {
            Assert.True(round.RecordResult(tube.Barcode, tube == positive ? TubeResult.Positive : TubeResult.Negative, clock.GetCurrentInstant()).IsT0);
        }

        foreach (var resample in round.PendingResamples.ToList())
        {
            var single = round.SampleIndividually(resample.Resident, clock.GetCurrentInstant()).AsT0;
            Assert.True(round.RecordResult(single.Barcode, TubeResult.Negative, clock.GetCurrentInstant() + Duration.FromHours(4)).IsT0);
        }

        if (day == 3)
        {
            var third = series.Rounds[2];
            var late = Assert.Single(third.Tubes, t => t.Result == TubeResult.Pending);
            Assert.True(third.RecordResult(late.Barcode, TubeResult.Negative, clock.GetCurrentInstant()).IsT0);
        }

        var stats = round.Statistics();
        var closure = round.Closure();
        return new DayFigures(day + 1, stats.Tests, stats.Tubes, series.Statistics().ResultsPending, closure.Listed, closure.Tested, closure.Missing.Count, closure.IsComplete, round.Resamples.Count);
    }

    [Fact]
    public void A_series_stored_after_day_2_and_restored_finishes_days_3_to_5_with_the_same_figures()
    {
        var fixture = new RoundFixture(seed: 5);
        var residents = fixture.Community.Residents.Where(r => r.Presence == Presence.Present).ToList();
        var exemptions = new Dictionary<Id<Resident>, string> { [residents[0].Id] = "in hospital" };
        var original = fixture.Series;
        var before = Enumerable.Range(0, 2).Select(d => Day(fixture, original, fixture.Clock, d, exemptions)).ToList();

        // The app restarts: the series goes to a document and comes back from it, with a clock of its own.
        var document = CommunityJson.Write(original.ToState());
        var clock = new FakeClock(fixture.Clock.GetCurrentInstant());
        var restored = TestingSeries.Restore(CommunityJson.Read<TestingSeriesState>(document).AsT0, clock);
        TestingSamples.AssertSameQueries(original, restored);

        List<DayFigures> onOriginal = [], onRestored = [];
        for (var d = 2; d < 5; d++)
        {
            onOriginal.Add(Day(fixture, original, fixture.Clock, d, exemptions));
            onRestored.Add(Day(fixture, restored, clock, d, exemptions));
        }

        Assert.Equal(onOriginal, onRestored);
        TestingSamples.AssertSameQueries(original, restored);
        Assert.Equal(original.Statistics(), restored.Statistics());
        Assert.Equal(original.Version, restored.Version);

        // The story's figures hold on the copy: nobody missed any day, day 3's re-samples were taken, and by day 4
        // the late result is in; the series counts every test of the five days.
        var all = before.Concat(onRestored).ToList();
        Assert.All(all, f => Assert.True(f.Complete && f.Missing == 0, $"day {f.Day}: {f.Missing} missing"));
        Assert.True(onRestored[0].Resamples > 1);
        Assert.Equal(1, onRestored[0].Pending);
        Assert.Equal(0, onRestored[2].Pending);
        Assert.Equal(all.Sum(f => f.Tests), restored.Statistics().Tests);
        Assert.Equal(5, restored.Rounds.Count);
    }
}
