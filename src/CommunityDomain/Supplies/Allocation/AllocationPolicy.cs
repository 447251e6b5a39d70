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

    /// <summary>
    /// Proportional to need by the Jefferson / D'Hondt divisor method (divisors 1, 2, 3, ...): more supply never
    /// lowers a share, and every share is at least the floor of its exact quota; favours large claims.
    /// </summary>
    Jefferson = 4,

    /// <summary>
    /// Proportional to need by the Adams divisor method (divisors 0, 1, 2, ...): every claimant gets a unit before anyone
    /// gets a second, more supply never lowers a share, and no share exceeds the ceiling of its exact quota; favours small claims.
    /// </summary>
    Adams = 5,

    /// <summary>
    /// Proportional to need by the Huntington-Hill method of equal proportions (divisors sqrt(k (k + 1)), the method
    /// apportioning the US House): every claimant gets a unit before anyone gets a second, and more supply never lowers a share.
    /// </summary>
    HuntingtonHill = 6,
}
