namespace CommunityDomain.Supplies.Ledger;

/// <summary>Take back delivered units (refused, or nobody home) into the lots they came from.</summary>
internal sealed record ReturnStock : StockCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="id">The command's id.</param>
    /// <param name="delivery">The delivery the units came back from; not default.</param>
    /// <param name="quantity">Units returned; positive, at most what the delivery still has out.</param>
    /// <exception cref="ArgumentException">A default id or delivery, or a quantity that is not positive.</exception>
    public ReturnStock(CommandId id, CommandId delivery, int quantity)
        : base(id)
    {
        Delivery = Reference(delivery, nameof(delivery));
        Quantity = Positive(quantity, nameof(quantity));
    }

    /// <summary>The delivery the units came back from.</summary>
    public CommandId Delivery { get; }

    /// <summary>Units returned.</summary>
    public int Quantity { get; }
}
