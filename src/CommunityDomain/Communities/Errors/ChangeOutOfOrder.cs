using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>
/// Change out of order: a change is dated before the resident's last recorded change (a registration, a move, going
/// away, coming back), which would tell two stories about the same person.
/// </summary>
/// <param name="Resident">The resident.</param>
/// <param name="RequestedAt">The time given with the change.</param>
/// <param name="LastChangeAt">The time of the last recorded change.</param>
public sealed record ChangeOutOfOrder(Id<Resident> Resident, Instant RequestedAt, Instant LastChangeAt) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.change-out-of-order";

    /// <inheritdoc />
    protected override string English => $"Change out of order: the change for {Resident} at {LocalTimeText.Utc(RequestedAt)} is earlier than their last recorded change at {LocalTimeText.Utc(LastChangeAt)}.";

    /// <inheritdoc />
    protected override string Chinese => $"变更顺序错误：{Resident} 的变更时间 {LocalTimeText.Utc(RequestedAt)} 早于最近一次记录的变更时间 {LocalTimeText.Utc(LastChangeAt)}。";
}
