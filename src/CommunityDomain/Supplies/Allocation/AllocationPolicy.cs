namespace CommunityDomain.Supplies.Allocation;

/// <summary>How a rationed tier's supply is shared; every policy serves tiers in order and never exceeds a need.</summary>
public enum AllocationPolicy
{
    /// <summary>
    /// Weighted max-min fairness (water-filling) in whole units: raise every household's share per weight
    /// unit together until its need is met or supply runs out. No single-unit transfer raises the minimum.
    /// </summary>
    MaxMin = 1,

    /// <summary>Proportional to need, rounded by largest remainder (Hamilton): every share within floor/ceiling of its exact quota.</summary>
    Hamilton = 2,

    /// <summary>Proportional to need by the Webster / Sainte-Laguë divisor method: more supply never lowers a share.</summary>
    Webster = 3,
}
