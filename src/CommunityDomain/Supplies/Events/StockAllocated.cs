using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Events;

/// <summary>Units were reserved for a household.</summary>
/// <param name="OccurredAt">When the command took effect (the ledger's clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The ledger's version after the change.</param>
/// <param name="Item">The item kind's code.</param>
/// <param name="Command">The command's id.</param>
/// <param name="Household">The receiving household.</param>
/// <param name="Quantity">Units reserved.</param>
public sealed record StockAllocated(
    Instant OccurredAt,
    Actor By,
    long Version,
    string Item,
    CommandId Command,
    Id<Household> Household,
    int Quantity) : IDomainEvent;
