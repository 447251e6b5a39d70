namespace CommunityDomain.Communities;

/// <summary>Needs-relevant facts about a resident, beyond age (which comes from the birth date).</summary>
[Flags]
public enum HealthConditions
{
    /// <summary>None of the conditions below.</summary>
    None = 0,

    /// <summary>Has a disability.</summary>
    Disabled = 1,

    /// <summary>Has a chronic illness needing regular medicine.</summary>
    ChronicallyIll = 2,

    /// <summary>Is pregnant.</summary>
    Pregnant = 4,

    /// <summary>Is bedridden: sampled and served door to door.</summary>
    Bedridden = 8,
}
