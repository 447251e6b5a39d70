using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Errors;

/// <summary>The policy requires a negative test within some hours, and the caller gave none recent enough.</summary>
/// <param name="Household">The household.</param>
/// <param name="Within">The required window.</param>
public sealed record NegativeTestRequired(Id<Household> Household, Duration Within) : DomainError
{
    /// <inheritdoc />
    public override string Code => "passes.negative-test-required";

    /// <inheritdoc />
    protected override string English => $"A pass for {Household} needs a negative test within {Within.TotalHours:0} hours.";

    // Chinese sets no space between CJK and digits or an id (the project's style, as in PassRejected and the views' dates).
    /// <inheritdoc />
    protected override string Chinese => $"{Household}申请出入卡需提供{Within.TotalHours:0}小时内核酸阴性结果。";
}
