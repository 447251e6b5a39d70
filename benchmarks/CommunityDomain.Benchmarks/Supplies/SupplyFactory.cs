using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using NodaTime;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>Deterministic generated inputs for the supplies benchmarks (and the tests that check plan quality).</summary>
public static class SupplyFactory
{
    /// <summary>
    /// Claims for <paramref name="households"/> households: weight = members present (1-6), need = 3 units per
    /// person for 3 days plus extras for about one household in five, 5% of households urgent (tier 0).
    /// </summary>
    public static Claim[] Claims(int households, int seed)
    {
        var random = new Random(seed);
        var claims = new Claim[households];
        for (var i = 0; i < households; i++)
        {
            var present = 1 + random.Next(6);
            var need = (present * 3 * 3) + (random.Next(5) == 0 ? 1 + random.Next(6) : 0);
            claims[i] = new Claim(new Id<Household>(i + 1), need, present, random.Next(20) == 0 ? 0 : 1);
        }

        return claims;
    }

    /// <summary>
    /// Generated compounds until <paramref name="parcels"/> parcels exist: each compound has 10-60 buildings on a
    /// 30 m x 45 m grid, 24-72 households per building, 1-40 parcels per household of 0.3-5 kg.
    /// </summary>
    public static (Parcel[] Parcels, BuildingSite[] Sites) Compounds(int parcels, int seed)
    {
        var random = new Random(seed);
        var list = new List<Parcel>(parcels);
        var sites = new List<BuildingSite>();
        int building = 0, household = 0, compound = 0;
        while (list.Count < parcels)
        {
            var buildings = 10 + random.Next(51);
            var perRow = (int)Math.Ceiling(Math.Sqrt(buildings));
            for (var b = 0; b < buildings && list.Count < parcels; b++)
            {
                var id = new Id<Building>(++building);
                // Compounds stand 2 km apart, so no run crosses between them.
                sites.Add(new BuildingSite(id, new Position((compound * 2000) + (30 * (b % perRow)), 45 * (b / perRow))));
                var households = 24 + random.Next(49);
                for (var h = 0; h < households && list.Count < parcels; h++)
                {
                    var home = new Id<Household>(++household);
                    var count = 1 + random.Next(40);
                    for (var p = 0; p < count && list.Count < parcels; p++)
                    {
                        list.Add(new Parcel(home, id, $"{1 + (h / 12)}-{h % 12:D2}", "张*", $"item {p}", 300 + random.Next(4701)));
                    }
                }
            }

            compound++;
        }

        return ([.. list], [.. sites]);
    }

    /// <summary>
    /// <see cref="Compounds"/> with delivery windows on 19 August 2022 (UTC): each household, drawn in turn, has no window
    /// (70%), a one-hour morning window 01:00-02:00 (15%, shorter than a 90-minute budget) or a three-hour afternoon
    /// window 06:00-09:00 (15%). Same parcels, buildings and sites as <see cref="Compounds"/> for the same seed.
    /// </summary>
    public static (Parcel[] Parcels, BuildingSite[] Sites) WindowedCompounds(int parcels, int seed)
    {
        var (plain, sites) = Compounds(parcels, seed);
        var day = Instant.FromUtc(2022, 8, 19, 0, 0);
        var morning = new Interval(day + Duration.FromHours(1), day + Duration.FromHours(2));
        var afternoon = new Interval(day + Duration.FromHours(6), day + Duration.FromHours(9));
        var random = new Random(seed + 1);
        var windows = new Dictionary<Id<Household>, Interval?>();
        var result = new Parcel[plain.Length];
        for (var i = 0; i < plain.Length; i++)
        {
            var p = plain[i];
            if (!windows.TryGetValue(p.Household, out var window))
            {
                var draw = random.Next(100);
                windows[p.Household] = window = draw < 70 ? null : draw < 85 ? morning : afternoon;
            }

            result[i] = new Parcel(p.Household, p.Building, p.Room, p.Recipient, p.Contents, p.WeightGrams, window);
        }

        return (result, sites);
    }
}
