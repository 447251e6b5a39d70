using System.Globalization;

namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>A stored lot.</summary>
/// <param name="Receipt">The id of the receipt command that brought the lot in.</param>
/// <param name="Donor">The donor's label, or null when procured.</param>
/// <param name="Expiry">The last day of use, if any.</param>
/// <param name="Received">Units received.</param>
/// <param name="Remaining">Units still on hand from this lot.</param>
public sealed record StockLotState(string Receipt, string? Donor, LocalDate? Expiry, int Received, int Remaining)
{
    /// <summary>The lot's receipt id and counts; never the donor's label.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"StockLotState {Receipt}: {Remaining}/{Received}");
}
