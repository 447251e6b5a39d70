using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Errors;

/// <summary>The household already holds its quota of passes for the period.</summary>
/// <param name="Household">The household.</param>
/// <param name="NextAllowed">The earliest start at which a new pass fits the quota.</param>
public sealed record QuotaUsed(Id<Household> Household, Instant NextAllowed) : DomainError
{
    /// <inheritdoc />
    public override string Code => "passes.quota-used";

    /// <inheritdoc />
    protected override string English => $"{Household} has used its pass quota; the next pass may start at {LocalTimeText.Utc(NextAllowed)}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Household}本期出入卡名额已用完；下一张最早可于{LocalTimeText.Utc(NextAllowed)}生效。";
}
