using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>An incident was reported at a duty post.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Incident">The new incident.</param>
/// <param name="Post">The post it happened at.</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="ReportedAt">When it was reported.</param>
/// <param name="ExtraOnDuty">How many more people the post needs while it is open.</param>
public sealed record IncidentReported(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Incident> Incident,
    Id<Post> Post,
    IncidentKind Kind,
    Instant ReportedAt,
    int ExtraOnDuty) : IDomainEvent;
