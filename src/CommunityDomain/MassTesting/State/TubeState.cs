namespace CommunityDomain.MassTesting.State;

/// <summary>A stored tube with its pool, members and result.</summary>
/// <param name="Barcode">The barcode (<c>S{series}-R{round:00}-{n:000000}</c>, n = the tube's place in the round from 1).</param>
/// <param name="PoolClass">The pooling class.</param>
/// <param name="Capacity">How many samples it may hold: k for a site tube, the household's sampled residents for a door-to-door tube, 1 for a re-sample.</param>
/// <param name="SiteId">The site id's value, for a site tube.</param>
/// <param name="HouseholdId">The household id's value, for a door-to-door or re-sample tube.</param>
/// <param name="Members">The resident id values sampled into it, in sampling order.</param>
/// <param name="ClosedAt">When it closed, if it has.</param>
/// <param name="Result">The lab result (<see cref="TubeResult.Pending"/> until one arrives).</param>
/// <param name="ResultAt">When the result arrived, if it has.</param>
/// <remarks>Two tubes are equal when their members are equal in the same order.</remarks>
public sealed record TubeState(
    string Barcode,
    PoolClass PoolClass,
    int Capacity,
    int? SiteId,
    int? HouseholdId,
    IReadOnlyList<int> Members,
    Instant? ClosedAt,
    TubeResult Result,
    Instant? ResultAt)
{
    /// <inheritdoc />
    public bool Equals(TubeState? other) =>
        other is not null && Barcode == other.Barcode && PoolClass == other.PoolClass && Capacity == other.Capacity && SiteId == other.SiteId
        && HouseholdId == other.HouseholdId && Members.SequenceEqual(other.Members) && ClosedAt == other.ClosedAt && Result == other.Result
        && ResultAt == other.ResultAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Barcode, PoolClass, Members.Count, ClosedAt, Result);
}
