using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Errors;
using CommunityDomain.Supplies.Events;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.Supplies.Ledger;

/// <summary>
/// The stock of one item kind: lots received (procured or donated), reservations for households,
/// deliveries traced to their lots, returns and write-offs. Every command carries an id and is idempotent.
/// </summary>
/// <remarks>
/// After every command, accepted, replayed or rejected: <see cref="OnHand"/> = <see cref="Received"/> -
/// <see cref="Delivered"/> - <see cref="WrittenOff"/> (with <see cref="Delivered"/> net of returns);
/// <see cref="Reserved"/> never exceeds <see cref="OnHand"/>; no lot, allocation or delivery count goes
/// negative; the lots' remaining units sum to <see cref="OnHand"/>; every delivered unit is traced to a
/// receipt. A replay (same id, same payload) changes nothing and succeeds; a conflicting replay (same id,
/// another payload) and every rejected command change nothing. Rejected commands do not consume their id.
/// Units leave first-expiring-first (no expiry last, then receipt order). Commands carry no date of their own:
/// each accepted one is stamped by the ledger's clock as it runs, so a lot's facts are recorded in execution
/// order and no caller-given time can date one before the fact it follows.
/// </remarks>
public sealed partial class StockLedger : AggregateRoot
{
    private readonly IClock _clock;
    private readonly Dictionary<CommandId, StockCommand> _commands = [];
    private readonly List<Lot> _lots = [];
    private readonly Dictionary<CommandId, Lot> _lotsById = [];
    private readonly Dictionary<CommandId, Reservation> _allocations = [];
    private readonly Dictionary<CommandId, Shipment> _deliveries = [];
    private long _receiptOrder;

    private StockLedger(ItemKind item, IClock clock, long version = 0)
        : base(version)
    {
        Item = item;
        _clock = clock;
    }

    /// <summary>The item kind this ledger counts.</summary>
    public ItemKind Item { get; }

    /// <summary>Units ever received.</summary>
    public long Received { get; private set; }

    /// <summary>Units delivered and not returned.</summary>
    public long Delivered { get; private set; }

    /// <summary>Units returned after delivery (already subtracted from <see cref="Delivered"/>).</summary>
    public long Returned { get; private set; }

    /// <summary>Units written off.</summary>
    public long WrittenOff { get; private set; }

    /// <summary>Units physically held: received minus delivered minus written off.</summary>
    public long OnHand => Received - Delivered - WrittenOff;

    /// <summary>Units allocated to households and not yet delivered or cancelled.</summary>
    public long Reserved { get; private set; }

    /// <summary>Units free to allocate or write off: on hand minus reserved.</summary>
    public long Available => OnHand - Reserved;

    /// <summary>The lots, first-expiring-first.</summary>
    public IReadOnlyList<StockLot> Lots => [.. _lots.Select(l => l.View)];

    /// <summary>Opens an empty ledger.</summary>
    /// <param name="item">The item kind; not default.</param>
    /// <param name="clock">The clock that stamps events.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ArgumentException">A default item kind.</exception>
    public static StockLedger Open(ItemKind item, IClock clock)
    {
        Guard.Against.Null(clock);
        return item.IsDefault ? throw new ArgumentException("The item kind is default.", nameof(item)) : new StockLedger(item, clock);
    }

    /// <summary>Units an allocation still reserves (0 for an unknown id).</summary>
    /// <param name="allocation">The allocation's id.</param>
    /// <returns>Reserved units.</returns>
    public int ReservedBy(CommandId allocation) => _allocations.TryGetValue(allocation, out var a) ? a.Outstanding : 0;

    /// <summary>Where a delivery's units (net of returns) came from, oldest take first.</summary>
    /// <param name="delivery">The delivery's id.</param>
    /// <returns>The traced units; empty for an unknown id.</returns>
    public IReadOnlyList<TracedUnits> Trace(CommandId delivery) =>
        _deliveries.TryGetValue(delivery, out var d) ? [.. d.Taken.Where(t => t.Quantity > 0).Select(t => new TracedUnits(t.Lot.Receipt, t.Quantity))] : [];

