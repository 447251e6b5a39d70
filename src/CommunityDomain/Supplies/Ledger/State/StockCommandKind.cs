namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>Which stock command a <see cref="StockCommandState"/> stores.</summary>
public enum StockCommandKind
{
    /// <summary>A <see cref="ReceiveStock"/>.</summary>
    Receive = 1,

    /// <summary>An <see cref="AllocateStock"/>.</summary>
    Allocate = 2,

    /// <summary>A <see cref="DeliverStock"/>.</summary>
    Deliver = 3,

    /// <summary>A <see cref="ReturnStock"/>.</summary>
    Return = 4,

    /// <summary>A <see cref="WriteOffStock"/>.</summary>
    WriteOff = 5,

    /// <summary>A <see cref="CancelAllocation"/>.</summary>
    Cancel = 6,
}
