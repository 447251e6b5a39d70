using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>The incident was resolved before: it can be neither resolved again nor given a new repairer.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
public sealed record IncidentAlreadyResolved(Id<Incident> Incident, Instant ResolvedAt) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.incident-already-resolved";

    /// <inheritdoc />
    protected override string English => $"{Incident} was already resolved at {LocalTimeText.Utc(ResolvedAt)}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Incident} 已于 {LocalTimeText.Utc(ResolvedAt)} 处理完毕。";
}
