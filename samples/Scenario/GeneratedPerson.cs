using CommunityDomain.Communities;

namespace Pubai;

/// <summary>A generated household member.</summary>
/// <param name="Registration">What to register.</param>
/// <param name="Away">Whether they are out of town when the outbreak starts.</param>
public sealed record GeneratedPerson(ResidentRegistration Registration, bool Away);
