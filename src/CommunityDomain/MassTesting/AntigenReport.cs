using CommunityDomain.Communities;

namespace CommunityDomain.MassTesting;

/// <summary>A resident's antigen self-test, recorded beside the rounds.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="At">When it was taken.</param>
/// <param name="Positive">True for a positive self-test.</param>
public sealed record AntigenReport(Kernel.Id<Resident> Resident, Instant At, bool Positive);
