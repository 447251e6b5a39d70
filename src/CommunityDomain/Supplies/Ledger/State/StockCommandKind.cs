namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>Which stock command a <see cref="StockCommandState"/> stores.</summary>
public enum StockCommandKind
{
    /// <summary>A command run by <see cref="StockLedger.Receive"/>.</summary>
    Receive = 1,

    /// <summary>A command run by <see cref="StockLedger.Allocate"/>.</summary>
    Allocate = 2,

    /// <summary>A command run by <see cref="StockLedger.Deliver"/>.</summary>
    Deliver = 3,

    /// <summary>A command run by <see cref="StockLedger.Return"/>.</summary>
    Return = 4,

    /// <summary>A command run by <see cref="StockLedger.WriteOff"/>.</summary>
    WriteOff = 5,

    /// <summary>A command run by <see cref="StockLedger.Cancel"/>.</summary>
    Cancel = 6,
}
