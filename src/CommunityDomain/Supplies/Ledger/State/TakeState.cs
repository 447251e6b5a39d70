namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>Units of a stored delivery taken from one lot, net of returns.</summary>
/// <param name="Receipt">The lot's receipt id.</param>
/// <param name="Quantity">Units from that lot still delivered (0 once all returned).</param>
public sealed record TakeState(string Receipt, int Quantity);
