using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Events;

/// <summary>A pass was revoked.</summary>
/// <param name="OccurredAt">When (the office's clock).</param>
/// <param name="By">Who revoked it.</param>
/// <param name="Version">The office's version after the change.</param>
/// <param name="Serial">The pass.</param>
/// <param name="Reason">Why.</param>
public sealed record PassRevoked(Instant OccurredAt, Actor By, long Version, PassSerial Serial, string Reason) : IDomainEvent;
