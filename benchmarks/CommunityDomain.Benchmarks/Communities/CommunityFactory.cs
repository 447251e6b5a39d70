using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using NodaTime;
using NodaTime.Testing;

namespace CommunityDomain.Benchmarks.Communities;

/// <summary>Generates large communities for benchmarks: households only (no residents), with control orders at every scope.</summary>
public static class CommunityFactory
{
    /// <summary>Generates a community.</summary>
    /// <param name="households">How many households.</param>
    /// <param name="compounds">How many compounds.</param>
    /// <param name="seed">The seed for which scopes get orders.</param>
    /// <param name="start">When the orders start.</param>
    /// <returns>The community: 6-floor buildings of 2 units with 2 doors per floor (24 households each); the
    /// whole community controlled; ~1% of buildings, units and households sealed, some lifted early.</returns>
    public static Community Generate(int households, int compounds, int seed, Instant start)
    {
        var random = new Random(seed);
        var community = Community.Create("Benchmark community", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new FakeClock(start));
        var compoundIds = Enumerable.Range(1, compounds).Select(c => community.AddCompound($"Compound {c}").AsT0.Id).ToArray();
        var remaining = households;
        var buildingNumber = 0;
        while (remaining > 0)
        {
            var compound = compoundIds[buildingNumber % compounds];
            var building = community.AddBuilding(compound, $"{++buildingNumber}", new Position(buildingNumber % 50 * 30, buildingNumber / 50 * 45)).AsT0;
            for (var u = 1; u <= 2 && remaining > 0; u++)
            {
                var unit = community.AddUnit(building.Id, $"{u}", 6).AsT0;
                for (var slot = 0; slot < 12 && remaining > 0; slot++, remaining--)
                {
                    _ = community.RegisterHousehold(new Room(unit.Id, (slot / 2) + 1, $"{(slot / 2) + 1}0{(slot % 2) + 1}")).AsT0;
                }
            }
        }

        _ = community.Issue(ControlOrderRequest.Controlled(ControlScope.WholeCommunity, start, "medium-risk area")).AsT0;
        _ = community.Issue(ControlOrderRequest.Sealed(compoundIds[0], start, "cases found")).AsT0;
        var all = community.Households.ToArray();
        foreach (var household in all)
        {
            if (random.NextDouble() < 0.01)
            {
                var scope = random.Next(3) switch
                {
                    0 => (ControlScope)household.BuildingId,
                    1 => household.UnitId,
                    _ => household.Id,
                };
                var order = community.Issue(ControlOrderRequest.Sealed(scope, start.Plus(Duration.FromHours(random.Next(0, 96))), "close contact")).AsT0;
                if (random.NextDouble() < 0.3)
                {
                    _ = community.Lift(order.Id, order.From.Plus(Duration.FromHours(random.Next(1, 72))), "negative retest").AsT0;
                }
            }
        }

        return community;
    }
}
