namespace CommunityDomain.Communities.State;

/// <summary>A stored resident.</summary>
/// <param name="Id">The resident id's value.</param>
/// <param name="HouseholdId">Their (last) household's id value.</param>
/// <param name="Registration">Their registration facts (masked in <c>ToString</c>).</param>
/// <param name="Presence">Present, away or moved out.</param>
/// <param name="PresenceSince">When the presence last changed.</param>
/// <param name="LastChangeAt">When the last recorded change took effect (a move, a presence change or the registration); not
/// before <paramref name="PresenceSince"/>. Null in documents written before it was kept: read as <paramref name="PresenceSince"/>.</param>
public sealed record ResidentState(int Id, int HouseholdId, ResidentRegistration Registration, Presence Presence, Instant PresenceSince, Instant? LastChangeAt = null);
