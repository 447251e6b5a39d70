using CommunityDomain.Communities;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// The records a round stores for its sites, its excused residents and its self-reported antigen tests: one record
/// each, with the values the commands were given, and a restored series answers from them as the original did.
/// </summary>
public sealed class RoundStateRecordsTests
{
    [Fact]
    public void ToState_stores_a_site_an_excusal_and_an_antigen_report_as_given_and_Restore_reads_them_back()
    {
        var fixture = new RoundFixture();
        var round = fixture.StartRound();
        var walkIns = round.MustTest.WalkIns.OrderBy(e => e.Resident.Value).Take(3).ToList();
        var (away, exempt, selfTested) = (walkIns[0].Resident, walkIns[1].Resident, walkIns[2].Resident);
        var site = round.AddSite(fixture.OpenCompound.Id, "东门", 2, 50, position: new Position(30, 40), walkDown: Duration.FromMinutes(3)).AsT0;
        var at = fixture.Clock.GetCurrentInstant();
        Assert.True(round.MarkAway(away).IsT0);
        Assert.True(round.Exempt(exempt, "in hospital").IsT0);
        Assert.True(round.RecordAntigen(selfTested, at, positive: true).IsT0);
        Assert.True(round.CloseSite(site.Id, at).IsT0);

        var state = round.ToState();

        Assert.Equal([new SamplingSiteState(1, fixture.OpenCompound.Id.Value, "东门", 2, 50, 30, 40, Duration.FromMinutes(3), at)], state.Sites);
        Assert.Equal([new ExcusalState(away.Value, Disposition.Away, null), new ExcusalState(exempt.Value, Disposition.Exempt, "in hospital")], state.Excused);
        Assert.Equal([new AntigenReportState(selfTested.Value, at, true)], state.AntigenReports);
        Assert.DoesNotContain("hospital", state.Excused[1].ToString(), StringComparison.Ordinal);

        var restored = TestingSeries.Restore(fixture.Series.ToState(), fixture.Clock).Rounds[^1];
        Assert.Equal("in hospital", restored.ExemptReasonOf(exempt));
        Assert.Equal((CoverageStatus?)CoverageStatus.Away, restored.StatusOf(away));
        Assert.Equal([new AntigenReport(selfTested, at, true)], restored.AntigenReports);
        Assert.Equal(at, Assert.Single(restored.Sites).ClosedAt);
    }
}
