namespace CommunityDomain.Passes.State;

/// <summary>A stored issued pass: what its code says (ids and times only, no personal data, no signature).</summary>
/// <param name="Serial">The pass's serial value.</param>
/// <param name="HouseholdId">The household's id value.</param>
/// <param name="ValidFrom">From when the pass may be used (whole minutes).</param>
/// <param name="ValidUntil">Until when it may be used to go out.</param>
/// <param name="MaxTimeOut">How long the holder may stay out.</param>
/// <param name="KeyId">The id value of the key that signed it.</param>
public sealed record IssuedPassState(int Serial, int HouseholdId, Instant ValidFrom, Instant ValidUntil, Duration MaxTimeOut, int KeyId);
