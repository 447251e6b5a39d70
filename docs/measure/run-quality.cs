#:project ../../src/CommunityDomain/CommunityDomain.csproj
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using NodaTime;

// 2,000 generated instances shaped like the test generator DeliveryArbitraries (1-8 buildings on a 30 x 45 m grid,
// 0-40 parcels of 0.2-9 kg, some in 1-hour windows, capacity 3-20 kg, budget 4-90 min, neighbours 0-100 m).
var morning = Instant.FromUtc(2022, 8, 19, 1, 0);
double sumPlan = 0, sumFfd = 0; int n = 0, worse = 0, better = 0;
for (var seed = 0; seed < 2000; seed++)
{
    var r = new Random(seed);
    var b = r.Next(1, 9);
    var sites = Enumerable.Range(0, b).Select(i => new BuildingSite(new Id<Building>(1 + i), new Position(30 * r.Next(0, 7), 45 * r.Next(0, 5)))).ToArray();
    var parcels = Enumerable.Range(0, r.Next(0, 41)).Select(i => { var bb = r.Next(b); var h = r.Next(10); var win = r.Next(4);
        return new Parcel(new Id<Household>(1 + bb * 10 + h), new Id<Building>(1 + bb), $"1-{h + 1}01", "张*", $"item{i}", r.Next(200, 9001),
            win == 1 ? new Interval(morning, morning + Duration.FromHours(1)) : null); }).ToArray();
    var o = new RunOptions(r.Next(3000, 20001), Duration.FromMinutes(r.Next(4, 91)), CapacityKind.Weight, Duration.FromMinutes(r.Next(1, 6)), 60, r.Next(0, 101));
    var plan = RunPlanner.Plan(parcels, sites, o, ["a"]);
    if (plan.LowerBound == 0) continue;
    var ffd = Ffd(parcels, sites, o);
    n++; sumPlan += (double)plan.Runs.Count / plan.LowerBound; sumFfd += (double)ffd / plan.LowerBound;
    worse += plan.Runs.Count > ffd ? 1 : 0; better += plan.Runs.Count < ffd ? 1 : 0;
}
Console.WriteLine($"instances {n}: mean runs/bound planner {sumPlan / n:0.0000}, first-fit decreasing {sumFfd / n:0.0000}; planner fewer runs on {better}, more on {worse}");

static int Ffd(Parcel[] parcels, BuildingSite[] sites, RunOptions o)
{
    var at = sites.ToDictionary(s => s.Building, s => s.Position);
    Duration Limit(Interval? w) => w is { } x && x.Duration < o.TimeBudget ? x.Duration : o.TimeBudget;
    Duration Time(List<Parcel> run) { var bs = run.Select(p => p.Building).Distinct().ToList();
        var walk = bs.Zip(bs.Skip(1)).Sum(x => Math.Ceiling(at[x.First].DistanceTo(at[x.Second]) / o.WalkingMetresPerMinute * 60));
        return o.PerStop * run.Select(p => p.Household).Distinct().Count() + Duration.FromSeconds(walk); }
    var runs = new List<(Interval? W, List<Parcel> P)>();
    foreach (var p in parcels.OrderByDescending(p => p.WeightGrams).ThenBy(p => p.Building.Value).ThenBy(p => p.Household.Value).ThenBy(p => p.Contents, StringComparer.Ordinal))
    {
        if (p.WeightGrams > o.Capacity || o.PerStop > Limit(p.Window)) continue;
        var placed = false;
        foreach (var run in runs.Where(x => x.W == p.Window))
        {
            var c = new List<Parcel>(run.P) { p };
            if (c.Sum(q => (long)q.WeightGrams) <= o.Capacity && run.P.All(q => q.Building == p.Building || at[q.Building].DistanceTo(at[p.Building]) <= o.NeighbourMetres) && Time(c) <= Limit(p.Window))
            { run.P.Add(p); placed = true; break; }
        }
        if (!placed) runs.Add((p.Window, [p]));
    }
    return runs.Count;
}
