using BenchmarkDotNet.Attributes;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using NodaTime;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// One worker falls ill on day 3 of the community-size roster: repair (penalty 50 per change, seven
/// candidate re-plans of 3000 moves) against re-solving the changed problem from scratch (20000 moves).
/// The setup prints both scores and numbers of changed assignments. Under <c>COMMUNITYDOMAIN_BENCH_SMALL=1</c> (CI's dry
/// job, which measures nothing) every plan takes a tenth of the moves.
/// </summary>
[MemoryDiagnoser]
public class RosterRepairBenchmarks
{
    private RosterProblem _problem = null!;
    private RosterProblem _changed = null!;
    private IReadOnlyList<RosterAssignment> _published = null!;
    private RosterChange _change = null!;
    private LocalDate _now;

    // The moves of a plan: as published, or a tenth under the CI switch.
    private static long Moves(long full) => BenchmarkSizes.Small ? full / 10 : full;

    /// <summary>Number of workers.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Workers { get; set; }

    /// <summary>Full sizes, or small ones under the CI switch.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([300], [30]);

    /// <summary>Plans the published roster, makes its busiest worker ill from day 3 and prints both outcomes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _problem = CommunityRosterScenario.Create(Workers, seed: 42);
        _published = RosterPlanner.Plan(_problem, new PlannerOptions(1, iterationLimit: Moves(20_000)) { DegreeOfParallelism = 1 }).Match(r => r, n => n.Best).Assignments;
        _now = _problem.Horizon.Start.PlusDays(3);
        var ill = _published.Where(a => a.Date >= _now).GroupBy(a => a.Worker).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value).First().Key;
        _change = new WorkerUnavailable(ill, _now);
        var repaired = Repair();
        _changed = repaired.Problem;
        var scratch = Resolve();
        var old = _published.ToHashSet();
        var scratchChanges = old.Count(a => !scratch.Assignments.Contains(a)) + scratch.Assignments.Count(a => !old.Contains(a));
        var scratchPast = scratch.Assignments.Count(a => a.Date < _now && !old.Contains(a));
        Console.WriteLine($"// {Workers} workers, {ill} ill from {_now:uuuu-MM-dd}: published {_published.Count} assignments");
        Console.WriteLine($"// repair:  {repaired.Roster.Score} with {repaired.Changes} changed assignments, {repaired.Notices.Count} notices");
        Console.WriteLine($"// scratch: {scratch.Score} with {scratchChanges} changed assignments ({scratchPast} of them added in the past)");
    }

    /// <summary>Baseline: re-solve the changed problem from scratch (seed 1, 20000 moves).</summary>
    [Benchmark(Baseline = true)]
    public Roster Resolve() =>
        RosterPlanner.Plan(_changed, new PlannerOptions(1, iterationLimit: Moves(20_000)) { DegreeOfParallelism = 1 }).Match(r => r, n => n.Best);

    /// <summary>Repair with 50 per change, seed 1, 3000 moves per candidate.</summary>
    [Benchmark]
    public RepairResult Repair() =>
        RosterRepair.Repair(_problem, _published, _change, new RepairOptions(50, _now.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), DateTimeZone.Utc, seed: 1, iterationLimit: Moves(3_000)));
}
