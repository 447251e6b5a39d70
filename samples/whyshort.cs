#:project ../src/CommunityDomain/CommunityDomain.csproj
// Why is a post short? Dongfang's east gate wants two people on each 12-hour shift, but one of its four
// volunteers is sealed in at Meiyuan. For each shift left short, the office asks the roster why nobody else
// came: on duty at that time, or a rule they would break (confinement, rest). Exits 1 if a promise breaks.
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using NodaTime;

var thursday = new LocalDate(2022, 8, 18);
var days = new DateInterval(thursday, thursday.PlusDays(2));
ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
var (dongfang, meiyuan) = (new Id<Compound>(1), new Id<Compound>(2));
var eastGate = new Id<Post>(1);
string[] names = ["Ma Hui", "Gao Jun", "Lin Na", "He Ping"];
string Name(Id<Worker> w) => names[w.Value - 1];
var workers = new[]
{
    new Worker(new Id<Worker>(1), WorkerKind.Staff, dongfang),
    new Worker(new Id<Worker>(2), WorkerKind.ResidentVolunteer, dongfang),
    new Worker(new Id<Worker>(3), WorkerKind.ResidentVolunteer, dongfang),
    new Worker(new Id<Worker>(4), WorkerKind.ResidentVolunteer, meiyuan, confinedTo: meiyuan),   // sealed in at home
};
var demands = days.SelectMany(d => shifts.Select(s => new Demand(eastGate, dongfang, d, s.Code, required: 2, minimum: 1))).ToList();
var problem = RosterProblem.Create(days, shifts, demands, workers, defaultRules: new WorkRules(minRest: Duration.FromHours(12)));
var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 5_000)).Match(r => r, none => none.Best);

var explained = 0;
foreach (var demand in demands)
{
    var onDuty = roster.Assignments.Where(a => a.Date == demand.Date && a.ShiftCode == demand.ShiftCode).ToList();
    if (onDuty.Count >= demand.Required)
    {
        continue;
    }

    var shift = shifts.Single(s => s.Code == demand.ShiftCode);
    Console.WriteLine($"East gate {demand.Date:ddd dd MMM} {shift.Start:HH:mm}-{shift.Start.PlusMinutes((long)shift.Duration.TotalMinutes):HH:mm}: " +
        $"{onDuty.Count} of {demand.Required} ({string.Join(", ", onDuty.Select(a => Name(a.Worker)))})");
    foreach (var reason in RosterExplanations.WhyShort(problem, roster.Assignments, eastGate, demand.Date, demand.ShiftCode))
    {
        var why = reason.OnDutyElsewhere is { } other ? $"on duty {other.Date:ddd} {shifts.Single(s => s.Code == other.ShiftCode).Start:HH:mm}"
            : reason.BrokenRules.Count > 0 ? $"would break {string.Join(", ", reason.BrokenRules)}"
            : "could have come";
        Console.WriteLine($"    {Name(reason.Worker),-7} {why}");
        explained += reason.CouldHaveCovered ? 0 : 1;
    }
}

// Four people cannot fill 2 x 2 twelve-hour shifts a day with 12 hours' rest when one cannot leave Meiyuan.
var shortShifts = demands.Count(d => roster.Assignments.Count(a => a.Date == d.Date && a.ShiftCode == d.ShiftCode) < d.Required);
var ok = roster.Score.IsFeasible && shortShifts > 0 && explained >= shortShifts;
Console.WriteLine($"{shortShifts} of {demands.Count} shifts short; score {roster.Score}");
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;
