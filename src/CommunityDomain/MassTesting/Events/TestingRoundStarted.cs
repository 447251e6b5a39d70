using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A round started with its must-test list.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Listed">Entries on the must-test list.</param>
public sealed record TestingRoundStarted(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, int Listed) : IDomainEvent;
