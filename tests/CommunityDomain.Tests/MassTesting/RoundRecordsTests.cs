using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Events;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>Exemptions keep their reason; a command raises one version; a stored series restores or is refused naming the member.</summary>
public sealed class RoundRecordsTests
{
    [Fact]
    public void Exempt_keeps_the_reason_in_the_round_its_event_and_the_closure()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var entry = round.MustTest.WalkIns.First();
        _ = round.DequeueEvents();

        Assert.True(round.Exempt(entry.Resident, "  dialysis at the county hospital ").IsT0);

        Assert.Equal("dialysis at the county hospital", round.ExemptReasonOf(entry.Resident));
        ExemptResident exemption = Assert.Single(round.Exemptions);
        Assert.Equal((entry.Resident, entry.Building, entry.Unit, entry.MaskedName, "dialysis at the county hospital"),
            (exemption.Resident, exemption.Building, exemption.Unit, exemption.MaskedName, exemption.Reason));
        var raised = Assert.IsType<ResidentExcused>(Assert.Single(round.DequeueEvents()));
        Assert.Equal((Disposition.Exempt, "dialysis at the county hospital"), (raised.Disposition, raised.Reason));
        var closure = round.Closure();
        Assert.Equal(exemption, Assert.Single(closure.Exemptions));
        Assert.Equal(closure.Exempt, closure.Exemptions.Count);
        Assert.Equal(exemption, Assert.Single(round.Closure(entry.Compound).Exemptions));
        Assert.DoesNotContain("dialysis", closure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dialysis", exemption.ToString(), StringComparison.Ordinal);
        Assert.Equal($"{entry.MaskedName} ({entry.Resident}, exempt)", exemption.ToString());
    }

    [Fact]
    public void Exempt_again_replaces_a_different_reason_and_ignores_the_same_one()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var resident = round.MustTest.WalkIns.First().Resident;
        _ = round.Exempt(resident, "in hospital");
        var version = round.Version;

        Assert.True(round.Exempt(resident, "in hospital").IsT0);
        Assert.Equal(version, round.Version);

        Assert.True(round.Exempt(resident, "quarantined in a hotel").IsT0);
        Assert.Equal(version + 1, round.Version);
        Assert.Equal("quarantined in a hotel", round.ExemptReasonOf(resident));
        Assert.Equal("quarantined in a hotel", round.PendingEvents.OfType<ResidentExcused>().Last().Reason);

