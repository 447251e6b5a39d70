using CommunityDomain.Communities;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A household to sample at its door.</summary>
public sealed record DoorVisit
{
    /// <summary>Creates a visit.</summary>
    /// <param name="householdId">The household (positive).</param>
    /// <param name="buildingId">Its building (positive).</param>
    /// <param name="position">The building's position (metres).</param>
    /// <param name="people">People to sample (at least 1).</param>
    public DoorVisit(int householdId, int buildingId, Position position, int people)
    {
        HouseholdId = Guard.Against.NegativeOrZero(householdId);
        BuildingId = Guard.Against.NegativeOrZero(buildingId);
        Position = position;
        People = Guard.Against.NegativeOrZero(people);
    }

    /// <summary>The household.</summary>
    public int HouseholdId { get; }

    /// <summary>Its building.</summary>
    public int BuildingId { get; }

    /// <summary>The building's position.</summary>
    public Position Position { get; }

    /// <summary>People to sample.</summary>
    public int People { get; }
}
