#:project ../src/CommunityDomain/CommunityDomain.csproj
// After a gate roster is published: a guard falls ill (repair with notices), someone is needed at the gate
// now (dispatch), two guards ask to swap (checked against every rule). Checks its own results.
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using NodaTime;

var monday = new LocalDate(2022, 8, 22);
var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var horizon = new DateInterval(monday, monday.PlusDays(6));
ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
var gate = new Id<Post>(1);
var home = new Id<Compound>(1);
var demands = horizon.SelectMany(d => shifts.Select(s => new Demand(gate, home, d, s.Code, 1, minimum: 1))).ToList();
var workers = Enumerable.Range(1, 5).Select(i => new Worker(new Id<Worker>(i), WorkerKind.PartyMemberVolunteer, home)).ToList();
var problem = RosterProblem.Create(horizon, shifts, demands, workers,
    defaultRules: new WorkRules(maxConsecutiveDays: 4, minRest: Duration.FromHours(12)), weights: new PreferenceWeights(0, 1));
var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 5_000)).Match(r => r, n => n.Best);
Console.WriteLine($"Published: {roster.Score}");

var sick = roster.Assignments.First(a => a.Date == monday.PlusDays(2)).Worker;
var repair = RosterRepair.Repair(problem, roster.Assignments, new WorkerUnavailable(sick, monday.PlusDays(2)), 
    new RepairOptions(20, frozenBefore: monday.PlusDays(2).AtStartOfDayInZone(zone).ToInstant(), zone: zone));
Console.WriteLine($"{sick} ill from Wednesday: {repair.Roster.Score}, {repair.Changes} changes");
foreach (var notice in repair.Notices)
{
    Console.WriteLine("  " + notice);
}

var ranking = RosterDispatch.Rank(problem, roster.Assignments, gate, monday.PlusDays(4).At(new LocalTime(10, 0)), Duration.FromHours(4));
Console.WriteLine($"Dispatch Friday 10:00: {string.Join("; ", ranking.Candidates.Take(2))}");

var night = roster.Assignments.First(a => a.ShiftCode == "N" && a.Date < horizon.End);
var nextDay = roster.Assignments.First(a => a.ShiftCode == "D" && a.Date == night.Date.PlusDays(1));
var swap = RosterSwaps.Check(problem, roster.Assignments, night.Worker, nextDay.Worker, nextDay.Date);
Console.WriteLine($"Swap after a night: {swap}");

var ok = roster.Score.IsFeasible && repair.Roster.Score.IsFeasible && repair.Notices.Any(n => n.Worker == sick)
    && repair.Roster.Assignments.All(a => a.Worker != sick || a.Date < monday.PlusDays(2)) && ranking.Best is not null;
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;
