using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A lab result was recorded for a tube.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Tube">The tube.</param>
/// <param name="Result">The result.</param>
public sealed record TubeResultRecorded(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, TubeBarcode Tube, TubeResult Result) : IDomainEvent;
