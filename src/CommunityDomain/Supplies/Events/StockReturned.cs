using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Events;

/// <summary>Delivered units came back into their lots.</summary>
/// <param name="OccurredAt">When the command took effect (the ledger's clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The ledger's version after the change.</param>
/// <param name="Item">The item kind's code.</param>
/// <param name="Command">The command's id.</param>
/// <param name="Delivery">The delivery they came back from.</param>
/// <param name="Quantity">Units returned.</param>
public sealed record StockReturned(
    Instant OccurredAt,
    Actor By,
    long Version,
    string Item,
    CommandId Command,
    CommandId Delivery,
    int Quantity) : IDomainEvent;
