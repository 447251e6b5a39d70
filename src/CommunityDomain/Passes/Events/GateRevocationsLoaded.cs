using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Events;

/// <summary>A gate loaded revoked serials it did not hold yet (a sync with the office).</summary>
/// <param name="OccurredAt">When (the instant the gate was given for the sync; the gate reads no clock).</param>
/// <param name="By">Who synced (<see cref="Actor.System"/> for the device itself).</param>
/// <param name="Version">The gate's version after the change.</param>
/// <param name="Serials">The newly revoked serials, ascending; never empty.</param>
public sealed record GateRevocationsLoaded(Instant OccurredAt, Actor By, long Version, IReadOnlyList<PassSerial> Serials) : IDomainEvent
{
    /// <inheritdoc />
    public bool Equals(GateRevocationsLoaded? other) =>
        other is not null && OccurredAt == other.OccurredAt && By == other.By && Version == other.Version && Serials.SequenceEqual(other.Serials);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(OccurredAt, By, Version, Serials.Count);
}
