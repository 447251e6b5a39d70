using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A resident left town for a while (外出).</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Resident">The resident.</param>
/// <param name="Since">When they left.</param>
public sealed record ResidentWentAway(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Resident> Resident,
    Instant Since) : IDomainEvent;
