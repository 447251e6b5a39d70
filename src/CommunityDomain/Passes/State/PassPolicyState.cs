namespace CommunityDomain.Passes.State;

/// <summary>A stored pass policy.</summary>
/// <param name="PassesPerPeriod">Passes one household may hold per period.</param>
/// <param name="Period">The quota period.</param>
/// <param name="MaxTimeOut">How long a holder may stay out.</param>
/// <param name="Validity">How long after its start a pass may be used to go out.</param>
/// <param name="NegativeTestWithin">The negative test window, when the policy asks for one.</param>
public sealed record PassPolicyState(int PassesPerPeriod, Duration Period, Duration MaxTimeOut, Duration Validity, Duration? NegativeTestWithin);
