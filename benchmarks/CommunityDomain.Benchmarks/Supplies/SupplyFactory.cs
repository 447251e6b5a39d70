using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;

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
}
