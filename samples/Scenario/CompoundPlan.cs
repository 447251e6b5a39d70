namespace Pubai;

/// <summary>How one compound of the story is laid out.</summary>
/// <param name="Name">The compound's name.</param>
/// <param name="Households">How many households live there.</param>
/// <param name="Floors">Floors per unit.</param>
/// <param name="UnitsPerBuilding">Units (stairwells) per building.</param>
/// <param name="DoorsPerFloor">Doors per floor in each unit.</param>
/// <param name="Gates">The names of its gates.</param>
public sealed record CompoundPlan(string Name, int Households, int Floors, int UnitsPerBuilding, int DoorsPerFloor, IReadOnlyList<string> Gates)
{
    /// <summary>Households one building holds.</summary>
    public int HouseholdsPerBuilding => Floors * UnitsPerBuilding * DoorsPerFloor;

    /// <summary>The six compounds named in the report. Dongfang's 1080 households are the story's figure; the others are plausible sizes.</summary>
    public static IReadOnlyList<CompoundPlan> Story { get; } =
    [
        new("Dongfang", 1080, 6, 3, 2, ["East gate", "South gate"]),
        new("Pingguoyuan", 432, 6, 3, 2, ["Main gate"]),
        new("Meiyuan", 360, 6, 3, 2, ["North gate"]),
        new("Jianjing", 288, 6, 2, 2, ["Main gate"]),
        new("Anxin", 240, 5, 2, 2, ["Main gate"]),
        new("Jian'an", 264, 6, 2, 2, ["East gate", "West gate"]),
    ];
}
