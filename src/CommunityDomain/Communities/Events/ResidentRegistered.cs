using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A resident was registered in a household (the event carries no personal data).</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Resident">The new resident.</param>
/// <param name="Household">Their household.</param>
public sealed record ResidentRegistered(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Resident> Resident,
    Id<Household> Household) : IDomainEvent;
