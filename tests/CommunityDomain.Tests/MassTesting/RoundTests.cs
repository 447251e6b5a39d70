using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Events;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

public sealed class RoundTests
{
    [Fact]
    public void StartRound_date_outside_the_series_is_rejected_clearly()
    {
        var fixture = new RoundFixture();
        var late = MustTestList.From(fixture.Community, [fixture.OpenCompound.Id], fixture.Series.StartOf(fixture.Series.FirstDay.PlusDays(5)));
        var error = fixture.Series.StartRound(late, PoolingPolicy.Standard).AsT1;
        Assert.Equal("testing.round-outside-series", error.Code);
        Assert.Contains("outside the series", error.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("不在", error.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public void StartRound_same_day_twice_is_rejected()
    {
        var fixture = new RoundFixture();
        _ = fixture.StartRound(2);
        var again = MustTestList.From(fixture.Community, [fixture.OpenCompound.Id], fixture.Series.StartOf(fixture.Series.FirstDay.PlusDays(2)));
        Assert.True(fixture.Series.StartRound(again, PoolingPolicy.Standard).IsT2);
    }

    [Fact]
    public void MustTestList_sealed_households_go_door_to_door_and_away_residents_are_listed_apart()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        foreach (var entry in round.MustTest.Entries)
        {
            var resident = fixture.Community.Get(entry.Resident);
            var expected = resident.Presence == Presence.Away ? Disposition.Away
                : entry.Compound == fixture.SealedCompound.Id || resident.Conditions.HasFlag(HealthConditions.Bedridden) ? Disposition.DoorToDoor
                : Disposition.WalkIn;
            Assert.Equal(expected, entry.Disposition);
            Assert.Equal(resident.Name.Masked, entry.MaskedName);
        }

        Assert.Equal(fixture.Community.Residents.Count, round.MustTest.Entries.Count);
    }

    [Fact]
    public void Scan_fills_tubes_to_k_then_closes_them_and_close_site_closes_the_rest()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound(policy: new PoolingPolicy(5, 1));
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 100).AsT0;
        var walkIns = round.MustTest.WalkIns.ToList();
        foreach (var entry in walkIns)
        {
            Assert.True(round.Scan(entry.Resident, site.Id, fixture.Clock.GetCurrentInstant()).IsT0);
        }

        Assert.All(round.Tubes.Take(walkIns.Count / 5), t => Assert.True(t.IsClosed && t.Members.Count == 5));
        _ = round.CloseSite(site.Id, fixture.Clock.GetCurrentInstant());
        Assert.All(round.Tubes, t => Assert.True(t.IsClosed));
        Assert.True(round.Scan(walkIns[0].Resident, site.Id, fixture.Clock.GetCurrentInstant()).IsT2);
        Assert.Empty(round.Closure(fixture.OpenCompound.Id).Missing);
    }

