namespace CommunityDomain.MassTesting;

/// <summary>Which pooling rule a sample falls under.</summary>
public enum PoolClass
{
    /// <summary>The general population (10-in-1 by default).</summary>
    General = 1,

    /// <summary>Key groups (5-in-1 or single by default).</summary>
    KeyGroup = 2,

    /// <summary>A sealed or door-to-door household: one tube per household, holding that household alone.</summary>
    Household = 3,

    /// <summary>An individual re-sample after a positive or invalid pooled tube: one person, one tube.</summary>
    Individual = 4,
}
