using System.Globalization;

namespace CommunityDomain.Supplies.Ledger;

/// <summary>Units of a delivery traced back to the receipt they came from.</summary>
/// <param name="Receipt">The receipt (lot).</param>
/// <param name="Quantity">Units from that receipt.</param>
public readonly record struct TracedUnits(CommandId Receipt, int Quantity)
{
    /// <summary>E.g. <c>3 from rcv-1</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Quantity} from {Receipt}");
}
