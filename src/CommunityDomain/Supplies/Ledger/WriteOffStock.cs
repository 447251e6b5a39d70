using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Ledger;

/// <summary>Write off unreserved units (spoiled, expired, damaged), from one lot or first-expiring-first.</summary>
internal sealed record WriteOffStock : StockCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="id">The command's id.</param>
    /// <param name="quantity">Units written off; positive.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="receipt">The lot to write off from, or null for first-expiring-first.</param>
    /// <exception cref="ArgumentException">A default id, a blank reason, or a quantity that is not positive.</exception>
    public WriteOffStock(CommandId id, int quantity, string reason, CommandId? receipt = null)
        : base(id)
    {
        Quantity = Positive(quantity, nameof(quantity));
        Reason = Guard.Against.Blank(reason).Trim();
        Receipt = receipt is { } r ? Reference(r, nameof(receipt)) : null;
    }

    /// <summary>Units written off.</summary>
    public int Quantity { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <summary>The lot written off from, or null for first-expiring-first.</summary>
    public CommandId? Receipt { get; }
}
