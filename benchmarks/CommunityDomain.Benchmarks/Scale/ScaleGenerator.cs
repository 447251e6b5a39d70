using CommunityDomain.Benchmarks.MassTesting;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;
using NodaTime;

namespace CommunityDomain.Benchmarks.Scale;

/// <summary>
/// Generates the small communities of a city, deterministically: community <c>i</c> of seed <c>s</c> is
/// the same whatever the city's size, so runs of different sizes share their first communities.
/// </summary>
/// <remarks>
/// Each community has 1,000-3,000 residents in buildings of 60-160 (2 units, 6 floors, 2 doors), 1-3
/// testing sites, and 20-40 workers for 1-2 gates on three 8-hour shifts around the clock over 14 days
/// plus a testing site (marshals, scanners; at least three of each) 05:00-11:00 on five days.
/// </remarks>
public static class ScaleGenerator
{
    /// <summary>The roster's first date.</summary>
    public static readonly LocalDate FirstDate = new(2022, 8, 16);

    /// <summary>05:00 on the first testing day (18 August 2022) in Asia/Shanghai.</summary>
    public static readonly Instant TestingStart = Instant.FromUtc(2022, 8, 17, 21, 0);

    private const int Days = 14;

    private static readonly ShiftDefinition[] Shifts =
    [
        new("G1", new LocalTime(0, 0), Duration.FromHours(8)),
        new("G2", new LocalTime(8, 0), Duration.FromHours(8)),
        new("G3", new LocalTime(16, 0), Duration.FromHours(8)),
        new("T", new LocalTime(5, 0), Duration.FromHours(6)),
    ];

    private static readonly WorkRules VolunteerRules = new(maxConsecutiveDays: 5, minRest: Duration.FromHours(11), maxMinutesPerWeek: 30 * 60, maxWeekends: 2);

    private static readonly Dictionary<WorkerKind, WorkRules> RulesByKind = new()
    {
        [WorkerKind.Staff] = new WorkRules(maxConsecutiveDays: 6, minRest: Duration.FromHours(11), maxMinutesPerWeek: 48 * 60),
        [WorkerKind.Medical] = new WorkRules(maxConsecutiveDays: 6, minRest: Duration.FromHours(11), maxMinutesPerWeek: 48 * 60),
    };

    /// <summary>Generates communities 0 to <paramref name="count"/> - 1 of the city <paramref name="seed"/>.</summary>
    public static ScaleCommunity[] City(int count, int seed)
    {
        var city = new ScaleCommunity[count];
        for (var i = 0; i < count; i++)
        {
            city[i] = Community(i, seed);
        }

        return city;
    }

    /// <summary>Generates community <paramref name="index"/> of the city <paramref name="seed"/>.</summary>
    public static ScaleCommunity Community(int index, int seed)
    {
        // One generator per community, seeded from both numbers, keeps communities independent of the count.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var testing = Testing(random);
        var workers = random.Next(20, 41);
        var gates = workers < 30 ? 1 : 2;
        var sites = testing.Sites.Count;
        var compound = new Id<Compound>(1);
        var demands = new List<Demand>();
        for (var d = 0; d < Days; d++)
        {
            var date = FirstDate.PlusDays(d);
            for (var g = 1; g <= gates; g++)
            {
                foreach (var code in (ReadOnlySpan<string>)["G1", "G2", "G3"])
                {
                    demands.Add(new Demand(new Id<Post>(g), compound, date, code, 1, minimum: 1));
                }
            }

            // Five testing days from the third date, as in the Pubai story.
            if (d is >= 2 and < 7)
            {
                var site = new Id<Post>(gates + 1);
                demands.Add(new Demand(site, compound, date, "T", sites + 1, minimum: 1, qualification: "marshal"));
                demands.Add(new Demand(site, compound, date, "T", sites, minimum: 1, qualification: "scanner"));
            }
        }

        var people = new List<Worker>(workers);
        var wishes = new List<ShiftWish>();
        for (var w = 1; w <= workers; w++)
        {
            var kind = random.Next(4) == 0 ? WorkerKind.Staff : (WorkerKind)random.Next(1, 4);
            var quals = new List<string>(2);
            // The first three workers are marshals and the next three scanners, so every testing day can be staffed.
            if (w <= 3 || random.Next(10) < 4)
            {
                quals.Add("marshal");
            }

            if (w is > 3 and <= 6 || random.Next(10) < 3)
            {
                quals.Add("scanner");
            }

            var off = Enumerable.Range(0, Days).Where(_ => random.Next(10) == 0).Select(FirstDate.PlusDays).ToList();
            people.Add(new Worker(new Id<Worker>(w), kind, compound, quals, unavailableDates: off));
            if (random.Next(3) == 0)
            {
                wishes.Add(new ShiftWish(new Id<Worker>(w), FirstDate.PlusDays(random.Next(Days)), Shifts[random.Next(3)].Code, WishKind.ShiftOff, random.Next(1, 4)));
            }
        }

        return new ScaleCommunity(index, testing, new DateInterval(FirstDate, FirstDate.PlusDays(Days - 1)), Shifts, demands, people, VolunteerRules, RulesByKind, wishes);
    }

    private static WaveProblem Testing(Random random)
    {
        var target = random.Next(1_000, 3_001);
        var buildings = new List<BuildingLoad>();
        var people = 0;
        var nextHousehold = 1;
        while (people < target)
        {
            var id = buildings.Count + 1;
            var residents = Math.Min(random.Next(60, 161), Math.Max(24, target - people));
            // Two stairwell units, six floors, two doors per floor; three in ten residents type or need help.
            var building = WaveFactory.Building(random, id, new Position(30 * (id % 6), 45 * (id / 6)), 2, 6, 2, 0.3, ref nextHousehold, residents);
            buildings.Add(building);
            people += building.People;
        }

        var sites = Enumerable.Range(1, 1 + (target / 1_200)).Select(s => new SiteSpec(s, $"site {s}", new Position(random.Next(0, 180), random.Next(0, 300)),
            random.Next(4, 9), random.Next(100, 201), Duration.FromMinutes(random.Next(3, 6)))).ToArray();
        return new WaveProblem(TestingStart, ServiceTimes.Typical, sites, buildings);
    }
}
