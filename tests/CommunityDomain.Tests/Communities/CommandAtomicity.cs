using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>
/// The kernel's promise, one check for every aggregate over a script of commands: a failed (or no-op) command
/// leaves the state, the version and the pending events exactly as they were; a change raises the version by
/// exactly one and raises events all stamped with that version and the clock's instant.
/// </summary>
internal static class CommandAtomicity
{
    public static void Check(Community community, FakeClock clock, IEnumerable<CommunityOp> ops) =>
        Check(community, clock, ops.Select(op => (Func<Community, bool>)op.Apply), c => c.ToState(), oneEvent: true);

    /// <summary>Runs <paramref name="commands"/> in order against <paramref name="aggregate"/>, checking each.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="clock">The clock that stamps its events; advanced a minute before each command.</param>
    /// <param name="commands">Each returns true when it succeeded (its OneOf holds the first case).</param>
    /// <param name="state">The aggregate's whole state, compared by value.</param>
    /// <param name="oneEvent">True when every change raises exactly one event.</param>
    public static void Check<TAggregate, TState>(TAggregate aggregate, FakeClock clock, IEnumerable<Func<TAggregate, bool>> commands,
        Func<TAggregate, TState> state, bool oneEvent = false)
        where TAggregate : AggregateRoot
    {
        foreach (var command in commands)
        {
            clock.AdvanceMinutes(1);
            var before = state(aggregate);
            var version = aggregate.Version;
            var events = aggregate.PendingEvents.Count;

            var succeeded = command(aggregate);

            if (!succeeded || aggregate.Version == version)
            {
                Assert.Equal(before, state(aggregate));
                Assert.Equal(version, aggregate.Version);
                Assert.Equal(events, aggregate.PendingEvents.Count);
            }
            else
            {
                Assert.Equal(version + 1, aggregate.Version);
                var raised = aggregate.PendingEvents.Skip(events).ToList();
                Assert.True(oneEvent ? raised.Count == 1 : raised.Count >= 1, $"{raised.Count} events raised");
                Assert.All(raised, e => Assert.Equal((aggregate.Version, clock.GetCurrentInstant()), (e.Version, e.OccurredAt)));
                Assert.NotEqual(before, state(aggregate));
            }
        }
    }
}
