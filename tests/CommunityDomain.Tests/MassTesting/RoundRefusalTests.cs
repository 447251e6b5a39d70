using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Errors;
using CommunityDomain.MassTesting.Events;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// A testing day's refusals, each with the data it names, and the facts its accepted commands raise: a series
/// start, a site opening and closing, a lab result, an antigen report and a re-sample. A refused command leaves the
/// round's version as it was.
/// </summary>
public sealed class RoundRefusalTests
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    [Fact]
    public void StartRound_outside_the_series_or_twice_names_the_date_and_the_series_days()
    {
        var fixture = new RoundFixture();
        var series = fixture.Series;
        var round = fixture.StartRound(1);
        var started = Assert.Single(series.PendingEvents.OfType<TestingRoundStarted>());
        Assert.Equal((series.Id, round.Number, round.MustTest.Entries.Count), (started.Series, started.Round, started.Listed));

        var version = series.Version;
        var day = series.FirstDay.PlusDays(1);
        var again = MustTestList.From(fixture.Community, [fixture.OpenCompound.Id], series.StartOf(day));
        Assert.Equal(new RoundAlreadyStarted(day), series.StartRound(again, PoolingPolicy.Standard).AsT2);
        var late = series.FirstDay.PlusDays(5);
        var after = MustTestList.From(fixture.Community, [fixture.OpenCompound.Id], series.StartOf(late));
        Assert.Equal(new RoundOutsideSeries(late, series.FirstDay, series.FirstDay.PlusDays(4)), series.StartRound(after, PoolingPolicy.Standard).AsT1);
        Assert.Equal(version, series.Version);
    }

    [Fact]
    public void Scan_refuses_strangers_repeats_door_to_door_residents_backdated_samples_and_closed_sites()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound(policy: new PoolingPolicy(5, 1));
        var now = fixture.Clock.GetCurrentInstant();
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 1, 100).AsT0;
        var added = Assert.Single(round.PendingEvents.OfType<SamplingSiteAdded>());
        Assert.Equal((site.Id, fixture.OpenCompound.Id), (added.Site, added.Compound));

        var first = round.MustTest.WalkIns.First();
        var tube = round.Scan(first.Resident, site.Id, now).AsT0;
        var version = round.Version;

        var stranger = new Id<Resident>(1_000_000);
        Assert.Equal(new NotOnList(stranger), round.Scan(stranger, site.Id, now).AsT1);
        Assert.Equal(new AlreadySampled(first.Resident, tube.Barcode), round.Scan(first.Resident, site.Id, now).AsT2);
        var door = round.MustTest.DoorToDoor.First();
        Assert.Equal(new NotAWalkIn(door.Resident, Disposition.DoorToDoor), round.Scan(door.Resident, site.Id, now).AsT3);
        var second = round.MustTest.WalkIns.Skip(1).First(e => e.KeyGroup == first.KeyGroup);
        Assert.Equal(new TubeChangeOutOfOrder(tube.Barcode, now - Minute, now), round.Scan(second.Resident, site.Id, now - Minute).AsT5);
        ExcuseResult notListed = round.MarkAway(stranger);
        ExcuseResult sampled = round.Exempt(first.Resident, "bedridden");
        Assert.Equal(new NotOnList(stranger), notListed.AsT1);
        Assert.Equal((false, notListed.AsT1.Code), (notListed.Succeeded, notListed.ToString()));
        Assert.Equal(new AlreadySampled(first.Resident, tube.Barcode), sampled.Error);
        Assert.Equal(version, round.Version);

        var closed = round.CloseSite(site.Id, now + (10 * Minute)).AsT0;
        Assert.Equal((site.Id, now + (10 * Minute)), (closed.Site, closed.ClosedAt));
        Assert.Equal([tube.Barcode], closed.TubesClosed.Select(t => t.Barcode));
        Assert.Equal(site.Id, Assert.Single(round.PendingEvents.OfType<SamplingSiteClosed>()).Site);
        Assert.Equal(new SiteClosed(site.Id), round.Scan(second.Resident, site.Id, now + (20 * Minute)).AsT4);

        // Closing again changes nothing and names the first closing.
        var twice = round.CloseSite(site.Id, now + (30 * Minute)).AsT0;
        Assert.Equal((now + (10 * Minute), 0), (twice.ClosedAt, twice.TubesClosed.Count));
        ExcuseResult excused = round.MarkAway(second.Resident);
        Assert.Equal((true, (DomainError?)null, "success"), (excused.Succeeded, excused.Error, excused.ToString()));
    }

    [Fact]
    public void Lab_results_are_refused_for_unknown_open_backdated_or_contradicted_tubes_and_a_positive_pool_is_resampled()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound(policy: new PoolingPolicy(5, 1));
        var now = fixture.Clock.GetCurrentInstant();
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 1, 100).AsT0;
        var members = round.MustTest.WalkIns.Where(e => !e.KeyGroup).Take(2).ToList();
        var tube = members.Select(m => round.Scan(m.Resident, site.Id, now).AsT0).Last();

        Assert.Equal(new TubeStillOpen(tube.Barcode), round.RecordResult(tube.Barcode, TubeResult.Positive, now).AsT2);
        var unknown = new TubeBarcode("NO-SUCH-TUBE");
        Assert.Equal(new UnknownTube(unknown), round.RecordResult(unknown, TubeResult.Positive, now).AsT1);
        _ = round.CloseSite(site.Id, now + (60 * Minute)).AsT0;
        Assert.Equal(new TubeChangeOutOfOrder(tube.Barcode, now, now + (60 * Minute)), round.RecordResult(tube.Barcode, TubeResult.Positive, now).AsT4);

        Assert.True(round.RecordResult(tube.Barcode, TubeResult.Positive, now + (120 * Minute)).IsT0);
        var recorded = Assert.Single(round.PendingEvents.OfType<TubeResultRecorded>());
        Assert.Equal((tube.Barcode, TubeResult.Positive), (recorded.Tube, recorded.Result));
        Assert.Equal(new ConflictingResult(tube.Barcode, TubeResult.Positive, TubeResult.Negative),
            round.RecordResult(tube.Barcode, TubeResult.Negative, now + (180 * Minute)).AsT3);

        // Every member of the positive pool is re-sampled individually; nobody else may be.
        var pooled = tube.Members.ToList();
        Assert.Contains(members[^1].Resident, pooled);
        var resamples = round.Resamples;
        Assert.Equal(pooled, resamples.Select(r => r.Resident));
        Assert.All(resamples, r => Assert.Equal((tube.Barcode, TubeResult.Positive), (r.Tube, r.Result)));
        Assert.Equal(pooled.Select(m => round.MustTest.Find(m)!.Household), resamples.Select(r => r.Household));
        var other = round.MustTest.WalkIns.First(e => !pooled.Contains(e.Resident));
        Assert.Equal(new NotOnResampleList(other.Resident), round.SampleIndividually(other.Resident, now + (240 * Minute)).AsT1);
        Assert.True(round.SampleIndividually(pooled[0], now + (240 * Minute)).IsT0);
        Assert.Equal(pooled.Skip(1), round.PendingResamples.Select(r => r.Resident));
    }

    [Fact]
    public void A_sealed_households_door_visit_and_an_antigen_report_are_kept_and_a_walk_in_household_is_no_door_visit()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var now = fixture.Clock.GetCurrentInstant();
        var walkInHome = round.MustTest.WalkIns.First().Household;
        var version = round.Version;
        Assert.Equal(new NoDoorToDoorHere(walkInHome), round.SampleAtDoor(walkInHome, now).AsT1);
        Assert.Equal(version, round.Version);

        var resident = round.MustTest.WalkIns.First().Resident;
        var report = round.RecordAntigen(resident, now, positive: true).AsT0;
        Assert.Equal(new AntigenReport(resident, now, true), report);
        Assert.Equal(version + 1, round.Version);
    }
}
