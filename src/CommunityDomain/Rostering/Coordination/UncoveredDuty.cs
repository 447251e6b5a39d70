using System.Globalization;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>A demand a roster leaves below its hard minimum, and why each worker did not cover it.</summary>
/// <param name="Demand">The demand.</param>
/// <param name="Assigned">People on it in the roster.</param>
/// <param name="Missing">People missing to its minimum (at least 1).</param>
/// <param name="Reasons">One reason per worker not on it, by worker id (as <see cref="RosterExplanations.WhyShort"/>).</param>
public sealed record UncoveredDuty(Demand Demand, int Assigned, int Missing, IReadOnlyList<ShortfallReason> Reasons)
{
    /// <summary>E.g. <c>Post#1 2022-08-18 N x1 (min 1): 1 missing; 0 could have covered</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Demand}: {Missing} missing; {Reasons.Count(r => r.CouldHaveCovered)} could have covered");
}
