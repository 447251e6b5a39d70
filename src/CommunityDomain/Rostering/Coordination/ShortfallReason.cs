using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Why one worker did not cover a short demand.</summary>
/// <param name="Worker">The worker.</param>
/// <param name="OnDutyElsewhere">The worker's duty that date, or null when they were free.</param>
/// <param name="BrokenRules">The hard rules that adding the worker would break more; empty when they could have gone.</param>
/// <param name="SoftChange">The soft score change adding the worker would cause (0 when already on a duty that date).</param>
public sealed record ShortfallReason(Id<Worker> Worker, RosterAssignment? OnDutyElsewhere, IReadOnlyList<RuleKind> BrokenRules, long SoftChange)
{
    /// <summary>True when the worker was free and could have gone without breaking a rule.</summary>
    public bool CouldHaveCovered => OnDutyElsewhere is null && BrokenRules.Count == 0;

    /// <summary>E.g. <c>Worker#2: on duty 2024-01-01 D at Post#2</c> or <c>Worker#3: would break Confinement</c>.</summary>
    public override string ToString() =>
        OnDutyElsewhere is { } a ? $"{Worker}: on duty {a}"
        : BrokenRules.Count > 0 ? $"{Worker}: would break {string.Join(", ", BrokenRules)}"
        : $"{Worker}: could have covered (soft change {SoftChange.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
