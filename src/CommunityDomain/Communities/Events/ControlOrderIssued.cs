using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A control order was issued.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Order">The new order.</param>
/// <param name="Level">Its level.</param>
/// <param name="Scope">The area covered.</param>
/// <param name="From">When it takes effect.</param>
/// <param name="Until">Its planned end, if any.</param>
public sealed record ControlOrderIssued(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<ControlOrder> Order,
    ControlLevel Level,
    ControlScope Scope,
    Instant From,
    Instant? Until) : IDomainEvent;
