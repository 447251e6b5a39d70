using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Identity;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Generators;

/// <summary>Generators for the mass-testing wing: wave problems of compounds, and small communities with rounds.</summary>
public static class TestingGenerators
{
    public static readonly Instant Start = Instant.FromUtc(2022, 8, 17, 21, 0); // 05:00 in Asia/Shanghai

    /// <summary>A compound like the issue's goal set: 5-60 buildings of 20-300 residents, 1-4 sites, 2-12 stations, queues 50-300, 0-60% slow intakes.</summary>
    public static WaveProblem GoalCompound(Random random, int firstHouseholdId = 1)
    {
        var buildings = random.Next(5, 61);
        var slowShare = random.NextDouble() * 0.6;
        var loads = new List<BuildingLoad>();
        var nextHousehold = firstHouseholdId;
        var perRow = (int)Math.Ceiling(Math.Sqrt(buildings));
        for (var b = 0; b < buildings; b++)
        {
            var residents = random.Next(20, 301);
            var units = Math.Clamp(residents / 60, 1, 4);
            loads.Add(Building(random, b + 1, new Position(30 * (b % perRow), 45 * (b / perRow)), residents, units, slowShare, ref nextHousehold));
        }

        var siteCount = random.Next(1, 5);
        var width = 30.0 * perRow;
        var sites = Enumerable.Range(1, siteCount).Select(s => new SiteSpec(s, $"Site {s}",
            new Position(random.NextDouble() * width, random.NextDouble() * width), random.Next(2, 13), random.Next(50, 301),
            Duration.FromSeconds(random.Next(60, 601)))).ToList();
        return new WaveProblem(Start, new ServiceTimes(Duration.FromSeconds(20), Duration.FromSeconds(40), Duration.FromSeconds(60)), sites, loads);
    }

    public static BuildingLoad Building(Random random, int id, Position position, int residents, int units, double slowShare, ref int nextHousehold)
    {
        var unitLoads = new List<UnitLoad>();
        var left = residents;
        for (var u = 1; u <= units; u++)
        {
            var share = u == units ? left : residents / units;
            left -= share;
            var homes = new List<HouseholdLoad>();
            var floor = 1;
            var onFloor = 0;
            while (share > 0)
            {
                var size = Math.Min(share, random.Next(1, 6));
                share -= size;
                int qr = 0, typed = 0, assisted = 0;
                for (var p = 0; p < size; p++)
                {
                    var roll = random.NextDouble();
                    if (roll < slowShare / 2)
                    {
                        typed++;
                    }
                    else if (roll < slowShare)
                    {
                        assisted++;
                    }
                    else
                    {
                        qr++;
                    }
                }

                homes.Add(new HouseholdLoad(nextHousehold++, floor, qr, typed, assisted));
                if (++onFloor == 2)
                {
                    floor++;
                    onFloor = 0;
                }
            }

            unitLoads.Add(new UnitLoad((id * 10) + u, $"{u}", homes));
        }

        return new BuildingLoad(id, $"{id}", position, unitLoads);
    }

    /// <summary>A small random problem for properties: queues as small as a household, walk-down 0-10 minutes, service 5-120 s.</summary>
    public static Gen<WaveProblem> SmallProblem =>
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from buildings in Gen.Choose(0, 12)
        from sites in Gen.Choose(1, 4)
        select SmallProblemOf(seed, buildings, sites);

    public static WaveProblem SmallProblemOf(int seed, int buildings, int siteCount)
    {
        var random = new Random(seed);
        var next = 1;
        var loads = Enumerable.Range(1, buildings).Select(b => Building(random, b, new Position(random.Next(0, 300), random.Next(0, 300)),
            random.Next(1, 120), random.Next(1, 4), random.NextDouble(), ref next)).ToList();
        var sites = Enumerable.Range(1, siteCount).Select(s => new SiteSpec(s, $"S{s}", new Position(random.Next(0, 300), random.Next(0, 300)),
            random.Next(1, 8), random.Next(5, 80), Duration.FromSeconds(random.Next(0, 601)))).ToList();
        var times = new ServiceTimes(Duration.FromSeconds(random.Next(5, 60)), Duration.FromSeconds(random.Next(5, 90)), Duration.FromSeconds(random.Next(5, 120)));
        return new WaveProblem(Start, times, sites, loads);
    }
}

public static class WaveArbitraries
{
    /// <summary>Small wave problems that shrink like <see cref="PlannerGenerators.ShrinkWave"/> (a building, a site, a household fewer).</summary>
    public static Arbitrary<WaveProblem> Problems() =>
        Arb.From(TestingGenerators.SmallProblem, p => PlannerGenerators.ShrinkWave(new WaveCase(p, "small")).Select(c => c.Problem));
}

/// <summary>A small community (two compounds, one sealed) with a five-day series, for model tests.</summary>
public sealed class RoundFixture
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public RoundFixture(int seed = 1)
    {
        Clock = new FakeClock(TestingGenerators.Start.Minus(Duration.FromDays(30)));
        Community = Community.Create("Test community", Zone, Clock);
        var random = new Random(seed);
        var today = TestingGenerators.Start.InZone(Zone).Date;
        foreach (var name in new[] { "Open", "Sealed" })
        {
            var compound = Community.AddCompound(name).AsT0;
            for (var b = 1; b <= 2; b++)
            {
                var building = Community.AddBuilding(compound.Id, $"{b}", new Position(b * 30, 0)).AsT0;
                var unit = Community.AddUnit(building.Id, "1", 4).AsT0;
                for (var floor = 1; floor <= 3; floor++)
                {
                    var home = Community.RegisterHousehold(new Room(unit.Id, floor, $"{floor}01")).AsT0;
                    var size = random.Next(1, 5);
                    for (var p = 0; p < size; p++)
                    {
                        var age = random.Next(1, 95);
                        var conditions = age > 85 && random.Next(3) == 0 ? HealthConditions.Bedridden : HealthConditions.None;
                        var resident = Community.RegisterResident(home.Id, new ResidentRegistration(PersonName.Of($"王{(char)('一' + p)}{floor}"),
                            null, age > 15 ? new PhoneNumber($"138{random.Next(0, 100_000_000):D8}") : null, today.PlusYears(-age), conditions)).AsT0;
                        if (random.Next(8) == 0)
                        {
                            _ = Community.MarkAway(resident.Id, Clock.GetCurrentInstant()).AsT0;
                        }
                    }
                }
            }
        }

        OpenCompound = Community.Compounds[0];
        SealedCompound = Community.Compounds[1];
        _ = Community.Issue(ControlOrderRequest.Sealed(SealedCompound.Id, TestingGenerators.Start.Minus(Duration.FromHours(1)), "test")).AsT0;
        Clock.Reset(TestingGenerators.Start);
        Series = TestingSeries.Create(new CommunityDomain.Kernel.Id<TestingSeries>(1), "Five days", today, 5, new LocalTime(5, 0), Zone, Clock);
    }

    public FakeClock Clock { get; }

    public Community Community { get; }

    public Compound OpenCompound { get; }

    public Compound SealedCompound { get; }

    public TestingSeries Series { get; }

    public TestingRound StartRound(int day = 0, PoolingPolicy? policy = null, IReadOnlySet<CommunityDomain.Kernel.Id<Resident>>? keyGroups = null)
    {
        var at = Series.StartOf(Series.FirstDay.PlusDays(day));
        var list = MustTestList.From(Community, Community.Compounds.Select(c => c.Id), at, keyGroups: keyGroups);
        return Series.StartRound(list, policy ?? new PoolingPolicy(5, 1)).AsT0;
    }
}
