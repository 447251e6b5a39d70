namespace CommunityDomain.Kernel;

/// <summary>A fact that happened to an aggregate, raised only when a command really changed it.</summary>
/// <remarks>
/// Events carry ids and facts, never residents' names, identity numbers or phone numbers. The host
/// collects them with <see cref="AggregateRoot.DequeueEvents"/> and dispatches them itself.
/// </remarks>
public interface IDomainEvent
{
    /// <summary>When the command took effect, read from the aggregate's clock.</summary>
    Instant OccurredAt { get; }

    /// <summary>Who issued the command.</summary>
    Actor By { get; }

    /// <summary>The aggregate's version after the change.</summary>
    long Version { get; }
}
