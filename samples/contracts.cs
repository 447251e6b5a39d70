#:project ../src/CommunityDomain/CommunityDomain.csproj
// A host stores a roster problem, its plan and the events as versioned JSON documents and reads them back in
// another process: the same plan comes out, and a damaged document is a readable error, never a half-built
// value. Checks its own result and exits 1 if a promise is broken.
using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using NodaTime;

var horizon = new DateInterval(new LocalDate(2022, 8, 18), new LocalDate(2022, 8, 24));
ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];
var gate = new Id<Post>(1);
var demands = horizon.SelectMany(d => shifts.Select(s => new Demand(gate, new Id<Compound>(1), d, s.Code, required: 1, minimum: 1))).ToList();
var workers = Enumerable.Range(1, 4).Select(i => new Worker(new Id<Worker>(i), WorkerKind.Staff, new Id<Compound>(1))).ToList();
var problem = RosterProblem.Create(horizon, shifts, demands, workers, defaultRules: new WorkRules(minRest: Duration.FromHours(12)));
var options = new PlannerOptions(seed: 3, iterationLimit: 5_000);

// The office writes the documents: what a queue message or a database row would hold.
var problemJson = CommunityJson.Write(problem);
var optionsJson = CommunityJson.Write(options);
var planned = RosterPlanner.Plan(problem, options).Match(r => r, none => none.Best);
Console.WriteLine($"roster.problem: {problemJson.Length:N0} characters, version {CommunityJson.SchemaVersion}");

// A worker process reads them back and plans: same seed and iteration limit, same roster.
var again = CommunityJson.Read<RosterProblem>(problemJson).AsT0;
var replanned = RosterPlanner.Plan(again, CommunityJson.Read<PlannerOptions>(optionsJson).AsT0).Match(r => r, none => none.Best);
var rosterBack = CommunityJson.Read<Roster>(CommunityJson.Write(replanned)).AsT0;
var same = rosterBack.Assignments.SequenceEqual(planned.Assignments) && rosterBack.Score.Soft == planned.Score.Soft;
Console.WriteLine($"re-planned from the document: {(same ? "the same roster" : "a DIFFERENT roster")}, score {rosterBack.Score}");

// Damaged documents are errors with a path, never exceptions or half-built problems.
var errors = new[]
{
    problemJson[..(problemJson.Length / 2)],                                   // truncated
    problemJson.Replace("\"required\":1", "\"required\":-1", StringComparison.Ordinal), // a value the domain rejects
    problemJson.Replace($"\"version\":{CommunityJson.SchemaVersion}", "\"version\":99", StringComparison.Ordinal), // written by a newer library
    optionsJson,                                                                // another kind
}.Select(json => CommunityJson.Read<RosterProblem>(json)).ToList();
foreach (var error in errors)
{
    Console.WriteLine(error.Match(_ => "read?!", e => $"  {e.Problem} at {e.Path}: {e.Message}"));
}

var ok = same && errors.All(e => e.IsT1);
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;
