#:project ../../benchmarks/CommunityDomain.Benchmarks/CommunityDomain.Benchmarks.csproj
#:property AllowUnsafeBlocks=true
#:property AssemblyName=CommunityDomain.Tests
#:property NoWarn=$(NoWarn);NU1603;CA1303;CA1305;CA1307;CA1310;CA1822;CA1852;CA5394;CA1515;CA2007;IDE0005;CS1591
#:property TreatWarningsAsErrors=false
// Issue 20, session 37 (docs/rostering.md, "Small community problems: CP-SAT proves the optimum, the planner stops a few
// points above"): plans a Curtois instance on the CPU clock at degree 1, solves it with the CP-SAT peer (30 s), maps the
// peer's roster onto the problem, and replaces every set of 1, 2 or 3 of the planner's rows by the peer's rows, counting
// the replacements that lower the planner's score (the evaluator's, hard first). The assembly is named
// CommunityDomain.Tests so that it sees the library's internals; a scratch diagnosis, not part of any build.
//
// usage: dotnet build docs/measure/transplant-probe.cs -c Release -o DIR
//        dotnet DIR/CommunityDomain.Tests.dll INSTANCE.txt CPU_SECONDS SEED
using System.Globalization;
using System.Runtime.InteropServices;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Peer;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using NodaTime;
using CommunityDomain.Kernel;
var instance = CurtoisParser.Load(args[0]);
var seconds = double.Parse(args[1], CultureInfo.InvariantCulture);
var seed = int.Parse(args[2], CultureInfo.InvariantCulture);
var problem = CurtoisMapping.ToProblem(instance);
var options = new PlannerOptions(seed, Duration.FromSeconds(seconds), timeProvider: new CpuClock()) { DegreeOfParallelism = 1 };
var roster = RosterPlanner.Plan(problem, options).Match(r => r, none => none.Best);
var ours = CurtoisEvaluator.Evaluate(instance, CurtoisMapping.ToSolution(instance, roster));
Console.WriteLine($"planner objective={ours.Objective} under={ours.CoverUnderPenalty}");
var peer = CpSatPeer.Solve(instance, TimeSpan.FromSeconds(30), 1, CancellationToken.None);
var opt = peer.Solution!;
Console.WriteLine($"peer {peer.Status} objective={CurtoisEvaluator.Evaluate(instance, opt).Objective}");
var post = roster.Assignments.First().Post;
var day0 = problem.Horizon.Start;
var optAssign = new List<RosterAssignment>();
for (var e = 0; e < opt.Employees; e++) for (var d = 0; d < opt.Days; d++)
    if (opt[e, d] >= 0) optAssign.Add(new RosterAssignment(new Id<Worker>(e + 1), day0.PlusDays(d), post, instance.Shifts[opt[e, d]].Id));
var p = problem.Compiled;
var a = problem.CellsOf(roster.Assignments, "ours");
var b = problem.CellsOf(optAssign, "opt");
var ev = new RosterEvaluator(p, a);
Console.WriteLine($"ours {ev.Score} opt {RosterEvaluator.FullScore(p, b)}");
int W = p.WorkerCount, D = p.Days;
var differ = Enumerable.Range(0, W).Where(w => Enumerable.Range(0, D).Any(d => a[p.WorkerDay(w, d)] != b[p.WorkerDay(w, d)])).ToArray();
Console.WriteLine($"workers whose rows differ: {differ.Length} of {W}");
string Row(int[] cells, int w) => string.Join(' ', Enumerable.Range(0, D).Select(d => cells[p.WorkerDay(w, d)].ToString(CultureInfo.InvariantCulture).PadLeft(3)));
var baseScore = ev.Score;
for (var k = 1; k <= 3; k++)
{
    int tried = 0, better = 0; long best = 0; int[]? bestSet = null;
    foreach (var set in Subsets(differ, k))
    {
        tried++;
        ev.Begin();
        foreach (var w in set) for (var d = 0; d < D; d++) ev.Set(w, d, b[p.WorkerDay(w, d)]);
        ev.Commit();
        var gain = baseScore.Hard == ev.Score.Hard ? baseScore.Soft - ev.Score.Soft : long.MinValue;
        if (ev.Score < baseScore) { better++; if (gain > best) { best = gain; bestSet = set; } }
        ev.Undo();
    }
    Console.WriteLine($"k={k}: tried {tried} better {better} best gain {best} set {(bestSet is null ? "-" : string.Join(',', bestSet))}");
    if (bestSet is not null) foreach (var w in bestSet) { Console.WriteLine($"  w{w} ours {Row(a, w)}"); Console.WriteLine($"  w{w} opt  {Row(b, w)}"); }
}
static IEnumerable<int[]> Subsets(int[] items, int k)
{
    if (k == 1) { foreach (var x in items) yield return [x]; yield break; }
    for (var i = 0; i < items.Length; i++)
        foreach (var rest in Subsets(items[(i + 1)..], k - 1)) yield return [items[i], .. rest];
}
internal sealed class CpuClock : TimeProvider
{
    public override long TimestampFrequency => 1_000_000_000L;
    public override long GetTimestamp() => Now();
    public static long Now() { _ = ClockGetTime(2, out var t); return (t.Seconds * 1_000_000_000L) + t.Nanoseconds; }
    [DllImport("libc", EntryPoint = "clock_gettime")] private static extern int ClockGetTime(int clock, out Timespec time);
    [StructLayout(LayoutKind.Sequential)] private struct Timespec { public long Seconds; public long Nanoseconds; }
}