        Assert.True(round.MarkAway(resident).IsT0);
        Assert.Null(round.ExemptReasonOf(resident));
        Assert.Empty(round.Exemptions);
        Assert.Null(round.PendingEvents.OfType<ResidentExcused>().Last().Reason);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => round.Exempt(resident, " ")).ParamName);
    }

    [Fact]
    public void A_list_exemption_shows_its_reason_in_the_closure()
    {
        var fixture = new RoundFixture();
        var resident = fixture.Community.Residents.First(r => r.Presence == CommunityDomain.Communities.Presence.Present).Id;
        var at = fixture.Series.StartOf(fixture.Series.FirstDay);
        var list = MustTestList.From(fixture.Community, fixture.Community.Compounds.Select(c => c.Id), at, new Dictionary<Id<CommunityDomain.Communities.Resident>, string> { [resident] = "in hospital" });
        var round = fixture.Series.StartRound(list, PoolingPolicy.Standard).AsT0;

        Assert.Equal("in hospital", Assert.Single(round.Closure().Exemptions).Reason);
        Assert.Equal("in hospital", round.ExemptReasonOf(resident));
    }

    [Fact]
    public void Scan_that_fills_a_tube_and_CloseSite_that_closes_tubes_raise_the_version_once()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound(policy: new PoolingPolicy(1, 1));
        var a = round.AddSite(fixture.OpenCompound.Id, "A", 2, 50).AsT0;
        var b = round.AddSite(fixture.OpenCompound.Id, "B", 2, 50).AsT0;
        _ = round.DequeueEvents();
        var walkIn = round.MustTest.WalkIns.First();

        var version = round.Version;
        _ = round.Scan(walkIn.Resident, a.Id, fixture.Clock.GetCurrentInstant()).AsT0;
        Assert.Equal(version + 1, round.Version);
        var events = round.DequeueEvents();
        Assert.Equal([typeof(ResidentSampled), typeof(TubeClosed)], events.Select(e => e.GetType()));
        Assert.All(events, e => Assert.Equal(round.Version, e.Version));

        var next = round.MustTest.WalkIns.Skip(1).First();
        round = new RoundFixture().StartRound(policy: new PoolingPolicy(5, 5));
        b = round.AddSite(fixture.OpenCompound.Id, "B", 2, 50).AsT0;
        foreach (var entry in round.MustTest.WalkIns.Take(3))
        {
            _ = round.Scan(entry.Resident, b.Id, fixture.Clock.GetCurrentInstant());
        }

        _ = round.DequeueEvents();
        version = round.Version;
        var closed = round.CloseSite(b.Id, fixture.Clock.GetCurrentInstant());
        Assert.NotEmpty(closed.AsT0.TubesClosed);
        Assert.Equal(version + 1, round.Version);
        Assert.All(round.DequeueEvents(), e => Assert.Equal(round.Version, e.Version));
        Assert.NotEqual(walkIn.Resident, next.Resident);
    }

    [Fact]
    public void SampleAtDoor_and_SampleIndividually_raise_the_version_once()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound(policy: new PoolingPolicy(1, 1));
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 50).AsT0;
        var home = round.MustTest.DoorToDoor.First().Household;
        var version = round.Version;
        _ = round.SampleAtDoor(home, fixture.Clock.GetCurrentInstant()).AsT0;
        Assert.Equal(version + 1, round.Version);

        var walkIn = round.MustTest.WalkIns.First().Resident;
        var tube = round.Scan(walkIn, site.Id, fixture.Clock.GetCurrentInstant()).AsT0;
        _ = round.RecordResult(tube.Barcode, TubeResult.Positive, fixture.Clock.GetCurrentInstant()).AsT0;
        version = round.Version;
        _ = round.SampleIndividually(walkIn, fixture.Clock.GetCurrentInstant()).AsT0;
        Assert.Equal(version + 1, round.Version);
        Assert.All(round.PendingEvents.Where(e => e.Version > version), e => Assert.Equal(version + 1, e.Version));
    }

    [Fact]
    public void Restore_keeps_reasons_and_continues_the_story_with_the_same_figures()
    {
        var (fixture, series) = TestingSamples.Busy();
        _ = series.DequeueEvents();
        var read = CommunityJson.Read<TestingSeriesState>(CommunityJson.Write(series.ToState())).AsT0;
        var restored = TestingSeries.Restore(read, fixture.Clock);

        TestingSamples.AssertSameQueries(series, restored);
        Assert.Contains(restored.Rounds[0].Exemptions, e => e.Reason == TestingSamples.RoundReason);
        Assert.Contains(restored.Rounds[0].Exemptions, e => e.Reason == TestingSamples.ListReason);

        // Day 3 starts on both; the restored copy numbers its tubes and versions as the original does.
        fixture.Clock.Reset(series.StartOf(series.FirstDay.PlusDays(2)));
        var list = MustTestList.From(fixture.Community, [fixture.OpenCompound.Id], fixture.Clock.GetCurrentInstant());
        var third = series.StartRound(list, PoolingPolicy.Standard).AsT0;
        var copy = restored.StartRound(list, PoolingPolicy.Standard).AsT0;
        foreach (var round in new[] { third, copy })
        {
            var site = round.AddSite(fixture.OpenCompound.Id, "A", 2, 50).AsT0;
            foreach (var entry in round.MustTest.WalkIns)
            {
                _ = round.Scan(entry.Resident, site.Id, fixture.Clock.GetCurrentInstant());
            }
        }

        TestingSamples.AssertSameQueries(series, restored);
        Assert.Null(CommunityDomain.Tests.Contracts.DeepEquality.Difference(series.DequeueEvents().ToList(), restored.DequeueEvents().ToList()));
        Assert.Null(CommunityDomain.Tests.Contracts.DeepEquality.Difference(third.DequeueEvents().ToList(), copy.DequeueEvents().ToList()));
    }

    public static TheoryData<string, string> Damages() => new()
    {
        { "zone", "state.ZoneId" },
        { "version", "state.Version" },
        { "round date", "state.Rounds[0].Date" },
        { "round number", "state.Rounds[1].Number" },
        { "pool", "state.Rounds[0].GeneralPool" },
        { "barcode", "state.Rounds[0].Tubes[1].Barcode" },
        { "sampled twice", "state.Rounds[0].Tubes[1].Members[0]" },
        { "unlisted member", "state.Rounds[0].Tubes[0].Members[0]" },
        { "result without instant", "state.Rounds[0].Tubes[1].ResultAt" },
        { "re-sample of a negative", "state.Rounds[0].Tubes[9].Members[0]" },
        { "excused and sampled", "state.Rounds[0].Excused[0].ResidentId" },
        { "blank reason", "state.Rounds[0].Excused[0].Reason" },
        { "round version", "state.Rounds[0].Version" },
        { "null tube", "state.Rounds[0].Tubes[2]" },
        { "untrimmed list reason", "state.Rounds[0].MustTest.Entries[0].ExemptReason" },
        { "twice listed", "state.Rounds[0].MustTest.Entries[1].ResidentId" },
        { "site out of scope", "state.Rounds[1].Sites[0].CompoundId" },
        { "assisted not scanned", "state.Rounds[0].Assisted[0]" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Restore_inconsistent_state_names_the_member_at_fault(string damage, string path)
    {
        var (fixture, series) = TestingSamples.Busy();
        var s = series.ToState();
        var r = s.Rounds[0];
        var tubes = r.Tubes.ToList();
        TestingRoundState Round(TestingRoundState x) => x;
        TestingSeriesState WithRound(TestingRoundState x) => s with { Rounds = [x, .. s.Rounds.Skip(1)] };
        TestingSeriesState WithTube(int i, TubeState t) => WithRound(r with { Tubes = [.. tubes.Take(i), t, .. tubes.Skip(i + 1)] });
        var entries = r.MustTest.Entries;
        var bad = damage switch
        {
            "zone" => s with { ZoneId = "Mars/Olympus" },
            "version" => s with { Version = 5 },
            "round date" => WithRound(r with { Date = s.FirstDay.PlusDays(-1) }),
            "round number" => s with { Rounds = [r, s.Rounds[1] with { Number = 3 }] },
            "pool" => WithRound(r with { GeneralPool = 7 }),
            "barcode" => WithTube(1, tubes[1] with { Barcode = "S1-R01-000009" }),
            "sampled twice" => WithTube(1, tubes[1] with { Members = [tubes[0].Members[0]] }),
            "unlisted member" => WithTube(0, tubes[0] with { Members = [9999, .. tubes[0].Members.Skip(1)] }),
            "result without instant" => WithTube(1, tubes[1] with { ResultAt = null }),
            "re-sample of a negative" => WithTube(9, tubes[9] with { Members = [tubes[3].Members[0]], HouseholdId = entries.First(e => e.ResidentId == tubes[3].Members[0]).HouseholdId }),
            "excused and sampled" => WithRound(r with { Excused = [r.Excused[0] with { ResidentId = tubes[1].Members[0] }, .. r.Excused.Skip(1)] }),
            "blank reason" => WithRound(r with { Excused = [r.Excused[0] with { Reason = " " }, .. r.Excused.Skip(1)] }),
            "round version" => WithRound(r with { Version = 3 }),
            "null tube" => WithRound(r with { Tubes = [tubes[0], tubes[1], null!, .. tubes.Skip(3)] }),
            "untrimmed list reason" => WithRound(r with { MustTest = r.MustTest with { Entries = [entries[0] with { ExemptReason = "in hospital " }, .. entries.Skip(1)] } }),
            "twice listed" => WithRound(r with { MustTest = r.MustTest with { Entries = [entries[0], entries[0] with { Disposition = Disposition.WalkIn, ExemptReason = null }, .. entries.Skip(2)] } }),
            "site out of scope" => s with { Rounds = [r, s.Rounds[1] with { Sites = [s.Rounds[1].Sites[0] with { CompoundId = 2 }] }] },
            _ => WithRound(Round(r) with { Assisted = [r.Excused[0].ResidentId] }),
        };

        var error = Assert.Throws<ArgumentException>(() => TestingSeries.Restore(bad, fixture.Clock));
        Assert.Equal(path, error.ParamName);
        Assert.DoesNotContain(TestingSamples.RoundReason, error.Message, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain(e.MaskedName, error.Message, StringComparison.Ordinal));
    }
}
