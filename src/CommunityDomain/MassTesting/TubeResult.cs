namespace CommunityDomain.MassTesting;

/// <summary>A tube's lab result.</summary>
public enum TubeResult
{
    /// <summary>Not reported yet (it may come late, or never).</summary>
    Pending = 0,

    /// <summary>Negative.</summary>
    Negative = 1,

    /// <summary>Positive: every member is re-sampled individually.</summary>
    Positive = 2,

    /// <summary>Invalid: every member is re-sampled individually.</summary>
    Invalid = 3,
}
