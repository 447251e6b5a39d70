using System.Globalization;

namespace CommunityDomain.Supplies.Ledger;

/// <summary>One receipt's lot as the ledger holds it now.</summary>
/// <param name="Receipt">The receipt command that brought the lot in.</param>
/// <param name="Source">Procured or donated.</param>
/// <param name="Expiry">The last day of use, if any.</param>
/// <param name="Received">Units received.</param>
/// <param name="Remaining">Units still on hand from this lot.</param>
public readonly record struct StockLot(CommandId Receipt, StockSource Source, LocalDate? Expiry, int Received, int Remaining)
{
    /// <summary>The lot in one line.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"lot {Receipt}: {Remaining}/{Received} left, {Source}{(Expiry is { } e ? $", use by {e:yyyy-MM-dd}" : string.Empty)}");
}
