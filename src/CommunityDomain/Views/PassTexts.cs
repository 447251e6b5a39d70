using CommunityDomain.Kernel;
using CommunityDomain.Passes.Errors;

namespace CommunityDomain.Views;

/// <summary>
/// A pass office's refusals as the household and the office read them: the household by its compound and address
/// (compound, building, unit and room as the office writes them, <see cref="Labels.HouseholdWithCompound"/>, since two
/// compounds can both have a "3号楼"), times local in the community's zone, hours with their unit, in the labels' culture,
/// e.g. "东方小区1号楼1单元103室申请出入卡需提供出入卡生效前48小时内的核酸阴性结果（生效后才采样的不算）。". <see cref="NegativeTestRequired"/> does not say whether
/// the test was missing, too old or later than the pass start, so its text states the whole rule (a test after the start does not count).
/// </summary>
/// <remarks>
/// The errors' own <see cref="DomainError.Message"/> stay log texts that name the household by id ("Household#3"); this is
/// the text to show a person. Errors that name no household (a gate's <see cref="PassRejected"/>, an
/// <see cref="UnknownPass"/>, and any error of another wing) show their own message in the labels' culture.
/// </remarks>
public static class PassTexts
{
    /// <summary>The refusal in words a person reads.</summary>
    /// <param name="error">The error a pass command returned.</param>
    /// <param name="labels">Culture, zone and the community's addresses (<see cref="Labels.For"/>).</param>
    /// <returns>One sentence.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Refusal(DomainError error, Labels labels)
    {
        Guard.Against.Null(error);
        Guard.Against.Null(labels);
        var l = labels;
        return error switch
        {
            NegativeTestRequired n => l.Text("pass.negative-test", ("household", l.HouseholdWithCompound(n.Household)), ("hours", l.Hours((long)n.Within.TotalMinutes))),
            HouseholdSealed s => l.Text("pass.sealed", ("household", l.HouseholdWithCompound(s.Household))),
            QuotaUsed q => l.Text("pass.quota", ("household", l.HouseholdWithCompound(q.Household)), ("next", l.Moment(q.NextAllowed))),
            _ => error.MessageIn(l.Culture),
        };
    }
}
