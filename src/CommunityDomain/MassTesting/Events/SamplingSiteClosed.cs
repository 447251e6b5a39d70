using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A sampling site closed; its open tubes closed with it.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Site">The site.</param>
public sealed record SamplingSiteClosed(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, Id<SamplingSite> Site) : IDomainEvent;
