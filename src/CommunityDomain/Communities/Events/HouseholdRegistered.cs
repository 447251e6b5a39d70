using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A household was registered in a room.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Household">The new household.</param>
/// <param name="Room">Its room.</param>
public sealed record HouseholdRegistered(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Household> Household,
    Room Room) : IDomainEvent;
