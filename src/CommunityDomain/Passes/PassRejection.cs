namespace CommunityDomain.Passes;

/// <summary>Why a gate refused a pass code.</summary>
public enum PassRejection
{
    /// <summary>Not a pass code (bad characters, length or version).</summary>
    Malformed = 1,

    /// <summary>Signed under a key id this gate does not hold: unknown, wrong or retired.</summary>
    UnknownKey = 2,

    /// <summary>The signature does not match the content: altered or forged.</summary>
    BadSignature = 3,

    /// <summary>Used before its validity starts.</summary>
    NotYetValid = 4,

    /// <summary>Used to go out after its validity ended.</summary>
    Expired = 5,

    /// <summary>Revoked by the office.</summary>
    Revoked = 6,

    /// <summary>Already used to go out at this gate.</summary>
    AlreadyUsed = 7,

    /// <summary>The household already used its quota of outings in the period at this gate.</summary>
    OverQuota = 8,

    /// <summary>A return was scanned for a pass that never went out.</summary>
    NotOut = 9,

    /// <summary>Change out of order: a return is dated before the holder went out with the pass.</summary>
    OutOfOrder = 10,
}
