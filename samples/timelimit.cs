#:project ../src/CommunityDomain/CommunityDomain.csproj
// A plan within a time limit: two weeks of round-the-clock duty at six gates, planned for at most 3 seconds
// while the office watches the score improve; then the same plan stopped by the coordinator (cancellation)
// after the third improvement, which still returns the best roster found so far. Exits 1 if a promise breaks.
using System.Diagnostics;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using NodaTime;

var start = new LocalDate(2022, 8, 18);
var horizon = new DateInterval(start, start.PlusDays(13));
ShiftDefinition[] shifts = [new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("E", new LocalTime(16, 0), Duration.FromHours(8))];
var gates = Enumerable.Range(1, 6).Select(g => (Post: new Id<Post>(g), Compound: new Id<Compound>(g))).ToList();
var demands = gates.SelectMany(g => horizon.SelectMany(d => shifts.Select(s => new Demand(g.Post, g.Compound, d, s.Code, required: 1, minimum: 1)))).ToList();
var workers = Enumerable.Range(1, 30).Select(i => new Worker(new Id<Worker>(i), i % 3 == 0 ? WorkerKind.Staff : WorkerKind.ResidentVolunteer, gates[(i - 1) % 6].Compound)).ToList();
var problem = RosterProblem.Create(horizon, shifts, demands, workers,
    defaultRules: new WorkRules(maxConsecutiveDays: 5, maxMinutesPerWeek: 48 * 60, minRest: Duration.FromHours(12)), weights: new PreferenceWeights(ownCompound: 5, fairness: 1));
Console.WriteLine($"{demands.Count} duties ({gates.Count} gates x {shifts.Length} shifts x {horizon.Length} days) for {workers.Count} people");

// 1. A time limit: the planner returns its best roster when the 3 seconds are up.
var seen = new List<PlannerProgress>();
var clock = Stopwatch.StartNew();
var limited = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, timeLimit: Duration.FromSeconds(3)), new ProgressReport(p =>
{
    seen.Add(p);
    if (seen.Count <= 5 || p.Best.Hard == 0 && seen[^2].Best.Hard > 0)
    {
        Console.WriteLine($"  after {p.Elapsed.TotalSeconds,5:0.00} s, move {p.Iteration,7:N0}: {p.Best.Hard} rules broken, penalty {p.Best.Soft:N0}");
    }
})).Match(r => r, none => none.Best);
clock.Stop();
Console.WriteLine($"Time limit 3 s: stopped after {clock.Elapsed.TotalSeconds:0.0} s with {seen.Count} improvements; {limited.Score}");

// 2. Cancellation: the coordinator stops the search after the third improvement.
using var stop = new CancellationTokenSource();
var reports = 0;
var cancelled = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, timeLimit: Duration.FromMinutes(5)),
    new ProgressReport(_ => { if (++reports == 3) stop.Cancel(); }), stop.Token).Match(r => r, none => none.Best);
Console.WriteLine($"Cancelled after {reports} improvements: a roster with {cancelled.Assignments.Count} duties, {cancelled.Score}");

var improving = seen.Zip(seen.Skip(1)).All(p => p.Second.Best.CompareTo(p.First.Best) <= 0);
var ok = improving && clock.Elapsed < TimeSpan.FromSeconds(10) && limited.Score.Total.CompareTo(seen[0].Best) <= 0
    && stop.IsCancellationRequested && cancelled.Assignments.Count > 0;
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;

/// <summary>Reports on the planner's own thread, as it happens (Progress&lt;T&gt; would post to the thread pool).</summary>
sealed class ProgressReport(Action<PlannerProgress> onReport) : IProgress<PlannerProgress>
{
    public void Report(PlannerProgress value) => onReport(value);
}
