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
/// <param name="ResultAt">When the result arrived, if it has; not before <paramref name="ClosedAt"/>.</param>
/// <param name="SampledAt">When each member was sampled, in <paramref name="Members"/> order, never decreasing and not after
/// <paramref name="ClosedAt"/>. Null in documents written before sampling times were kept: each member is then read as
/// sampled at the tube's closing (the round's last sample for an open tube), whichever is earlier - an upper bound.</param>
/// <remarks>Two tubes are equal when their members (and sampling times) are equal in the same order.</remarks>
public sealed record TubeState(
    string Barcode,
    PoolClass PoolClass,
    int Capacity,
    int? SiteId,
    int? HouseholdId,
    IReadOnlyList<int> Members,
    Instant? ClosedAt,
    TubeResult Result,
    Instant? ResultAt,
    IReadOnlyList<Instant>? SampledAt = null)
{
    /// <inheritdoc />
    public bool Equals(TubeState? other) =>
        other is not null && Barcode == other.Barcode && PoolClass == other.PoolClass && Capacity == other.Capacity && SiteId == other.SiteId
        && HouseholdId == other.HouseholdId && Members.SequenceEqual(other.Members) && ClosedAt == other.ClosedAt && Result == other.Result
        && ResultAt == other.ResultAt
        && (SampledAt is null ? other.SampledAt is null : other.SampledAt is not null && SampledAt.SequenceEqual(other.SampledAt));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Barcode, PoolClass, Members.Count, ClosedAt, Result);
}
