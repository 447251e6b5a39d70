using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Shrinkers for the allocation and delivery generators (issue 17), in the manner of <see cref="RosterShrinkers"/>: they
/// never change what a seed generates (FsCheck calls them only after a failure), every candidate stays inside its
/// generator's promise, and every candidate is strictly smaller (fewer claims or parcels, or a smaller number, never a
/// larger one), so shrinking ends on a counterexample a person can read.
/// </summary>
public static class SuppliesShrinkers
{
    /// <summary>The lightest parcel <see cref="DeliveryArbitraries"/> generates, in grams.</summary>
    public const int MinWeightGrams = 200;

    /// <summary>
    /// Smaller allocation cases: half or one fewer of the claims, less supply, a halved need, weight 1, tier 0, the
    /// smallest extra and seed. The supply stays within the generator's range: at most the total need plus
    /// <paramref name="slack"/>.
    /// </summary>
    /// <param name="c">The failing case.</param>
    /// <param name="slack">How far the generator lets the supply exceed the total need (3, or 0 for the tiny cases).</param>
    /// <param name="minExtra">The generator's smallest <see cref="AllocationCase.Extra"/>.</param>
    /// <returns>Smaller cases, the boldest first.</returns>
    public static IEnumerable<AllocationCase> ShrinkAllocation(AllocationCase c, int slack, int minExtra = 1)
    {
        AllocationCase With(ClaimSpec[] specs) => c with { Specs = specs, Supply = Math.Min(c.Supply, specs.Sum(s => s.Need) + slack) };

        var specs = c.Specs;
        foreach (var fewer in specs.Length > 1 ? ScriptShrinkers.Fewer(specs, singles: 20) : [])
        {
            yield return With(fewer);
        }

        foreach (var supply in new[] { 0, c.Supply / 2, c.Supply - 1 }.Where(s => s >= 0 && s < c.Supply).Distinct())
        {
            yield return c with { Supply = supply };
        }

        for (var i = 0; i < specs.Length; i++)
        {
            var s = specs[i];
            if (s.Need > 0)
            {
                yield return With(Replace(specs, i, s with { Need = s.Need / 2 }));
            }

            if (s.Weight > 1)
            {
                yield return c with { Specs = Replace(specs, i, s with { Weight = 1 }) };
            }

            if (s.Tier > 0)
            {
                yield return c with { Specs = Replace(specs, i, s with { Tier = 0 }) };
            }
        }

        if (c.Extra > minExtra)
        {
            yield return c with { Extra = minExtra };
        }

        if (c.Seed > 0)
        {
            yield return c with { Seed = 0 };
        }
    }

    /// <summary>
    /// Smaller delivery cases: half or one fewer of the parcels, buildings no parcel names gone, a parcel without its
    /// window, a parcel of half the weight (not below the generator's 200 g). Options are kept: they are one line of the
    /// counterexample already.
    /// </summary>
    /// <param name="c">The failing case.</param>
    /// <returns>Smaller cases, the boldest first.</returns>
    public static IEnumerable<DeliveryCase> ShrinkDelivery(DeliveryCase c)
    {
        var parcels = c.Parcels;
        foreach (var fewer in ScriptShrinkers.Fewer(parcels, singles: 30))
        {
            yield return c with { Parcels = fewer };
        }

        var used = parcels.Select(p => p.Building).ToHashSet();
        if (c.Sites.Length > 1 && c.Sites.Any(s => !used.Contains(s.Building)))
        {
            var kept = c.Sites.Where(s => used.Contains(s.Building)).ToArray();
            yield return c with { Sites = kept.Length > 0 ? kept : c.Sites[..1] };
        }

        for (var i = 0; i < parcels.Length; i++)
        {
            var p = parcels[i];
            if (p.Window is not null)
            {
                yield return c with { Parcels = Replace(parcels, i, new Parcel(p.Household, p.Building, p.Room, p.Recipient, p.Contents, p.WeightGrams)) };
            }

            if (p.WeightGrams > MinWeightGrams)
            {
                yield return c with { Parcels = Replace(parcels, i, new Parcel(p.Household, p.Building, p.Room, p.Recipient, p.Contents, Math.Max(MinWeightGrams, p.WeightGrams / 2), p.Window)) };
            }
        }
    }

    private static T[] Replace<T>(T[] items, int at, T item)
    {
        var copy = (T[])items.Clone();
        copy[at] = item;
        return copy;
    }
}
