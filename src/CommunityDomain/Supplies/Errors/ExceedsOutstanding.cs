using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Errors;

/// <summary>A command asked for more units than a referenced allocation, delivery or lot still has.</summary>
/// <param name="Referenced">The allocation, delivery or receipt referred to.</param>
/// <param name="Requested">Units asked for.</param>
/// <param name="Outstanding">Units it still has.</param>
public sealed record ExceedsOutstanding(CommandId Referenced, int Requested, int Outstanding) : DomainError
{
    /// <inheritdoc />
    public override string Code => "supplies.exceeds-outstanding";

    /// <inheritdoc />
    protected override string English => $"'{Referenced}' has only {Outstanding} unit(s) left; {Requested} were asked for. Nothing was changed.";

    /// <inheritdoc />
    protected override string Chinese => $"“{Referenced}”仅剩 {Outstanding} 件，申请了 {Requested} 件；未做任何更改。";
}
