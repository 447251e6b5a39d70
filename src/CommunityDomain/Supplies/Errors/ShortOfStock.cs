using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Errors;

/// <summary>A command needed more free units than the ledger holds (on hand minus reserved).</summary>
/// <param name="Item">The item kind's code.</param>
/// <param name="Requested">Units asked for.</param>
/// <param name="Available">Units free.</param>
public sealed record ShortOfStock(string Item, int Requested, int Available) : DomainError
{
    /// <inheritdoc />
    public override string Code => "supplies.short-of-stock";

    /// <inheritdoc />
    protected override string English => $"Only {Available} unit(s) of {Item} are free; {Requested} were asked for. Nothing was changed.";

    /// <inheritdoc />
    protected override string Chinese => $"{Item} 仅有 {Available} 件可用，申请了 {Requested} 件；未做任何更改。";
}
