using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Allocation;

/// <summary>One household's claim on one item: how many units it needs, its weight and its priority tier.</summary>
/// <remarks>
/// Tier 0 is served first (urgent requests such as medicine), then tier 1, and so on. The weight scales a
/// household's fair share under weighted max-min (e.g. members present). <c>default(Claim)</c> names no
/// household and is rejected by the planners.
/// </remarks>
public readonly record struct Claim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="household">The household; not default.</param>
    /// <param name="need">Units needed; 0 to <see cref="MaxUnits"/>.</param>
    /// <param name="weight">Fair-share weight; 1 to <see cref="MaxUnits"/>.</param>
    /// <param name="tier">Priority tier, 0 first; 0 to <see cref="MaxTier"/>.</param>
    /// <exception cref="ArgumentException">A default household, or a need, weight or tier out of range.</exception>
    [JsonConstructor]
    public Claim(Id<Household> household, int need, int weight = 1, int tier = 0)
    {
        Household = Guard.Against.DefaultId(household);
        Need = Guard.Against.OutOfRange(need, nameof(need), 0, MaxUnits, $"A need is 0 to {MaxUnits} units.");
        Weight = Guard.Against.OutOfRange(weight, nameof(weight), 1, MaxUnits, $"A weight is 1 to {MaxUnits}.");
        Tier = Guard.Against.OutOfRange(tier, nameof(tier), 0, MaxTier, $"A tier is 0 to {MaxTier}.");
    }

    /// <summary>The largest need or weight a claim may state: <see cref="int.MaxValue"/> (2,147,483,647), as large as any
    /// country's population, so census tables can be apportioned; the planners compare keys exactly in 128 bits.</summary>
    public const int MaxUnits = int.MaxValue;

    /// <summary>The largest tier number.</summary>
    public const int MaxTier = 1000;

    /// <summary>The household.</summary>
    public Id<Household> Household { get; }

    /// <summary>Units needed.</summary>
    public int Need { get; }

    /// <summary>Fair-share weight (0 only for <c>default</c>).</summary>
    public int Weight { get; }

    /// <summary>Priority tier, 0 first.</summary>
    public int Tier { get; }

    /// <summary>E.g. <c>Household#3 needs 6 (weight 3, tier 1)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Household} needs {Need} (weight {Weight}, tier {Tier})");
}
