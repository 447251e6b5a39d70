#:project ../../benchmarks/CommunityDomain.Benchmarks/CommunityDomain.Benchmarks.csproj
#:property AllowUnsafeBlocks=true
#:property NoWarn=$(NoWarn);NU1603
using System.Globalization;
using System.Runtime.InteropServices;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering;
using NodaTime;

// A/B comparisons of the roster planner on a busy machine (issue 20). The planner's time limit counts elapsed time from
// PlannerOptions.TimeProvider; here that provider is the process's CPU time (clock_gettime(CLOCK_PROCESS_CPUTIME_ID),
// Linux), so a run gets the same CPU however many other processes share the cores, and two builds compared side by side
// under load get the same work. Wall-clock `curtois --seconds N` runs under load measure the load instead (community-300's
// identical draws moved 18 % between two runs at load 16-40); with this clock two runs of Instance8 at 20 CPU-seconds, one
// 28 s and one 34 s of wall time, gave the same roster. DEGREE (default 1) is PlannerOptions.DegreeOfParallelism: CPU
// time is the process's, summed over its threads, so DEGREE=2 at 120 CPU-seconds gives each of two searches about 60
// (as a 60 s wall-clock run on two free cores). The roster is scored by the benchmark's independent evaluator. With a
// 5th argument `progress` it also prints the best roster's progress, one record per CPU-second and the last record: when
// the walk still finds records and how many moves it has made by then (issue 20, long23: Instance23's walk made about
// 2,900 in 60 CPU-s).
//
// CPU_SECONDS with a trailing `w` (e.g. `60w`) is a wall-clock limit instead (no time provider: what `curtois --seconds`
// gives), for quiet-machine comparisons such as degree 1 against degree 2 in the seconds a coordinator waits.
//
// usage: dotnet run -c Release docs/measure/roster-cpu-clock.cs -- INSTANCE.txt CPU_SECONDS[w]|MOVES(i) [SEED] [DEGREE] [progress]
// prints: name seed degree cpu wall objective hard under over on off bound, then the lanes' counters on a problem that takes
// them (tasks, open seconds, idle share, the search's wait; zeros otherwise: docs/rostering.md, par28)
var instance = CurtoisParser.Load(args[0]);
var wallLimit = args[1].EndsWith('w');
// A trailing `i` (e.g. `90000i`) is a move limit instead, with no time limit: the same walk whatever the load (long27).
var moveLimit = args[1].EndsWith('i') ? long.Parse(args[1].TrimEnd('i'), CultureInfo.InvariantCulture) : (long?)null;
var seconds = moveLimit is null ? double.Parse(args[1].TrimEnd('w'), CultureInfo.InvariantCulture) : 0;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var degree = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
var wall = System.Diagnostics.Stopwatch.StartNew();
var cpu = CpuClock.Now();
var problem = CurtoisMapping.ToProblem(instance);
var options = moveLimit is { } moves
    ? new PlannerOptions(seed, iterationLimit: moves) { DegreeOfParallelism = degree }
    : new PlannerOptions(seed, Duration.FromSeconds(seconds), timeProvider: wallLimit ? null : new CpuClock()) { DegreeOfParallelism = degree };
var lastSecond = -1;
PlannerProgress? last = null;
// The most moves between two records of the best roster (long27: whether a stall-gated move, drawn after half a plateau
// without a record of the current roster, is ever drawn; a new best is always a new record of the current roster).
(long Moves, long From) longestGap = (0, 0);
var progress = args.Length > 4 && args[4] == "progress"
    ? new SyncProgress(p =>
    {
        if (last is { } before && p.Iteration - before.Iteration > longestGap.Moves)
        {
            longestGap = (p.Iteration - before.Iteration, before.Iteration);
        }

        last = p;
        if ((int)p.Elapsed.TotalSeconds > lastSecond)
        {
            lastSecond = (int)p.Elapsed.TotalSeconds;
            Console.WriteLine(p.ToString());
        }
    })
    : null;
// LANES23_SWEEPPASSES: the opening's passes over every worker on lanes (1: par28's single pass; unset: the planner's own,
// SearchTuning.LaneSweepPasses); docs/rostering.md, lanes23.
var passes = Environment.GetEnvironmentVariable("LANES23_SWEEPPASSES") is { Length: > 0 } passText ? int.Parse(passText, CultureInfo.InvariantCulture) : (int?)null;
// LANES23_WALKLAG: the walk's due point for a lane's row, per lane (unset: SearchTuning.LaneWalkRowLagPerLane; 2 was par28's).
var walkLag = Environment.GetEnvironmentVariable("LANES23_WALKLAG") is { Length: > 0 } walkText ? int.Parse(walkText, CultureInfo.InvariantCulture) : (int?)null;
var (result, lanes) = LaneReport.Plan(problem, options, progress, laneSweepPasses: passes, walkRowLagPerLane: walkLag);
var roster = result.Match(r => r, none => none.Best);
if (last is { } record)
{
    Console.WriteLine($"last record {record}; longest gap between records {longestGap.Moves} moves from #{longestGap.From}");
}

var e = CurtoisEvaluator.Evaluate(instance, CurtoisMapping.ToSolution(instance, roster));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{instance.Name} seed={seed} degree={degree} cpu={(CpuClock.Now() - cpu) / 1e9:F1} wall={wall.Elapsed.TotalSeconds:F1} objective={e.Objective} hard={e.HardViolations} under={e.CoverUnderPenalty} over={e.CoverOverPenalty} on={e.OnRequestPenalty} off={e.OffRequestPenalty} bound={roster.LowerBound} {lanes}"));

/// <summary>Reports on the planner's thread, in order (Progress&lt;T&gt; would post each report to the thread pool).</summary>
internal sealed class SyncProgress(Action<PlannerProgress> report) : IProgress<PlannerProgress>
{
    public void Report(PlannerProgress value) => report(value);
}

/// <summary>The process's CPU time in nanoseconds, as a <see cref="TimeProvider"/>'s timestamps.</summary>
internal sealed class CpuClock : TimeProvider
{
    public override long TimestampFrequency => 1_000_000_000L;

    public override long GetTimestamp() => Now();

    public static long Now()
    {
        _ = ClockGetTime(2, out var t); // CLOCK_PROCESS_CPUTIME_ID
        return (t.Seconds * 1_000_000_000L) + t.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
