using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Events;

/// <summary>A lot of goods was received.</summary>
/// <param name="OccurredAt">When the command took effect (the ledger's clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The ledger's version after the change.</param>
/// <param name="Item">The item kind's code.</param>
/// <param name="Command">The command's id.</param>
/// <param name="Quantity">Units received.</param>
/// <param name="Donated">True for a donation (the donor label stays in the ledger, not in the event).</param>
/// <param name="Expiry">The last day of use, if any.</param>
public sealed record StockReceived(
    Instant OccurredAt,
    Actor By,
    long Version,
    string Item,
    CommandId Command,
    int Quantity,
    bool Donated,
    LocalDate? Expiry) : IDomainEvent;
