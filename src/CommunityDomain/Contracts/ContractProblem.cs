namespace CommunityDomain.Contracts;

/// <summary>Why a JSON document could not be read.</summary>
public enum ContractProblem
{
    /// <summary>The text is not well-formed JSON, or the envelope is not an object.</summary>
    Malformed = 1,

    /// <summary>The envelope's <c>schema</c> names another kind of document than the one asked for.</summary>
    WrongKind,

    /// <summary>The envelope's <c>version</c> is newer than this library, or not a version at all.</summary>
    UnsupportedVersion,

    /// <summary>The document has a member the contract does not know.</summary>
    UnknownMember,

    /// <summary>The document lacks a member the contract requires.</summary>
    MissingMember,

    /// <summary>A value has the wrong JSON type or format (a string for a number, an unknown enum name).</summary>
    InvalidValue,

    /// <summary>The values are well-formed but the domain's own checks reject them (a negative count, an unknown shift code).</summary>
    Rejected,
}
