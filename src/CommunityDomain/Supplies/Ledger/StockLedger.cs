using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Errors;
using CommunityDomain.Supplies.Events;
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
/// <para>Commands are verbs (<see cref="Receive"/>, <see cref="Allocate"/>, <see cref="Deliver"/>, <see cref="Return"/>,
/// <see cref="WriteOff"/>, <see cref="Cancel"/>), each returning a <see cref="StockResult"/>; the ledger keeps each accepted
/// command (internally, as a record) to tell a replay from a conflicting reuse of its id.</para>
/// <para>Who may run what (<see cref="Actor.Check"/>; a refused command returns <see cref="NotPermitted"/>, changes nothing
/// and does not consume its id): receiving, allocating, cancelling, taking back and writing off stock need
/// <see cref="Permission.Supplies"/> (stock keepers, the community office) over the whole community, since the ledger is
/// the community's stock; delivering needs <see cref="Permission.Deliveries"/> (delivery volunteers, compound heads, the
/// office) over the receiving household's building, which the ledger learns from the <see cref="Community"/> given to
/// <see cref="Deliver"/> (without it, or for an unknown allocation, the place is the whole community). The role is checked
/// before the replay: a replay by an actor who may not run the command is refused too.</para>
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
        return new StockLedger(Guard.Against.InvalidInput(item, nameof(item), static i => !i.IsDefault, "The item kind is default."), clock);
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

    /// <summary>Receives a lot (procured or donated).</summary>
    /// <param name="id">The command's id; it also names the lot (the receipt).</param>
    /// <param name="quantity">Units received; positive.</param>
    /// <param name="source">Procured (default) or donated by a named donor.</param>
    /// <param name="expiry">The lot's expiry date, if any.</param>
    /// <param name="by">Who receives it: <see cref="Permission.Supplies"/> over the whole community.</param>
    /// <returns>Success (a <see cref="StockReceived"/>), or <see cref="ConflictingReplay"/> or <see cref="NotPermitted"/>.</returns>
    /// <exception cref="ArgumentException">A default id or a quantity that is not positive.</exception>
    public StockResult Receive(CommandId id, int quantity, StockSource source = default, LocalDate? expiry = null, Actor by = default) =>
        Run(new ReceiveStock(id, quantity, source, expiry), by, null);

    /// <summary>Reserves units for a household; they stay on hand until delivered.</summary>
    /// <param name="id">The command's id; it also names the allocation.</param>
    /// <param name="household">The receiving household; not default.</param>
    /// <param name="quantity">Units reserved; positive.</param>
    /// <param name="by">Who allocates: <see cref="Permission.Supplies"/> over the whole community.</param>
    /// <returns>Success (a <see cref="StockAllocated"/>), or <see cref="ShortOfStock"/>, <see cref="ConflictingReplay"/>, <see cref="NotPermitted"/>.</returns>
    /// <exception cref="ArgumentException">A default id or household, or a quantity that is not positive.</exception>
    public StockResult Allocate(CommandId id, Id<Household> household, int quantity, Actor by = default) =>
        Run(new AllocateStock(id, household, quantity), by, null);

    /// <summary>Delivers units of an allocation to its household, taken first-expiring-first.</summary>
    /// <param name="id">The command's id; it also names the delivery.</param>
    /// <param name="allocation">The allocation delivered; not default.</param>
    /// <param name="quantity">Units delivered; positive, at most what the allocation still reserves.</param>
    /// <param name="by">Who delivers: <see cref="Permission.Deliveries"/> over the household's building.</param>
    /// <param name="community">The community that holds the household, to place the delivery for <paramref name="by"/>'s
    /// area; null places it in the whole community (then only actors over the whole community may deliver).</param>
    /// <returns>Success (a <see cref="StockDelivered"/>), or <see cref="UnknownCommand"/>, <see cref="ExceedsOutstanding"/>,
    /// <see cref="ConflictingReplay"/>, <see cref="NotPermitted"/>.</returns>
    /// <exception cref="ArgumentException">A default id or allocation, a quantity that is not positive, or an allocation's
    /// household that <paramref name="community"/> does not hold.</exception>
    public StockResult Deliver(CommandId id, CommandId allocation, int quantity, Actor by = default, Community? community = null)
    {
        var command = new DeliverStock(id, allocation, quantity);
        (int, int)? place = null;
        if (community is not null && _allocations.TryGetValue(command.Allocation, out var reserved))
        {
            var home = community.Get(reserved.Household);
            place = (home.CompoundId.Value, home.BuildingId.Value);
        }

        return Run(command, by, place);
    }

    /// <summary>Takes back units of a delivery into the lots they came from.</summary>
    /// <param name="id">The command's id.</param>
    /// <param name="delivery">The delivery; not default.</param>
    /// <param name="quantity">Units returned; positive, at most the delivery's net units.</param>
    /// <param name="by">Who takes them back: <see cref="Permission.Supplies"/> over the whole community.</param>
    /// <returns>Success (a <see cref="StockReturned"/>), or <see cref="UnknownCommand"/>, <see cref="ExceedsOutstanding"/>,
    /// <see cref="ConflictingReplay"/>, <see cref="NotPermitted"/>.</returns>
    /// <exception cref="ArgumentException">A default id or delivery, or a quantity that is not positive.</exception>
    public StockResult Return(CommandId id, CommandId delivery, int quantity, Actor by = default) =>
        Run(new ReturnStock(id, delivery, quantity), by, null);

    /// <summary>Writes off units (spoiled, expired, lost): from one lot, or first-expiring-first.</summary>
    /// <param name="id">The command's id.</param>
    /// <param name="quantity">Units written off; positive.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="receipt">The lot to write off from; null for first-expiring-first.</param>
    /// <param name="by">Who writes them off: <see cref="Permission.Supplies"/> over the whole community.</param>
    /// <returns>Success (a <see cref="StockWrittenOff"/>), or <see cref="ShortOfStock"/>, <see cref="UnknownCommand"/>,
    /// <see cref="ExceedsOutstanding"/>, <see cref="ConflictingReplay"/>, <see cref="NotPermitted"/>.</returns>
    /// <exception cref="ArgumentException">A default id or receipt, a quantity that is not positive, or a blank reason.</exception>
    public StockResult WriteOff(CommandId id, int quantity, string reason, CommandId? receipt = null, Actor by = default) =>
        Run(new WriteOffStock(id, quantity, reason, receipt), by, null);

    /// <summary>Cancels units of an allocation that will not be delivered; they become available again.</summary>
    /// <param name="id">The command's id.</param>
    /// <param name="allocation">The allocation; not default.</param>
    /// <param name="quantity">Units cancelled; positive, at most what the allocation still reserves.</param>
    /// <param name="by">Who cancels: <see cref="Permission.Supplies"/> over the whole community.</param>
    /// <returns>Success (an <see cref="AllocationCancelled"/>), or <see cref="UnknownCommand"/>, <see cref="ExceedsOutstanding"/>,
    /// <see cref="ConflictingReplay"/>, <see cref="NotPermitted"/>.</returns>
    /// <exception cref="ArgumentException">A default id or allocation, or a quantity that is not positive.</exception>
    public StockResult Cancel(CommandId id, CommandId allocation, int quantity, Actor by = default) =>
        Run(new CancelAllocation(id, allocation, quantity), by, null);

    // The one path of every command: role and area, then replay, then the command itself; only an accepted command keeps its id.
    private StockResult Run(StockCommand command, Actor by, (int Compound, int Building)? place)
    {
        var needed = command is DeliverStock ? Permission.Deliveries : Permission.Supplies;
        if (by.Check(needed, place?.Compound, place?.Building) is { } denied)
        {
            return denied;
        }

        if (_commands.TryGetValue(command.Id, out var earlier))
        {
            return earlier.Equals(command) ? new Success() : new ConflictingReplay(command.Id);
        }

        var result = command switch
        {
            ReceiveStock c => Apply(c, by),
            AllocateStock c => Apply(c, by),
            DeliverStock c => Apply(c, by),
            ReturnStock c => Apply(c, by),
            WriteOffStock c => Apply(c, by),
            CancelAllocation c => Apply(c, by),
            // The command records are internal and every one has an arm: another type is a bug here, not a caller's input.
            _ => throw new System.Diagnostics.UnreachableException($"Unknown stock command {command.GetType().Name}."),
        };
        if (result.Succeeded)
        {
            _commands.Add(command.Id, command);
        }

        return result;
    }

    /// <summary>The item, on hand, reserved and counts; never a donor's label.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Stock of {Item}: on hand {OnHand}, reserved {Reserved}, received {Received}, delivered {Delivered}, written off {WrittenOff}, {_lots.Count} lot(s)");

    private StockResult Apply(ReceiveStock c, Actor by)
    {
        var lot = new Lot(c.Id, c.Source, c.Expiry, c.Quantity, _receiptOrder++);
        var at = _lots.FindIndex(l => Lot.FirstExpiringFirst(lot, l) < 0);
        _lots.Insert(at < 0 ? _lots.Count : at, lot);
        _lotsById.Add(c.Id, lot);
        Received += c.Quantity;
        Raise(new StockReceived(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Quantity, c.Source.IsDonation, c.Expiry));
        return new Success();
    }

    private StockResult Apply(AllocateStock c, Actor by)
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

    private StockResult Apply(DeliverStock c, Actor by)
    {
        if (Outstanding(c.Allocation, c.Quantity, out var refusal) is not { } allocation)
        {
            return refusal;
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

    private StockResult Apply(ReturnStock c, Actor by)
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

    private StockResult Apply(WriteOffStock c, Actor by)
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

    private StockResult Apply(CancelAllocation c, Actor by)
    {
        if (Outstanding(c.Allocation, c.Quantity, out var refusal) is not { } allocation)
        {
            return refusal;
        }

        allocation.Cancelled += c.Quantity;
        Reserved -= c.Quantity;
        Raise(new AllocationCancelled(_clock.GetCurrentInstant(), by, NextVersion(), Item.Code, c.Id, c.Allocation, c.Quantity));
        return new Success();
    }

    // Deliver and cancel both draw on an allocation's outstanding units: one lookup, the same two refusals in the
    // same order (unknown allocation, then more than is outstanding).
    private Reservation? Outstanding(CommandId allocation, int quantity, out StockResult refusal)
    {
        refusal = new Success();
        if (!_allocations.TryGetValue(allocation, out var reservation))
        {
            refusal = new UnknownCommand(allocation, "allocation");
            return null;
        }

        if (quantity > reservation.Outstanding)
        {
            refusal = new ExceedsOutstanding(allocation, quantity, reservation.Outstanding);
            return null;
        }

        return reservation;
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
