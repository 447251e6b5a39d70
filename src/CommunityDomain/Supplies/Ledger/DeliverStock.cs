namespace CommunityDomain.Supplies.Ledger;

/// <summary>Deliver units of an allocation to its household, taken first-expiring-first.</summary>
internal sealed record DeliverStock : StockCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="id">The command's id; it also names the delivery.</param>
    /// <param name="allocation">The allocation delivered; not default.</param>
    /// <param name="quantity">Units delivered; positive, at most what the allocation still reserves.</param>
    /// <exception cref="ArgumentException">A default id or allocation, or a quantity that is not positive.</exception>
    public DeliverStock(CommandId id, CommandId allocation, int quantity)
        : base(id)
    {
        Allocation = Reference(allocation, nameof(allocation));
        Quantity = Positive(quantity, nameof(quantity));
    }

    /// <summary>The allocation delivered.</summary>
    public CommandId Allocation { get; }

    /// <summary>Units delivered.</summary>
    public int Quantity { get; }
}
