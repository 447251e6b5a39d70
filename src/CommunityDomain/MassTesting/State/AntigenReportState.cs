namespace CommunityDomain.MassTesting.State;

/// <summary>A stored antigen self-test report.</summary>
/// <param name="ResidentId">The resident id's value.</param>
/// <param name="At">When it was taken.</param>
/// <param name="Positive">True for a positive self-test.</param>
public sealed record AntigenReportState(int ResidentId, Instant At, bool Positive);
