using System.Globalization;

namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>
/// Everything a stock ledger holds, as plain data: what a host stores, and what
/// <see cref="StockLedger.Restore"/> rebuilds the aggregate from.
/// </summary>
/// <remarks>
/// Lots are in receipt order, allocations, deliveries and commands in execution order. The totals
/// (received, delivered, returned, written off, reserved) are not stored: they follow from the lots,
/// allocations and deliveries. Two states are equal when every list holds equal items in the same order.
/// </remarks>
public sealed record StockLedgerState
{
    /// <summary>The item kind's code.</summary>
    public required string ItemCode { get; init; }

    /// <summary>The item kind's counting unit.</summary>
    public required string ItemUnit { get; init; }

    /// <summary>The weight of one unit in grams, when known.</summary>
    public int? UnitWeightGrams { get; init; }

    /// <summary>The aggregate's version (one per accepted command).</summary>
    public required long Version { get; init; }

    /// <summary>The lots, in receipt order.</summary>
    public required IReadOnlyList<StockLotState> Lots { get; init; }

    /// <summary>The allocations, in execution order.</summary>
    public required IReadOnlyList<AllocationState> Allocations { get; init; }

    /// <summary>The deliveries with their traces, in execution order.</summary>
    public required IReadOnlyList<DeliveryState> Deliveries { get; init; }

    /// <summary>Every accepted command, in execution order (for idempotent replay).</summary>
    public required IReadOnlyList<StockCommandState> Commands { get; init; }

    /// <inheritdoc />
    public bool Equals(StockLedgerState? other) =>
        other is not null
        && ItemCode == other.ItemCode
        && ItemUnit == other.ItemUnit
        && UnitWeightGrams == other.UnitWeightGrams
        && Version == other.Version
        && Lots.SequenceEqual(other.Lots)
        && Allocations.SequenceEqual(other.Allocations)
        && Deliveries.SequenceEqual(other.Deliveries)
        && Commands.SequenceEqual(other.Commands);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ItemCode, Version, Lots.Count, Allocations.Count, Deliveries.Count, Commands.Count);

    /// <summary>Item, version and counts; no donor labels.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"StockLedgerState '{ItemCode}' v{Version}: {Lots.Count} lots, {Allocations.Count} allocations, {Deliveries.Count} deliveries, {Commands.Count} commands");
}
