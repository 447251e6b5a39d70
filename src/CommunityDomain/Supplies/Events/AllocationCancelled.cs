using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Events;

/// <summary>Undelivered units of an allocation were released to free stock.</summary>
/// <param name="OccurredAt">When the command took effect (the ledger's clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The ledger's version after the change.</param>
/// <param name="Item">The item kind's code.</param>
/// <param name="Command">The command's id.</param>
/// <param name="Allocation">The allocation.</param>
/// <param name="Quantity">Units released.</param>
public sealed record AllocationCancelled(
    Instant OccurredAt,
    Actor By,
    long Version,
    string Item,
    CommandId Command,
    CommandId Allocation,
    int Quantity) : IDomainEvent;
