#:project ../../benchmarks/CommunityDomain.Benchmarks/CommunityDomain.Benchmarks.csproj
#:property AllowUnsafeBlocks=true
#:property AssemblyName=CommunityDomain.Tests
#:property NoWarn=$(NoWarn);NU1603;CA1303;CA1305;CA1307;CA1310;CA1822;CA1852;CA5394;CA1515;CA2007;IDE0005;CS1591
#:property TreatWarningsAsErrors=false
// Issue 20, session 36 (docs/rostering.md, "Weekends bound the short instances' cover"): plans a Curtois instance on the
// CPU clock, then on the final roster tries four neighbourhoods and undoes each try, counting the tries that end below the
// roster's score: (0) two workers swap one weekend, both re-optimised by the exact DP; (1) two weekends at once; (2) as
// (1), then every worker re-optimised once; (3) every under-covered date-slot given to each worker it allows (their best
// row through it), then every worker re-optimised 1, 2 or 4 times over. The assembly is named CommunityDomain.Tests so
// that it sees the library's internals; a scratch diagnosis, not part of any build.
//
// usage: dotnet build docs/measure/exchange-probe.cs -c Release -o DIR
//        dotnet DIR/CommunityDomain.Tests.dll INSTANCE.txt CPU_SECONDS SEED DEGREE
using System.Globalization;
using System.Runtime.InteropServices;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using NodaTime;
var instance = CurtoisParser.Load(args[0]);
var seconds = double.Parse(args[1], CultureInfo.InvariantCulture);
var seed = int.Parse(args[2], CultureInfo.InvariantCulture);
var degree = int.Parse(args[3], CultureInfo.InvariantCulture);
var problem = CurtoisMapping.ToProblem(instance);
var options = new PlannerOptions(seed, Duration.FromSeconds(seconds), timeProvider: new CpuClock()) { DegreeOfParallelism = degree };
var roster = RosterPlanner.Plan(problem, options).Match(r => r, none => none.Best);
var e = CurtoisEvaluator.Evaluate(instance, CurtoisMapping.ToSolution(instance, roster));
Console.WriteLine($"{instance.Name} seed={seed} objective={e.Objective} under={e.CoverUnderPenalty}");
var p = problem.Compiled;
var ev = new RosterEvaluator(p, problem.CellsOf(roster.Assignments, "x"));
var c = new MoveContext(ev, new Random(1));
int W = p.WorkerCount, D = p.Days, K = D / 7;
var sw = System.Diagnostics.Stopwatch.StartNew();
// Variants: 0 = one weekend block swapped then a and b re-optimised; 1 = two weekend blocks (k, j) swapped, a and b
// re-optimised; 2 = as 1, then every worker re-optimised once.
foreach (var variant in new[] { 0, 1, 2 })
{
    var baseScore = ev.Score; int tried = 0, better = 0; long bestGain = 0; var trials = sw.Elapsed;
    for (var a = 0; a < W; a++) for (var b = a + 1; b < W; b++) for (var k = 0; k < K; k++) for (var j = variant == 0 ? k : k + 1; j < K; j++)
    {
        int k0 = 7 * k + 5, j0 = 7 * j + 5;
        if (!BlockSwap.Allowed(ev, a, b, k0, k0 + 2) || (variant > 0 && !BlockSwap.Allowed(ev, a, b, j0, j0 + 2))) continue;
        tried++;
        ev.Begin();
        BlockSwap.Swap(ev, a, b, k0, k0 + 2);
        if (variant > 0) BlockSwap.Swap(ev, a, b, j0, j0 + 2);
        ev.Commit();
        c.Reoptimise(a); c.Reoptimise(b);
        if (variant == 2) for (var w = 0; w < W; w++) c.Reoptimise(w);
        ev.Commit();
        if (ev.Score < baseScore) { better++; bestGain = Math.Max(bestGain, baseScore.Soft - ev.Score.Soft); }
        ev.Undo();
    }
    Console.WriteLine($"variant {variant}: tried {tried} better {better} best gain {bestGain} score still {ev.Score} ({(sw.Elapsed - trials).TotalSeconds:F1} s)");
}
// Variant 3: every under-covered date-slot, every worker it allows (not on it): that worker's best row through it, then
// every worker re-optimised, SWEEPS times (order 0..W-1).
foreach (var sweeps in new[] { 1, 2, 4 })
{
    var baseScore = ev.Score; int tried = 0, better = 0; long bestGain = 0; var trials = sw.Elapsed; var row = new int[D];
    for (var d = 0; d < D; d++) for (var s = 0; s < p.SlotCount; s++)
    {
        var cell = p.DaySlot(d, s);
        if (ev.Count(d, s) >= p.Required[cell]) continue;
        for (var x = 0; x < W; x++)
        {
            if (ev.Assigned(x, d) == s || !p.Allowed[p.ChoiceIndex(x, d, s + 1)]) continue;
            if (!c.Dp.SolveTaking(ev, x, d, s, row)) continue;
            tried++;
            ev.Begin();
            c.SetRow(x, row);
            ev.Commit();
            for (var r = 0; r < sweeps; r++) for (var w = 0; w < W; w++) if (w != x || r > 0) c.Reoptimise(w);
            ev.Commit();
            if (ev.Score < baseScore) { better++; bestGain = Math.Max(bestGain, baseScore.Soft - ev.Score.Soft); }
            ev.Undo();
        }
    }
    Console.WriteLine($"variant 3, sweeps {sweeps}: tried {tried} better {better} best gain {bestGain} score still {ev.Score} ({(sw.Elapsed - trials).TotalSeconds:F1} s)");
}
internal sealed class CpuClock : TimeProvider
{
    public override long TimestampFrequency => 1_000_000_000L;
    public override long GetTimestamp() => Now();
    public static long Now() { _ = ClockGetTime(2, out var t); return (t.Seconds * 1_000_000_000L) + t.Nanoseconds; }
    [DllImport("libc", EntryPoint = "clock_gettime")] private static extern int ClockGetTime(int clock, out Timespec time);
    [StructLayout(LayoutKind.Sequential)] private struct Timespec { public long Seconds; public long Nanoseconds; }
}
