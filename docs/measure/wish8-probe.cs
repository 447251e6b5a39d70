#:project ../../benchmarks/CommunityDomain.Benchmarks/CommunityDomain.Benchmarks.csproj
#:property AllowUnsafeBlocks=true
#:property AssemblyName=CommunityDomain.Tests
#:property NoWarn=$(NoWarn);NU1603;CA1303;CA1305;CA1307;CA1310;CA1822;CA1852;CA5394;CA1515;CA2007;IDE0005;CS1591
#:property TreatWarningsAsErrors=false
// Issue 20, wish8 (docs/rostering.md, "Wishes at equal cover"): plans a Curtois instance, prints the objective, and with
// `probe` counts on the final roster what exchanges at FIXED cover would still lower the score: (a) two workers swap any
// block of dates (any length), (b) two workers swap ANY subset of the dates they differ on inside a window of 7, 10 or 14
// dates (every subset, Gray code, scored by the evaluator), (c) three workers rotate their choices on a block of up to 7
// dates (both directions). It also prints each worker's wish points, minutes and row. The assembly is named
// CommunityDomain.Tests so that it sees the library's internals (the evaluator, the compiled problem); it is a scratch
// diagnosis, not part of any build.
//
// usage: dotnet build docs/measure/wish8-probe.cs -c Release -o DIR
//        dotnet DIR/CommunityDomain.Tests.dll INSTANCE.txt CPU_SECONDS SEED DEGREE [ITERATIONS|0] [probe]
// ITERATIONS (not 0) plans with that iteration limit instead of the CPU-time limit (load-proof).
using System.Globalization;
using System.Runtime.InteropServices;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using NodaTime;

var instance = CurtoisParser.Load(args[0]);
var seconds = double.Parse(args[1], CultureInfo.InvariantCulture);
var seed = int.Parse(args[2], CultureInfo.InvariantCulture);
var degree = int.Parse(args[3], CultureInfo.InvariantCulture);
long? iters = args.Length > 4 && args[4] != "0" ? long.Parse(args[4], CultureInfo.InvariantCulture) : null;
var probe = args.Length > 5 && args[5] == "probe";
var problem = CurtoisMapping.ToProblem(instance);
var options = iters is { } n ? new PlannerOptions(seed, iterationLimit: n) { DegreeOfParallelism = degree } : new PlannerOptions(seed, Duration.FromSeconds(seconds), timeProvider: new CpuClock()) { DegreeOfParallelism = degree };
PlannerProgress? last = null;
var result = RosterPlanner.Plan(problem, options, new SyncProgress(p => last = p));
var roster = result.Match(r => r, none => none.Best);
var e = CurtoisEvaluator.Evaluate(instance, CurtoisMapping.ToSolution(instance, roster));
Console.WriteLine($"{instance.Name} seed={seed} objective={e.Objective} hard={e.HardViolations} under={e.CoverUnderPenalty} over={e.CoverOverPenalty} on={e.OnRequestPenalty} off={e.OffRequestPenalty} last={last}");
if (!probe)
{
    return;
}

