namespace CommunityDomain.Communities.Incidents;

/// <summary>What went wrong at a duty post.</summary>
public enum IncidentKind
{
    /// <summary>A gate's motor, barrier or lock failed (e.g. Dongfang's gate had to be pulled by hand).</summary>
    GateFailure = 1,

    /// <summary>Other equipment at the post failed (scanner, lighting, loudspeaker, tent).</summary>
    EquipmentFailure = 2,

    /// <summary>A safety hazard at or near the post (loose wiring, flooding, a falling sign).</summary>
    Hazard = 3,

    /// <summary>Anything else that needs extra people or a repair.</summary>
    Other = 4,
}
