using CommunityDomain.Communities;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>
/// The atomicity promise of every community command, checked over a script: a failed (or no-op) command
/// leaves the state, the version and the pending events exactly as they were; a change bumps the version
/// once and raises one event stamped with that version and the clock's instant.
/// </summary>
internal static class CommandAtomicity
{
    public static void Check(Community community, FakeClock clock, IEnumerable<CommunityOp> ops)
    {
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
                Assert.Equal(version, community.Version);
                Assert.Equal(events, community.PendingEvents.Count);
            }
            else
            {
                Assert.Equal(version + 1, community.Version);
                Assert.Equal(events + 1, community.PendingEvents.Count);
                var raised = community.PendingEvents[^1];
                Assert.Equal(community.Version, raised.Version);
                Assert.Equal(clock.GetCurrentInstant(), raised.OccurredAt);
                Assert.NotEqual(before, community.ToState());
            }
        }
    }
}
