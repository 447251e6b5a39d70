// The REPL recipe of docs/scripting.md, run by CI: a sealing order, then a roster problem and its plan written
// as JSON contracts and read back. csharprepl exits 0 even after a compile error, so CI looks for the last line.
var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var community = Community.Create("Pubai central community", zone, SystemClock.Instance);
var meiyuan = community.AddCompound("Meiyuan").AsT0;
var start = new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(zone).ToInstant();
community.Issue(ControlOrderRequest.Sealed(meiyuan.Id, start, "sealed-control area"));
Console.WriteLine($"{community.Name}: {community.ControlOrders.Count} order(s), {community.ControlOrders[0].Level} from {start.InZone(zone):yyyy-MM-dd HH:mm}");

var days = new DateInterval(new LocalDate(2022, 8, 18), new LocalDate(2022, 8, 20));
ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
var gate = new Id<Post>(1);
var demands = days.SelectMany(d => shifts.Select(s => new Demand(gate, meiyuan.Id, d, s.Code, required: 1, minimum: 1))).ToList();
var workers = Enumerable.Range(1, 3).Select(i => new Worker(new Id<Worker>(i), WorkerKind.Staff, meiyuan.Id)).ToList();
var problem = RosterProblem.Create(days, shifts, demands, workers, defaultRules: new WorkRules(minRest: Duration.FromHours(12)));
var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 2_000)).Match(r => r, none => none.Best);

var json = CommunityJson.Write(roster);
var back = CommunityJson.Read<Roster>(json).AsT0;
Console.WriteLine($"roster as JSON: {json.Length} characters, {back.Assignments.Count} assignments read back");
Console.WriteLine(back.Assignments.SequenceEqual(roster.Assignments) && CommunityJson.Read<RosterProblem>(CommunityJson.Write(problem)).IsT0
    ? "REPL recipe OK"
    : "REPL recipe FAILED");
