namespace CommunityDomain.Passes.State;

/// <summary>A stored exit through a gate: the pass used, when its holder went out, and whether they came back.</summary>
/// <param name="Pass">The pass's content.</param>
/// <param name="WentOut">When the holder went out.</param>
/// <param name="Returned">True once the holder came back.</param>
public sealed record GateExitState(IssuedPassState Pass, Instant WentOut, bool Returned);