var p = problem.Compiled;
var cells = problem.CellsOf(roster.Assignments, "x");
var ev = new RosterEvaluator(p, cells);
Console.WriteLine($"ev score {ev.Score}");
int W = p.WorkerCount, D = p.Days;
long Wish(int w) { long s = 0; for (var d = 0; d < D; d++) s += p.ChoiceSoft[p.ChoiceIndex(w, d, ev.Assigned(w, d) + 1)]; return s; }
var totalWish = 0L;
for (var w = 0; w < W; w++)
{
    var ws = Wish(w); totalWish += ws;
    var row = string.Concat(Enumerable.Range(0, D).Select(d => ev.Assigned(w, d) < 0 ? "." : ((char)('A' + p.SlotShift[ev.Assigned(w, d)])).ToString()));
    Console.WriteLine($"w{w,2} wish={ws,4} min={ev.WorkerMinutes(w),5} hard={ev.WorkerHard(w)} {row}");
}
Console.WriteLine($"total wish {totalWish}");
var baseScore = ev.Score;
void SetSwap(int a, int b, int d) { var x = ev.Assigned(a, d); var y = ev.Assigned(b, d); ev.Set(a, d, y); ev.Set(b, d, x); }
// (a) swap blocks
int aCount = 0; long aBest = 0;
for (var a = 0; a < W; a++) for (var b = a + 1; b < W; b++) for (var d1 = 0; d1 < D; d1++) for (var len = 1; d1 + len <= D && len <= D; len++)
{
    ev.Begin();
    for (var d = d1; d < d1 + len; d++) SetSwap(a, b, d);
    ev.Commit();
    if (ev.Score < baseScore) { aCount++; aBest = Math.Max(aBest, baseScore.Soft - ev.Score.Soft); }
    ev.Undo();
}
Console.WriteLine($"(a) improving block swaps (any length): {aCount}, best gain {aBest}");
// (b) pair, arbitrary subset of swapped dates in window, gray code
foreach (var win in new[] { 7, 10, 14 })
{
    int bCount = 0, pairsImp = 0; long bBest = 0; long evals = 0;
    for (var a = 0; a < W; a++) for (var b = a + 1; b < W; b++)
    {
        var pairImp = false;
        for (var start = 0; start + win <= D; start += (win >= 14 ? 7 : 1))
        {
            var diff = new List<int>();
            for (var d = start; d < start + win; d++) if (ev.Assigned(a, d) != ev.Assigned(b, d)) diff.Add(d);
            var k = diff.Count; if (k == 0) continue;
            ev.Begin();
            long bestGain = 0;
            for (long i = 1; i < (1L << k); i++)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(i);
                SetSwap(a, b, diff[bit]);
                ev.Commit(); evals++;
                if (ev.Score < baseScore) bestGain = Math.Max(bestGain, baseScore.Soft - ev.Score.Soft);
            }
            ev.Undo();
            if (bestGain > 0) { bCount++; pairImp = true; bBest = Math.Max(bBest, bestGain); }
        }
        if (pairImp) pairsImp++;
    }
    Console.WriteLine($"(b) window {win}: improving pair-windows {bCount}, pairs {pairsImp}, best gain {bBest}, evals {evals}");
}
// (c) 3-cycles on a block
int cCount = 0; long cBest = 0;
for (var a = 0; a < W; a++) for (var b = a + 1; b < W; b++) for (var c = b + 1; c < W; c++) for (var rot = 0; rot < 2; rot++) for (var d1 = 0; d1 < D; d1++) for (var len = 1; len <= 7 && d1 + len <= D; len++)
{
    ev.Begin();
    for (var d = d1; d < d1 + len; d++)
    {
        int x = ev.Assigned(a, d), y = ev.Assigned(b, d), z = ev.Assigned(c, d);
        if (rot == 0) { ev.Set(a, d, y); ev.Set(b, d, z); ev.Set(c, d, x); } else { ev.Set(a, d, z); ev.Set(b, d, x); ev.Set(c, d, y); }
    }
    ev.Commit();
    if (ev.Score < baseScore) { cCount++; cBest = Math.Max(cBest, baseScore.Soft - ev.Score.Soft); }
    ev.Undo();
}
Console.WriteLine($"(c) improving 3-cycles on blocks <=7: {cCount}, best gain {cBest}");
// (d) at FREE cover: two (then three) workers cleared and rebuilt with the exact one-worker DP, in both orders, as
// ruin-and-recreate does (CommunityDomain.Rostering.Engine.Search.RuinAndRecreateMove), each from the final roster.
var ctx = new CommunityDomain.Rostering.Engine.Search.MoveContext(ev, new Random(seed));
foreach (var size in new[] { 2, 3 })
{
    int dCount = 0, dNotWorse = 0; long dBest = 0; var dTried = 0;
    var tuples = size == 2
        ? (from a in Enumerable.Range(0, W) from b in Enumerable.Range(0, W) where a != b select new[] { a, b })
        : (from a in Enumerable.Range(0, W) from b in Enumerable.Range(0, W) from c in Enumerable.Range(0, W) where a < b && b != c && a != c select new[] { a, b, c });
    foreach (var t in tuples)
    {
        ev.Begin();
        foreach (var w in t) ctx.Clear(w);
        for (var pass = 0; pass < 2; pass++) foreach (var w in t) ctx.Reoptimise(w);
        ev.Commit(); dTried++;
        if (ev.Score < baseScore) { dCount++; dBest = Math.Max(dBest, baseScore.Soft - ev.Score.Soft); }
        if (ev.Score <= baseScore) dNotWorse++;
        ev.Undo();
    }
    Console.WriteLine($"(d) {size} workers rebuilt at free cover: tried {dTried}, improving {dCount}, not worse {dNotWorse}, best gain {dBest}");
}

internal sealed class SyncProgress(Action<PlannerProgress> report) : IProgress<PlannerProgress>
{
    public void Report(PlannerProgress value) => report(value);
}

internal sealed class CpuClock : TimeProvider
{
    public override long TimestampFrequency => 1_000_000_000L;
    public override long GetTimestamp() => Now();
    public static long Now() { _ = ClockGetTime(2, out var t); return (t.Seconds * 1_000_000_000L) + t.Nanoseconds; }
    [DllImport("libc", EntryPoint = "clock_gettime")] private static extern int ClockGetTime(int clock, out Timespec time);
    [StructLayout(LayoutKind.Sequential)] private struct Timespec { public long Seconds; public long Nanoseconds; }
}