    [Fact]
    public void SampleAtDoor_sealed_household_gets_one_tube_with_exactly_its_members()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var home = fixture.Community.HouseholdsIn(fixture.SealedCompound.Id).First(h => round.MustTest.DoorToDoor.Any(e => e.Household == h));
        var tube = round.SampleAtDoor(home, fixture.Clock.GetCurrentInstant()).AsT0;
        var expected = fixture.Community.Get(home).Members.Where(m => fixture.Community.Get(m).Presence == Presence.Present);
        Assert.Equal(expected, tube.Members);
        Assert.Equal(PoolClass.Household, tube.PoolClass);
        Assert.True(round.SampleAtDoor(home, fixture.Clock.GetCurrentInstant()).IsT1);
        Assert.IsType<HouseholdSampledAtDoor>(round.PendingEvents.OfType<HouseholdSampledAtDoor>().Single());
    }

    [Fact]
    public void RecordResult_late_out_of_order_results_and_conflicts()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound(policy: new PoolingPolicy(5, 5));
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 100).AsT0;
        foreach (var entry in round.MustTest.WalkIns)
        {
            _ = round.Scan(entry.Resident, site.Id, fixture.Clock.GetCurrentInstant());
        }

        Assert.True(round.RecordResult(round.Tubes[^1].Barcode, TubeResult.Negative, fixture.Clock.GetCurrentInstant()).IsT2 || round.Tubes[^1].IsClosed);
        _ = round.CloseSite(site.Id, fixture.Clock.GetCurrentInstant());
        var last = round.Tubes[^1];
        var first = round.Tubes[0];
        Assert.True(round.RecordResult(last.Barcode, TubeResult.Negative, fixture.Clock.GetCurrentInstant()).IsT0);
        Assert.True(round.RecordResult(first.Barcode, TubeResult.Positive, fixture.Clock.GetCurrentInstant().Plus(Duration.FromDays(1))).IsT0);
        Assert.True(round.RecordResult(first.Barcode, TubeResult.Positive, fixture.Clock.GetCurrentInstant()).IsT0);
        Assert.True(round.RecordResult(first.Barcode, TubeResult.Negative, fixture.Clock.GetCurrentInstant()).IsT3);
        Assert.True(round.RecordResult(new TubeBarcode("NOPE"), TubeResult.Negative, fixture.Clock.GetCurrentInstant()).IsT1);
        Assert.Equal(first.Members, round.Resamples.Select(r => r.Resident));
        Assert.Equal(round.Tubes.Count - 2, round.Statistics().ResultsPending);
        Assert.Throws<ArgumentException>(() => round.RecordResult(first.Barcode, TubeResult.Pending, fixture.Clock.GetCurrentInstant()));
    }

    [Fact]
    public void Closure_is_complete_after_everyone_is_accounted_for()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 100).AsT0;
        var first = round.MustTest.WalkIns.First();
        Assert.False(round.Closure().IsComplete);
        Assert.Contains(round.Closure().Missing, m => m.Resident == first.Resident && m.MaskedName == first.MaskedName);
        _ = round.Exempt(first.Resident, "in hospital");
        foreach (var entry in round.MustTest.WalkIns.Skip(1))
        {
            _ = round.Scan(entry.Resident, site.Id, fixture.Clock.GetCurrentInstant(), assisted: true);
        }

        foreach (var home in round.MustTest.DoorToDoor.Select(e => e.Household).Distinct())
        {
            _ = round.SampleAtDoor(home, fixture.Clock.GetCurrentInstant());
        }

        var closure = round.Closure();
        Assert.True(closure.IsComplete, closure.ToString());
        Assert.Equal(CoverageStatus.Exempt, round.StatusOf(first.Resident));
        Assert.Equal(100.0, round.Statistics().CompletionPercent);
        Assert.Equal(round.MustTest.WalkIns.Count() - 1, round.Statistics().AssistedRegistrations);
    }

    [Fact]
    public void Scan_resident_not_on_list_or_not_a_walk_in_is_reported()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 100).AsT0;
        Assert.True(round.Scan(new CommunityDomain.Kernel.Id<Resident>(9999), site.Id, fixture.Clock.GetCurrentInstant()).IsT1);
        var door = round.MustTest.DoorToDoor.First();
        Assert.Equal(Disposition.DoorToDoor, round.Scan(door.Resident, site.Id, fixture.Clock.GetCurrentInstant()).AsT3.Disposition);
        Assert.Throws<ArgumentException>(() => round.AddSite(new CommunityDomain.Kernel.Id<Compound>(99), "X", 1, 10).AsT0);
        Assert.Throws<ArgumentException>(() => round.AddSite(fixture.OpenCompound.Id, "X", 0, 10).AsT0);
    }

    [Fact]
    public void Series_statistics_sum_the_rounds()
    {
        var fixture = new RoundFixture();
        var first = fixture.StartRound(0);
        var second = fixture.StartRound(1);
        foreach (var round in new[] { first, second })
        {
            var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 100).AsT0;
            foreach (var entry in round.MustTest.WalkIns)
            {
                _ = round.Scan(entry.Resident, site.Id, round.Start.Plus(Duration.FromMinutes(10)));
            }
        }

        Assert.Equal(first.Statistics().Tests + second.Statistics().Tests, fixture.Series.Statistics().Tests);
        Assert.Equal(2, first.Number == 1 ? second.Number : 0);
    }

    [Fact]
    public void Barcodes_are_unique_across_the_rounds_of_a_series()
    {
        var fixture = new RoundFixture();
        var barcodes = new List<TubeBarcode>();
        foreach (var day in new[] { 0, 1 })
        {
            var round = fixture.StartRound(day, new PoolingPolicy(1, 1));
            var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 100).AsT0;
            foreach (var entry in round.MustTest.WalkIns)
            {
                _ = round.Scan(entry.Resident, site.Id, round.Start);
            }

            barcodes.AddRange(round.Tubes.Select(t => t.Barcode));
        }

        Assert.Equal(barcodes.Count, barcodes.Distinct().Count());
    }

    [Fact]
    public void SampleIndividually_re_samples_a_positive_tubes_members_once_each_and_counts_person_times()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound(policy: new PoolingPolicy(5, 5));
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 100).AsT0;
        foreach (var entry in round.MustTest.WalkIns)
        {
            _ = round.Scan(entry.Resident, site.Id, round.Start);
        }

        var pooled = round.Tubes[0];
        var outsider = round.MustTest.WalkIns.First(e => !pooled.Members.Contains(e.Resident)).Resident;
        Assert.True(round.SampleIndividually(pooled.Members[0], round.Start).IsT1); // not on the list yet
        _ = round.RecordResult(pooled.Barcode, TubeResult.Positive, round.Start).AsT0;
        var before = round.Statistics().Tests;
        foreach (var member in pooled.Members)
        {
            var single = round.SampleIndividually(member, round.Start.Plus(Duration.FromHours(8))).AsT0;
            Assert.Equal(PoolClass.Individual, single.PoolClass);
            Assert.Equal([member], single.Members);
        }

        Assert.True(round.SampleIndividually(pooled.Members[0], round.Start).IsT2);
        Assert.True(round.SampleIndividually(outsider, round.Start).IsT1);
        Assert.Empty(round.PendingResamples);
        Assert.Equal(before + pooled.Members.Count, round.Statistics().Tests);
        Assert.Equal(pooled.Members, round.Resamples.Select(r => r.Resident));
        var confirmed = round.ResampleOf(pooled.Members[0])!;
        _ = round.RecordResult(confirmed.Barcode, TubeResult.Positive, round.Start.Plus(Duration.FromHours(9))).AsT0;
        Assert.Equal(pooled.Members, round.Resamples.Select(r => r.Resident)); // a re-sample tube is not re-sampled again
    }

    [Fact]
    public void RecordAntigen_keeps_reports_beside_the_round()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var resident = round.MustTest.Entries[0].Resident;
        var report = round.RecordAntigen(resident, round.Start, positive: false);
        Assert.Equal(report, Assert.Single(round.AntigenReports));
        Assert.IsType<AntigenReported>(round.PendingEvents[^1]);
    }

    [Fact]
    public void TubeBarcode_rejects_bad_text()
    {
        Assert.Throws<ArgumentException>(() => new TubeBarcode("has space"));
        Assert.Throws<ArgumentException>(() => new TubeBarcode(new string('9', 33)));
    }
}
