using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Events;

/// <summary>Unreserved units were written off.</summary>
/// <param name="OccurredAt">When the command took effect (the ledger's clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The ledger's version after the change.</param>
/// <param name="Item">The item kind's code.</param>
/// <param name="Command">The command's id.</param>
/// <param name="Quantity">Units written off.</param>
/// <param name="Reason">Why.</param>
/// <param name="Traced">The lots they were taken from.</param>
public sealed record StockWrittenOff(
    Instant OccurredAt,
    Actor By,
    long Version,
    string Item,
    CommandId Command,
    int Quantity,
    string Reason,
    IReadOnlyList<TracedUnits> Traced) : IDomainEvent;
