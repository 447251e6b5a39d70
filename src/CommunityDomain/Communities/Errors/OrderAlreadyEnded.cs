using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>The control order's planned end is at or before the requested lift time: there is nothing left to lift.</summary>
/// <param name="Order">The order.</param>
/// <param name="EndedAt">When it ended as planned.</param>
public sealed record OrderAlreadyEnded(Id<ControlOrder> Order, Instant EndedAt) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.order-already-ended";

    /// <inheritdoc />
    protected override string English => $"{Order} already ended at {LocalTimeText.Utc(EndedAt)}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Order} 已于 {LocalTimeText.Utc(EndedAt)} 到期结束。";
}
