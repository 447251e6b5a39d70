using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A compound was added to the community.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Compound">The new compound.</param>
public sealed record CompoundAdded(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Compound> Compound) : IDomainEvent;
