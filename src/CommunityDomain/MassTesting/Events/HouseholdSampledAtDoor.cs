using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A household was sampled at its door into its own tube.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Household">The household.</param>
/// <param name="Tube">The tube.</param>
/// <param name="People">People sampled.</param>
public sealed record HouseholdSampledAtDoor(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, Id<Household> Household, TubeBarcode Tube, int People) : IDomainEvent;
