using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// A confinement starts on the day the compound was sealed (<see cref="Worker.ConfinedFrom"/>): duties served
/// elsewhere before it are not violations, and a <see cref="WorkerConfined"/> repair starts it at its Now.
/// </summary>
public sealed class ConfinementFromTests
{
    private static readonly LocalDate Monday = new(2022, 8, 22);
    private static readonly Id<Compound> Dongfang = new(1), Meiyuan = new(2);
    private static readonly Id<Post> DongfangGate = new(1), MeiyuanGate = new(2);
    private static readonly ShiftDefinition[] Shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(12)), new("N", new LocalTime(20, 0), Duration.FromHours(12))];

    private static RosterProblem Week(IEnumerable<Worker> workers, IEnumerable<RosterAssignment>? pins = null)
    {
        var week = new DateInterval(Monday, Monday.PlusDays(6));
        var demands = new[] { (DongfangGate, Dongfang), (MeiyuanGate, Meiyuan) }
            .SelectMany(g => week.SelectMany(d => Shifts.Select(s => new Demand(g.Item1, g.Item2, d, s.Code, required: 1, minimum: 1))));
        return RosterProblem.Create(week, Shifts, demands, workers, pins: pins,
            defaultRules: new WorkRules(maxConsecutiveDays: 4, minRest: Duration.FromHours(12)), weights: new PreferenceWeights(ownCompound: 0, fairness: 1));
    }

    private static Worker Volunteer(int id, Id<Compound> home, Id<Compound>? confinedTo = null, LocalDate? from = null) =>
        new(new Id<Worker>(id), WorkerKind.ResidentVolunteer, home, confinedTo: confinedTo, confinedFrom: from);

    [Fact]
    public void A_duty_elsewhere_before_the_confinement_date_is_no_violation_and_one_on_it_is()
    {
        var wednesday = Monday.PlusDays(2);
        var problem = Week([Volunteer(1, Meiyuan, Meiyuan, wednesday)]);
        RosterAssignment[] before = [new(new Id<Worker>(1), Monday, DongfangGate, "D")];
        RosterAssignment[] on = [new(new Id<Worker>(1), wednesday, DongfangGate, "D")];

        foreach (var (roster, expected) in new[] { (before, 0), (on, 1) })
        {
            ScoreItem[] items = [.. RosterPlanner.Score(problem, roster).Score.Items.Where(i => i.Rule == RuleKind.Confinement)];
            Assert.All(items, i => Assert.Equal($"{new Id<Worker>(1)} {wednesday}", $"{i.Worker} {i.Date}"));
            var confinement = items.Sum(i => i.Hard);
            var checker = RosterChecker.Check(problem, roster).ByRule.GetValueOrDefault(RuleKind.Confinement).Hard;
            Assert.Equal(expected, confinement);
            Assert.Equal(expected, checker);
        }
    }

    [Fact]
    public void A_confinement_date_without_a_compound_is_refused_naming_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => Volunteer(1, Meiyuan, from: Monday));
        Assert.Equal("confinedFrom", e.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Confining_a_worker_who_guarded_another_compound_before_the_sealing_repairs_to_a_feasible_roster(int seed)
    {
        // samples/confined.cs: Chen Jing guarded Dongfang's gate on Monday; Meiyuan is sealed on Wednesday with her
        // inside. Her Monday duty was served before the sealing: it stays, and it is no violation.
        string[] homes = ["M", "D", "D", "M", "M", "M"];
        var workers = homes.Select((h, i) => Volunteer(i + 1, h == "M" ? Meiyuan : Dongfang)).ToList();
        var chen = new Id<Worker>(1);
        var problem = Week(workers);
        var wednesday = Monday.PlusDays(2);
        var published = RosterPlanner.Plan(problem, new PlannerOptions(seed, iterationLimit: 5_000) { DegreeOfParallelism = 1 }).Match(r => r, none => none.Best).Assignments.ToList();

        // Make sure Chen served Dongfang's day gate on Monday, whatever the plan did: swap Monday duties with whoever had it.
        var gate = published.Single(a => a.Date == Monday && a.Post == DongfangGate && a.ShiftCode == "D");
        var hers = published.Where(a => a.Date == Monday && a.Worker == chen && a != gate).ToList();
        published.Remove(gate);
        foreach (var a in hers)
        {
            published.Remove(a);
            published.Add(new RosterAssignment(gate.Worker, a.Date, a.Post, a.ShiftCode, a.Qualification));
        }

        published.Add(new RosterAssignment(chen, gate.Date, gate.Post, gate.ShiftCode, gate.Qualification));

        var repair = RosterRepair.Repair(problem, published, new WorkerConfined(chen, Meiyuan), FreezeAt.Options(perChangePenalty: 200, date: wednesday, seed: seed));

        Assert.Equal(wednesday, repair.Problem.Workers.Single(w => w.Id == chen).ConfinedFrom);
        Assert.Contains(new RosterAssignment(chen, Monday, DongfangGate, "D"), repair.Roster.Assignments);
        Assert.All(repair.Roster.Assignments.Where(a => a.Worker == chen && a.Date >= wednesday), a => Assert.Equal(MeiyuanGate, a.Post));
        var check = RosterChecker.Check(repair.Problem, repair.Roster.Assignments);
        Assert.Equal(0, check.ByRule.GetValueOrDefault(RuleKind.Confinement).Hard);
        Assert.True(check.Hard <= RosterChecker.Check(problem, published).Hard, repair.Roster.Score.ToString());
    }
}
