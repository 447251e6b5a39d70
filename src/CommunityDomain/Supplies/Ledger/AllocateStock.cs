using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Ledger;

/// <summary>Reserve units for a household; they stay on hand until delivered.</summary>
internal sealed record AllocateStock : StockCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="id">The command's id; it also names the allocation.</param>
    /// <param name="household">The receiving household; not default.</param>
    /// <param name="quantity">Units reserved; positive.</param>
    /// <exception cref="ArgumentException">A default id or household, or a quantity that is not positive.</exception>
    public AllocateStock(CommandId id, Id<Household> household, int quantity)
        : base(id)
    {
        Household = Guard.Against.DefaultId(household);
        Quantity = Positive(quantity, nameof(quantity));
    }

    /// <summary>The receiving household.</summary>
    public Id<Household> Household { get; }

    /// <summary>Units reserved.</summary>
    public int Quantity { get; }
}