    /// <summary>The households' deliveries: delivery id, household and net units.</summary>
    public IReadOnlyList<(CommandId Delivery, Id<Household> Household, int Quantity)> Deliveries =>
        [.. _deliveries.Select(kv => (kv.Key, kv.Value.Household, kv.Value.Net))];

    /// <summary>Runs a command. A replay of an earlier command (same id and payload) succeeds and changes nothing.</summary>
    /// <param name="command">The command.</param>
    /// <param name="by">Who issues it.</param>
    /// <returns>Success, or why nothing was changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding> Execute(StockCommand command, Actor by = default)
    {
        Guard.Against.Null(command);
        if (_commands.TryGetValue(command.Id, out var earlier))
        {
            return earlier.Equals(command) ? new Success() : new ConflictingReplay(command.Id);
        }

        var result = command switch
        {
            ReceiveStock c => Receive(c, by),
            AllocateStock c => Allocate(c, by),
            DeliverStock c => Deliver(c, by),
            ReturnStock c => Return(c, by),
            WriteOffStock c => WriteOff(c, by),
            CancelAllocation c => Cancel(c, by),
            _ => throw new ArgumentException($"Unknown stock command {command.GetType().Name}.", nameof(command)),
        };
        if (result.IsT0)
        {
            _commands.Add(command.Id, command);
        }

        return result;
    }

    /// <summary>The item, on hand, reserved and counts; never a donor's label.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Stock of {Item}: on hand {OnHand}, reserved {Reserved}, received {Received}, delivered {Delivered}, written off {WrittenOff}, {_lots.Count} lot(s)");

    private OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding> Receive(ReceiveStock c, Actor by)
    {
        var lot = new Lot(c.Id, c.Source, c.Expiry, c.Quantity, _receiptOrder++);
        var at = _lots.FindIndex(l => Lot.FirstExpiringFirst(lot, l) < 0);
        _lots.Insert(at < 0 ? _lots.Count : at, lot);
        _lotsById.Add(c.Id, lot);
        Received += c.Quantity;
        Raise(new StockReceived(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Quantity, c.Source.IsDonation, c.Expiry));
        return new Success();
    }

    private OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding> Allocate(AllocateStock c, Actor by)
    {
        if (c.Quantity > Available)
        {
            return Short(c.Quantity);
        }

        _allocations.Add(c.Id, new Reservation(c.Household, c.Quantity));
        Reserved += c.Quantity;
        Raise(new StockAllocated(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Household, c.Quantity));
        return new Success();
    }

    private OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding> Deliver(DeliverStock c, Actor by)
    {
        if (!_allocations.TryGetValue(c.Allocation, out var allocation))
        {
            return new UnknownCommand(c.Allocation, "allocation");
        }

        if (c.Quantity > allocation.Outstanding)
        {
            return new ExceedsOutstanding(c.Allocation, c.Quantity, allocation.Outstanding);
        }

        // Reserved <= OnHand holds, so the lots hold enough units for any outstanding reservation.
        var taken = TakeFirstExpiring(c.Quantity);
        allocation.Delivered += c.Quantity;
        Reserved -= c.Quantity;
        Delivered += c.Quantity;
        _deliveries.Add(c.Id, new Shipment(allocation.Household, taken));
        Raise(new StockDelivered(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Allocation, allocation.Household, c.Quantity,
            [.. taken.Select(t => new TracedUnits(t.Lot.Receipt, t.Quantity))]));
        return new Success();
    }

