using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A building was added to a compound.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Building">The new building.</param>
/// <param name="Compound">Its compound.</param>
public sealed record BuildingAdded(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Building> Building,
    Id<Compound> Compound) : IDomainEvent;
