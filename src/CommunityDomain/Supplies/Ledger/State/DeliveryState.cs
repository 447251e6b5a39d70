namespace CommunityDomain.Supplies.Ledger.State;

/// <summary>A stored delivery with its trace to the lots.</summary>
/// <param name="Id">The id of the deliver command.</param>
/// <param name="HouseholdId">The household id's value.</param>
/// <param name="Taken">What was taken from which lot, in take order (the order returns undo in reverse).</param>
/// <remarks>Two deliveries are equal when their takes are equal in the same order.</remarks>
public sealed record DeliveryState(string Id, int HouseholdId, IReadOnlyList<TakeState> Taken)
{
    /// <inheritdoc />
    public bool Equals(DeliveryState? other) =>
        other is not null && Id == other.Id && HouseholdId == other.HouseholdId && Taken.SequenceEqual(other.Taken);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, HouseholdId, Taken.Count);
}
