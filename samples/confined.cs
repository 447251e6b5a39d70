#:project ../src/CommunityDomain/CommunityDomain.csproj
// A pinned duty and a repair: the party secretary's Thursday gate duty is pinned (the planner must keep it);
// on Wednesday Meiyuan is sealed and Chen Jing, who lives there but guards Dongfang's gate, is trapped inside
// (WorkerConfined). The repair keeps the pin and every duty before Wednesday, and tells each person what changed.
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using NodaTime;

var monday = new LocalDate(2022, 8, 22);
var week = new DateInterval(monday, monday.PlusDays(6));
ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
var (dongfang, meiyuan) = (new Id<Compound>(1), new Id<Compound>(2));
var (dongfangGate, meiyuanGate) = (new Id<Post>(1), new Id<Post>(2));
string[] names = ["Chen Jing", "Zhao Lei", "Sun Li", "Zhou Min", "Wu Gang", "Secretary Huang"];
Id<Compound>[] homes = [meiyuan, dongfang, dongfang, meiyuan, meiyuan, meiyuan];
var workers = names.Select((_, i) => new Worker(new Id<Worker>(i + 1), i == 5 ? WorkerKind.PartyMemberVolunteer : WorkerKind.ResidentVolunteer, homes[i])).ToList();
string Name(Id<Worker> w) => names[w.Value - 1];
string Post(Id<Post> p) => p == dongfangGate ? "Dongfang gate" : "Meiyuan gate";
string Duty(RosterAssignment a) => $"{a.Date:ddd dd MMM} {shifts.Single(s => s.Code == a.ShiftCode).Start:HH:mm} at {Post(a.Post)}";

var demands = new[] { (dongfangGate, dongfang), (meiyuanGate, meiyuan) }
    .SelectMany(g => week.SelectMany(d => shifts.Select(s => new Demand(g.Item1, g.Item2, d, s.Code, required: 1, minimum: 1)))).ToList();
var pinned = new RosterAssignment(new Id<Worker>(6), monday.PlusDays(3), meiyuanGate, "D");
var problem = RosterProblem.Create(week, shifts, demands, workers, pins: [pinned],
    defaultRules: new WorkRules(maxConsecutiveDays: 4, minRest: Duration.FromHours(12)), weights: new PreferenceWeights(ownCompound: 0, fairness: 1));
var published = RosterPlanner.Plan(problem, new PlannerOptions(seed: 2, iterationLimit: 10_000)).Match(r => r, none => none.Best);
var chen = new Id<Worker>(1);
Console.WriteLine($"Published: {published.Score}; pinned: {Name(pinned.Worker)} on {Duty(pinned)}");
Console.WriteLine($"{Name(chen)}'s duties: {string.Join("; ", published.Assignments.Where(a => a.Worker == chen).Select(Duty))}");

var wednesday = monday.PlusDays(2);
var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var sealedAt = wednesday.AtStartOfDayInZone(zone).ToInstant(); // duties that began before the sealing stay as published
var repair = RosterRepair.Repair(problem, published.Assignments, new WorkerConfined(chen, meiyuan), new RepairOptions(perChangePenalty: 200, frozenBefore: sealedAt, zone: zone));
Console.WriteLine($"Meiyuan sealed from Wednesday, {Name(chen)} confined to it: {repair.Changes} changes, {repair.Roster.Score}");
foreach (var notice in repair.Notices)
{
    var news = notice.Removed.Select(a => "no longer " + Duty(a)).Concat(notice.Added.Select(a => "now " + Duty(a)));
    Console.WriteLine($"  to {Name(notice.Worker)}: {string.Join("; ", news)}");
}

var after = repair.Roster.Assignments;
var ok = published.Assignments.Contains(pinned) && after.Contains(pinned) && repair.Roster.Score.IsFeasible
    && after.All(a => a.Worker != chen || a.Date < wednesday || a.Post == meiyuanGate)
    && published.Assignments.Where(a => a.Date < wednesday).All(after.Contains);
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;
