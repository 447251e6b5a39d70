namespace CommunityDomain.Communities.Identity;

/// <summary>A person's sex as recorded on an identity document.</summary>
/// <remarks><c>default(Sex)</c> is <see cref="Unknown"/>.</remarks>
public enum Sex
{
    /// <summary>Not known (no mainland ID number, or <c>default</c>).</summary>
    Unknown = 0,

    /// <summary>Male: an odd sequence number in a mainland ID number.</summary>
    Male = 1,

    /// <summary>Female: an even sequence number in a mainland ID number.</summary>
    Female = 2,
}
