using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Rostering.Coordination;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// The developer texts a person still meets in logs and debuggers (<see cref="ControlOrder"/>, <see cref="Incident"/>,
/// <see cref="IncidentRaisesDemand"/>) keep their ids but show the community's local time with its zone named, never a
/// UTC instant (issue 12: "ControlOrder.ToString() shows 2022-08-17T16:00:00Z for a community in Asia/Shanghai").
/// </summary>
public sealed partial class DisplayTextProperties
{
    private static readonly string[] Zones = ["Asia/Shanghai", "Asia/Urumqi", "Europe/London", "America/New_York", "Pacific/Chatham", "UTC"];

    /// <summary>An instant and a zone as an independent oracle writes them: local wall time, then the zone id.</summary>
    /// In the repeated hour of a fall-back (two instants with the same wall time) the offset is named too.
    private static string Expected(Instant at, DateTimeZone zone)
    {
        var local = at.InZone(zone).LocalDateTime;
        var twice = zone.AtLeniently(local).ToInstant() != zone.ResolveLocal(local, NodaTime.TimeZones.Resolvers.CreateMappingResolver(NodaTime.TimeZones.Resolvers.ReturnLater, NodaTime.TimeZones.Resolvers.ReturnStartOfIntervalAfter)).ToInstant();
        return local.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + zone.Id
            + (twice ? ", UTC" + (at.InZone(zone).Offset.Seconds < 0 ? "-" : "+") + TimeSpan.FromSeconds(Math.Abs(at.InZone(zone).Offset.Seconds)).ToString(@"hh\:mm", CultureInfo.InvariantCulture) : "") + ")";
    }

    private static (Community Community, Post Gate, DateTimeZone Zone) Community(int zoneIndex, Instant now)
    {
        var zone = DateTimeZoneProviders.Tzdb[Zones[zoneIndex % Zones.Length]];
        var community = CommunityDomain.Communities.Community.Create("c", zone, new FakeClock(now));
        var compound = community.AddCompound("Dongfang").AsT0;
        return (community, community.AddPost(compound.Id, PostKind.Gate, "East gate").AsT0, zone);
    }

