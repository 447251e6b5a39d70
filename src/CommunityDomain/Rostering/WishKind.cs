namespace CommunityDomain.Rostering;

/// <summary>Whether a worker wishes to work a shift or to be spared it.</summary>
public enum WishKind
{
    /// <summary>The worker would like the shift; penalised when not assigned it.</summary>
    ShiftOn,

    /// <summary>The worker would like not to work the shift; penalised when assigned it.</summary>
    ShiftOff,
}
