using CommunityDomain.Communities.Control;

namespace CommunityDomain.Communities.State;

/// <summary>A stored control order.</summary>
/// <param name="Id">The order id's value.</param>
/// <param name="Level">Its level.</param>
/// <param name="ScopeKind">What it covers.</param>
/// <param name="ScopeTargetId">The id value of what it covers (0 for the whole community).</param>
/// <param name="From">When it takes effect.</param>
/// <param name="Until">Its planned end, if any.</param>
/// <param name="Reason">Why it was issued.</param>
/// <param name="IssuedBy">Who issued it (account name).</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="LiftedAt">When it was lifted, if it was.</param>
/// <param name="LiftedBy">Who lifted it (account name), if it was.</param>
/// <param name="LiftReason">Why it was lifted, if it was.</param>
public sealed record ControlOrderState(
    int Id,
    ControlLevel Level,
    ControlScopeKind ScopeKind,
    int ScopeTargetId,
    Instant From,
    Instant? Until,
    string Reason,
    string IssuedBy,
    Instant IssuedAt,
    Instant? LiftedAt,
    string? LiftedBy,
    string? LiftReason);
