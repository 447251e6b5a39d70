using CommunityDomain.Communities.Incidents;

namespace CommunityDomain.Communities.State;

/// <summary>A stored incident.</summary>
/// <param name="Id">The incident id's value.</param>
/// <param name="PostId">Its post's id value.</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Summary">The short description.</param>
/// <param name="ReportedAt">When it was reported.</param>
/// <param name="ExtraOnDuty">Extra people on duty while open.</param>
/// <param name="Repairer">Who repairs it (party or role), if assigned.</param>
/// <param name="Repairers">Resident id values of the repairers, in order.</param>
/// <param name="ResolvedAt">When it was resolved, if it was.</param>
/// <param name="CostYuan">The repair cost in yuan, if resolved.</param>
/// <param name="CostBorneBy">Who bore the cost, if resolved.</param>
public sealed record IncidentState(
    int Id,
    int PostId,
    IncidentKind Kind,
    string Summary,
    Instant ReportedAt,
    int ExtraOnDuty,
    string? Repairer,
    IReadOnlyList<int> Repairers,
    Instant? ResolvedAt,
    decimal? CostYuan,
    string? CostBorneBy)
{
    /// <inheritdoc />
    public bool Equals(IncidentState? other) =>
        other is not null && Id == other.Id && PostId == other.PostId && Kind == other.Kind && Summary == other.Summary
        && ReportedAt == other.ReportedAt && ExtraOnDuty == other.ExtraOnDuty && Repairer == other.Repairer
        && Repairers.SequenceEqual(other.Repairers) && ResolvedAt == other.ResolvedAt && CostYuan == other.CostYuan
        && CostBorneBy == other.CostBorneBy;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, PostId, Kind, ReportedAt, ResolvedAt, CostYuan);
}
