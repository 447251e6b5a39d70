namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>A stored allocation (reservation for a household).</summary>
/// <param name="Id">The id of the allocate command.</param>
/// <param name="HouseholdId">The household id's value.</param>
/// <param name="Quantity">Units allocated.</param>
/// <param name="Delivered">Units delivered against it so far (returns not subtracted).</param>
/// <param name="Cancelled">Units cancelled.</param>
public sealed record AllocationState(string Id, int HouseholdId, int Quantity, int Delivered, int Cancelled);
