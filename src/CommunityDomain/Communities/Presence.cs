namespace CommunityDomain.Communities;

/// <summary>Whether a registered resident is at home, away from the community, or gone for good.</summary>
public enum Presence
{
    /// <summary>Living in the household now.</summary>
    Present = 1,

    /// <summary>Out of town (外出); still registered and expected back.</summary>
    Away = 2,

    /// <summary>Moved out of the community; kept for history only.</summary>
    MovedOut = 3,
}
