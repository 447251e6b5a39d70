#:project ../../benchmarks/CommunityDomain.Benchmarks/CommunityDomain.Benchmarks.csproj
#:property AllowUnsafeBlocks=true
#:property AssemblyName=CommunityDomain.Tests
#:property NoWarn=$(NoWarn);NU1603;CA1303;CA1305;CA1307;CA1310;CA1822;CA1852;CA5394;CA1515;CA2007;IDE0005;CS1591
#:property TreatWarningsAsErrors=false
// Issue 20, team32 (docs/rostering.md, "A few workers re-optimised together"): plans a Curtois instance (CPU clock,
// degree 1, or an iteration limit), then on the final roster draws DRAWS sets of k workers for each k of JKS (default
// 2,3,4,5,6,8,10,12; JointRows.DrawWorkers) and counts how often the joint choice over their pools (JointRows.Choose)
// lowers the score, by how much, and at what cost (undone after each); then a descent: 2,000 draws of k = JDK (default
// 6), each choice kept when not worse. Scratch diagnosis; the
// assembly is named CommunityDomain.Tests to see the library's internals.
//
// usage: dotnet build docs/measure/team32-probe.cs -c Release -o DIR
//        dotnet DIR/CommunityDomain.Tests.dll INSTANCE.txt CPU_SECONDS SEED [ITERATIONS|0] [DRAWS]
using System.Diagnostics;
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
long? iters = args.Length > 3 && args[3] != "0" ? long.Parse(args[3], CultureInfo.InvariantCulture) : null;
var draws = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 300;
var problem = CurtoisMapping.ToProblem(instance);
var options = iters is { } n ? new PlannerOptions(seed, iterationLimit: n) { DegreeOfParallelism = 1 } : new PlannerOptions(seed, Duration.FromSeconds(seconds), timeProvider: new CpuClock()) { DegreeOfParallelism = 1 };
var result = RosterPlanner.Plan(problem, options);
var roster = result.Match(r => r, none => none.Best);
var e = CurtoisEvaluator.Evaluate(instance, CurtoisMapping.ToSolution(instance, roster));
Console.WriteLine($"{instance.Name} seed={seed} objective={e.Objective} hard={e.HardViolations} under={e.CoverUnderPenalty} over={e.CoverOverPenalty} on={e.OnRequestPenalty} off={e.OffRequestPenalty}");
var p = problem.Compiled;
var ev = new RosterEvaluator(p, problem.CellsOf(roster.Assignments, "x"));
var ctx = new MoveContext(ev, new Random(seed));
var joint = new JointRows(p);
Console.WriteLine($"ev score {ev.Score}; joint applies: {JointRows.Applies(p)}");
foreach (var k in (Environment.GetEnvironmentVariable("JKS") ?? "2,3,4,5,6,8,10,12").Split(',').Select(int.Parse))
{
    int improving = 0, mismatch = 0; long bestGain = 0, gainSum = 0, nodes = 0, pool = 0;
    var sw = Stopwatch.StartNew();
    for (var t = 0; t < draws; t++)
    {
        ev.Begin();
        var before = ev.Score;
        var predicted = joint.Choose(ctx, joint.DrawWorkers(ctx, k), joint.Hole);
        var actual = ev.Commit();
        mismatch += actual != predicted ? 1 : 0;
        nodes += joint.Nodes;
        for (var i = 0; i < k; i++) pool += joint.PoolCount(i);
        if (ev.Score < before) { improving++; bestGain = Math.Max(bestGain, -actual.Soft); gainSum += -actual.Soft; }
        ev.Undo();
    }
    Console.WriteLine($"k={k}: draws {draws}, improving {improving}, best gain {bestGain}, gain sum {gainSum}, mismatches {mismatch}, mean pool {pool / (double)(draws * k):F2}, mean nodes {nodes / (double)draws:F0}, {sw.Elapsed.TotalMilliseconds / draws:F2} ms a draw");
}
var start = ev.Score;
var descentK = int.Parse(Environment.GetEnvironmentVariable("JDK") ?? "6", CultureInfo.InvariantCulture);
var kept = 0;
var sw2 = Stopwatch.StartNew();
for (var t = 0; t < 2000; t++)
{
    ev.Begin();
    var before = ev.Score;
    joint.Choose(ctx, joint.DrawWorkers(ctx, descentK), joint.Hole);
    ev.Commit();
    if (ev.Score <= before) { kept += ev.Score < before ? 1 : 0; ev.Accept(); } else ev.Undo();
}
Console.WriteLine($"descent k={descentK}, 2000 draws: {start} -> {ev.Score}, {kept} improvements, {sw2.Elapsed.TotalSeconds:F1} s; full recompute {RosterEvaluator.FullScore(p, ev.Assign)}");

internal sealed class CpuClock : TimeProvider
{
    public override long TimestampFrequency => 1_000_000_000L;
    public override long GetTimestamp() => Now();
    public static long Now() { _ = ClockGetTime(2, out var t); return (t.Seconds * 1_000_000_000L) + t.Nanoseconds; }
    [DllImport("libc", EntryPoint = "clock_gettime")] private static extern int ClockGetTime(int clock, out Timespec time);
    [StructLayout(LayoutKind.Sequential)] private struct Timespec { public long Seconds; public long Nanoseconds; }
}
