namespace CommunityDomain.Communities.Control;

/// <summary>How strictly an area is controlled; levels are ordered, higher is more restrictive.</summary>
public enum ControlLevel
{
    /// <summary>No control.</summary>
    None = 0,

    /// <summary>Precaution area (防范区): watched, normal life with care.</summary>
    Precaution = 1,

    /// <summary>Controlled area (管控区): people stay in the area; going out needs a pass.</summary>
    Controlled = 2,

    /// <summary>Sealed-control area (封控区): residents stay home; supplies are delivered.</summary>
    Sealed = 3,
}
