namespace CommunityDomain.MassTesting;

/// <summary>How long registration takes for a resident: the planner's service-time class.</summary>
public enum Intake
{
    /// <summary>A pre-registered QR code (一码通) is scanned.</summary>
    QrCode = 1,

    /// <summary>No pre-registration: details are typed in.</summary>
    Typed = 2,

    /// <summary>An elderly or disabled resident needs help.</summary>
    Assisted = 3,
}
