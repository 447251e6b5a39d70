namespace CommunityDomain.Communities.Control;

/// <summary>What a control order covers, from the widest to the narrowest.</summary>
public enum ControlScopeKind
{
    /// <summary>The whole community.</summary>
    Community = 1,

    /// <summary>One compound and everything in it.</summary>
    Compound = 2,

    /// <summary>One building and everything in it.</summary>
    Building = 3,

    /// <summary>One unit of a building and its households.</summary>
    Unit = 4,

    /// <summary>One household.</summary>
    Household = 5,
}
