using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Generators;

/// <summary>A wave problem with a short description for counterexamples.</summary>
public sealed record WaveCase(WaveProblem Problem, string Shape)
{
    /// <summary>The case as <see cref="WaveText"/> lines, which <see cref="Parse"/> reads back (a shrunk counterexample pasted into a test).</summary>
    public override string ToString() => WaveText.Write(this);

    /// <summary>Rebuilds a case from <see cref="ToString"/>'s text.</summary>
    public static WaveCase Parse(string text) => WaveText.Read(text);
}

/// <summary>A door-to-door problem with its shape.</summary>
public sealed record DoorCase(DoorToDoorProblem Problem, string Shape)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{Shape}] depot {Problem.Depot}, {Problem.Teams} teams, {Problem.PerHousehold.TotalSeconds} s/door, {Problem.PerPerson.TotalSeconds} s/person, {Problem.MetresPerSecond} m/s; ")
        + string.Join("; ", Problem.Visits.Select(v => $"{v.HouseholdId}@B{v.BuildingId}({v.Position.X},{v.Position.Y})x{v.People}"));
}

/// <summary>A station-sizing request.</summary>
public sealed record SizerCase(WaveCase Wave, Duration DeadlineAfterStart, int MaxStations, Duration Shift)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"deadline start+{DeadlineAfterStart.TotalMinutes} min, max {MaxStations} stations, shift {Shift.TotalMinutes} min, {Wave}");
}

/// <summary>A pool-advice request.</summary>
public sealed record PoolCase(double Prevalence, int[]? Sizes)
{
    /// <summary>The request as one line, <c>p = 0.300001, sizes 1,5</c> (or <c>sizes default</c>), which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p = {Prevalence:R}, sizes {(Sizes is null ? "default" : string.Join(",", Sizes))}");

    /// <summary>Rebuilds a request from <see cref="ToString"/>'s line.</summary>
    /// <exception cref="FormatException">The line is not in that form.</exception>
    public static PoolCase Parse(string text)
    {
        var line = text.Trim();
        var comma = line.IndexOf(", sizes ", StringComparison.Ordinal);
        if (!line.StartsWith("p = ", StringComparison.Ordinal) || comma < 0)
        {
            throw new FormatException($"Not a pool case: '{line}'.");
        }

        var sizes = line[(comma + ", sizes ".Length)..];
        return new PoolCase(
            double.Parse(line[4..comma], CultureInfo.InvariantCulture),
            sizes == "default" ? null : [.. sizes.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]);
    }

    /// <summary>Equal when the prevalence and the sizes are (records compare arrays by reference).</summary>
    public bool Equals(PoolCase? other) =>
        other is not null && Prevalence.Equals(other.Prevalence) && (Sizes ?? []).SequenceEqual(other.Sizes ?? []) && (Sizes is null) == (other.Sizes is null);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Prevalence, Sizes?.Length);
}

/// <summary>A donation split request.</summary>
public sealed record DonationCase(int Units, PostHours[] Posts)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Units} units; ")
        + string.Join(", ", Posts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Post.Value}:{p.StaffTime.TotalSeconds}s")));
}

/// <summary>An allocation request shaped like a lockdown: claims and a supply that may be anything a caller can pass.</summary>
public sealed record LockdownAllocationCase(Claim[] Claims, long Supply, string Shape)
{
    /// <summary>Claim lines beyond which the text is cut (an unshrunk case of thousands of claims); a shrunk case is far smaller.</summary>
    public const int MostClaimLines = 400;

