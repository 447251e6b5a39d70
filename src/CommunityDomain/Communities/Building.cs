using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A residential building (楼栋) at a position in its compound; holds units.</summary>
public sealed class Building
{
    private readonly List<Id<Unit>> _units = [];

    internal Building(Id<Building> id, Id<Compound> compoundId, string name, Position position)
    {
        Id = id;
        CompoundId = compoundId;
        Name = name;
        Position = position;
    }

    /// <summary>The building's id, unique in its community.</summary>
    public Id<Building> Id { get; }

    /// <summary>The compound the building stands in.</summary>
    public Id<Compound> CompoundId { get; }

    /// <summary>The building as an actor's area (e.g. for gate duty or delivery volunteers of one building).</summary>
    public Area Area => new(AreaKind.Building, Id.Value);

    /// <summary>The building's name or number, unique in its compound (e.g. <c>3</c> for 3号楼).</summary>
    public string Name { get; }

    /// <summary>Where the building stands in its compound, in metres from the compound's origin.</summary>
    public Position Position { get; }

    /// <summary>The building's units (单元), in the order they were added.</summary>
    public IReadOnlyList<Id<Unit>> Units => _units;

    internal void AddUnit(Id<Unit> unit) => _units.Add(unit);

    /// <summary>Name and id.</summary>
    public override string ToString() => $"Building '{Name}' ({Id})";
}
