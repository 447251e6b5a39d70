using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Allocation;

/// <summary>One household's allocated units with the facts that explain them.</summary>
/// <param name="Household">The household.</param>
/// <param name="Need">Units needed.</param>
/// <param name="Weight">Fair-share weight.</param>
/// <param name="Tier">Priority tier.</param>
/// <param name="Allocated">Units allocated (0 to <paramref name="Need"/>).</param>
/// <param name="Outcome">Why.</param>
public readonly record struct Share(Id<Household> Household, int Need, int Weight, int Tier, int Allocated, ShareOutcome Outcome)
{
    /// <summary>E.g. <c>Household#3: 4 of 6 (weight 3, tier 1, rationed)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Household}: {Allocated} of {Need} (weight {Weight}, tier {Tier}, {Outcome})");
}
