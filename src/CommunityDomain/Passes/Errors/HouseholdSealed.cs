using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Errors;

/// <summary>A pass was asked for a sealed household, which may not go out.</summary>
/// <param name="Household">The household.</param>
public sealed record HouseholdSealed(Id<Household> Household) : DomainError
{
    /// <inheritdoc />
    public override string Code => "passes.household-sealed";

    /// <inheritdoc />
    protected override string English => $"{Household} is under sealed control and may not be issued a pass.";

    /// <inheritdoc />
    protected override string Chinese => $"{Household}处于封控状态，不能发放出入卡。";
}