    private OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding> Return(ReturnStock c, Actor by)
    {
        if (!_deliveries.TryGetValue(c.Delivery, out var delivery))
        {
            return new UnknownCommand(c.Delivery, "delivery");
        }

        if (c.Quantity > delivery.Net)
        {
            return new ExceedsOutstanding(c.Delivery, c.Quantity, delivery.Net);
        }

        // Put units back into the lots they were taken from, latest take first.
        var left = c.Quantity;
        for (var i = delivery.Taken.Count - 1; i >= 0 && left > 0; i--)
        {
            var take = delivery.Taken[i];
            var back = Math.Min(left, take.Quantity);
            take.Quantity -= back;
            take.Lot.Remaining += back;
            left -= back;
        }
        Delivered -= c.Quantity;
        Returned += c.Quantity;
        Raise(new StockReturned(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Delivery, c.Quantity));
        return new Success();
    }

    private OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding> WriteOff(WriteOffStock c, Actor by)
    {
        if (c.Quantity > Available)
        {
            return Short(c.Quantity);
        }

        List<Take> taken;
        if (c.Receipt is { } receipt)
        {
            if (!_lotsById.TryGetValue(receipt, out var lot))
            {
                return new UnknownCommand(receipt, "receipt");
            }

            if (c.Quantity > lot.Remaining)
            {
                return new ExceedsOutstanding(receipt, c.Quantity, lot.Remaining);
            }

            lot.Remaining -= c.Quantity;
            taken = [new Take(lot, c.Quantity)];
        }
        else
        {
            taken = TakeFirstExpiring(c.Quantity);
        }
        WrittenOff += c.Quantity;
        Raise(new StockWrittenOff(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Quantity, c.Reason,
            [.. taken.Select(t => new TracedUnits(t.Lot.Receipt, t.Quantity))]));
        return new Success();
    }

    private OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding> Cancel(CancelAllocation c, Actor by)
    {
        if (!_allocations.TryGetValue(c.Allocation, out var allocation))
        {
            return new UnknownCommand(c.Allocation, "allocation");
        }

        if (c.Quantity > allocation.Outstanding)
        {
            return new ExceedsOutstanding(c.Allocation, c.Quantity, allocation.Outstanding);
        }

        allocation.Cancelled += c.Quantity;
        Reserved -= c.Quantity;
        Raise(new AllocationCancelled(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Allocation, c.Quantity));
        return new Success();
    }

    private ShortOfStock Short(int requested) =>
        new(Item.Code, requested, (int)Math.Min(int.MaxValue, Available));

    private List<Take> TakeFirstExpiring(int quantity)
    {
        var taken = new List<Take>();
        foreach (var lot in _lots)
        {
            if (quantity == 0)
            {
                break;
            }

            var take = Math.Min(quantity, lot.Remaining);
            if (take > 0)
            {
                lot.Remaining -= take;
                quantity -= take;
                taken.Add(new Take(lot, take));
            }
        }

        return quantity == 0 ? taken : throw new InvalidOperationException("The ledger lost track of its lots.");
    }

    private sealed class Lot(CommandId receipt, StockSource source, LocalDate? expiry, int received, long order)
    {
        public CommandId Receipt { get; } = receipt;

        public int Received { get; } = received;

        public int Remaining { get; set; } = received;

        public StockLot View => new(Receipt, source, expiry, Received, Remaining);

        public static int FirstExpiringFirst(Lot a, Lot b)
        {
            var byExpiry = (a.View.Expiry, b.View.Expiry) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } x, { } y) => x.CompareTo(y),
            };
            return byExpiry != 0 ? byExpiry : a.Order.CompareTo(b.Order);
        }

        public long Order { get; } = order;
    }

    private sealed class Reservation(Id<Household> household, int quantity)
    {
        public Id<Household> Household { get; } = household;

        public int Quantity { get; } = quantity;

        public int Delivered { get; set; }

        public int Cancelled { get; set; }

        public int Outstanding => Quantity - Delivered - Cancelled;
    }

    private sealed class Take(Lot lot, int quantity)
    {
        public Lot Lot { get; } = lot;

        public int Quantity { get; set; } = quantity;
    }

    private sealed class Shipment(Id<Household> household, List<Take> taken)
    {
        public Id<Household> Household { get; } = household;

        public List<Take> Taken { get; } = taken;

        public int Net => Taken.Sum(t => t.Quantity);
    }
}
