using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>An incident was resolved: the post's extra demand ends.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Incident">The incident.</param>
/// <param name="Post">The post it happened at.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="CostYuan">What the repair cost, in yuan (CNY).</param>
public sealed record IncidentResolved(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Incident> Incident,
    Id<Post> Post,
    Instant ResolvedAt,
    decimal CostYuan) : IDomainEvent;
