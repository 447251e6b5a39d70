namespace CommunityDomain.MassTesting;

/// <summary>Where a listed resident stands in a round's coverage closure.</summary>
public enum CoverageStatus
{
    /// <summary>Sampled, at a site or at the door.</summary>
    Tested = 1,

    /// <summary>Exempt, with a reason.</summary>
    Exempt = 2,

    /// <summary>Away.</summary>
    Away = 3,

    /// <summary>To be sampled at the door.</summary>
    DoorToDoorPending = 4,

    /// <summary>A walk-in not yet sampled: on the call-again list.</summary>
    Missing = 5,
}
