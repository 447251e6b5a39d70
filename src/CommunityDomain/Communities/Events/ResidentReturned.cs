using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A resident who was away came back.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Resident">The resident.</param>
/// <param name="Since">When they came back.</param>
public sealed record ResidentReturned(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Resident> Resident,
    Instant Since) : IDomainEvent;
