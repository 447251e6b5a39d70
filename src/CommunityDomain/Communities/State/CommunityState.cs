namespace CommunityDomain.Communities.State;

/// <summary>
/// Everything a community holds, as plain data: what a host stores, and what
/// <see cref="Community.Restore"/> rebuilds the aggregate from.
/// </summary>
/// <remarks>
/// Lists are in id order. Child lists (a compound's buildings, a household's members) are not stored:
/// they follow from each child's parent id. Two states are equal when every list holds equal items in the
/// same order. The state holds residents' personal data in clear for storage; its <c>ToString</c> shows
/// only counts.
/// </remarks>
public sealed record CommunityState
{
    /// <summary>The community's name.</summary>
    public required string Name { get; init; }

    /// <summary>The IANA id of the community's time zone, e.g. <c>Asia/Shanghai</c>.</summary>
    public required string ZoneId { get; init; }

    /// <summary>The aggregate's version.</summary>
    public required long Version { get; init; }

    /// <summary>The compounds.</summary>
    public required IReadOnlyList<CompoundState> Compounds { get; init; }

    /// <summary>The buildings.</summary>
    public required IReadOnlyList<BuildingState> Buildings { get; init; }

    /// <summary>The units.</summary>
    public required IReadOnlyList<UnitState> Units { get; init; }

    /// <summary>The duty posts.</summary>
    public required IReadOnlyList<PostState> Posts { get; init; }

    /// <summary>The households.</summary>
    public required IReadOnlyList<HouseholdState> Households { get; init; }

    /// <summary>The residents, including those who moved out.</summary>
    public required IReadOnlyList<ResidentState> Residents { get; init; }

    /// <summary>The control orders, including lifted and ended ones.</summary>
    public required IReadOnlyList<ControlOrderState> ControlOrders { get; init; }

    /// <summary>The incidents at duty posts, open and resolved (empty in states stored before incidents existed).</summary>
    /// <remarks>A missing list (null, e.g. from a document stored before incidents existed) reads as empty.</remarks>
    public IReadOnlyList<IncidentState> Incidents { get; init => field = value ?? []; } = [];

    /// <inheritdoc />
    public bool Equals(CommunityState? other) =>
        other is not null
        && Name == other.Name
        && ZoneId == other.ZoneId
        && Version == other.Version
        && Compounds.SequenceEqual(other.Compounds)
        && Buildings.SequenceEqual(other.Buildings)
        && Units.SequenceEqual(other.Units)
        && Posts.SequenceEqual(other.Posts)
        && Households.SequenceEqual(other.Households)
        && Residents.SequenceEqual(other.Residents)
        && ControlOrders.SequenceEqual(other.ControlOrders)
        && Incidents.SequenceEqual(other.Incidents);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, ZoneId, Version, Households.Count, Residents.Count, ControlOrders.Count);

    /// <summary>Name, version and counts; no personal data.</summary>
    public override string ToString() =>
        $"CommunityState '{Name}' v{Version}: {Compounds.Count} compounds, {Buildings.Count} buildings, {Households.Count} households, {Residents.Count} residents, {ControlOrders.Count} orders, {Incidents.Count} incidents";
}
