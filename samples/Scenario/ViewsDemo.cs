using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Passes;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>
/// Builds the views of docs/views/ from the Pubai scenario: Dongfang's first testing week on duty (a roster
/// with a few posts short on purpose), Dongfang's first testing morning (call waves and queues), and sealed
/// Meiyuan's fair vegetable allocation with its delivery runs. Fixed seeds and iteration limits, no clock:
/// the same scenario gives byte-identical files.
/// </summary>
public static class ViewsDemo
{
    /// <summary>Renders every view; the key is the file name under docs/views/.</summary>
    /// <param name="scenario">The Pubai scenario.</param>
    /// <returns>File name to content, in a fixed order.</returns>
    public static IReadOnlyList<(string File, string Text)> Render(PubaiScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var community = scenario.Community;
        var dongfang = scenario.Compounds["Dongfang"];
        var posts = community.PostsOf(dongfang.Id).ToList();

        // A week at Dongfang: gates around the clock (the east gate wants two by day), testing roles on the five
        // testing days; ten workers cannot cover it all, so the coverage view has shortfalls to show.
        var start = new LocalDate(2022, 8, 18);
        var horizon = new DateInterval(start, start.PlusDays(6));
        ShiftDefinition[] shifts = [new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)),
            new("E", new LocalTime(16, 0), Duration.FromHours(8)), new("T", new LocalTime(5, 0), Duration.FromHours(6))];
        var demands = new List<Demand>();
        foreach (var post in posts.Where(p => p.Kind == PostKind.Gate))
        {
            demands.AddRange(horizon.SelectMany(d => new[] { "N", "D", "E" }.Select(c =>
                new Demand(post.Id, dongfang.Id, d, c, required: c == "D" && post.Name == "East gate" ? 2 : 1, minimum: 1))));
        }

        var site = posts.Single(p => p.Kind == PostKind.TestingSite);
        demands.AddRange(Enumerable.Range(0, 5).SelectMany(i => new[] { "marshal", "scanner" }
            .Select(q => new Demand(site.Id, dongfang.Id, start.PlusDays(i), "T", 1, minimum: 1, qualification: q))));
        var workers = Enumerable.Range(1, 10).Select(i => i % 3 == 0 ? WorkerKind.Staff : WorkerKind.PartyMemberVolunteer).Select((kind, n) =>
            new Worker(new Id<Worker>(n + 1), kind, dongfang.Id, n < 4 ? [(n + 1) % 2 == 0 ? "marshal" : "scanner"] : [],
                displayName: OfficeNames.WorkerName(n + 1, kind))).ToList();
        var rules = new WorkRules(maxConsecutiveDays: 5, maxMinutesPerWeek: 40 * 60, minRest: Duration.FromHours(12));
        var problem = RosterProblem.Create(horizon, shifts, demands, workers, defaultRules: rules, weights: new PreferenceWeights(ownCompound: 5, fairness: 1));
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 20_000) { DegreeOfParallelism = 1 }).Match(r => r, none => none.Best);

        // Dongfang's first testing morning: two sites of 6 stations, 200 places on the markers, 4 minutes' walk down.
        var at = PubaiScenario.ControlStart;
        var list = MustTestList.From(community, [dongfang.Id], at);
        var loads = PlannerInputs.Buildings(community, list, dongfang.Id);
        var low = new Position(loads.Min(b => b.Position.X), loads.Min(b => b.Position.Y) - 20);
        var high = new Position(loads.Max(b => b.Position.X), loads.Max(b => b.Position.Y) + 20);
        var waves = new WaveProblem(at, ServiceTimes.Typical,
            [new SiteSpec(1, "North square", low, 6, 200, Duration.FromMinutes(4)), new SiteSpec(2, "South square", high, 6, 200, Duration.FromMinutes(4))], loads);
        var wavePlan = WavePlanner.Plan(waves);

        // Sealed Meiyuan on 19 August: 2,100 vegetable packs shared by max-min; three households asked for urgent extras.
        var morning = new LocalDateTime(2022, 8, 19, 8, 0).InZoneStrictly(PubaiScenario.Zone).ToInstant();
        var sealedHomes = community.SealedHouseholds(morning);
        var urgent = sealedHomes.Take(3).ToDictionary(h => h, _ => 2);
        var claims = SupplyClaims.From(community, sealedHomes, morning.InZone(PubaiScenario.Zone).Date, new NeedRules(1, 3, 2, 1, 1), urgent);
        var allocation = SupplyAllocator.Allocate(claims, 2100, AllocationPolicy.MaxMin);
        var pack = new ItemKind("veg-pack", "pack", 1500);
        var parcels = DeliveryParcels.From(community, allocation.Shares.Where(s => s.Allocated > 0).Select(s => (s.Household, pack, s.Allocated)), 20_000);
        var runs = RunPlanner.Plan(parcels, DeliveryParcels.Sites(community), new RunOptions(20_000, Duration.FromMinutes(45)),
            [.. Enumerable.Range(1, 6).Select(OfficeNames.TeamCode)]);

        // Every view in both languages: the office's Chinese first (file.zh-CN.ext), then English (file.ext).
        var views = new List<(string File, string Text)>();
        foreach (var (culture, suffix) in new[] { ("en", string.Empty), ("zh-CN", ".zh-CN") })
        {
            var labels = OfficeNames.For(community, CultureInfo.GetCultureInfo(culture), workers);
            var title = labels.IsChinese
                ? $"{labels.Compound(dongfang.Id)} {labels.DateWithYear(start)}：分批广播下楼与排队"
                : $"{labels.Compound(dongfang.Id)}, {labels.DateWithYear(start)}: call waves and queues";
            views.AddRange(
            [
                ($"roster-grid{suffix}.md", RosterGrid.Markdown(problem, roster.Assignments, labels)),
                ($"roster-grid{suffix}.csv", RosterGrid.Csv(problem, roster.Assignments, labels)),
                ($"coverage{suffix}.md", CoverageView.Markdown(problem, roster.Assignments, labels)),
                ($"testing-day{suffix}.svg", TestingDayTimeline.Svg(waves, wavePlan, labels, title)),
                ($"run-sheets{suffix}.md", RunSheets.Markdown(runs, labels)),
                ($"run-sheets{suffix}.csv", RunSheets.Csv(runs, labels)),
                ($"allocation{suffix}.md", AllocationTable.Markdown(allocation, labels)),
                ($"allocation{suffix}.csv", AllocationTable.Csv(allocation, labels)),
                ($"roster-explained{suffix}.md", RosterTexts.ExplainMarkdown(roster, problem, labels) + "\n"),
                ($"notices{suffix}.md", Notices(problem, roster, waves, wavePlan, labels) + PassRefusals(community, dongfang.Id, labels)),
            ]);
        }

        return views;
    }

    /// <summary>
    /// A pass office's refusals as the household reads them (<see cref="PassTexts.Refusal"/>), each from a real request on the
    /// evening of 20 August: a Dongfang household without a negative test, a sealed Meiyuan household, and a Dongfang
    /// household asking again after its pass was issued.
    /// </summary>
    private static string PassRefusals(Community community, Id<Compound> dongfang, Labels labels)
    {
        var evening = new LocalDateTime(2022, 8, 20, 18, 30).InZoneStrictly(PubaiScenario.Zone).ToInstant();
        var test = new LocalDateTime(2022, 8, 20, 6, 0).InZoneStrictly(PubaiScenario.Zone).ToInstant();
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FixedClock(evening));
        var homes = community.HouseholdsIn(dongfang);
        var sealedHome = community.SealedHouseholds(evening)[0];
        PassRequest Request(Id<Household> h, Instant? lastTest) => new(h, community.EffectiveLevel(h, evening), lastTest);
        var results = new[]
        {
            office.Issue(Request(homes[0], null)),
            office.Issue(Request(sealedHome, test)),
            office.Issue(Request(homes[1], test)),
            office.Issue(Request(homes[1], test)),
        };
        var refused = results.Where(r => !r.IsT0).Select(r => (DomainError)r.Value).ToList();
        if (refused.Count != 3)
        {
            throw new InvalidOperationException("The views demo expected three pass refusals (no test, sealed, quota used).");
        }

        var md = labels.ForMarkdown();
        return "\n## " + (labels.IsChinese ? "出入卡申请被拒" : "Pass refusals") + "\n\n" + string.Concat(refused.Select(e => "- " + PassTexts.Refusal(e, md) + "\n"));
    }

    /// <summary>
    /// The texts people receive or read one at a time, on one page: the first loudspeaker calls, the messages after a
    /// volunteer falls ill (repair), an accepted swap's verdict and messages, a dispatch list, why a duty is short, one
    /// worker's duties explained and the first score lines. Headings are the sample's; every line under them is the
    /// library's text in the labels' language, with names escaped for Markdown.
    /// </summary>
    private static string Notices(RosterProblem problem, Roster roster, WaveProblem waves, WavePlan wavePlan, Labels labels)
    {
        var md = labels.ForMarkdown();
        var zh = labels.IsChinese;
        var page = new System.Text.StringBuilder();
        void Section(string chinese, string english, IEnumerable<string> lines)
        {
            page.Append(page.Length == 0 ? string.Empty : "\n").Append("## ").Append(zh ? chinese : english).Append("\n\n");
            foreach (var line in lines)
            {
                page.Append("- ").Append(line.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
            }
        }

        Section("广播", "Loudspeaker calls", wavePlan.Schedule.Take(3).Select(c => md.TimeOfDay(c.At) + " " + Announcements.Call(c, waves, md)));

        // The first worker on duty on 21 August falls ill from that day: the repair's messages.
        var from = problem.Horizon.Start.PlusDays(3);
        var sick = roster.Assignments.Where(a => a.Date == from).OrderBy(a => a.Worker.Value).First().Worker;
        var repair = RosterRepair.Repair(problem, roster.Assignments, new WorkerUnavailable(sick, from), new RepairOptions(50, from.AtStartOfDayInZone(PubaiScenario.Zone).ToInstant(), PubaiScenario.Zone, seed: 1, iterationLimit: 3_000));
        Section("值班变动通知", "Duty change messages", repair.Notices.Select(n => RosterTexts.Message(n, repair.Problem, md)));

        // A new duty: the first repair from 22 August on (one worker of that day falls ill) that gives someone a duty they did
        // not have, so the page shows the message a volunteer receives for it.
        var added = Enumerable.Range(4, problem.Horizon.Length - 4).Select(d => problem.Horizon.Start.PlusDays(d))
            .SelectMany(d => roster.Assignments.Where(a => a.Date == d).Select(a => a.Worker).Distinct().OrderBy(w => w.Value).Select(w => (Date: d, Worker: w)))
            .Select(x => RosterRepair.Repair(problem, roster.Assignments, new WorkerUnavailable(x.Worker, x.Date), new RepairOptions(50, x.Date.AtStartOfDayInZone(PubaiScenario.Zone).ToInstant(), PubaiScenario.Zone, seed: 1, iterationLimit: 3_000)))
            .SelectMany(r => r.Notices.Where(n => n.Added.Count > 0).Select(n => RosterTexts.Message(n, r.Problem, md)))
            .FirstOrDefault()
            ?? throw new InvalidOperationException("The views demo has no repair that adds a duty: the notices page would show no new-duty message.");
        Section("新增值班通知", "New duty message", [added]);

        // The first accepted swap of a day duty on 20 August between two workers.
        var day = problem.Horizon.Start.PlusDays(2);
        var swap = roster.Assignments.Where(a => a.Date == day).OrderBy(a => a.Worker.Value)
            .SelectMany(a => problem.Workers.Where(w => w.Id != a.Worker).Select(w => RosterSwaps.Check(problem, roster.Assignments, a.Worker, w.Id, day)))
            .First(v => v.Accepted);
        Section("换班", "Swap", [RosterTexts.Verdict(swap, md), .. RosterTexts.SwapMessages(swap, problem, md).Select(m => m.Text)]);

        // Extra help at a gate: the first four-hour need from 20 August on (14:00, else 10:00 or 18:00) that someone can
        // take, so the page shows a real candidate list with its reasons (the demo's ten workers are busy most afternoons).
        var gate = problem.Demands.First(d => d.Required > 1).Post;
        var dispatch = Enumerable.Range(2, problem.Horizon.Length - 2).Select(d => problem.Horizon.Start.PlusDays(d))
            .SelectMany(d => new[] { 14, 10, 18 }.Select(h => d.At(new LocalTime(h, 0))))
            .Select(at => RosterDispatch.Rank(problem, roster.Assignments, gate, at, Duration.FromHours(4)))
            .FirstOrDefault(r => r.Candidates.Count >= 2)
            ?? throw new InvalidOperationException("The views demo has no dispatch need with two candidates: the notices page would show an empty list.");
        Section("临时增援", "Dispatch", [RosterTexts.Dispatch(dispatch, md, top: 3)]);

        // The first duty with fewer people than required: why nobody else went.
        var assigned = roster.Assignments.CountBy(a => (a.Post, a.Date, a.ShiftCode, a.Qualification)).ToDictionary();
        var shortDuty = problem.Demands.FirstOrDefault(d => assigned.GetValueOrDefault((d.Post, d.Date, d.ShiftCode, d.Qualification)) < d.Required);
        if (shortDuty is not null)
        {
            // Which duty first (post, compound, date, local times, people on it and needed), then why each other worker did not go.
            Section("人手不足的原因", "Why a duty is short", [
                RosterTexts.ShortDuty(problem, roster.Assignments, shortDuty.Post, shortDuty.Date, shortDuty.ShiftCode, md, shortDuty.Qualification),
                .. RosterTexts.WhyShort(problem, roster.Assignments, shortDuty.Post, shortDuty.Date, shortDuty.ShiftCode, md, shortDuty.Qualification)]);
        }

        Section("个人值班说明", "One worker's duties", [RosterTexts.Worker(RosterExplanations.WhyWorker(problem, roster, problem.Workers[0].Id), problem, md)]);
        Section("评分说明", "Score lines", roster.Score.Items.Take(3).Select(i => RosterTexts.Describe(i, roster, problem, md)));
        return page.ToString();
    }
}
