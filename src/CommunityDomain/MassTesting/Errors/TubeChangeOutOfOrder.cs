using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>
/// A fact about a tube is dated before the fact it follows: a sample before the tube's previous sample, a closing
/// (of the tube or of its site) before its last sample, a lab result before the tube was closed, or a re-sample
/// before the result that called for it. Accepting it would tell two stories about the same tube.
/// </summary>
/// <param name="Tube">The tube whose last fact comes later.</param>
/// <param name="RequestedAt">The time given with the refused command.</param>
/// <param name="LastChangeAt">The time of the tube's fact it would have to follow.</param>
public sealed record TubeChangeOutOfOrder(TubeBarcode Tube, Instant RequestedAt, Instant LastChangeAt) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.change-out-of-order";

    /// <inheritdoc/>
    protected override string English => $"Change out of order: the change for tube {Tube} at {LocalTimeText.Utc(RequestedAt)} is earlier than its last recorded fact at {LocalTimeText.Utc(LastChangeAt)}.";

    /// <inheritdoc/>
    protected override string Chinese => $"变更顺序错误：试管 {Tube} 的变更时间 {LocalTimeText.Utc(RequestedAt)} 早于其最近一次记录的时间 {LocalTimeText.Utc(LastChangeAt)}。";
}
