using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A resident was sampled at a site.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Resident">The resident.</param>
/// <param name="Tube">The tube.</param>
/// <param name="Assisted">True when registration was assisted.</param>
public sealed record ResidentSampled(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, Id<Resident> Resident, TubeBarcode Tube, bool Assisted) : IDomainEvent;
