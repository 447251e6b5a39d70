using CommunityDomain.Communities;

namespace CommunityDomain.MassTesting;

/// <summary>A resident's antigen self-test, recorded beside the rounds.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="At">When it was taken.</param>
/// <param name="Positive">True for a positive self-test.</param>
public sealed record AntigenReport(Kernel.Id<Resident> Resident, Instant At, bool Positive)
{
    /// <summary>
    /// Whose self-test and when, in UTC said in words (a report knows no zone), e.g.
    /// <c>Antigen self-test of Resident#5 at 2022-08-17 23:30 UTC</c>. The result is health data and is left out.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Antigen self-test of {Resident} at {Kernel.LocalTimeText.Utc(At)}";
}
