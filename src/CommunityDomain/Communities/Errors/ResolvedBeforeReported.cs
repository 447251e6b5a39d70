using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>An incident cannot be resolved at or before the time it was reported.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="ReportedAt">When it was reported.</param>
/// <param name="RequestedAt">The resolution time given.</param>
public sealed record ResolvedBeforeReported(Id<Incident> Incident, Instant ReportedAt, Instant RequestedAt) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.resolved-before-reported";

    /// <inheritdoc />
    protected override string English => $"{Incident} was reported at {LocalTimeText.Utc(ReportedAt)}; it cannot be resolved at {LocalTimeText.Utc(RequestedAt)}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Incident} 报告于 {LocalTimeText.Utc(ReportedAt)}，不能在 {LocalTimeText.Utc(RequestedAt)} 处理完毕。";
}
