using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>Someone was assigned to repair an incident (ids only; the free-text party stays in the aggregate).</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Incident">The incident.</param>
/// <param name="Repairers">The residents doing the repair, by id (empty when the repairer is not a resident).</param>
public sealed record IncidentRepairAssigned(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Incident> Incident,
    IReadOnlyList<Id<Resident>> Repairers) : IDomainEvent
{
    /// <inheritdoc />
    public bool Equals(IncidentRepairAssigned? other) =>
        other is not null && OccurredAt == other.OccurredAt && By == other.By && Version == other.Version
        && Incident == other.Incident && Repairers.SequenceEqual(other.Repairers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(OccurredAt, By, Version, Incident, Repairers.Count);
}
