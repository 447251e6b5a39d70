using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Tests.Contracts;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>A busy series with every kind of record a round keeps, and the check that two rounds answer every query alike.</summary>
public static class TestingSamples
{
    public const string ListReason = "in hospital";
    public const string RoundReason = "dialysis at the county hospital";

    /// <summary>
    /// Two rounds: day 1 with a list exemption, a later exemption with its reason, an away resident, a missing one,
    /// assisted scans, door-to-door tubes, a closed site and an open one with an open tube, a positive and an invalid
    /// tube, one re-sample taken and others pending, a late result still pending and an antigen report; day 2 just begun.
    /// </summary>
    public static (RoundFixture Fixture, TestingSeries Series) Busy(int seed = 3)
    {
        var fixture = new RoundFixture(seed);
        var community = fixture.Community;
        var clock = fixture.Clock;
        var present = community.Residents.Where(r => r.Presence == Presence.Present && community.Get(r.HouseholdId).CompoundId == fixture.OpenCompound.Id).ToList();
        var exemptions = new Dictionary<Id<Resident>, string> { [present[0].Id] = ListReason };
        var keyGroups = community.Residents.Where(r => r.Id.Value % 4 == 0).Select(r => r.Id).ToHashSet();
        var series = fixture.Series;
        var list = MustTestList.From(community, community.Compounds.Select(c => c.Id), series.StartOf(series.FirstDay), exemptions, keyGroups);
        var round = series.StartRound(list, new PoolingPolicy(5, 1)).AsT0;
        var a = round.AddSite(fixture.OpenCompound.Id, "Gate square", 2, 60, Actor.Of("office"), new Position(10, -20), Duration.FromMinutes(5)).AsT0;
        var b = round.AddSite(fixture.OpenCompound.Id, "North lawn", 1, 30).AsT0;
        var walkIns = round.MustTest.WalkIns.ToList();
        _ = round.Exempt(walkIns[1].Resident, RoundReason).AsT0;
        _ = round.MarkAway(walkIns[2].Resident).AsT0;
        foreach (var (entry, i) in walkIns.Skip(4).Select((e, i) => (e, i)))
        {
            clock.Advance(Duration.FromSeconds(40));
            _ = round.Scan(entry.Resident, i % 3 == 0 ? b.Id : a.Id, clock.GetCurrentInstant(), assisted: entry.Intake == Intake.Assisted);
        }

        var homes = round.MustTest.DoorToDoor.Select(e => e.Household).Distinct().ToList();
        foreach (var home in homes.Skip(1))
        {
            clock.Advance(Duration.FromMinutes(3));
            _ = round.SampleAtDoor(home, clock.GetCurrentInstant());
        }

        _ = round.CloseSite(a.Id, clock.GetCurrentInstant());
        clock.Advance(Duration.FromHours(6));
        var closed = round.Tubes.Where(t => t.IsClosed).ToList();
        for (var i = 0; i < closed.Count - 1; i++)
        {
            var result = i == 0 ? TubeResult.Positive : i == 1 ? TubeResult.Invalid : TubeResult.Negative;
            _ = round.RecordResult(closed[i].Barcode, result, clock.GetCurrentInstant());
        }

        if (round.PendingResamples.Count > 0)
        {
            _ = round.SampleIndividually(round.PendingResamples[0].Resident, clock.GetCurrentInstant()).AsT0;
        }

        _ = round.RecordAntigen(walkIns[3].Resident, clock.GetCurrentInstant(), positive: false);

        clock.Reset(series.StartOf(series.FirstDay.PlusDays(1)));
        var second = series.StartRound(MustTestList.From(community, [fixture.OpenCompound.Id], clock.GetCurrentInstant()), PoolingPolicy.Standard).AsT0;
        var site = second.AddSite(fixture.OpenCompound.Id, "Gate square", 3, 80).AsT0;
        foreach (var entry in second.MustTest.WalkIns.Take(3))
        {
            clock.Advance(Duration.FromSeconds(30));
            _ = second.Scan(entry.Resident, site.Id, clock.GetCurrentInstant());
        }

        return (fixture, series);
    }

    /// <summary>Asserts that two rounds are equal in state and answer every query alike (pending events aside).</summary>
    public static void AssertSameQueries(TestingRound expected, TestingRound actual)
    {
        Assert.Equal(expected.ToState(), actual.ToState());
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.ToString(), actual.ToString());
        foreach (var (name, e, a) in new (string, object?, object?)[]
        {
            ("Series", expected.Series, actual.Series), ("Number", expected.Number, actual.Number), ("Date", expected.Date, actual.Date),
            ("Start", expected.Start, actual.Start), ("MustTest", expected.MustTest, actual.MustTest), ("Policy", expected.Policy, actual.Policy),
            ("Sites", expected.Sites, actual.Sites), ("Tubes", expected.Tubes, actual.Tubes), ("AntigenReports", expected.AntigenReports, actual.AntigenReports),
            ("Resamples", expected.Resamples, actual.Resamples), ("PendingResamples", expected.PendingResamples, actual.PendingResamples),
            ("FlaggedHouseholds", expected.FlaggedHouseholds, actual.FlaggedHouseholds), ("Exemptions", expected.Exemptions, actual.Exemptions),
            ("Closure", expected.Closure(), actual.Closure()), ("Statistics", expected.Statistics(), actual.Statistics()),
        })
        {
            Assert.True(DeepEquality.Difference(e, a) is null, $"{name}: {DeepEquality.Difference(e, a)}");
        }

        foreach (var compound in expected.MustTest.Scope)
        {
            Assert.Null(DeepEquality.Difference(expected.Closure(compound), actual.Closure(compound)));
            Assert.Equal(expected.Statistics(compound), actual.Statistics(compound));
        }

        foreach (var entry in expected.MustTest.Entries)
        {
            Assert.Null(DeepEquality.Difference(expected.Closure(entry.Building), actual.Closure(entry.Building)));
            var r = entry.Resident;
            Assert.Equal(expected.StatusOf(r), actual.StatusOf(r));
            Assert.Equal(expected.TubeOf(r)?.Barcode, actual.TubeOf(r)?.Barcode);
            Assert.Equal(expected.ResampleOf(r)?.Barcode, actual.ResampleOf(r)?.Barcode);
            Assert.Equal(expected.WasAssisted(r), actual.WasAssisted(r));
            Assert.Equal(expected.ExemptReasonOf(r), actual.ExemptReasonOf(r));
        }
    }

    /// <summary>Asserts that two series are equal in state and answer every query alike, their rounds included.</summary>
    public static void AssertSameQueries(TestingSeries expected, TestingSeries actual)
    {
        Assert.Equal(expected.ToState(), actual.ToState());
        Assert.Equal((expected.Id, expected.Name, expected.FirstDay, expected.Days, expected.LastDay, expected.DailyStart, expected.Zone, expected.Version, expected.ToString()),
            (actual.Id, actual.Name, actual.FirstDay, actual.Days, actual.LastDay, actual.DailyStart, actual.Zone, actual.Version, actual.ToString()));
        Assert.Equal(expected.Statistics(), actual.Statistics());
        Assert.Equal(expected.Rounds.Count, actual.Rounds.Count);
        for (var i = 0; i < expected.Rounds.Count; i++)
        {
            AssertSameQueries(expected.Rounds[i], actual.Rounds[i]);
        }
    }
}