    /// <summary>
    /// A header naming the shape and the supply, then one claim a line, which <see cref="Parse"/> reads back:
    /// <code>
    /// lockdown allocation [huge]: supply 0 units, 1 claims
    /// claim H2 need 1000 weight 1 tier 2
    /// </code>
    /// Cut after <see cref="MostClaimLines"/> claims with a note (such a case does not rebuild whole: shrink it first).
    /// </summary>
    public override string ToString()
    {
        var lines = Claims.Take(MostClaimLines).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"claim H{c.Household.Value} need {c.Need} weight {c.Weight} tier {c.Tier}"));
        var cut = Claims.Length > MostClaimLines ? [$"... {Claims.Length - MostClaimLines} more claims (cut: shrink further to rebuild it)"] : Array.Empty<string>();
        return string.Join('\n', [string.Create(CultureInfo.InvariantCulture, $"lockdown allocation [{Shape}]: supply {Supply} units, {Claims.Length} claims"), .. lines, .. cut]);
    }

    /// <summary>Rebuilds a case from <see cref="ToString"/>'s text (the shape from the header's brackets, the supply after "supply").</summary>
    /// <exception cref="FormatException">The text has no header line.</exception>
    public static LockdownAllocationCase Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var header = lines.FirstOrDefault(l => l.StartsWith("lockdown allocation [", StringComparison.Ordinal))
            ?? throw new FormatException("No 'lockdown allocation [shape]: supply N units' line.");
        var shape = header[(header.IndexOf('[', StringComparison.Ordinal) + 1)..header.IndexOf(']', StringComparison.Ordinal)];
        var words = header.Split(' ');
        var supply = long.Parse(words[Array.IndexOf(words, "supply") + 1], CultureInfo.InvariantCulture);
        var claims = lines.Where(l => l.StartsWith("claim H", StringComparison.Ordinal)).Select(l => l.Split(' ')).Select(t =>
            new Claim(new Id<Household>(Int(t[1][1..])), Int(t[3]), Int(t[5]), Int(t[7])));
        return new LockdownAllocationCase([.. claims], supply, shape);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

/// <summary>A delivery request shaped like a lockdown.</summary>
public sealed record LockdownDeliveryCase(Parcel[] Parcels, BuildingSite[] Sites, RunOptions Options, string Shape)
{
    /// <summary>A header naming the shape, then the case as <see cref="DeliveryText"/> lines a test can paste back into <see cref="Parse"/>.</summary>
    public override string ToString() => $"lockdown delivery [{Shape}]: {Parcels.Length} parcels in {Sites.Length} buildings\n" + DeliveryText.Write(Parcels, Sites, Options);

    /// <summary>Rebuilds a case from <see cref="ToString"/>'s text (the shape from the header's brackets).</summary>
    public static LockdownDeliveryCase Parse(string text)
    {
        var (parcels, sites, options) = DeliveryText.Read(text);
        var shape = text[(text.IndexOf('[', StringComparison.Ordinal) + 1)..text.IndexOf(']', StringComparison.Ordinal)];
        return new LockdownDeliveryCase(parcels, sites, options, shape);
    }
}

/// <summary>
/// Lockdown-shaped inputs for every non-roster planner: empty, one building, one huge building, zero stock,
/// zero capacity (as small as the constructors allow), far more demand than supply, numbers near the documented
/// limits, degenerate windows and everything identical, next to ordinary ones. Each arbitrary shrinks by
/// dropping parts (buildings, sites, households, claims, posts, parcels) so a counterexample comes out small.
/// </summary>
public static class PlannerGenerators
{
    public static readonly Instant Start = TestingGenerators.Start;

    private static readonly Duration[] ServiceChoices =
        [Duration.FromMilliseconds(1), Duration.FromSeconds(1), Duration.FromSeconds(20), Duration.FromSeconds(60), Duration.FromMinutes(7), Duration.FromHours(1)];

    // ---------- call waves ----------

