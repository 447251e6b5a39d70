using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Events;

/// <summary>A sampling site was set up.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="Version">The aggregate's version after it.</param>
/// <param name="Series">The series.</param>
/// <param name="Round">The round's number in its series.</param>
/// <param name="Site">The site.</param>
/// <param name="Compound">Its compound.</param>
public sealed record SamplingSiteAdded(Instant OccurredAt, Actor By, long Version, Id<TestingSeries> Series, int Round, Id<SamplingSite> Site, Id<Compound> Compound) : IDomainEvent;
