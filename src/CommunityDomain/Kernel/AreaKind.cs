namespace CommunityDomain.Kernel;

/// <summary>How wide an actor's <see cref="Area"/> is.</summary>
public enum AreaKind
{
    /// <summary>The whole community (also <c>default</c>).</summary>
    Community = 0,

    /// <summary>One compound and everything in it.</summary>
    Compound = 1,

    /// <summary>One building and everything in it.</summary>
    Building = 2,
}
