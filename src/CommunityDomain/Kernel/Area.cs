using System.Globalization;

namespace CommunityDomain.Kernel;

/// <summary>The part of the community an actor acts for: the whole community, one compound or one building.</summary>
/// <remarks>
/// <c>default(Area)</c> is <see cref="WholeCommunity"/>. The kernel knows areas by kind and id value only;
/// <c>Compound.Area</c> and <c>Building.Area</c> give the typed way in. Whether an area covers a place is
/// decided by the aggregate that knows where the place is (a building's compound, a household's building).
/// </remarks>
public readonly record struct Area
{
    /// <summary>Creates an area.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="id">The compound's or building's id value (positive); 0 for the whole community.</param>
    /// <exception cref="ArgumentException">An unknown kind, or an id that does not fit the kind.</exception>
    public Area(AreaKind kind, int id)
    {
        Kind = Guard.Against.EnumOutOfRange(kind);
        Id = kind == AreaKind.Community
            ? Guard.Against.InvalidInput(id, nameof(id), static v => v == 0, "The whole community has no id: pass 0.")
            : Guard.Against.NegativeOrZero(id);
    }

    /// <summary>The whole community.</summary>
    public static Area WholeCommunity => default;

    /// <summary>The kind of area.</summary>
    public AreaKind Kind { get; }

    /// <summary>The compound's or building's id value; 0 for the whole community.</summary>
    public int Id { get; }

    /// <summary>True when this area is the place given by its compound and building ids, or contains it.</summary>
    /// <param name="compound">The place's compound id value, or null when the place is the whole community.</param>
    /// <param name="building">The place's building id value, or null when the place is a whole compound (or wider).</param>
    /// <returns>Whether the area covers the place.</returns>
    public bool Covers(int? compound, int? building) => Kind switch
    {
        AreaKind.Community => true,
        AreaKind.Compound => compound == Id,
        _ => building == Id,
    };

    /// <summary>E.g. <c>community</c>, <c>compound 3</c>, <c>building 12</c>.</summary>
    public override string ToString() => Kind switch
    {
        AreaKind.Community => "community",
        AreaKind.Compound => string.Create(CultureInfo.InvariantCulture, $"compound {Id}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"building {Id}"),
    };

    internal string Chinese => Kind switch
    {
        AreaKind.Community => "全社区",
        AreaKind.Compound => string.Create(CultureInfo.InvariantCulture, $"小区 {Id}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"楼栋 {Id}"),
    };
}
