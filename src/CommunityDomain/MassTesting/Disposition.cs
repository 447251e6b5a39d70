namespace CommunityDomain.MassTesting;

/// <summary>What a round expects of a resident on its must-test list.</summary>
public enum Disposition
{
    /// <summary>Present: comes down to a sampling site when called.</summary>
    WalkIn = 1,

    /// <summary>Sealed household or bedridden: sampled at the door.</summary>
    DoorToDoor = 2,

    /// <summary>Away from the community: listed separately, not tested.</summary>
    Away = 3,

    /// <summary>Exempt, with a reason.</summary>
    Exempt = 4,
}
