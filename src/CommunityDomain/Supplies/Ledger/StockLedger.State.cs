using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger.State;

namespace CommunityDomain.Supplies.Ledger;

public sealed partial class StockLedger
{
    /// <summary>Everything the ledger holds, as plain data for storage.</summary>
    /// <returns>The state; <see cref="Restore"/> rebuilds an equal ledger from it.</returns>
    public StockLedgerState ToState() => new()
    {
        ItemCode = Item.Code,
        ItemUnit = Item.Unit,
        UnitWeightGrams = Item.UnitWeightGrams,
        Version = Version,
        Lots = [.. _lots.OrderBy(l => l.Order).Select(l => l.View).Select(v => new StockLotState(v.Receipt.Value, v.Source.Donor, v.Expiry, v.Received, v.Remaining))],
        Allocations = [.. _allocations.Select(kv => new AllocationState(kv.Key.Value, kv.Value.Household.Value, kv.Value.Quantity, kv.Value.Delivered, kv.Value.Cancelled))],
        Deliveries = [.. _deliveries.Select(kv => new DeliveryState(kv.Key.Value, kv.Value.Household.Value, [.. kv.Value.Taken.Select(t => new TakeState(t.Lot.Receipt.Value, t.Quantity))]))],
        Commands = [.. _commands.Values.Select(StateOf)],
    };

    /// <summary>Rebuilds a ledger from stored state, with no pending events.</summary>
    /// <param name="state">The stored state.</param>
    /// <param name="clock">The clock that stamps future events.</param>
    /// <returns>A ledger equal to the one the state was taken from: same counts, lots, traces and command ids.</returns>
    /// <exception cref="ArgumentException">The state is inconsistent (a blank or default item, ids used twice,
    /// counts out of range, a delivery from an unknown lot, lots, allocations or deliveries that do not match
    /// their commands, a version that is not the number of commands).</exception>
    public static StockLedger Restore(StockLedgerState state, IClock clock)
    {
        Guard.Against.Null(state);
        Guard.Against.Null(clock);
        try
        {
            var ledger = new StockLedger(new ItemKind(state.ItemCode, state.ItemUnit, state.UnitWeightGrams), clock, state.Version);
            ledger.Load(state);
            return ledger;
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or InvalidOperationException or NullReferenceException)
        {
            throw StoredStateError.Inconsistent("stock ledger", ex, nameof(state));
        }
    }

    private static StockCommandState StateOf(StockCommand command) => command switch
    {
        ReceiveStock c => new(StockCommandKind.Receive, c.Id.Value, c.Quantity, Donor: c.Source.Donor, Expiry: c.Expiry),
        AllocateStock c => new(StockCommandKind.Allocate, c.Id.Value, c.Quantity, HouseholdId: c.Household.Value),
        DeliverStock c => new(StockCommandKind.Deliver, c.Id.Value, c.Quantity, c.Allocation.Value),
        ReturnStock c => new(StockCommandKind.Return, c.Id.Value, c.Quantity, c.Delivery.Value),
        WriteOffStock c => new(StockCommandKind.WriteOff, c.Id.Value, c.Quantity, c.Receipt?.Value, Reason: c.Reason),
        CancelAllocation c => new(StockCommandKind.Cancel, c.Id.Value, c.Quantity, c.Allocation.Value),
        // The command records are internal and every one has an arm: another type is a bug here, not a caller's input.
        _ => throw new System.Diagnostics.UnreachableException($"Unknown stock command {command.GetType().Name}."),
    };

    private static StockCommand CommandOf(StockCommandState s)
    {
        var id = CommandId.Of(s.Id);
        var reference = s.Reference is { } r ? CommandId.Of(r) : default;
        return s.Kind switch
        {
            StockCommandKind.Receive => new ReceiveStock(id, s.Quantity, s.Donor is { } d ? StockSource.DonatedBy(d) : StockSource.Procured, s.Expiry),
            StockCommandKind.Allocate => new AllocateStock(id, new Id<Household>(s.HouseholdId ?? 0), s.Quantity),
            StockCommandKind.Deliver => new DeliverStock(id, reference, s.Quantity),
            StockCommandKind.Return => new ReturnStock(id, reference, s.Quantity),
            StockCommandKind.WriteOff => new WriteOffStock(id, s.Quantity, s.Reason!, s.Reference is null ? null : reference),
            StockCommandKind.Cancel => new CancelAllocation(id, reference, s.Quantity),
            _ => throw new ArgumentException($"Unknown stock command kind {s.Kind}.", nameof(s)),
        };
    }

    // Load reads the state in the order its parts refer to each other: commands, then the lots their receipts made,
    // the allocations, and the deliveries that take from both; each phase checks its part against its command.
    private void Load(StockLedgerState state)
    {
        LoadCommands(state);
        LoadLots(state);
        var gross = LoadAllocations(state);
        LoadDeliveries(state);
        CheckCounts(state, gross);
    }

