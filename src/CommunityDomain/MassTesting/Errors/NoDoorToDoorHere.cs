using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>The household has no door-to-door resident left to sample.</summary>
/// <param name="Household">The household.</param>
public sealed record NoDoorToDoorHere(Id<Household> Household) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.no-door-to-door";

    /// <inheritdoc/>
    protected override string English => $"Household {Household.Value} has nobody left to sample at the door.";

    /// <inheritdoc/>
    protected override string Chinese => $"住户 {Household.Value} 没有待上门采样的人员。";
}
