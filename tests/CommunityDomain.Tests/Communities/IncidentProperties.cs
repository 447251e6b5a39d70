using CommunityDomain.Communities;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Communities;

[Properties(Arbitrary = new[] { typeof(IncidentArbitraries) }, MaxTest = 200)]
public sealed class IncidentProperties
{
    [Property]
    public void A_failed_incident_command_changes_nothing_and_a_change_raises_one_event_per_version(CommunityOp[] ops)
    {
        var clock = new FakeClock(CommunityOps.T0);
        CommandAtomicity.Check(IncidentArbitraries.Seeded(clock), clock, ops);
    }

    [Property]
    public void A_rebuilt_community_has_the_same_incidents_and_answers(CommunityOp[] ops)
    {
        var community = IncidentArbitraries.Seeded();
        foreach (var op in ops)
        {
            op.Apply(community);
        }

        var rebuilt = Community.Restore(community.ToState(), new FakeClock(CommunityOps.T0));

        Assert.Equal(community.ToState(), rebuilt.ToState());
        for (var hour = -6; hour <= 90; hour += 5)
        {
            Assert.Equal(community.IncidentsOpenAt(CommunityOps.At(hour)).Select(i => i.Id), rebuilt.IncidentsOpenAt(CommunityOps.At(hour)).Select(i => i.Id));
        }
    }

    [Property(Arbitrary = new[] { typeof(EpisodeArbitraries) })]
    public void Open_incidents_and_extra_demand_match_a_brute_force_over_the_raw_fields(CommunityOp[] ops, PositiveInt length)
    {
        var community = IncidentArbitraries.Seeded();
        foreach (var op in ops)
        {
            op.Apply(community);
        }

        // Every generated time is a whole hour, so open sets only change on whole hours.
        for (var hour = -12; hour <= 70; hour++)
        {
            var at = CommunityOps.At(hour);
            var open = community.Incidents.Where(i => i.ReportedAt <= at && (i.ResolvedAt is null || at < i.ResolvedAt));
            Assert.Equal(open.Select(i => i.Id), community.IncidentsOpenAt(at).Select(i => i.Id));
        }

        var span = length.Get % 40;
        foreach (var post in community.Compounds.SelectMany(c => c.Posts))
        {
            for (var first = -10; first <= 50; first += 3)
            {
                var peak = 0;
                for (var hour = first; hour < first + span; hour++)
                {
                    var at = CommunityOps.At(hour);
                    peak = Math.Max(peak, community.Incidents.Where(i => i.PostId == post && i.ReportedAt <= at && (i.ResolvedAt is null || at < i.ResolvedAt)).Sum(i => i.ExtraOnDuty));
                }

                Assert.Equal(peak, community.ExtraDemand(post, new Interval(CommunityOps.At(first), CommunityOps.At(first + span))));
            }
        }
    }
}

/// <summary>Report-and-resolve episodes, for the query property.</summary>
public static class EpisodeArbitraries
{
    public static Arbitrary<CommunityOp[]> Ops() =>
        CommunityOps.Sequences(Gen.Frequency((3, IncidentArbitraries.EpisodeOp), (2, IncidentArbitraries.IncidentOp)), 12);
}
