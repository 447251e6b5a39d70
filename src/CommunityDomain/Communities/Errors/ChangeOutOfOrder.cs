using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>A change is dated before the resident's last recorded change, which would rewrite history.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="RequestedAt">The time given with the change.</param>
/// <param name="LastChangeAt">The time of the last recorded change.</param>
public sealed record ChangeOutOfOrder(Id<Resident> Resident, Instant RequestedAt, Instant LastChangeAt) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.change-out-of-order";

    /// <inheritdoc />
    protected override string English => $"The change for {Resident} at {RequestedAt} is earlier than its last recorded change at {LastChangeAt}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Resident} 的变更时间 {RequestedAt} 早于最近一次记录的变更时间 {LastChangeAt}。";
}
