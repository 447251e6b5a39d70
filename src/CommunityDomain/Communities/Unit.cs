using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A unit (单元, a stairwell entrance) of a building; households live in its rooms.</summary>
public sealed class Unit
{
    private readonly List<Id<Household>> _households = [];

    internal Unit(Id<Unit> id, Id<Building> buildingId, string name, int floors)
    {
        Id = id;
        BuildingId = buildingId;
        Name = name;
        Floors = floors;
    }

    /// <summary>The unit's id, unique in its community.</summary>
    public Id<Unit> Id { get; }

    /// <summary>The building the unit belongs to.</summary>
    public Id<Building> BuildingId { get; }

    /// <summary>The unit's name or number, unique in its building (e.g. <c>2</c> for 2单元).</summary>
    public string Name { get; }

    /// <summary>The number of floors the unit serves (rooms are on floors 1 to <see cref="Floors"/>).</summary>
    public int Floors { get; }

    /// <summary>The households registered in the unit, in registration order.</summary>
    public IReadOnlyList<Id<Household>> Households => _households;

    internal void AddHousehold(Id<Household> household) => _households.Add(household);

    /// <summary>Name and id.</summary>
    public override string ToString() => $"Unit '{Name}' ({Id})";
}
