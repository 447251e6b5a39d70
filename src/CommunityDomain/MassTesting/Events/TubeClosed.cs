using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A tube closed (full, or its site closed).</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Tube">The tube.</param>
/// <param name="Samples">Samples in it.</param>
public sealed record TubeClosed(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, TubeBarcode Tube, int Samples) : IDomainEvent;
