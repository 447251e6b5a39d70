using System.Globalization;

namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>
/// An executed stock command, stored so that a restored ledger still tells a replay from a conflicting
/// reuse of its id.
/// </summary>
/// <param name="Kind">Which command.</param>
/// <param name="Id">The command's id.</param>
/// <param name="Quantity">Its units.</param>
/// <param name="Reference">The allocation (deliver, cancel), delivery (return) or receipt (targeted write-off) it names; else null.</param>
/// <param name="HouseholdId">The household id's value (allocate); else null.</param>
/// <param name="Donor">The donor's label (donated receipt); else null.</param>
/// <param name="Expiry">The last day of use (receipt); else null.</param>
/// <param name="Reason">Why units were written off (write-off); else null.</param>
public sealed record StockCommandState(
    StockCommandKind Kind,
    string Id,
    int Quantity,
    string? Reference = null,
    int? HouseholdId = null,
    string? Donor = null,
    LocalDate? Expiry = null,
    string? Reason = null)
{
    /// <summary>The kind, id and units; never a donor's label.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"StockCommandState {Kind} {Id}: {Quantity}");
}