    [Property(MaxTest = 200)]
    public bool A_control_order_shows_its_start_and_end_in_the_community_local_time_never_utc(NonNegativeInt zoneIndex, int minutes, PositiveInt length, bool ended, bool restored)
    {
        var from = Instant.FromUtc(2022, 8, 18, 0, 0).Plus(Duration.FromMinutes(minutes % 500_000));
        var (community, gate, zone) = Community(zoneIndex.Get, from);
        Instant? until = ended ? from.Plus(Duration.FromMinutes(length.Get % 100_000 + 1)) : null;
        var order = community.Issue(new ControlOrderRequest(ControlLevel.Sealed, ControlScope.Of(gate.CompoundId), from, "case contact", until)).AsT0;
        var text = restored ? CommunityDomain.Communities.Community.Restore(community.ToState(), new FakeClock(from)).ControlOrders.Single().ToString() : order.ToString();
        return !UtcInstant().IsMatch(text)
            && text.Contains("from " + Expected(from, zone), StringComparison.Ordinal)
            && (until is not { } u ? text.Contains("(open-ended)", StringComparison.Ordinal) : text.Contains("until " + Expected(u, zone), StringComparison.Ordinal))
            && text.Contains(order.Id.ToString(), StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool An_incident_and_the_demand_it_raises_show_local_times_never_utc(NonNegativeInt zoneIndex, int minutes, PositiveInt length, bool resolved, bool restored)
    {
        var at = Instant.FromUtc(2022, 8, 23, 0, 0).Plus(Duration.FromMinutes(minutes % 500_000));
        var (community, gate, zone) = Community(zoneIndex.Get, at);
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, at, 1, "gate motor failed").AsT0;
        var end = at.Plus(Duration.FromMinutes(length.Get % 10_000 + 1));
        if (resolved)
        {
            community.ResolveIncident(incident.Id, end, new IncidentCost(380m, "two residents"));
        }

        var shown = restored ? CommunityDomain.Communities.Community.Restore(community.ToState(), new FakeClock(end)).Incidents.Single() : incident;
        var change = IncidentRaisesDemand.From(shown, zone);
        var texts = new[] { shown.ToString(), change.ToString() };
        var window = "from " + Expected(at, zone) + (resolved ? " until " + Expected(end, zone) : " (open)");
        return texts.All(t => !UtcInstant().IsMatch(t) && t.Contains(window, StringComparison.Ordinal) && t.Contains(gate.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void ControlOrder_to_string_for_the_pubai_start_reads_0500_shanghai_not_the_utc_instant_of_the_issue()
    {
        // The handed case: 18 August 2022 00:00 in Shanghai is 2022-08-17T16:00:00Z.
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var from = new LocalDateTime(2022, 8, 18, 0, 0).InZoneStrictly(zone).ToInstant();
        var community = CommunityDomain.Communities.Community.Create("Pubai", zone, new FakeClock(from));
        var meiyuan = community.AddCompound("Meiyuan").AsT0;
        var order = community.Issue(ControlOrderRequest.Sealed(meiyuan.Id, from, "sealed-control area")).AsT0;

        Assert.Equal($"Sealed over {ControlScope.Of(meiyuan.Id)} from 2022-08-18 00:00 (Asia/Shanghai) (open-ended) ({order.Id})", order.ToString());
        Assert.DoesNotContain("2022-08-17T16:00:00Z", order.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IncidentRaisesDemand_to_string_for_the_gate_motor_reads_local_times_not_utc()
    {
        // The handed case: "from 2022-08-22T23:30:00Z" under "reported 08-23 07:30".
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var failed = new LocalDateTime(2022, 8, 23, 7, 30).InZoneStrictly(zone).ToInstant();
        var community = CommunityDomain.Communities.Community.Create("Pubai", zone, new FakeClock(failed));
        var gate = community.AddPost(community.AddCompound("Dongfang").AsT0.Id, PostKind.Gate, "South gate").AsT0;
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, failed, 1, "gate motor failed").AsT0;
        community.ResolveIncident(incident.Id, failed.Plus(Duration.FromHours(51)), new IncidentCost(380m, "two residents"));

        Assert.Equal($"{gate.Id} +1 from 2022-08-23 07:30 (Asia/Shanghai) until 2022-08-25 10:30 (Asia/Shanghai)", IncidentRaisesDemand.From(incident, zone).ToString());
        Assert.Equal($"GateFailure at {gate.Id} from 2022-08-23 07:30 (Asia/Shanghai) until 2022-08-25 10:30 (Asia/Shanghai), +1 on duty ({incident.Id})", incident.ToString());
    }
}

/// <summary>
/// Types that know no zone (a pass's content, a loudspeaker call, a wave plan's statistics) show an instant in plain ISO with
/// "UTC" said in words; those that know it (community statistics) show local time with the zone (issue 12 remainder).
/// </summary>
public sealed class ZonelessTextProperties
{
    [Property(MaxTest = 200)]
    public bool No_pass_call_or_statistics_text_shows_a_bare_utc_instant(int minutes, PositiveInt length)
    {
        var at = Instant.FromUtc(2022, 8, 18, 0, 0).Plus(Duration.FromMinutes(minutes % 500_000));
        var until = at.Plus(Duration.FromMinutes(length.Get % 10_000 + 1));
        var plain = at.InUtc().LocalDateTime.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var pass = new CommunityDomain.Passes.PassContent(default, new CommunityDomain.Kernel.Id<Household>(1), at, until, Duration.FromHours(2), default).ToString();
        var call = new CommunityDomain.MassTesting.Planners.WaveCall(at, 1, 1, null, 1, 2, [], 3, "请下楼", "come down").ToString();
        var shanghai = new CommunityStatistics(at, "Asia/Shanghai", []).ToString();
        var zoneless = new CommunityStatistics(at, "not a zone", []).ToString();
        var utc = new System.Text.RegularExpressions.Regex(@"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z|\d\d:\d\d(:\d\d)?Z");
        return new[] { pass, call, shanghai, zoneless }.All(t => !utc.IsMatch(t))
            && pass.Contains(plain, StringComparison.Ordinal) && call.StartsWith(plain, StringComparison.Ordinal) && zoneless.Contains(plain, StringComparison.Ordinal)
            && shanghai.Contains(at.InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).LocalDateTime.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Asia/Shanghai)", StringComparison.Ordinal);
    }
}
