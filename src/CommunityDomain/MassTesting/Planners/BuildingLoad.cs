using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A building as the call-wave planner sees it: plain data, no aggregate.</summary>
public sealed class BuildingLoad
{
    /// <summary>Creates a building load.</summary>
    /// <param name="buildingId">The building's id (positive).</param>
    /// <param name="name">The name announced ("3").</param>
    /// <param name="position">Where it stands (metres).</param>
    /// <param name="units">Its units.</param>
    /// <exception cref="ArgumentException">A non-positive id, a blank name, or a null unit.</exception>
    public BuildingLoad(int buildingId, string name, Position position, IReadOnlyList<UnitLoad> units)
    {
        BuildingId = Guard.Against.NegativeOrZero(buildingId);
        Name = Guard.Against.Blank(name).Trim();
        Position = position;
        Units = Guard.Against.NullItems(units);
    }

    /// <summary>The building's id.</summary>
    public int BuildingId { get; }

    /// <summary>The announced name.</summary>
    public string Name { get; }

    /// <summary>Where it stands.</summary>
    public Position Position { get; }

    /// <summary>Its units.</summary>
    public IReadOnlyList<UnitLoad> Units { get; }

    /// <summary>People who come down.</summary>
    public int People => Units.Sum(u => u.People);

    /// <inheritdoc/>
    public override string ToString() => $"Building {Name} ({Units.Count} units)";
}
