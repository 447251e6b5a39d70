namespace CommunityDomain.Supplies.Ledger;

/// <summary>Release undelivered units of an allocation back to free stock.</summary>
internal sealed record CancelAllocation : StockCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="id">The command's id.</param>
    /// <param name="allocation">The allocation; not default.</param>
    /// <param name="quantity">Units released; positive, at most what the allocation still reserves.</param>
    /// <exception cref="ArgumentException">A default id or allocation, or a quantity that is not positive.</exception>
    public CancelAllocation(CommandId id, CommandId allocation, int quantity)
        : base(id)
    {
        Allocation = Reference(allocation, nameof(allocation));
        Quantity = Positive(quantity, nameof(quantity));
    }

    /// <summary>The allocation.</summary>
    public CommandId Allocation { get; }

    /// <summary>Units released.</summary>
    public int Quantity { get; }
}
