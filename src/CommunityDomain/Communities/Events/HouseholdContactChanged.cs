using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A household's contact person or phone changed (the event carries no phone number).</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Household">The household.</param>
/// <param name="ContactPerson">The new contact person, if any.</param>
/// <param name="HasPhone">Whether a contact phone is now set.</param>
public sealed record HouseholdContactChanged(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Household> Household,
    Id<Resident>? ContactPerson,
    bool HasPhone) : IDomainEvent;
