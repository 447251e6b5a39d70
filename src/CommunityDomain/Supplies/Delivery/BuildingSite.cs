using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Delivery;

/// <summary>Where a building stands, for grouping runs by neighbourhood.</summary>
/// <param name="Building">The building.</param>
/// <param name="Position">Its position in metres.</param>
public readonly record struct BuildingSite(Id<Building> Building, Position Position);
