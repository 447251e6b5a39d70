using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A moved-out resident's personal data (name, identity document, phone, birth date, health facts) was erased under a retention policy.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Resident">The resident, whose id, household and presence remain (pseudonymised).</param>
/// <param name="MovedOutAt">When they had moved out.</param>
public sealed record ResidentDataErased(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Resident> Resident,
    Instant MovedOutAt) : IDomainEvent;
