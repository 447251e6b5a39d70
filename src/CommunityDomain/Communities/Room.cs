using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>Where a household lives: a unit of a building, a floor and a door number.</summary>
/// <remarks><c>default(Room)</c> names no unit and is rejected wherever a room is required.</remarks>
public readonly record struct Room
{
    private readonly string? _door;

    /// <summary>Creates a room.</summary>
    /// <param name="unit">The unit; not default.</param>
    /// <param name="floor">The floor, 1 or higher (negative floors are basements and allowed, 0 is not).</param>
    /// <param name="door">The door number as written on the door, e.g. <c>302</c>.</param>
    /// <exception cref="ArgumentException">The unit is default, the floor is 0, or the door is blank.</exception>
    [JsonConstructor]
    public Room(Id<Unit> unit, int floor, string door)
    {
        Unit = Guard.Against.DefaultId(unit);
        Floor = Guard.Against.InvalidInput(floor, nameof(floor), static f => f != 0, "Floor 0 does not exist; use 1 for the ground floor.");
        _door = Guard.Against.Blank(door).Trim();
    }

    /// <summary>The unit the room is in.</summary>
    public Id<Unit> Unit { get; }

    /// <summary>The floor (1 is the ground floor; negative numbers are basements).</summary>
    public int Floor { get; }

    /// <summary>The door number, e.g. <c>302</c>.</summary>
    public string Door => _door ?? string.Empty;

    /// <summary>Unit id, floor and door, e.g. <c>Unit#3 F3 302</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Unit} F{Floor} {Door}");
}
