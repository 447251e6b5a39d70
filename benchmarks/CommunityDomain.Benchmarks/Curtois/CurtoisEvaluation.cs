using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// The independent evaluation of a roster: the objective of <c>FORMAT.md</c> with its breakdown and every hard
/// rule violation.
/// </summary>
/// <remarks><see cref="Objective"/> always equals the sum of the four penalties.</remarks>
public sealed class CurtoisEvaluation
{
    /// <summary>Creates an evaluation.</summary>
    /// <param name="onRequestPenalty">Sum of weights of shift-on requests not granted; non-negative.</param>
    /// <param name="offRequestPenalty">Sum of weights of shift-off requests not granted; non-negative.</param>
    /// <param name="coverUnderPenalty">Sum over (day, shift) of WeightUnder times missing staff; non-negative.</param>
    /// <param name="coverOverPenalty">Sum over (day, shift) of WeightOver times surplus staff; non-negative.</param>
    /// <param name="violations">Every hard rule violation; not null.</param>
    /// <exception cref="ArgumentException">A negative penalty or null violations.</exception>
    public CurtoisEvaluation(int onRequestPenalty, int offRequestPenalty, int coverUnderPenalty, int coverOverPenalty, IEnumerable<CurtoisViolation> violations)
    {
        OnRequestPenalty = Guard.Against.Negative(onRequestPenalty);
        OffRequestPenalty = Guard.Against.Negative(offRequestPenalty);
        CoverUnderPenalty = Guard.Against.Negative(coverUnderPenalty);
        CoverOverPenalty = Guard.Against.Negative(coverOverPenalty);
        Violations = Array.AsReadOnly(Guard.Against.Null(violations).ToArray());
    }

    /// <summary>The objective: the sum of the four penalties.</summary>
    public int Objective => OnRequestPenalty + OffRequestPenalty + CoverUnderPenalty + CoverOverPenalty;

    /// <summary>The number of hard rule violations (counted as documented on <see cref="CurtoisRules"/>).</summary>
    public int HardViolations => Violations.Count;

    /// <summary>True when no hard rule is broken.</summary>
    public bool IsFeasible => Violations.Count == 0;

    /// <summary>Sum of weights of shift-on requests whose exact shift is not worked.</summary>
    public int OnRequestPenalty { get; }

    /// <summary>Sum of weights of shift-off requests whose shift is worked.</summary>
    public int OffRequestPenalty { get; }

    /// <summary>Sum over (day, shift) of WeightUnder times the number of missing staff.</summary>
    public int CoverUnderPenalty { get; }

    /// <summary>Sum over (day, shift) of WeightOver times the number of surplus staff.</summary>
    public int CoverOverPenalty { get; }

    /// <summary>Every hard rule violation, by employee then rule then day.</summary>
    public IReadOnlyList<CurtoisViolation> Violations { get; }

    /// <summary>The number of violations of one rule.</summary>
    /// <param name="rule">The rule.</param>
    public int CountOf(CurtoisRule rule) => Violations.Count(v => v.Rule == rule);

    /// <summary>Returns the objective, its parts and the violation count in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"objective={Objective} (on={OnRequestPenalty} off={OffRequestPenalty} under={CoverUnderPenalty} over={CoverOverPenalty}) hard_violations={HardViolations}");
}
