namespace CommunityDomain.Passes;

/// <summary>An issued pass: its content and the signed code to print as a QR code.</summary>
/// <param name="Content">What the pass says.</param>
/// <param name="Code">The signed code: upper-case base 32 (QR alphanumeric mode), 133 characters, no personal data.</param>
public sealed record Pass(PassContent Content, string Code)
{
    /// <summary>The content (the code is not repeated).</summary>
    public override string ToString() => $"Pass {Content}";
}
