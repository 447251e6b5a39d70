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
        var community = CommunityOps.Seeded(clock);
        foreach (var op in ops)
        {
            clock.AdvanceMinutes(1);
            var before = community.ToState();
            var version = community.Version;
            var events = community.PendingEvents.Count;

            var succeeded = op.Apply(community);

            if (!succeeded || community.Version == version)
            {
                Assert.Equal(before, community.ToState());
                Assert.Equal(events, community.PendingEvents.Count);
            }
            else
            {
                Assert.Equal(version + 1, community.Version);
                Assert.Equal(events + 1, community.PendingEvents.Count);
                Assert.Equal(community.Version, community.PendingEvents[^1].Version);
                Assert.NotEqual(before, community.ToState());
            }
        }
    }

    [Property]
    public void A_rebuilt_community_has_the_same_incidents_and_answers(CommunityOp[] ops)
    {
        var community = CommunityOps.Seeded();
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

    [Property]
    public void Open_incidents_and_extra_demand_match_a_brute_force_over_the_raw_fields(CommunityOp[] ops, NonNegativeInt from, NonNegativeInt length)
    {
        var community = CommunityOps.Seeded();
        foreach (var op in ops)
        {
            op.Apply(community);
        }

        // Every generated time is a whole hour, so open sets only change on whole hours.
        var first = (from.Get % 100) - 10;
        var last = first + (length.Get % 40);
        var window = new Interval(CommunityOps.At(first), CommunityOps.At(last));
        foreach (var post in community.Compounds.SelectMany(c => c.Posts))
        {
            var peak = 0;
            for (var hour = first; hour < last; hour++)
            {
                var at = CommunityOps.At(hour);
                var open = community.Incidents.Where(i => i.ReportedAt <= at && (i.ResolvedAt is null || at < i.ResolvedAt)).ToList();
                Assert.Equal(open.Select(i => i.Id), community.IncidentsOpenAt(at).Select(i => i.Id));
                peak = Math.Max(peak, open.Where(i => i.PostId == post).Sum(i => i.ExtraOnDuty));
            }

            Assert.Equal(peak, community.ExtraDemand(post, window));
        }
    }
}
