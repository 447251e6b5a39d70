using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A resident moved from one household of the community to another.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Resident">The resident.</param>
/// <param name="From">The household they left.</param>
/// <param name="To">The household they joined.</param>
/// <param name="At">When they moved.</param>
public sealed record ResidentMoved(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Resident> Resident,
    Id<Household> From,
    Id<Household> To,
    Instant At) : IDomainEvent;
