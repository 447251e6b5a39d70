using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>The control order was lifted before.</summary>
/// <param name="Order">The order.</param>
/// <param name="LiftedAt">When it was lifted.</param>
public sealed record OrderAlreadyLifted(Id<ControlOrder> Order, Instant LiftedAt) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.order-already-lifted";

    /// <inheritdoc />
    protected override string English => $"{Order} was already lifted at {LocalTimeText.Utc(LiftedAt)}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Order} 已于 {LocalTimeText.Utc(LiftedAt)} 解除。";
}
