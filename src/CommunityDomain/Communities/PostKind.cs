namespace CommunityDomain.Communities;

/// <summary>What a duty post is for.</summary>
public enum PostKind
{
    /// <summary>A compound gate: entry and exit control, pass checks.</summary>
    Gate = 1,

    /// <summary>A checkpoint (卡点) inside or between compounds.</summary>
    Checkpoint = 2,

    /// <summary>A nucleic-acid sampling site.</summary>
    TestingSite = 3,

    /// <summary>A team delivering supplies to sealed households.</summary>
    DeliveryTeam = 4,
}
