using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Communities;

public sealed class IncidentTests
{
    private static readonly Actor Head = Actor.Of("head.zhang");

    private static (Community Community, Post Gate, FakeClock Clock) WithGate()
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var gate = community.AddPost(new Id<Compound>(1), PostKind.Gate, "East gate").AsT0;
        community.DequeueEvents();
        return (community, gate, clock);
    }

    [Fact]
    public void ReportIncident_opens_an_incident_and_raises_IncidentReported()
    {
        var (community, gate, clock) = WithGate();
        var version = community.Version;

        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(5), 1, "gate motor failed", Head).AsT0;

        Assert.Equal(version + 1, community.Version);
        Assert.Equal(new Id<Incident>(1), incident.Id);
        Assert.Equal(gate.CompoundId, incident.CompoundId);
        Assert.False(incident.IsResolved);
        Assert.False(incident.Window.HasEnd);
        var raised = Assert.IsType<IncidentReported>(Assert.Single(community.PendingEvents));
        Assert.Equal(new IncidentReported(clock.GetCurrentInstant(), Head, community.Version, incident.Id, gate.Id, IncidentKind.GateFailure, CommunityOps.At(5), 1), raised);
    }

    [Fact]
    public void ReportIncident_on_an_unknown_post_returns_NotFound_and_changes_nothing()
    {
        var (community, _, _) = WithGate();
        var before = community.ToState();

        var result = community.ReportIncident(new Id<Post>(9), IncidentKind.Hazard, CommunityOps.At(0), 0, "loose wire");

        Assert.Equal(new NotFound<Post>(new Id<Post>(9)), result.AsT1);
        Assert.Equal(before, community.ToState());
        Assert.Empty(community.PendingEvents);
    }

    [Theory]
    [InlineData(-1, "x")]
    [InlineData(21, "x")]
    [InlineData(1, " ")]
    public void ReportIncident_with_nonsense_throws_naming_the_parameter(int extra, string summary)
    {
        var (community, gate, _) = WithGate();

        var ex = Assert.ThrowsAny<ArgumentException>(() => community.ReportIncident(gate.Id, IncidentKind.Other, CommunityOps.At(0), extra, summary));

        Assert.Equal(extra is < 0 or > 20 ? "extraOnDuty" : "summary", ex.ParamName);
    }

    [Fact]
    public void AssignRepair_records_the_party_and_resident_ids_and_raises_an_event_with_ids_only()
    {
        var (community, gate, _) = WithGate();
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(5), 1, "gate motor failed").AsT0;

        community.AssignRepair(incident.Id, "two resident volunteers", [new Id<Resident>(3), new Id<Resident>(1), new Id<Resident>(3)], Head);

        Assert.Equal("two resident volunteers", incident.Repairer);
        Assert.Equal([new Id<Resident>(1), new Id<Resident>(3)], incident.Repairers);
        var raised = Assert.IsType<IncidentRepairAssigned>(community.PendingEvents[^1]);
        Assert.Equal([new Id<Resident>(1), new Id<Resident>(3)], raised.Repairers);
        Assert.DoesNotContain("volunteers", raised.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AssignRepair_the_same_again_succeeds_silently()
    {
        var (community, gate, _) = WithGate();
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(5), 1, "gate motor failed").AsT0;
        community.AssignRepair(incident.Id, "property company");
        var version = community.Version;

        Assert.True(community.AssignRepair(incident.Id, " property company ").IsT0);

        Assert.Equal(version, community.Version);
    }

    [Fact]
    public void AssignRepair_to_an_unknown_resident_returns_NotFound_and_changes_nothing()
    {
        var (community, gate, _) = WithGate();
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(5), 1, "gate motor failed").AsT0;
        var before = community.ToState();

        var result = community.AssignRepair(incident.Id, "residents", [new Id<Resident>(1), new Id<Resident>(99)]);

        Assert.Equal(new NotFound<Resident>(new Id<Resident>(99)), result.AsT2);
        Assert.Equal(before, community.ToState());
        Assert.Null(incident.Repairer);
    }

    [Fact]
    public void ResolveIncident_closes_the_window_and_records_cost_and_payer()
    {
        var (community, gate, _) = WithGate();
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(5), 1, "gate motor failed").AsT0;

        community.ResolveIncident(incident.Id, CommunityOps.At(53), new IncidentCost(120m, "the two residents"), Head);

        Assert.Equal(new Interval(CommunityOps.At(5), CommunityOps.At(53)), incident.Window);
        Assert.Equal("120.00 CNY borne by the two residents", incident.Cost.ToString());
        Assert.True(incident.IsOpenAt(CommunityOps.At(53).Minus(Duration.Epsilon)));
        Assert.False(incident.IsOpenAt(CommunityOps.At(53)));
        var raised = Assert.IsType<IncidentResolved>(community.PendingEvents[^1]);
        Assert.Equal((incident.Id, gate.Id, CommunityOps.At(53), 120m), (raised.Incident, raised.Post, raised.ResolvedAt, raised.CostYuan));
    }

    [Fact]
    public void ResolveIncident_twice_or_too_early_returns_an_error_and_changes_nothing()
    {
        var (community, gate, _) = WithGate();
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(5), 1, "gate motor failed").AsT0;
        var early = community.ResolveIncident(incident.Id, CommunityOps.At(5), new IncidentCost(0, "nobody"));
        community.ResolveIncident(incident.Id, CommunityOps.At(8), new IncidentCost(0, "nobody"));
        var before = community.ToState();

        var again = community.ResolveIncident(incident.Id, CommunityOps.At(9), new IncidentCost(1, "office"));
        var reassigned = community.AssignRepair(incident.Id, "office");

        Assert.Equal(new ResolvedBeforeReported(incident.Id, CommunityOps.At(5), CommunityOps.At(5)), early.AsT3);
        Assert.Equal(new IncidentAlreadyResolved(incident.Id, CommunityOps.At(8)), again.AsT2);
        Assert.Equal(new IncidentAlreadyResolved(incident.Id, CommunityOps.At(8)), reassigned.AsT3);
        Assert.Equal(before, community.ToState());
        Assert.True(community.ResolveIncident(new Id<Incident>(7), CommunityOps.At(9), default).IsT1);
    }

    [Fact]
    public void Incident_errors_read_in_English_and_Chinese()
    {
        var error = new IncidentAlreadyResolved(new Id<Incident>(2), CommunityOps.At(0));
        var missing = new NotFound<Incident>(new Id<Incident>(4));

        Assert.Contains("already resolved", error.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("处理完毕", error.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Contains("incident", missing.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("突发事件", missing.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Contains("不能", new ResolvedBeforeReported(new Id<Incident>(1), CommunityOps.At(1), CommunityOps.At(0)).MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraDemand_is_the_peak_of_overlapping_incidents_not_their_sum()
    {
        var (community, gate, _) = WithGate();
        var a = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(0), 1, "motor").AsT0;
        community.ResolveIncident(a.Id, CommunityOps.At(4), new IncidentCost(0, "office"));
        community.ReportIncident(gate.Id, IncidentKind.Hazard, CommunityOps.At(6), 2, "wire");
        community.ReportIncident(gate.Id, IncidentKind.Other, CommunityOps.At(7), 1, "queue");

        Assert.Equal(2, community.ExtraDemand(gate.Id, new Interval(CommunityOps.At(2), CommunityOps.At(7))));
        Assert.Equal(3, community.ExtraDemand(gate.Id, new Interval(CommunityOps.At(2), CommunityOps.At(8))));
        Assert.Equal(1, community.ExtraDemand(gate.Id, new Interval(CommunityOps.At(-5), CommunityOps.At(6))));
        Assert.Equal(0, community.ExtraDemand(gate.Id, new Interval(CommunityOps.At(4), CommunityOps.At(6))));
        Assert.Equal(0, community.ExtraDemand(gate.Id, new Interval(CommunityOps.At(7), CommunityOps.At(7))));
        Assert.Equal(3, community.ExtraDemand(gate.Id, new Interval(CommunityOps.At(100), null)));
        Assert.Equal([2, 3], community.IncidentsOpenAt(CommunityOps.At(7)).Select(i => i.Id.Value));
    }

    [Fact]
    public void Incidents_survive_ToState_and_Restore()
    {
        var (community, gate, _) = WithGate();
        var a = community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(0), 1, "motor").AsT0;
        community.AssignRepair(a.Id, "two residents", [new Id<Resident>(2), new Id<Resident>(5)]);
        community.ResolveIncident(a.Id, CommunityOps.At(50), new IncidentCost(85.5m, "the two residents"));
        community.ReportIncident(gate.Id, IncidentKind.Hazard, CommunityOps.At(6), 0, "wire");

        var rebuilt = Community.Restore(community.ToState(), new FakeClock(CommunityOps.T0));

        Assert.Equal(community.ToState(), rebuilt.ToState());
        Assert.Equal(a.Cost, rebuilt.Get(a.Id).Cost);
        Assert.Equal(a.Repairers, rebuilt.Get(a.Id).Repairers);
        Assert.Contains("2 incidents", community.ToState().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_rejects_an_incident_on_an_unknown_post_or_resolved_before_reported()
    {
        var (community, gate, _) = WithGate();
        community.ReportIncident(gate.Id, IncidentKind.GateFailure, CommunityOps.At(0), 1, "motor");
        var state = community.ToState();
        var good = state.Incidents[0];

        Assert.Throws<ArgumentException>(() => Community.Restore(state with { Incidents = [good with { PostId = 99 }] }, new FakeClock(CommunityOps.T0)));
        Assert.Throws<ArgumentException>(() => Community.Restore(state with { Incidents = [good with { ResolvedAt = CommunityOps.At(-1) }] }, new FakeClock(CommunityOps.T0)));
        Assert.Throws<ArgumentException>(() => Community.Restore(state with { Incidents = [good with { Repairer = "x", Repairers = [99] }] }, new FakeClock(CommunityOps.T0)));
        Assert.Empty(Community.Restore(state with { Incidents = [] }, new FakeClock(CommunityOps.T0)).Incidents);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.001)]
    public void IncidentCost_rejects_negative_or_sub_fen_amounts(double yuan)
    {
        Assert.Throws<ArgumentException>(() => new IncidentCost((decimal)yuan, "office"));
    }

    [Fact]
    public void Default_IncidentCost_is_zero_borne_by_unknown()
    {
        Assert.Equal("0.00 CNY borne by unknown", default(IncidentCost).ToString());
    }
}
