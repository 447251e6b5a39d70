namespace CommunityDomain.Supplies.Allocation;

/// <summary>Why a household got what it got.</summary>
public enum ShareOutcome
{
    /// <summary>It needed nothing.</summary>
    NoNeed = 0,

    /// <summary>Its tier was fully served: it got its whole need.</summary>
    FullNeed = 1,

    /// <summary>Its tier was rationed: it got a fair share under the policy.</summary>
    Rationed = 2,

    /// <summary>Supply ran out in an earlier tier: it got nothing.</summary>
    TierNotReached = 3,
}
