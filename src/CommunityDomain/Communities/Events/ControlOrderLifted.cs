using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A control order was lifted early.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Order">The order.</param>
/// <param name="At">When it stops being in force.</param>
public sealed record ControlOrderLifted(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<ControlOrder> Order,
    Instant At) : IDomainEvent;
