using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies;

/// <summary>A kind of goods kept in one ledger: a code, the unit it is counted in and an optional unit weight.</summary>
/// <remarks><c>default(ItemKind)</c> has an empty code and names no kind: ledgers reject it.</remarks>
public readonly record struct ItemKind
{
    /// <summary>Creates an item kind.</summary>
    /// <param name="code">A short stable code, e.g. <c>"rice-5kg"</c>; not blank.</param>
    /// <param name="unit">The counting unit, e.g. <c>"bag"</c>; not blank.</param>
    /// <param name="unitWeightGrams">The weight of one unit in grams, when known; positive.</param>
    /// <exception cref="ArgumentException">A blank code or unit, or a weight that is not positive.</exception>
    public ItemKind(string code, string unit, int? unitWeightGrams = null)
    {
        Code = Guard.Against.Blank(code).Trim();
        Unit = Guard.Against.Blank(unit).Trim();
        UnitWeightGrams = unitWeightGrams is { } grams ? Guard.Against.NegativeOrZero(grams, nameof(unitWeightGrams)) : null;
    }

    /// <summary>The kind's code (empty only for <c>default</c>).</summary>
    public string Code { get => field ?? string.Empty; }

    /// <summary>The counting unit.</summary>
    public string Unit { get => field ?? string.Empty; }

    /// <summary>The weight of one unit in grams, when known.</summary>
    public int? UnitWeightGrams { get; }

    /// <summary>True for <c>default(ItemKind)</c>.</summary>
    public bool IsDefault => string.IsNullOrEmpty(Code);

    /// <summary>The code and unit, e.g. <c>rice-5kg (bag, 5000 g)</c>.</summary>
    public override string ToString() => UnitWeightGrams is { } g
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} ({Unit}, {g} g)")
        : $"{Code} ({Unit})";
}
