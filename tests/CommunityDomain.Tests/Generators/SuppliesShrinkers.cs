using CommunityDomain.Communities;
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
                yield return With(ScriptShrinkers.Replace(specs, i, s with { Need = s.Need / 2 }));
            }

            if (s.Weight > 1)
            {
                yield return c with { Specs = ScriptShrinkers.Replace(specs, i, s with { Weight = 1 }) };
            }

            if (s.Tier > 0)
            {
                yield return c with { Specs = ScriptShrinkers.Replace(specs, i, s with { Tier = 0 }) };
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
    /// Smaller delivery cases: the parcels and sites of <see cref="ShrinkParcelsAndSites"/> (parcels not below the
    /// generator's 200 g). Options are kept: they are one line of the counterexample already.
    /// </summary>
    /// <param name="c">The failing case.</param>
    /// <returns>Smaller cases, the boldest first.</returns>
    public static IEnumerable<DeliveryCase> ShrinkDelivery(DeliveryCase c) =>
        ShrinkParcelsAndSites(c.Parcels, c.Sites, MinWeightGrams).Select(x => c with { Parcels = x.Parcels, Sites = x.Sites });

    /// <summary>
    /// The one way delivery input shrinks (ordinary cases and lockdown shapes): half or one fewer of the parcels; the
    /// buildings no parcel names gone (one kept when none is named); each site's coordinates towards 0 by round numbers
    /// (<see cref="Closer"/>: an extreme site at 1e15 m ends at 0 or at the smallest round distance the failure needs);
    /// a parcel without its window; a lighter parcel, towards <paramref name="minWeightGrams"/> by round values
    /// (<see cref="ScriptShrinkers.TowardsRound{T}"/>: 7313 g to the lightest, 7000 g, half, one gram less). Every
    /// candidate is strictly smaller in parcels, sites, windows, grams or metres from 0, so shrinking ends.
    /// </summary>
    /// <param name="parcels">The failing case's parcels.</param>
    /// <param name="sites">Its building sites.</param>
    /// <param name="minWeightGrams">The generator's lightest parcel.</param>
    /// <returns>Smaller parcels and sites, the boldest first.</returns>
    public static IEnumerable<(Parcel[] Parcels, BuildingSite[] Sites)> ShrinkParcelsAndSites(Parcel[] parcels, BuildingSite[] sites, int minWeightGrams)
    {
        foreach (var fewer in ScriptShrinkers.Fewer(parcels, singles: 30))
        {
            yield return (fewer, sites);
        }

        var used = parcels.Select(p => p.Building).ToHashSet();
        if (sites.Length > 1 && sites.Any(s => !used.Contains(s.Building)))
        {
            var kept = sites.Where(s => used.Contains(s.Building)).ToArray();
            yield return (parcels, kept.Length > 0 ? kept : sites[..1]);
        }

        for (var i = 0; i < sites.Length; i++)
        {
            var at = sites[i].Position;
            foreach (var x in Closer(at.X))
            {
                yield return (parcels, ScriptShrinkers.Replace(sites, i, sites[i] with { Position = new Position(x, at.Y) }));
            }

            foreach (var y in Closer(at.Y))
            {
                yield return (parcels, ScriptShrinkers.Replace(sites, i, sites[i] with { Position = new Position(at.X, y) }));
            }
        }

        for (var i = 0; i < parcels.Length; i++)
        {
            var p = parcels[i];
            if (p.Window is not null)
            {
                yield return (ScriptShrinkers.Replace(parcels, i, new Parcel(p.Household, p.Building, p.Room, p.Recipient, p.Contents, p.WeightGrams)), sites);
            }

            foreach (var grams in ScriptShrinkers.TowardsRound(p.WeightGrams, minWeightGrams))
            {
                yield return (ScriptShrinkers.Replace(parcels, i, new Parcel(p.Household, p.Building, p.Room, p.Recipient, p.Contents, grams, p.Window)), sites);
            }
        }
    }

    /// <summary>
    /// Smaller run options, each towards a small round value while the rest stays (<see cref="ScriptShrinkers.TowardsRound{T}"/>):
    /// the capacity towards 1, the time budget towards one minute in whole minutes (a budget under a minute stays), the
    /// stop time to 0, the neighbour distance through <see cref="Closer"/>. The capacity kind and walking speed stay.
    /// For the lockdown shapes, which may take any options the constructor accepts.
    /// </summary>
    /// <param name="o">The failing case's options.</param>
    /// <returns>Smaller options, the boldest first.</returns>
    public static IEnumerable<RunOptions> ShrinkOptions(RunOptions o)
    {
        foreach (var capacity in ScriptShrinkers.TowardsRound(o.Capacity, 1))
        {
            yield return new RunOptions(capacity, o.TimeBudget, o.Kind, o.PerStop, o.WalkingMetresPerMinute, o.NeighbourMetres);
        }

        var minutes = (long)Math.Floor(o.TimeBudget.TotalMinutes);
        foreach (var budget in minutes >= 1 ? ScriptShrinkers.TowardsRound(minutes, 1L).Prepend(minutes).Select(Duration.FromMinutes).Where(b => b < o.TimeBudget) : [])
        {
            yield return new RunOptions(o.Capacity, budget, o.Kind, o.PerStop, o.WalkingMetresPerMinute, o.NeighbourMetres);
        }

        if (o.PerStop > Duration.Zero)
        {
            yield return new RunOptions(o.Capacity, o.TimeBudget, o.Kind, Duration.Zero, o.WalkingMetresPerMinute, o.NeighbourMetres);
        }

        foreach (var neighbour in Closer(o.NeighbourMetres))
        {
            yield return new RunOptions(o.Capacity, o.TimeBudget, o.Kind, o.PerStop, o.WalkingMetresPerMinute, neighbour);
        }
    }

    /// <summary>
    /// A coordinate towards 0 by round numbers, each strictly closer to 0: 0 itself, the value cut to its first digit
    /// (1.2e15 to 1e15, 1234 to 1000), then half of it in whole metres.
    /// </summary>
    /// <param name="value">A finite coordinate in metres.</param>
    /// <returns>Closer coordinates, the boldest first; none for 0.</returns>
    public static IEnumerable<double> Closer(double value)
    {
        if (value == 0)
        {
            yield break;
        }

        yield return 0;
        var unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))));
        var cut = Math.Truncate(value / unit) * unit;
        if (double.IsFinite(cut) && cut != 0 && Math.Abs(cut) < Math.Abs(value))
        {
            yield return cut;
        }

        var half = Math.Truncate(value / 2);
        if (half != 0 && half != cut && Math.Abs(half) < Math.Abs(value))
        {
            yield return half;
        }
    }
}
