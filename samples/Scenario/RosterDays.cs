using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>
/// A 14-day duty roster from 18 August 2022: the six compounds' gates around the clock, testing-site
/// marshals and scanners on the five testing days from 05:00, delivery runners in sealed Meiyuan served by
/// Meiyuan's confined volunteers. Then one volunteer falls ill (repair with each person's notice), the
/// Dongfang east gate needs someone for four hours (dispatch), one swap is refused with its reason, and the
/// Dongfang gate motor fails (<see cref="GateIncident"/>).
/// </summary>
public static class RosterDays
{
    /// <summary>Runs the story; writes it to <paramref name="output"/> and returns the failed invariants.</summary>
    /// <param name="scenario">The Pubai scenario.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="words">The language to write in.</param>
    /// <returns>The failed invariants (empty when all hold).</returns>
    public static IReadOnlyList<string> Run(PubaiScenario scenario, TextWriter output, Words words)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(words);
        var failures = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add("roster: " + what);
            }
        }

        var community = scenario.Community;
        var start = new LocalDate(2022, 8, 18);
        var horizon = new DateInterval(start, start.PlusDays(13));
        ShiftDefinition[] shifts =
        [
            new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)),
            new("E", new LocalTime(16, 0), Duration.FromHours(8)), new("T", new LocalTime(5, 0), Duration.FromHours(6)),
            new("R", new LocalTime(9, 0), Duration.FromHours(6)),
        ];
        var meiyuan = scenario.Compounds["Meiyuan"].Id;
        var posts = community.PostsOf().ToList();
        var demands = new List<Demand>();
        foreach (var p in posts)
        {
            switch (p.Kind)
            {
                case PostKind.Gate:
                    demands.AddRange(horizon.SelectMany(d => new[] { "N", "D", "E" }.Select(c => new Demand(p.Id, p.CompoundId, d, c, 1, minimum: 1))));
                    break;
                case PostKind.TestingSite:
                    demands.AddRange(Enumerable.Range(0, 5).SelectMany(i => new[] { "marshal", "scanner" }
                        .Select(q => new Demand(p.Id, p.CompoundId, start.PlusDays(i), "T", 1, minimum: 1, qualification: q))));
                    break;
                case PostKind.DeliveryTeam when p.CompoundId == meiyuan:
                    demands.AddRange(horizon.Select(d => new Demand(p.Id, p.CompoundId, d, "R", 2, minimum: 1)));
                    break;
            }
        }

        var workers = new List<Worker>();
        // Resident volunteers are posted by surname and the building they live in (OfficeNames.ResidentVolunteerName): the
        // i-th of a compound lives in its buildings in turn; a second of the same surname in a building gets a running number.
        var volunteersNamed = new Dictionary<(string Surname, Id<Building> Building), int>();
        foreach (var c in community.Compounds)
        {
            var gates = posts.Count(p => p.CompoundId == c.Id && p.Kind == PostKind.Gate);
            Id<Compound>? confined = c.Id == meiyuan ? meiyuan : null;
            for (var i = 0; i < (6 * gates) + 4 + (c.Id == meiyuan ? 4 : 0); i++)
            {
                var quals = i < 4 ? new[] { i % 2 == 0 ? "marshal" : "scanner" } : [];
                var kind = i % 3 == 0 ? WorkerKind.Staff : WorkerKind.PartyMemberVolunteer;
                var n = workers.Count + 1;
                kind = c.Id == meiyuan ? WorkerKind.ResidentVolunteer : kind;
                string name;
                if (kind == WorkerKind.ResidentVolunteer)
                {
                    var home = c.Buildings[i % c.Buildings.Count];
                    var before = volunteersNamed.GetValueOrDefault((OfficeNames.Surname(n), home));
                    volunteersNamed[(OfficeNames.Surname(n), home)] = before + 1;
                    name = OfficeNames.ResidentVolunteerName(n, community.Get(home).Name, before);
                }
                else
                {
                    name = OfficeNames.WorkerName(n, kind);
                }

                workers.Add(new Worker(new Id<Worker>(n), kind, c.Id, quals, confined, displayName: name));
            }
        }

        var rules = new WorkRules(maxConsecutiveDays: 5, maxMinutesPerWeek: 48 * 60, minRest: Duration.FromHours(12));
        var problem = RosterProblem.Create(horizon, shifts, demands, workers, defaultRules: rules, weights: new PreferenceWeights(ownCompound: 5, fairness: 1));
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 30_000) { DegreeOfParallelism = 1 }).Match(r => r, none => none.Best);
        var labels = words.Labels(community, workers);
        // The roster as the library renders it: the grid's caption, the shifts by their local times, the score in sentences.
        var grid = RosterGrid.Markdown(problem, roster.Assignments, labels).Split('\n');
        output.WriteLine(grid[0]);
        output.WriteLine(words.Say("shifts", words.Join(shifts.Select(s => words.Say("shift", words.Say("shift." + s.Code), labels.ShiftTimes(s))))));
        Indent(output, RosterTexts.Explain(roster, problem, labels));
        foreach (var p in posts.Where(p => demands.Any(d => d.Post == p.Id)))
        {
            var needed = demands.Where(d => d.Post == p.Id).Sum(d => d.Required);
            var covered = roster.Assignments.Count(a => a.Post == p.Id);
            output.WriteLine(words.Say("post.cover", labels.PostWithCompound(p.Id), needed, covered));
        }

        // A resident's donation to the gate posts of four compounds, split by each post's hours on duty in the roster just
        // planned (the sum of its duties' lengths), passed to the supplies wing as plain data. The hours are shown with the
        // shares, and checked against the roster counted again from its shifts' minutes.
        var hoursByPost = roster.Assignments.GroupBy(a => a.Post)
            .ToDictionary(g => g.Key, g => g.Aggregate(Duration.Zero, (sum, a) => sum + shifts.First(s => s.Code == a.ShiftCode).Duration));
        var gatePosts = new[] { "Jianjing", "Anxin", "Dongfang", "Jian'an" }
            .SelectMany(name => posts.Where(p => p.CompoundId == scenario.Compounds[name].Id && p.Kind == PostKind.Gate))
            .Select(p => new PostHours(p.Id, hoursByPost.GetValueOrDefault(p.Id)))
            .ToList();
        var noodles = DonationSplit.Split(120, gatePosts);
        var donation = words.Say("donation", 120, words.Join(noodles.Select(n =>
            words.Say("post.cases", labels.PostWithCompound(n.Post), n.Units, labels.Hours((long)gatePosts.Single(g => g.Post == n.Post).StaffTime.TotalMinutes)))));
        output.WriteLine(donation);
        Check(noodles.Sum(s => s.Units) == 120 && noodles.Count == 6, "the donation is split whole among the six gate posts of four compounds");
        Check(gatePosts.All(g => donation.Contains(labels.PostWithCompound(g.Post), StringComparison.Ordinal)
            && donation.Contains(labels.Hours(roster.Assignments.Where(a => a.Post == g.Post).Sum(a => (long)shifts.First(s => s.Code == a.ShiftCode).Minutes)), StringComparison.Ordinal)),
            "the donation's hours shown are each gate post's hours on duty in the roster");

        var minutes = workers.ToDictionary(w => w.Id, w => roster.Assignments.Where(a => a.Worker == w.Id).Sum(a => (long)shifts.First(s => s.Code == a.ShiftCode).Minutes));
        foreach (var g in workers.GroupBy(w => w.Kind))
        {
            var (low, high) = (g.Min(w => minutes[w.Id]), g.Max(w => minutes[w.Id]));
            output.WriteLine(words.Say("fairness", labels.Kind(g.Key), g.Count(), labels.Hours(low), labels.Hours(high), labels.Hours(high - low)));
        }

        // The first rows of the posted grid: names, local shift times, hours.
        output.WriteLine(words.Say("grid.excerpt"));
        foreach (var line in ConsoleTable.Plain(grid.Skip(2).Take(6)))
        {
            output.WriteLine("  " + line);
        }

        Check(roster.Score.IsFeasible, "the planned roster breaks a hard rule");
        Check(roster.Assignments.All(a => workers[a.Worker.Value - 1].ConfinedTo is not { } c || community.Get(a.Post).CompoundId == c), "a confined volunteer left Meiyuan");

        // A volunteer falls ill on 22 August: repair from that date, 50 per changed assignment.
        var now = start.PlusDays(4);
        var sick = roster.Assignments.Where(a => a.Date >= now && workers[a.Worker.Value - 1].Kind == WorkerKind.PartyMemberVolunteer).GroupBy(a => a.Worker)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value).First().Key;
        var repair = RosterRepair.Repair(problem, roster.Assignments, new WorkerUnavailable(sick, now), new RepairOptions(50, now.AtStartOfDayInZone(PubaiScenario.Zone).ToInstant(), PubaiScenario.Zone, seed: 1, iterationLimit: 3_000));
        output.WriteLine(words.Say("ill", labels.Worker(sick), labels.Kind(workers[sick.Value - 1].Kind), labels.Date(now), repair.Changes,
            RosterTexts.Explain(repair.Roster, labels).Split('\n')[0]));
        foreach (var notice in repair.Notices)
        {
            output.WriteLine("  " + RosterTexts.Message(notice, repair.Problem, labels));
        }

        Check(repair.Roster.Score.IsFeasible, "the repair left a hard violation");
        Check(repair.Roster.Assignments.Where(a => a.Date < now).ToHashSet().SetEquals(roster.Assignments.Where(a => a.Date < now)), "the repair touched the past");
        Check(repair.Roster.Assignments.All(a => a.Worker != sick || a.Date < now), "the sick volunteer is still on duty");

        // Someone to the Dongfang east gate on 25 August at 14:00 for four hours.
        var eastGate = posts.First(p => p.CompoundId == scenario.Compounds["Dongfang"].Id && p.Name == "East gate");
        var dispatch = RosterDispatch.Rank(problem, roster.Assignments, eastGate.Id, start.PlusDays(7).At(new LocalTime(14, 0)), Duration.FromHours(4));
        Indent(output, RosterTexts.Dispatch(dispatch, labels, top: 3), first: string.Empty);
        Check(dispatch.Best is not null, "nobody can go to the east gate");

        // A Meiyuan volunteer asks to swap a day with a Dongfang volunteer on a Dongfang duty that asks for no qualification
        // (a duty that did would be refused for that first): refused (confinement).
        var dongfang = scenario.Compounds["Dongfang"].Id;
        var (inside, outside) = roster.Assignments.Where(a => workers[a.Worker.Value - 1].ConfinedTo == meiyuan)
            .SelectMany(a => roster.Assignments.Where(b => b.Date == a.Date && b.Qualification is null
                    && workers[b.Worker.Value - 1].Home == dongfang && community.Get(b.Post).CompoundId == dongfang)
                .Select(b => (Inside: a, Outside: b)))
            .First();
        var swap = RosterSwaps.Check(problem, roster.Assignments, inside.Worker, outside.Worker, inside.Date);
        output.WriteLine(words.Say("swap", labels.Worker(inside.Worker), labels.Worker(outside.Worker), labels.Date(inside.Date), RosterTexts.Verdict(swap, labels)));
        Check(!swap.Accepted && swap.BrokenRules.Contains(RuleKind.Confinement), "the confinement-breaking swap was not refused");

        // Dongfang's gate motor fails on 23 August: the roster as repaired after the illness is repaired again.
        failures.AddRange(GateIncident.Run(scenario, repair.Problem, repair.Roster.Assignments, output, labels, words));
        return failures;
    }

    /// <summary>Writes a multi-line text with its lines after the first indented.</summary>
    internal static void Indent(TextWriter output, string text, string first = "")
    {
        var lines = text.Split('\n');
        output.WriteLine(first + lines[0]);
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine("  " + line);
        }
    }
}
