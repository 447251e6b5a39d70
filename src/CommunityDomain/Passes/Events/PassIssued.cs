using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Events;

/// <summary>A pass was issued.</summary>
/// <param name="OccurredAt">When (the office's clock).</param>
/// <param name="By">Who issued it.</param>
/// <param name="Version">The office's version after the change.</param>
/// <param name="Serial">The pass.</param>
/// <param name="Household">The household.</param>
/// <param name="ValidFrom">Start of validity.</param>
/// <param name="ValidUntil">End of validity.</param>
/// <param name="Key">The signing key.</param>
public sealed record PassIssued(Instant OccurredAt, Actor By, long Version, PassSerial Serial, Id<Household> Household, Instant ValidFrom, Instant ValidUntil, PassKeyId Key) : IDomainEvent;
