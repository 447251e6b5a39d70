using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A unit was added to a building.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Unit">The new unit.</param>
/// <param name="Building">Its building.</param>
public sealed record UnitAdded(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Unit> Unit,
    Id<Building> Building) : IDomainEvent;
