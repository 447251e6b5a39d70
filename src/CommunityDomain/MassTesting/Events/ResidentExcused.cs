using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A resident was marked away or exempted (with the reason) after the round started.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Resident">The resident.</param>
/// <param name="Disposition">Away or exempt.</param>
/// <param name="Reason">Why the resident is exempt (null when marked away, and in documents stored before reasons were kept).</param>
public sealed record ResidentExcused(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, Id<Resident> Resident, Disposition Disposition, string? Reason = null) : IDomainEvent;
