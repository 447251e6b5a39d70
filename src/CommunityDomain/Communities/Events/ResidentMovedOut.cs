using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A resident moved out of the community.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Resident">The resident.</param>
/// <param name="Household">The household they left.</param>
/// <param name="At">When they moved out.</param>
public sealed record ResidentMovedOut(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Resident> Resident,
    Id<Household> Household,
    Instant At) : IDomainEvent;
