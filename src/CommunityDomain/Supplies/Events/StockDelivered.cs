using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Events;

/// <summary>Units of an allocation were delivered, traced to their receipts.</summary>
/// <param name="OccurredAt">When the command took effect (the ledger's clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The ledger's version after the change.</param>
/// <param name="Item">The item kind's code.</param>
/// <param name="Command">The command's id.</param>
/// <param name="Allocation">The allocation delivered.</param>
/// <param name="Household">The receiving household.</param>
/// <param name="Quantity">Units delivered.</param>
/// <param name="Traced">Where the units came from, first-expiring-first.</param>
public sealed record StockDelivered(
    Instant OccurredAt,
    Actor By,
    long Version,
    string Item,
    CommandId Command,
    CommandId Allocation,
    Id<Household> Household,
    int Quantity,
    IReadOnlyList<TracedUnits> Traced) : IDomainEvent;
