using CommunityDomain.Benchmarks.MassTesting;
using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Wave problems for the quality measurement and the exact-search checks: tiny compounds (1-6 households, the
/// size the exact search covers), one building called to several sites, and the mixed set the docs report on
/// (goal compounds, small compounds, one huge building, tiny, many sites).
/// </summary>
public static class WaveGenerators
{
    public static readonly Instant Start = TestingGenerators.Start;

    /// <summary>1-6 households in 1-3 buildings, 1-4 sites of 1-7 stations, mixed intakes; queues from one household up.</summary>
    public static WaveCase Tiny(int seed)
    {
        var random = new Random(seed);
        var households = random.Next(1, 7);
        var buildingCount = random.Next(1, Math.Min(3, households) + 1);
        var homes = new List<HouseholdLoad>[buildingCount];
        for (var b = 0; b < buildingCount; b++)
        {
            homes[b] = [];
        }

        for (var h = 1; h <= households; h++)
        {
            var size = random.Next(1, 5);
            int qr = 0, typed = 0, assisted = 0;
            for (var p = 0; p < size; p++)
            {
                switch (random.Next(4))
                {
                    case 0: typed++; break;
                    case 1: assisted++; break;
                    default: qr++; break;
                }
            }

            homes[random.Next(buildingCount)].Add(new HouseholdLoad(h, random.Next(1, 4), qr, typed, assisted));
        }

        var buildings = Enumerable.Range(0, buildingCount).Select(b => new BuildingLoad(b + 1, $"{b + 1}", new Position(random.Next(0, 100), random.Next(0, 100)),
            [new UnitLoad(b + 1, "1", homes[b])])).ToList();
        var largest = homes.SelectMany(x => x).Select(h => h.People).DefaultIfEmpty(1).Max();
        var sites = Enumerable.Range(1, random.Next(1, 5)).Select(s => new SiteSpec(s, $"S{s}", new Position(random.Next(0, 100), random.Next(0, 100)),
            random.Next(1, 8), largest + random.Next(0, 12), Duration.FromSeconds(random.Next(0, 4) * 60))).ToList();
        var times = new ServiceTimes(Duration.FromSeconds(random.Next(5, 40)), Duration.FromSeconds(random.Next(10, 80)), Duration.FromSeconds(random.Next(20, 120)));
        return new(new WaveProblem(Start, times, sites, buildings), "tiny");
    }

    /// <summary>One building of 40-400 residents in 1-4 units called to 2-4 sites.</summary>
    public static WaveCase OneBuildingManySites(int seed)
    {
        var random = new Random(seed);
        var next = 1;
        var building = TestingGenerators.Building(random, 1, new Position(random.Next(0, 100), random.Next(0, 100)), random.Next(40, 401), random.Next(1, 5), random.NextDouble() * 0.6, ref next);
        var sites = Enumerable.Range(1, random.Next(2, 5)).Select(s => new SiteSpec(s, $"S{s}", new Position(random.Next(0, 200), random.Next(0, 200)),
            random.Next(1, 6), random.Next(20, 300), Duration.FromSeconds(random.Next(60, 601)))).ToList();
        return new(new WaveProblem(Start, ServiceTimes.Typical, sites, [building]), "one building, many sites");
    }

    /// <summary>The case: one building of 109 residents and three sites.</summary>
    public static WaveProblem OneBuilding109ThreeSites()
    {
        var random = new Random(109);
        var next = 1;
        var building = TestingGenerators.Building(random, 1, new Position(50, 50), 109, 2, 0.3, ref next);
        var sites = new[]
        {
            new SiteSpec(1, "north gate", new Position(50, 0), 2, 250, Duration.FromMinutes(3)),
            new SiteSpec(2, "east gate", new Position(120, 50), 2, 250, Duration.FromMinutes(4)),
            new SiteSpec(3, "square", new Position(60, 70), 3, 250, Duration.FromMinutes(2)),
        };
        return new WaveProblem(Start, ServiceTimes.Typical, sites, [building]);
    }

    /// <summary>The mixed set behind the documented finish/bound figures: a few hundred compounds of every shape.</summary>
    public static IEnumerable<WaveCase> Measured(int seed)
    {
        var random = new Random(seed);
        int households = 1, buildings = 1;
        for (var i = 0; i < 120; i++)
        {
            yield return new(WaveFactory.Goal(random, ref households, ref buildings), "goal compound");
        }

        for (var i = 0; i < 80; i++)
        {
            var s = random.Next(0, int.MaxValue - 1);
            yield return new(TestingGenerators.SmallProblemOf(s, 1 + (s % 12), 1 + (s % 4)), "small compound");
        }

        for (var i = 0; i < 40; i++)
        {
            yield return OneBuildingManySites(random.Next(0, int.MaxValue - 1));
        }

        for (var i = 0; i < 40; i++)
        {
            yield return PlannerGenerators.OneHugeBuilding(random.Next(0, int.MaxValue - 1), 400);
        }

        for (var i = 0; i < 80; i++)
        {
            yield return Tiny(random.Next(0, int.MaxValue - 1));
        }

        for (var i = 0; i < 20; i++)
        {
            yield return PlannerGenerators.ManySites(random.Next(0, int.MaxValue - 1));
        }

        for (var i = 0; i < 20; i++)
        {
            yield return PlannerGenerators.Identical(random.Next(0, int.MaxValue - 1));
        }
    }
}