    public static Gen<WaveCase> Wave =>
        Gen.Frequency(
            (3, Gen.Choose(0, int.MaxValue - 1).Select(seed => Ordinary(seed))),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(Empty)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(OneHousehold)),
            (2, Gen.Choose(0, int.MaxValue - 1).Select(seed => OneHugeBuilding(seed, 400))),
            (2, Gen.Choose(0, int.MaxValue - 1).Select(TightQueues)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(Identical)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(Extremes)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(ManySites)));

    public static WaveCase Ordinary(int seed) => new(TestingGenerators.SmallProblemOf(seed, new Random(seed).Next(0, 12), 1 + (seed % 4)), "ordinary");

    public static WaveCase Empty(int seed)
    {
        var random = new Random(seed);
        var buildings = Enumerable.Range(1, random.Next(0, 4)).Select(b => new BuildingLoad(b, $"{b}", new Position(b * 10, 0),
            [.. Enumerable.Range(1, random.Next(0, 3)).Select(u => new UnitLoad((b * 10) + u, $"{u}", []))])).ToList();
        return new(new WaveProblem(Start, ServiceTimes.Typical, Sites(random, random.Next(1, 4), 1), buildings), "empty");
    }

    public static WaveCase OneHousehold(int seed)
    {
        var random = new Random(seed);
        var people = random.Next(1, 8);
        var home = new HouseholdLoad(1, random.Next(-3, 40), people, 0, 0);
        var sites = Sites(random, random.Next(1, 4), people);
        return new(new WaveProblem(Start, Times(random), sites, [new BuildingLoad(1, "1", new Position(0, 0), [new UnitLoad(1, "1", [home])])]), "one household");
    }

    /// <summary>Dongfang-sized: one building with up to <paramref name="maxHouseholds"/> households in 1-8 units, 1-4 sites.</summary>
    public static WaveCase OneHugeBuilding(int seed, int maxHouseholds)
    {
        var random = new Random(seed);
        var households = random.Next(50, maxHouseholds + 1);
        var next = 1;
        var building = TestingGenerators.Building(random, 1, new Position(random.Next(0, 100), random.Next(0, 100)), households * 3, random.Next(1, 9), random.NextDouble(), ref next);
        return new(new WaveProblem(Start, Times(random), Sites(random, random.Next(1, 5), 5), [building]), "one huge building");
    }

    /// <summary>Queues exactly as large as the largest household (or 1), few stations, long walk-downs.</summary>
    public static WaveCase TightQueues(int seed)
    {
        var random = new Random(seed);
        var next = 1;
        var buildings = Enumerable.Range(1, random.Next(1, 8)).Select(b => TestingGenerators.Building(random, b,
            new Position(random.Next(0, 60), random.Next(0, 60)), random.Next(1, 40), random.Next(1, 3), random.NextDouble(), ref next)).ToList();
        var largest = buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).Select(h => h.People).DefaultIfEmpty(1).Max();
        var sites = Enumerable.Range(1, random.Next(1, 4)).Select(s => new SiteSpec(s, $"S{s}", new Position(random.Next(0, 60), random.Next(0, 60)),
            random.Next(1, 3), largest + random.Next(0, 2), Duration.FromMinutes(random.Next(0, 121)))).ToList();
        return new(new WaveProblem(Start, Times(random), sites, buildings), "tight queues");
    }

    /// <summary>Every building, household and site the same.</summary>
    public static WaveCase Identical(int seed)
    {
        var random = new Random(seed);
        int count = random.Next(2, 12), per = random.Next(1, 6), size = random.Next(1, 4), id = 1;
        var buildings = Enumerable.Range(1, count).Select(b => new BuildingLoad(b, $"{b}", new Position(5, 5),
            [new UnitLoad(b, "1", [.. Enumerable.Range(0, per).Select(_ => new HouseholdLoad(id++, 1, size, 0, 0))])])).ToList();
        var stations = random.Next(1, 5);
        var queue = Math.Max(size, random.Next(1, 30));
        var sites = Enumerable.Range(1, random.Next(1, 5)).Select(s => new SiteSpec(s, "S", new Position(5, 5), stations, queue, Duration.FromMinutes(3))).ToList();
        return new(new WaveProblem(Start, ServiceTimes.Typical, sites, buildings), "identical");
    }

    /// <summary>Limits: nanosecond or hour-long service, 0 or 2-hour walk-downs, 10,000 stations or 1, queues of a million, huge households, far-apart buildings.</summary>
    public static WaveCase Extremes(int seed)
    {
        var random = new Random(seed);
        var next = 1;
        var buildings = new List<BuildingLoad>();
        for (var b = 1; b <= random.Next(1, 5); b++)
        {
            var homes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new HouseholdLoad(next++, random.Next(int.MinValue, int.MaxValue),
                random.Next(0, 2) == 0 ? random.Next(1, 3000) : 1, random.Next(0, 3), random.Next(0, 3))).ToList();
            buildings.Add(new BuildingLoad(b, $"{b}", new Position(random.Next(0, 2) == 0 ? 1e9 * b : -1e7 * b, 3e8), [new UnitLoad(b, "1", homes)]));
        }

        var largest = buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).Max(h => h.People);
        var sites = Enumerable.Range(1, random.Next(1, 4)).Select(s => new SiteSpec(s, $"S{s}", new Position(-1e9 * s, 1e9),
            random.Next(0, 2) == 0 ? 10_000 : 1, random.Next(0, 2) == 0 ? 1_000_000 : largest,
            random.Next(0, 2) == 0 ? Duration.Zero : Duration.FromHours(2))).ToList();
        var times = new ServiceTimes(Pick(random, ServiceChoices), Pick(random, ServiceChoices), Pick(random, ServiceChoices));
        var start = random.Next(0, 3) == 0 ? Instant.FromUtc(7999, 12, 31, 23, 59) : Start;
        return new(new WaveProblem(start, times, sites, buildings), "extremes");
    }

    /// <summary>Many single-station sites and many one-household buildings.</summary>
    public static WaveCase ManySites(int seed)
    {
        var random = new Random(seed);
        var next = 1;
        var buildings = Enumerable.Range(1, random.Next(1, 60)).Select(b => new BuildingLoad(b, $"{b}", new Position(random.Next(0, 500), random.Next(0, 500)),
            [new UnitLoad(b, "1", [new HouseholdLoad(next++, 1, random.Next(1, 4), 0, 0)])])).ToList();
        var sites = Enumerable.Range(1, random.Next(5, 25)).Select(s => new SiteSpec(s, $"S{s}", new Position(random.Next(0, 500), random.Next(0, 500)),
            1, random.Next(3, 10), Duration.FromSeconds(random.Next(0, 900)))).ToList();
        return new(new WaveProblem(Start, Times(random), sites, buildings), "many sites");
    }

    /// <summary>A seed and one of <paramref name="shapes"/> shapes (0 to shapes - 1), made into a case by <paramref name="make"/>.</summary>
    private static Gen<T> Shaped<T>(int shapes, Func<int, int, T> make) =>
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from shape in Gen.Choose(0, shapes - 1)
        select make(seed, shape);

    public static IEnumerable<WaveCase> ShrinkWave(WaveCase c)
    {
        var p = c.Problem;
        for (var b = 0; b < p.Buildings.Count; b++)
        {
            yield return c with { Problem = new WaveProblem(p.Start, p.ServiceTimes, p.Sites, [.. p.Buildings.Where((_, i) => i != b)]) };
        }

        for (var s = 0; s < p.Sites.Count && p.Sites.Count > 1; s++)
        {
            yield return c with { Problem = new WaveProblem(p.Start, p.ServiceTimes, [.. p.Sites.Where((_, i) => i != s)], p.Buildings) };
        }

        // Fewer units in a building (halves, then one fewer), never none: removing the last is removing the building. The
        // shrink demonstration found why: one building of six one-household units ended on six households, not four.
        foreach (var b in p.Buildings)
        {
            foreach (var units in ScriptShrinkers.Fewer(b.Units.ToArray()).Where(u => u.Length > 0))
            {
                var building = new BuildingLoad(b.BuildingId, b.Name, b.Position, units);
                yield return c with { Problem = new WaveProblem(p.Start, p.ServiceTimes, p.Sites, [.. p.Buildings.Select(x => x == b ? building : x)]) };
            }
        }

        foreach (var b in p.Buildings)
        {
            foreach (var u in b.Units)
            {
                // Fewer households in a unit (halves, then one fewer), never none: removing the last is removing the building.
                foreach (var fewer in ScriptShrinkers.Fewer(u.Households.ToArray()).Where(h => h.Length > 0))
                {
                    var unit = new UnitLoad(u.UnitId, u.Name, fewer);
                    var building = new BuildingLoad(b.BuildingId, b.Name, b.Position, [.. b.Units.Select(x => x == u ? unit : x)]);
                    yield return c with { Problem = new WaveProblem(p.Start, p.ServiceTimes, p.Sites, [.. p.Buildings.Select(x => x == b ? building : x)]) };
                }
            }
        }
    }

    private static List<SiteSpec> Sites(Random random, int count, int minQueue) =>
        [.. Enumerable.Range(1, count).Select(s => new SiteSpec(s, $"S{s}", new Position(random.Next(0, 200), random.Next(0, 200)),
            random.Next(1, 6), Math.Max(minQueue, random.Next(1, 60)), Duration.FromSeconds(random.Next(0, 601))))];

    private static ServiceTimes Times(Random random) =>
        new(Duration.FromSeconds(random.Next(1, 60)), Duration.FromSeconds(random.Next(1, 120)), Duration.FromSeconds(random.Next(1, 300)));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    // ---------- door to door ----------

    public static Gen<DoorCase> Door => Shaped(7, DoorOf);

    public static DoorCase DoorOf(int seed, int shape)
    {
        var random = new Random(seed);
        var depot = new Position(random.Next(-50, 50), random.Next(-50, 50));
        var (name, buildings, perBuilding, teams) = shape switch
        {
            0 => ("empty", 0, 0, random.Next(1, 10)),
            1 => ("one building", 1, random.Next(1, 200), random.Next(1, 10)),
            2 => ("more teams than buildings", random.Next(1, 6), random.Next(1, 4), random.Next(6, 10_001)),
            3 => ("one team, many buildings", random.Next(20, 120), 1, 1),
            4 => ("identical", random.Next(2, 30), 2, random.Next(1, 5)),
            5 => ("extremes", random.Next(1, 6), random.Next(1, 4), random.Next(1, 4)),
            _ => ("ordinary", random.Next(1, 25), random.Next(1, 8), random.Next(1, 6)),
        };
        var visits = new List<DoorVisit>();
        var household = 1;
        for (var b = 1; b <= buildings; b++)
        {
            var position = shape switch
            {
                4 => new Position(10, 10),
                5 => new Position(random.Next(0, 2) == 0 ? 1e6 : -1e6, random.Next(-1000, 1000) * 1e3),
                _ => new Position(random.Next(-300, 300), random.Next(-300, 300)),
            };
            for (var h = 0; h < perBuilding; h++)
            {
                var people = shape == 5 ? random.Next(0, 3) switch { 0 => 1, 1 => int.MaxValue, _ => random.Next(1, 1_000_000) } : shape == 4 ? 2 : random.Next(1, 6);
                visits.Add(new DoorVisit(household++, b, position, people));
            }
        }

        var perHousehold = shape == 5 ? Duration.FromMinutes(random.Next(0, 600)) : shape == 4 ? Duration.Zero : Duration.FromSeconds(random.Next(0, 300));
        var perPerson = shape == 5 ? random.Next(0, 2) == 0 ? Duration.Epsilon : Duration.FromMinutes(random.Next(1, 60)) : Duration.FromSeconds(random.Next(1, 120));
        var speed = shape == 5 ? random.Next(0, 2) == 0 ? 0.1 : 1e6 : 0.3 + random.NextDouble();
        if (shape == 5 && perPerson > Duration.Epsilon)
        {
            // Keep the whole job inside DoorToDoorProblem.MaxEstimate (the constructor rejects longer ones).
            visits = [.. visits.Select(v => new DoorVisit(v.HouseholdId, v.BuildingId, v.Position, Math.Min(v.People, 1000)))];
        }

        return new DoorCase(new DoorToDoorProblem(depot, teams, perHousehold, perPerson, speed, visits), name);
    }

    public static IEnumerable<DoorCase> ShrinkDoor(DoorCase c)
    {
        var p = c.Problem;
        foreach (var visits in ScriptShrinkers.Fewer(p.Visits.ToArray()))
        {
            yield return c with { Problem = new DoorToDoorProblem(p.Depot, p.Teams, p.PerHousehold, p.PerPerson, p.MetresPerSecond, visits) };
        }

        if (p.Teams > 1)
        {
            yield return c with { Problem = new DoorToDoorProblem(p.Depot, p.Teams / 2, p.PerHousehold, p.PerPerson, p.MetresPerSecond, p.Visits) };
        }
    }

    // ---------- station sizing ----------

    public static Gen<SizerCase> Sizer =>
        from wave in Gen.Frequency(
            (3, Gen.Choose(0, int.MaxValue - 1).Select(Ordinary)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(Empty)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(OneHousehold)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(s => OneHugeBuilding(s, 150))),
            (2, Gen.Choose(0, int.MaxValue - 1).Select(TightQueues)),
            (1, Gen.Choose(0, int.MaxValue - 1).Select(Identical)))
        from deadline in Gen.Frequency(
            (1, Gen.Constant(Duration.Zero)),
            (1, Gen.Choose(1, 600).Select(m => Duration.FromMinutes(-m))),
            (4, Gen.Choose(1, 600).Select(m => Duration.FromMinutes(m))),
            (1, Gen.Constant(Duration.FromDays(3650))))
        from maxStations in Gen.Frequency((4, Gen.Choose(1, 30)), (1, Gen.Constant(1)))
        from shift in Gen.Elements(Duration.FromMinutes(1), Duration.FromMinutes(7), Duration.FromHours(4), Duration.FromDays(365))
        select new SizerCase(wave, deadline, maxStations, shift);

    public static IEnumerable<SizerCase> ShrinkSizer(SizerCase c) =>
        ShrinkWave(c.Wave).Select(w => c with { Wave = w }).Concat(c.MaxStations > 1 ? [c with { MaxStations = c.MaxStations / 2 }] : []);

    // ---------- pool advice ----------

    public static Gen<PoolCase> Pool =>
        from p in Gen.Frequency(
            (3, Gen.Choose(0, 1_000_000).Select(x => x / 1_000_000.0)),
            (1, Gen.Elements(0.0, 1.0, double.Epsilon, 1e-300, 1 - 1e-16, 0.5, 0.31)))
        from sizes in Gen.Frequency(
            (2, Gen.Constant<int[]?>(null)),
            (3, Gen.NonEmptyListOf(Gen.Frequency((5, Gen.Choose(1, 40)), (1, Gen.Elements(1, int.MaxValue, 1_000_000, 65_536)))).Select(l => (int[]?)[.. l])))
        select new PoolCase(p, sizes);

    /// <summary>
    /// Smaller pool-advice requests, the boldest first: the prevalence towards 0 by round values
    /// (<see cref="ScriptShrinkers.TowardsZero"/>: 0.734512 to 0, 0.7, 0.73, ..., then by halves to the millionth), fewer
    /// allowed pool sizes (never none), then each size towards 1 (<see cref="ScriptShrinkers.Shrink{T}"/>). The default
    /// sizes (null) stay. Every candidate is strictly smaller, so shrinking ends (v17g saw no shrink at all before).
    /// </summary>
    public static IEnumerable<PoolCase> ShrinkPool(PoolCase c) =>
        ScriptShrinkers.TowardsZero(c.Prevalence).Select(p => c with { Prevalence = p })
            .Concat(c.Sizes is { } sizes
                ? ScriptShrinkers.Shrink(sizes, s => ScriptShrinkers.Towards(s, 1)).Where(s => s.Length > 0).Select(s => c with { Sizes = s })
                : []);

    // ---------- supply allocation ----------

    public static Gen<LockdownAllocationCase> Allocation => Shaped(8, AllocationOf);

    public static LockdownAllocationCase AllocationOf(int seed, int shape)
    {
        var random = new Random(seed);
        var n = shape switch { 0 => 0, 1 => 1, 6 => random.Next(1000, 5000), _ => random.Next(1, 60) };
        var sparse = random.Next(0, 3) == 0;
        var claims = new Claim[n];
        for (var i = 0; i < n; i++)
        {
            var id = sparse ? int.MaxValue - (i * 7919) : 1 + (i * 3);
            claims[i] = shape switch
            {
                2 => new Claim(new Id<Household>(id), Claim.MaxUnits, Claim.MaxUnits, random.Next(0, 2) == 0 ? 0 : Claim.MaxTier),
                3 => new Claim(new Id<Household>(id), 5, 2, 1),
                4 => new Claim(new Id<Household>(id), 0, 1, random.Next(0, 3)),
                5 => new Claim(new Id<Household>(id), (int)random.NextInt64(0, (long)Claim.MaxUnits + 1), (int)random.NextInt64(1, (long)Claim.MaxUnits + 1), random.Next(0, Claim.MaxTier + 1)),
                _ => new Claim(new Id<Household>(id), random.Next(0, 30), random.Next(1, 8), random.Next(0, 3)),
            };
        }

        var need = claims.Sum(c => (long)c.Need);
        var supply = random.Next(0, 6) switch
        {
            0 => 0,
            1 => long.MaxValue,
            2 => need,
            3 => Math.Max(0, need - 1),
            4 => need / 100,
            _ => (long)(random.NextDouble() * (need + 3)),
        };
        var name = shape switch { 0 => "no claims", 1 => "one claim", 2 => "all at the limit", 3 => "identical", 4 => "no need", 5 => "huge", 6 => "many", _ => "ordinary" };
        return new LockdownAllocationCase(claims, supply, name);
    }

    /// <summary>
    /// Smaller allocation cases, the boldest first: fewer claims (<see cref="ScriptShrinkers.Fewer{T}"/>: halves, runs of
    /// claims together, then each claim), less supply (towards 0), the households renumbered 1, 2, 3 ..., then for every
    /// claim a smaller need (towards 0), an earlier tier (towards the first, 0) and a smaller weight (towards 1), each
    /// through <see cref="ScriptShrinkers.Towards{T}"/>. Every candidate is strictly smaller (fewer claims, or the same
    /// claims with a smaller number), so shrinking ends; a failure that needs two claims far apart ends on those two.
    /// </summary>
    public static IEnumerable<LockdownAllocationCase> ShrinkAllocation(LockdownAllocationCase c)
    {
        // Supply first: with supply just short of the need (the common failure) no claim can go until it falls, and
        // trying every claim's removal first cost ~5,000 calls per step (75 s on 4,084 claims).
        foreach (var supply in ScriptShrinkers.Towards(c.Supply, 0L))
        {
            yield return c with { Supply = supply };
        }

        foreach (var claims in ScriptShrinkers.Fewer(c.Claims))
        {
            yield return c with { Claims = claims };
        }

        if (c.Claims.Where((x, i) => x.Household.Value != i + 1).Any())
        {
            yield return c with { Claims = [.. c.Claims.Select((x, i) => new Claim(new Id<Household>(i + 1), x.Need, x.Weight, x.Tier))] };
        }

        for (var i = 0; i < c.Claims.Length; i++)
        {
            var x = c.Claims[i];
            var smaller = ScriptShrinkers.Towards(x.Need, 0).Select(need => new Claim(x.Household, need, x.Weight, x.Tier))
                .Concat(ScriptShrinkers.Towards(x.Tier, 0).Select(tier => new Claim(x.Household, x.Need, x.Weight, tier)))
                .Concat(ScriptShrinkers.Towards(x.Weight, 1).Select(weight => new Claim(x.Household, x.Need, weight, x.Tier)));
            foreach (var claim in smaller)
            {
                yield return c with { Claims = ScriptShrinkers.Replace(c.Claims, i, claim) };
            }
        }
    }

    // ---------- donation split ----------

    public static Gen<DonationCase> Donation =>
        from units in Gen.Frequency((4, Gen.Choose(0, 500)), (1, Gen.Elements(0, 1, int.MaxValue, 1_000_000_007)))
        from posts in Gen.NonEmptyListOf(Gen.Frequency(
            (4, Gen.Choose(0, 3000).Select(m => Duration.FromMinutes(m))),
            (2, Gen.Choose(0, 3600).Select(s => Duration.FromSeconds(s))),
            (1, Gen.Elements(Duration.Zero, Duration.Epsilon, Duration.FromSeconds(59), Duration.FromDays(16_000_000), Duration.FromDays(365 * 40)))))
        where posts.Any(p => p > Duration.Zero)
        from firstId in Gen.Frequency((3, Gen.Choose(1, 100)), (1, Gen.Constant(int.MaxValue - 1000)))
        select new DonationCase(units, [.. posts.Select((p, i) => new PostHours(new Id<Post>(firstId + i), p))]);

    public static IEnumerable<DonationCase> ShrinkDonation(DonationCase c)
    {
        // Fewer posts, never none and never only posts without staff time (the generator's promise).
        foreach (var posts in ScriptShrinkers.Fewer(c.Posts).Where(p => p.Any(x => x.StaffTime > Duration.Zero)))
        {
            yield return c with { Posts = posts };
        }

        if (c.Units > 0)
        {
            yield return c with { Units = c.Units / 2 };
        }
    }

    // ---------- delivery runs ----------

    private static readonly Instant Morning = Instant.FromUtc(2022, 8, 19, 1, 0);

    public static Gen<LockdownDeliveryCase> Delivery => Shaped(8, DeliveryOf);

    public static LockdownDeliveryCase DeliveryOf(int seed, int shape)
    {
        var random = new Random(seed);
        var buildings = shape == 1 ? 1 : random.Next(1, 12);
        var sites = Enumerable.Range(1, buildings).Select(b => new BuildingSite(new Id<Building>(b), shape switch
        {
            3 => new Position(0, 0),
            5 => new Position(random.Next(0, 2) == 0 ? 1e15 * b : -1e15, 1e12),
            _ => new Position(random.Next(0, 8) * 20, random.Next(0, 5) * 30),
        })).ToArray();
        var count = shape switch { 0 => 0, 6 => random.Next(300, 1500), _ => random.Next(1, 40) };
        var windows = new Interval?[]
        {
            null, new Interval(Morning, Morning), new Interval(Morning, Morning + Duration.FromMinutes(1)), new Interval(Morning, Morning + Duration.FromHours(1)),
            new Interval(Morning + Duration.FromHours(3), Morning + Duration.FromDays(400)),
        };
        var parcels = Enumerable.Range(0, count).Select(i =>
        {
            var b = 1 + random.Next(buildings);
            var h = random.Next(0, shape == 3 ? 1 : 10);
            var weight = shape switch { 5 => random.Next(0, 2) == 0 ? int.MaxValue : 1, 3 => 1000, _ => random.Next(1, 20_000) };
            return new Parcel(new Id<Household>((b * 100) + h + 1), new Id<Building>(b), $"1-{h + 1}01", "张*", $"item{i}", weight,
                shape == 4 ? windows[random.Next(windows.Length)] : random.Next(0, 4) == 0 ? windows[3] : null);
        }).ToArray();
        var options = shape switch
        {
            2 => new RunOptions(1, Duration.FromMinutes(random.Next(1, 30)), random.Next(0, 2) == 0 ? CapacityKind.Count : CapacityKind.Weight, Duration.FromMinutes(random.Next(0, 5)), 60, 60),
            5 => new RunOptions(int.MaxValue, random.Next(0, 2) == 0 ? Duration.FromDays(1) : Duration.Epsilon, CapacityKind.Weight,
                random.Next(0, 2) == 0 ? Duration.Zero : Duration.FromDays(1), random.Next(0, 2) == 0 ? 1e-300 : 1e300, random.Next(0, 2) == 0 ? 0 : 1e308),
            7 => new RunOptions(random.Next(1, 5), Duration.FromMinutes(random.Next(1, 600)), CapacityKind.Count, Duration.FromSeconds(random.Next(0, 200)),
                0.5 + (random.NextDouble() * 100), random.Next(0, 400)),
            _ => new RunOptions(random.Next(500, 30_000), Duration.FromMinutes(random.Next(1, 120)), CapacityKind.Weight, Duration.FromMinutes(random.Next(0, 6)), 60, random.Next(0, 150)),
        };
        var name = shape switch { 0 => "no parcels", 1 => "one building", 2 => "capacity 1", 3 => "identical", 4 => "degenerate windows", 5 => "extremes", 6 => "many", _ => "by count" };
        return new LockdownDeliveryCase(parcels, sites, options, name);
    }

    /// <summary>
    /// Shrinks as every delivery input does (<see cref="SuppliesShrinkers.ShrinkParcelsAndSites"/>; parcels down to 1 g,
    /// the generator's lightest, by round values), then the options towards small round values
    /// (<see cref="SuppliesShrinkers.ShrinkOptions"/>: capacity, time budget, stop time, neighbour distance); the shape stays.
    /// </summary>
    public static IEnumerable<LockdownDeliveryCase> ShrinkDelivery(LockdownDeliveryCase c) =>
        SuppliesShrinkers.ShrinkParcelsAndSites(c.Parcels, c.Sites, minWeightGrams: 1).Select(x => c with { Parcels = x.Parcels, Sites = x.Sites })
            .Concat(SuppliesShrinkers.ShrinkOptions(c.Options).Select(o => c with { Options = o }));
}

public sealed class LockdownPlannerArbitraries
{
    public static Arbitrary<WaveCase> Waves() => Arb.From(PlannerGenerators.Wave, PlannerGenerators.ShrinkWave);

    public static Arbitrary<DoorCase> Doors() => Arb.From(PlannerGenerators.Door, PlannerGenerators.ShrinkDoor);

    public static Arbitrary<SizerCase> Sizers() => Arb.From(PlannerGenerators.Sizer, PlannerGenerators.ShrinkSizer);

    public static Arbitrary<PoolCase> Pools() => Arb.From(PlannerGenerators.Pool, PlannerGenerators.ShrinkPool);

    public static Arbitrary<LockdownAllocationCase> Allocations() => Arb.From(PlannerGenerators.Allocation, PlannerGenerators.ShrinkAllocation);

    public static Arbitrary<DonationCase> Donations() => Arb.From(PlannerGenerators.Donation, PlannerGenerators.ShrinkDonation);

    public static Arbitrary<LockdownDeliveryCase> Deliveries() => Arb.From(PlannerGenerators.Delivery, PlannerGenerators.ShrinkDelivery);
}
