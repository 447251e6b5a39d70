#:project Scenario/Pubai.Scenario.csproj
// Gate duty for the six Pubai compounds over 14 days: three 8-hour shifts at every gate, volunteers who
// live in each compound, Meiyuan's volunteers confined to sealed Meiyuan. Plans with a fixed seed and
// iteration limit (so the output is reproducible), prints coverage and the score, checks the rules.
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using NodaTime;
using Pubai;

var scenario = PubaiScenario.Build();
var community = scenario.Community;
var start = new LocalDate(2022, 8, 18);
var horizon = new DateInterval(start, start.PlusDays(13));
ShiftDefinition[] shifts = [new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("E", new LocalTime(16, 0), Duration.FromHours(8))];
var gates = community.PostsOf().Where(p => p.Kind == PostKind.Gate).ToList();
var demands = gates.SelectMany(g => horizon.SelectMany(d => shifts.Select(s => new Demand(g.Id, g.CompoundId, d, s.Code, required: 1, minimum: 1)))).ToList();

var meiyuan = scenario.Compounds["Meiyuan"].Id;
var workers = community.Compounds.SelectMany(c => Enumerable.Range(0, 6 * c.Posts.Count(p => community.Get(p).Kind == PostKind.Gate)).Select(i => (c, i)))
    .Select((x, n) => new Worker(new Id<Worker>(n + 1), x.i % 3 == 0 ? WorkerKind.Staff : WorkerKind.PartyMemberVolunteer, x.c.Id,
        confinedTo: x.c.Id == meiyuan ? meiyuan : null))
    .ToList();
var rules = new WorkRules(maxConsecutiveDays: 5, maxMinutesPerWeek: 48 * 60, minRest: Duration.FromHours(12));
var problem = RosterProblem.Create(horizon, shifts, demands, workers, defaultRules: rules, weights: new PreferenceWeights(ownCompound: 5, fairness: 1));

var result = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 50_000));
var roster = result.Match(r => r, none => none.Best);
Console.WriteLine($"{gates.Count} gates x {shifts.Length} shifts x {horizon.Length} days = {demands.Count} duties; {workers.Count} workers");
Console.WriteLine($"Score: {roster.Score}");
foreach (var compound in community.Compounds)
{
    var needed = demands.Count(d => d.Compound == compound.Id);
    var covered = roster.Assignments.Count(a => community.Get(a.Post).CompoundId == compound.Id);
    Console.WriteLine($"  {compound.Name,-12} {covered,4} of {needed,4} gate shifts covered");
}

var confinedOutside = roster.Assignments.Count(a => workers[a.Worker.Value - 1].ConfinedTo == meiyuan && community.Get(a.Post).CompoundId != meiyuan);
var ok = result.IsT0 && roster.Score.IsFeasible && confinedOutside == 0 && roster.Assignments.Count >= demands.Count;
Console.WriteLine(ok ? "OK: every gate shift covered, no rule broken, Meiyuan's volunteers stayed inside." : "FAILED");
return ok ? 0 : 1;
