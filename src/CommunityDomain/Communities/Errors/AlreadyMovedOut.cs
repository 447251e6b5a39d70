using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>The resident has moved out of the community; they can no longer move, go away or move out again.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="MovedOutAt">When they moved out.</param>
public sealed record AlreadyMovedOut(Id<Resident> Resident, Instant MovedOutAt) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.already-moved-out";

    /// <inheritdoc />
    protected override string English => $"{Resident} moved out at {LocalTimeText.Utc(MovedOutAt)}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Resident} 已于 {LocalTimeText.Utc(MovedOutAt)} 迁出。";
}
