namespace CommunityDomain.Supplies.Ledger;

/// <summary>Receive a lot of goods, procured or donated, with an optional expiry date.</summary>
internal sealed record ReceiveStock : StockCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="id">The command's id; it also names the lot (the receipt) for tracing.</param>
    /// <param name="quantity">Units received; positive.</param>
    /// <param name="source">Procured or donated.</param>
    /// <param name="expiry">The last day the goods may be used, when they expire.</param>
    /// <exception cref="ArgumentException">A default id or a quantity that is not positive.</exception>
    public ReceiveStock(CommandId id, int quantity, StockSource source = default, LocalDate? expiry = null)
        : base(id)
    {
        Quantity = Positive(quantity, nameof(quantity));
        Source = source;
        Expiry = expiry;
    }

    /// <summary>Units received.</summary>
    public int Quantity { get; }

    /// <summary>Procured or donated.</summary>
    public StockSource Source { get; }

    /// <summary>The last day of use, when the goods expire.</summary>
    public LocalDate? Expiry { get; }
}
