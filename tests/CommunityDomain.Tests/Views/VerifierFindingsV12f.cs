using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// What the sixth issue 12 verifier (v12f) read: "is on duty elsewhere" for a worker whose other duty that date was at the
/// same post or hours apart (the rule is one duty a date), and a why-short list that did not say which duty was short.
/// </summary>
public sealed partial class VerifierFindingsV12fTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Id<Compound> Dongfang = new(1);
    private static readonly Id<Post> EastGate = new(1);
    private static readonly LocalDate Sunday = new(2022, 8, 21);
    private static readonly ShiftDefinition Night = new("N", new LocalTime(0, 0), Duration.FromHours(8));
    private static readonly ShiftDefinition Evening = new("E", new LocalTime(16, 0), Duration.FromHours(8));

    private static Labels GateLabels(CultureInfo culture, IEnumerable<Worker> workers) => new(
        culture, Shanghai, workers,
        posts: new Dictionary<Id<Post>, string> { [EastGate] = "East gate" },
        compounds: new Dictionary<Id<Compound>, string> { [Dongfang] = "Dongfang" },
        localNames: culture.Name == "zh-CN" ? new Dictionary<string, string> { ["East gate"] = "东门", ["Dongfang"] = "东方小区" } : null,
        postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [EastGate] = Dongfang });

    // A. The notices page's case: 何雪松 keeps the east gate 16:00-24:00 on Sunday, and the night duty at the same gate
    // (00:00-08:00) is short. He was not "on duty elsewhere" (same post, eight hours apart): the rule is one duty a date.
    [Fact]
    public void Why_short_names_the_workers_duty_that_date_at_the_same_post_and_says_the_rule()
    {
        var workers = new[] { new Worker(new Id<Worker>(1), WorkerKind.Staff, Dongfang, displayName: "何雪松") };
        var problem = RosterProblem.Create(new DateInterval(Sunday, Sunday), [Night, Evening],
            [new Demand(EastGate, Dongfang, Sunday, "N", 1), new Demand(EastGate, Dongfang, Sunday, "E", 1)], workers);
        RosterAssignment[] roster = [new(new Id<Worker>(1), Sunday, EastGate, "E")];

        var en = RosterTexts.WhyShort(problem, roster, EastGate, Sunday, "N", GateLabels(English, workers));
        var zh = RosterTexts.WhyShort(problem, roster, EastGate, Sunday, "N", GateLabels(Chinese, workers));

        Assert.Equal(["何雪松 already has a duty on Sun 21 Aug: Dongfang › East gate 16:00-00:00 (next day) (one duty a date)."], en);
        Assert.Equal(["何雪松在8月21日（周日）已有值班：东方小区东门16:00-次日00:00（每人每天只排一班）。"], zh);
        var reason = RosterExplanations.WhyShort(problem, roster, EastGate, Sunday, "N").Single();
        Assert.Equal(en[0], RosterTexts.Shortfall(reason, problem, GateLabels(English, workers)));
        Assert.DoesNotContain("elsewhere", en[0], StringComparison.Ordinal);
        Assert.DoesNotContain("别处", zh[0], StringComparison.Ordinal);
    }

    // A. The section's heading names the short duty: post with compound, date, local times, people on it and needed.
    [Fact]
    public void Short_duty_line_names_the_post_compound_date_local_times_and_people()
    {
        var workers = new[] { new Worker(new Id<Worker>(1), WorkerKind.Staff, Dongfang, displayName: "何雪松") };
        var problem = RosterProblem.Create(new DateInterval(Sunday, Sunday), [Night, Evening],
            [new Demand(EastGate, Dongfang, Sunday, "N", 2), new Demand(EastGate, Dongfang, Sunday, "E", 1)], workers);
        RosterAssignment[] roster = [new(new Id<Worker>(1), Sunday, EastGate, "N")];

        Assert.Equal("Short: Dongfang › East gate on Sun 21 Aug 00:00-08:00: 1 person on duty, 2 people needed.",
            RosterTexts.ShortDuty(problem, roster, EastGate, Sunday, "N", GateLabels(English, workers)));
        Assert.Equal("人手不足：东方小区东门，8月21日（周日）00:00-08:00，在岗1人，需要2人。",
            RosterTexts.ShortDuty(problem, roster, EastGate, Sunday, "N", GateLabels(Chinese, workers)));
        Assert.Throws<ArgumentException>("post", () => RosterTexts.ShortDuty(problem, roster, new Id<Post>(9), Sunday, "N", GateLabels(English, workers)));
        Assert.Throws<ArgumentNullException>("labels", () => RosterTexts.ShortDuty(problem, roster, EastGate, Sunday, "N", null!));
    }

    // A as a property over lockdown rosters (understaffed, over-demanded, no workers, pinned, day-long, many shifts, a year):
    // for every short demand's reason lines, a checker recomputes from the roster alone which duty each worker already has
    // that date. A worker with one gets a line naming that duty (same date, its post and local times, the worker's own);
    // a worker without one never gets the "already has a duty" line.
    [Property(Arbitrary = [typeof(LockdownArbitraries)], MaxTest = 25)]
    public void Every_same_date_reason_names_a_duty_the_worker_has_that_date(LockdownProblem g)
    {
        var problem = g.Problem;
        var roster = LockdownRosterGenerators.Published(g);
        foreach (var culture in new[] { English, Chinese })
        {
            var labels = new Labels(culture, problem.Zone.Equals(DateTimeZone.Utc) ? Shanghai : problem.Zone, problem.Workers); // the problem's clock, if it has one
            var marker = culture == English ? " already has a duty on " : "已有值班：";
            foreach (var demand in problem.Demands.Where(d => roster.Count(a => Same(a, d)) < d.Required).Take(3))
            {
                var lines = RosterTexts.WhyShort(problem, roster, demand.Post, demand.Date, demand.ShiftCode, labels, demand.Qualification);
                var notOn = problem.Workers.Where(w => !roster.Any(a => a.Worker == w.Id && Same(a, demand))).ToList();
                Assert.Equal(notOn.Count, lines.Count);
                foreach (var (worker, line) in notOn.Zip(lines))
                {
                    Assert.StartsWith(labels.Worker(worker.Id), line, StringComparison.Ordinal);
                    var duties = roster.Where(a => a.Worker == worker.Id && a.Date == demand.Date).ToList();
                    if (duties.Count == 0)
                    {
                        Assert.DoesNotContain(marker, line, StringComparison.Ordinal);
                        continue;
                    }

                    var duty = duties[0];
                    var shift = problem.Shifts.Single(s => s.Code == duty.ShiftCode);
                    Assert.Contains(labels.Worker(worker.Id) + (culture == English ? marker + labels.Date(demand.Date) + ": " : "在" + labels.Date(demand.Date) + marker), line, StringComparison.Ordinal);
                    Assert.Contains(labels.PostWithCompound(duty.Post), line, StringComparison.Ordinal);
                    Assert.Contains(labels.ShiftTimes(duty.Date, shift), line, StringComparison.Ordinal);
                }

                var heading = RosterTexts.ShortDuty(problem, roster, demand.Post, demand.Date, demand.ShiftCode, labels, demand.Qualification);
                Assert.Contains(labels.Date(demand.Date), heading, StringComparison.Ordinal);
                Assert.Contains(labels.ShiftTimes(demand.Date, problem.Shifts.Single(s => s.Code == demand.ShiftCode)), heading, StringComparison.Ordinal);
                Assert.Contains(labels.Count(roster.Count(a => Same(a, demand)), "people"), heading, StringComparison.Ordinal);
            }
        }
    }

    private static bool Same(RosterAssignment a, Demand d) =>
        a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification;

    // D. Two compounds, each with a "1号楼1单元101室": every allocation row (Markdown and CSV) names the compound, always, so a
    // row posted at the community office says which door; the plan's rows here are of one compound, and the compound is still named.
    [Fact]
    public void Allocation_rows_name_the_compound_of_each_household()
    {
        var (community, homes) = TwoCompounds();
        var plan = SupplyAllocator.Allocate([new Claim(homes[0], 3, 1, 0), new Claim(homes[1], 3, 1, 0)], 4, AllocationPolicy.MaxMin);
        var zh = Labels.For(community, Chinese, localNames: new Dictionary<string, string> { ["Dongfang"] = "东方小区", ["Meiyuan"] = "梅苑小区" });
        var en = Labels.For(community, English);
        var md = AllocationTable.Markdown(plan, zh);
        Assert.Contains("| 东方小区1号楼1单元101室 |", md, StringComparison.Ordinal);
        Assert.Contains("| 梅苑小区1号楼1单元101室 |", md, StringComparison.Ordinal);
        Assert.Contains("\r\n\"Dongfang › Building 1, Unit 1, Room 101\",", AllocationTable.Csv(plan, en), StringComparison.Ordinal);
        Assert.Contains("\r\n\"Meiyuan › Building 1, Unit 1, Room 101\",", AllocationTable.Csv(plan, en), StringComparison.Ordinal);

        var one = SupplyAllocator.Allocate([new Claim(homes[1], 3, 1, 0)], 4, AllocationPolicy.MaxMin);
        Assert.Contains("| Meiyuan › Building 1, Unit 1, Room 101 |", AllocationTable.Markdown(one, en), StringComparison.Ordinal);
    }

    // D. The allocation's quantities are "units" in English everywhere the library counts them (caption, rows' reasons, the
    // per-tier table, a household's sentence), never "packs" or another word for the same thing; "份" in Chinese.
    [Fact]
    public void Allocation_texts_count_supplies_in_one_word()
    {
        var (community, homes) = TwoCompounds();
        var plan = SupplyAllocator.Allocate([new Claim(homes[0], 5, 1, 0), new Claim(homes[1], 5, 2, 0)], 7, AllocationPolicy.MaxMin);
        var en = AllocationTable.Markdown(plan, Labels.For(community, English)) + AllocationTable.Explain(plan, homes[0], Labels.For(community, English));
        Assert.Contains(" units", en, StringComparison.Ordinal);
        Assert.DoesNotContain("pack", en, StringComparison.OrdinalIgnoreCase);
        var zh = AllocationTable.Markdown(plan, Labels.For(community, Chinese)) + AllocationTable.Explain(plan, homes[0], Labels.For(community, Chinese));
        Assert.Contains("份", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("包", zh, StringComparison.Ordinal);
    }

    // D. A site the office writes in lower case ("north square") shows as written inside a sentence; a sentence that starts
    // with it (the timeline's site label) starts with a capital. The loudspeaker call starts with a capital too.
    [Fact]
    public void Site_names_show_as_written_and_a_sentence_starting_with_one_is_capitalised()
    {
        var (community, _, problem, plan) = OneBuildingDay("north square");
        var en = Labels.For(community, English);
        var call = Announcements.Call(plan.Schedule[0], problem, en);
        Assert.StartsWith("Residents of Building 4", call, StringComparison.Ordinal);
        Assert.Contains("to north square for testing", call, StringComparison.Ordinal);
        var svg = TestingDayTimeline.Svg(problem, plan, en);
        Assert.Contains("font-weight=\"bold\">North square: ", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">north square:", svg, StringComparison.Ordinal);
        var (_, _, office, officePlan) = OneBuildingDay("North square");
        Assert.Contains("to North square for testing", Announcements.Call(officePlan.Schedule[0], office, en), StringComparison.Ordinal);
    }

    // D. The retention rule the Pubai text states ("kept 30 days after moving out, erased once they have passed"): at exactly
    // 30 days a resident is kept, a moment later due; 28 Aug 10:00 + 30 days is 27 Sep 10:00, the date the story shows.
    [Fact]
    public void Retention_keeps_data_exactly_the_days_it_says_and_erases_after()
    {
        var policy = new RetentionPolicy(30);
        var movedOut = new LocalDateTime(2022, 8, 28, 10, 0).InZoneStrictly(Shanghai).ToInstant();
        var kept = movedOut.Plus(Duration.FromDays(30));
        Assert.Equal(new LocalDate(2022, 9, 27), kept.InZone(Shanghai).Date);
        Assert.False(policy.IsDue(movedOut, kept));
        Assert.True(policy.IsDue(movedOut, kept.PlusTicks(1)));
        Assert.False(policy.IsDue(movedOut, movedOut.Plus(Duration.FromDays(29))));
    }

    // D. A test taken 1 ms after the moment of issue is refused (it is later than the pass start); the refusal's text says the
    // rule whole, with "a test taken after the start does not count", not only "within 48 hours", in both languages. The
    // Passes error (NegativeTestRequired) does not say which part failed, so the text chosen for it states the whole rule.
    [Fact]
    public void A_pass_refused_for_a_test_after_the_start_says_a_later_test_does_not_count()
    {
        var now = Instant.FromUtc(2022, 8, 20, 10, 30, 45);
        var (community, homes) = TwoCompounds(now);
        community.Issue(ControlOrderRequest.Controlled(community.Compounds[0].Id, now - Duration.FromDays(2), "medium risk"));
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(now));
        var error = Assert.IsType<NegativeTestRequired>(office.IssueFor(community, homes[0], now.Plus(Duration.FromMilliseconds(1))).Value);

        var en = PassTexts.Refusal(error, Labels.For(community, English));
        var zh = PassTexts.Refusal(error, Labels.For(community, Chinese));
        Assert.Equal("A pass for Dongfang › Building 1, Unit 1, Room 101 needs a negative test taken in the 48 h before the pass starts (a test taken after the start does not count).", en);
        Assert.Equal("Dongfang 1号楼1单元101室申请出入卡需提供出入卡生效前48小时内的核酸阴性结果（生效后才采样的不算）。", zh);
        Assert.IsType<Pass>(office.IssueFor(community, homes[0], now).Value);
    }

    // E. Whatever a building, unit, compound or site name holds (line breaks of every kind, tabs, other controls), the
    // loudspeaker call, the timeline (each text element and its title), the allocation rows and the pass refusal show it on
    // one line: control characters become a space (Labels.Flat, the one place), so no text gains a line or a control.
    [Property(Arbitrary = [typeof(VerifierFindingsV12dTests.UglyNames)], MaxTest = 60)]
    public void Place_names_with_control_characters_show_on_one_line(string[] names)
    {
        var five = new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(Shanghai).ToInstant();
        var community = Community.Create("Pubai", Shanghai, new FakeClock(five.Minus(Duration.FromHours(1))));
        var compound = community.AddCompound(names[0]).AsT0;
        var building = community.AddBuilding(compound.Id, names[1], new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, names[2], floors: 6).AsT0;
        var home = community.RegisterHousehold(new Room(unit.Id, 3, "302")).AsT0.Id;
        community.RegisterResident(home, new ResidentRegistration(PersonName.Of("王建国"), birthDate: new LocalDate(1970, 1, 1)));
        var problem = new WaveProblem(five, ServiceTimes.Typical, [new SiteSpec(1, names[3], new Position(0, -20), 6, 200, Duration.FromMinutes(4))],
            PlannerInputs.Buildings(community, MustTestList.From(community, [compound.Id], five), compound.Id));
        var plan = WavePlanner.Plan(problem);
        var allocation = SupplyAllocator.Allocate([new Claim(home, 3, 1, 0)], 2, AllocationPolicy.MaxMin);
        foreach (var culture in new[] { English, Chinese })
        {
            var labels = Labels.For(community, culture);
            string[] oneLine =
            [
                Announcements.Call(plan.Schedule[0], problem, labels), Announcements.Call(plan.Schedule[0], problem, labels, compound.Id),
                PassTexts.Refusal(new HouseholdSealed(home), labels), AllocationTable.Explain(allocation, home, labels),
                labels.HouseholdWithCompound(home), labels.Building(building.Id), labels.Local(names[3]),
            ];
            Assert.All(oneLine, t => Assert.False(HasControl(t), t));
            var svg = TestingDayTimeline.Svg(problem, plan, labels, names[3] + "\n" + names[0]);
            foreach (var element in System.Text.RegularExpressions.Regex.Matches(svg, "<(text|title)[^>]*>([^<]*)</").Select(m => m.Groups[2].Value))
            {
                Assert.False(HasControl(element), element);
            }

            // The table has as many lines as the same table over plain names (a name never adds a line), none with a control.
            var rows = AllocationTable.Markdown(allocation, labels).Split('\n');
            Assert.Equal(AllocationTable.Markdown(allocation, new Labels(culture, Shanghai)).Split('\n').Length, rows.Length);
            Assert.All(rows, r => Assert.False(HasControl(r), r));
        }
    }

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    private static (Community Community, List<Id<Household>> Homes) TwoCompounds(Instant? now = null)
    {
        var community = Community.Create("Pubai", Shanghai, new FakeClock(now ?? Instant.FromUtc(2022, 8, 19, 0, 0)));
        var homes = new List<Id<Household>>();
        foreach (var name in new[] { "Dongfang", "Meiyuan" })
        {
            var c = community.AddCompound(name).AsT0;
            var b = community.AddBuilding(c.Id, "1", new Position(0, 0)).AsT0;
            var u = community.AddUnit(b.Id, "1", floors: 6).AsT0;
            homes.Add(community.RegisterHousehold(new Room(u.Id, 1, "101")).AsT0.Id);
        }

        return (community, homes);
    }

    /// <summary>Dongfang's building 4 (one household, 王建国) called to one site named <paramref name="site"/> on 18 August 2022.</summary>
    internal static (Community Community, Id<Compound> Dongfang, WaveProblem Problem, WavePlan Plan) OneBuildingDay(string site)
    {
        var five = new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(Shanghai).ToInstant();
        var community = Community.Create("Pubai", Shanghai, new FakeClock(five.Minus(Duration.FromHours(1))));
        var dongfang = community.AddCompound("Dongfang").AsT0;
        var building = community.AddBuilding(dongfang.Id, "4", new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, "1", floors: 6).AsT0;
        var home = community.RegisterHousehold(new Room(unit.Id, 3, "302")).AsT0.Id;
        community.RegisterResident(home, new ResidentRegistration(PersonName.Of("王建国"), birthDate: new LocalDate(1970, 1, 1)));
        var problem = new WaveProblem(five, ServiceTimes.Typical, [new SiteSpec(1, site, new Position(0, -20), 6, 200, Duration.FromMinutes(4))],
            PlannerInputs.Buildings(community, MustTestList.From(community, [dongfang.Id], five), dongfang.Id));
        return (community, dongfang.Id, problem, WavePlanner.Plan(problem));
    }
}
