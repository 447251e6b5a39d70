using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A unit (stairwell) of a building with its must-test households.</summary>
public sealed class UnitLoad
{
    /// <summary>Creates a unit load.</summary>
    /// <param name="unitId">The unit's id (positive).</param>
    /// <param name="name">The name announced ("2").</param>
    /// <param name="households">Its must-test households.</param>
    public UnitLoad(int unitId, string name, IReadOnlyList<HouseholdLoad> households)
    {
        UnitId = Guard.Against.NegativeOrZero(unitId);
        Name = Guard.Against.Blank(name).Trim();
        Households = Guard.Against.InvalidInput(Guard.Against.Null(households), nameof(households), static h => h.All(x => x.HouseholdId != 0), "A household load is default.");
    }

    /// <summary>The unit's id.</summary>
    public int UnitId { get; }

    /// <summary>The announced name.</summary>
    public string Name { get; }

    /// <summary>The must-test households.</summary>
    public IReadOnlyList<HouseholdLoad> Households { get; }

    /// <summary>People who come down.</summary>
    public int People => Households.Sum(h => h.People);

    /// <inheritdoc/>
    public override string ToString() => $"Unit {Name} ({Households.Count} households)";
}