    private void LoadCommands(StockLedgerState state)
    {
        foreach (var c in state.Commands)
        {
            var command = CommandOf(c);
            _commands.Add(command.Id, command);
        }

        if (state.Version != _commands.Count)
        {
            throw new ArgumentException($"Version {state.Version} is not the number of commands ({_commands.Count}).", nameof(state));
        }
    }

    private void LoadLots(StockLedgerState state)
    {
        foreach (var l in state.Lots)
        {
            var receipt = CommandId.Of(l.Receipt);
            var source = l.Donor is { } d ? StockSource.DonatedBy(d) : StockSource.Procured;
            if (_commands[receipt] is not ReceiveStock r || r.Quantity != l.Received || r.Source != source || r.Expiry != l.Expiry)
            {
                throw new ArgumentException($"Lot {receipt} does not match its receipt command.", nameof(state));
            }

            var lot = new Lot(receipt, source, l.Expiry, l.Received, _receiptOrder++)
            {
                Remaining = Guard.Against.OutOfRange(l.Remaining, nameof(l.Remaining), 0, l.Received, $"Lot {receipt} has 0 to {l.Received} units remaining."),
            };
            AddLot(lot);
            Received += l.Received;
        }
    }

    /// <summary>Loads the allocations; returns the units delivered against them, gross of returns.</summary>
    private long LoadAllocations(StockLedgerState state)
    {
        long gross = 0;
        foreach (var a in state.Allocations)
        {
            var id = CommandId.Of(a.Id);
            var household = new Id<Household>(a.HouseholdId);
            if (_commands[id] is not AllocateStock c || c.Household != household || c.Quantity != a.Quantity)
            {
                throw new ArgumentException($"Allocation {id} does not match its command.", nameof(state));
            }

            var reservation = new Reservation(household, a.Quantity)
            {
                Delivered = Guard.Against.Negative(a.Delivered, nameof(a.Delivered)),
                Cancelled = Guard.Against.Negative(a.Cancelled, nameof(a.Cancelled)),
            };
            Guard.Against.Negative(reservation.Outstanding, nameof(reservation.Outstanding));
            _allocations.Add(id, reservation);
            Reserved += reservation.Outstanding;
            gross += a.Delivered;
        }

        return gross;
    }

    private void LoadDeliveries(StockLedgerState state)
    {
        foreach (var s in state.Deliveries)
        {
            var id = CommandId.Of(s.Id);
            var household = new Id<Household>(s.HouseholdId);
            if (_commands[id] is not DeliverStock c || _allocations[c.Allocation].Household != household)
            {
                throw new ArgumentException($"Delivery {id} does not match its command.", nameof(state));
            }

            var taken = s.Taken.Select(t => new Take(_lotsById[CommandId.Of(t.Receipt)], Guard.Against.Negative(t.Quantity, nameof(t.Quantity)))).ToList();
            var shipment = new Shipment(household, taken);
            Guard.Against.OutOfRange(shipment.Net, nameof(shipment.Net), 0, c.Quantity, $"Delivery {id} hands over 0 to {c.Quantity} units net.");
            _deliveries.Add(id, shipment);
            Delivered += shipment.Net;
        }
    }

    private void CheckCounts(StockLedgerState state, long gross)
    {
        // Every receive, allocate and deliver command left exactly one lot, allocation or delivery behind.
        if (_lots.Count != _commands.Values.Count(c => c is ReceiveStock)
            || _allocations.Count != _commands.Values.Count(c => c is AllocateStock)
            || _deliveries.Count != _commands.Values.Count(c => c is DeliverStock))
        {
            throw new ArgumentException("The lots, allocations or deliveries do not match the commands.", nameof(state));
        }

        // A lot cannot have more units out with households than it lost.
        var outOf = _deliveries.Values.SelectMany(d => d.Taken).GroupBy(t => t.Lot).Where(g => g.Sum(t => (long)t.Quantity) > g.Key.Received - g.Key.Remaining);
        if (outOf.Any())
        {
            throw new ArgumentException("A lot has more units delivered than it gave out.", nameof(state));
        }

        Returned = gross - Delivered;
        WrittenOff = Received - Delivered - _lots.Sum(l => (long)l.Remaining);
        if (Returned < 0 || WrittenOff < 0 || Reserved > OnHand)
        {
            throw new ArgumentException("The stored counts are inconsistent (negative returns or write-offs, or more reserved than on hand).", nameof(state));
        }

        // The counts must be what the stored commands did.
        var commands = _commands.Values;
        var byAllocation = _allocations.All(a =>
            a.Value.Delivered == commands.OfType<DeliverStock>().Where(d => d.Allocation == a.Key).Sum(d => (long)d.Quantity)
            && a.Value.Cancelled == commands.OfType<CancelAllocation>().Where(c => c.Allocation == a.Key).Sum(c => (long)c.Quantity));
        if (!byAllocation
            || Returned != commands.OfType<ReturnStock>().Sum(r => (long)r.Quantity)
            || WrittenOff != commands.OfType<WriteOffStock>().Sum(w => (long)w.Quantity))
        {
            throw new ArgumentException("The stored counts are not what the stored commands did.", nameof(state));
        }
    }
}
