using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Views;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// What the fourth issue 12 verifier (v12d) read: a resident volunteer "徐志愿者（4号楼）" on a roster across compounds that
/// all have a building 4; compound names ending in a symbol glued to the post in Chinese; a name holding a line break that
/// split a ready-to-send notice; English lists joined with ", " around labels that hold ", "; a rest end without its date;
/// run sheets in grams under kilograms; "2100 units" next to "2,100"; and "uneven hours within a group" naming no group.
/// </summary>
public sealed class VerifierFindingsV12dTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Id<Compound> East = new(1);
    private static readonly Id<Compound> Plum = new(2);
    private static readonly Id<Post> Gate = new(1);
    private static readonly LocalDate Day = new(2022, 8, 22);

    private static readonly Dictionary<Id<Compound>, string> CompoundNames = new() { [East] = "东方小区", [Plum] = "梅苑小区" };

    private static Worker Volunteer(int id, Id<Compound> home) =>
        new(new Id<Worker>(id), WorkerKind.ResidentVolunteer, home, displayName: "徐志愿者（4号楼）");

    private static Worker Staff(int id, Id<Compound> home, string name = "王芳") => new(new Id<Worker>(id), WorkerKind.Staff, home, displayName: name);

    private static Labels For(CultureInfo culture, IEnumerable<Worker> workers, IReadOnlyDictionary<Id<Compound>, string>? compounds = null) =>
        new(culture, Shanghai, workers, new Dictionary<Id<Post>, string> { [Gate] = "East gate" }, compounds ?? CompoundNames,
            postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [Gate] = East });

    // D1. Two compounds both have a building 4: a resident volunteer's name says which, once the roster spans them.
    [Fact]
    public void A_resident_volunteer_carries_their_compound_when_the_workers_span_compounds_and_stays_short_within_one()
    {
        Worker[] across = [Volunteer(1, East), Volunteer(2, Plum), Staff(3, East)];
        var zh = For(Chinese, across);
        Assert.Equal("东方小区徐志愿者（4号楼）", zh.Worker(new Id<Worker>(1)));
        Assert.Equal("梅苑小区徐志愿者（4号楼）", zh.Worker(new Id<Worker>(2)));
        Assert.NotEqual(zh.Worker(new Id<Worker>(1)), zh.Worker(new Id<Worker>(2)));
        // Staff are posted by their full names: no compound added.
        Assert.Equal("王芳", zh.Worker(new Id<Worker>(3)));
        Assert.Equal("徐志愿者（4号楼） of 梅苑小区", For(English, across).Worker(new Id<Worker>(2)));

        var alone = For(Chinese, [Volunteer(1, East), Staff(3, East)]);
        Assert.Equal("徐志愿者（4号楼）", alone.Worker(new Id<Worker>(1)));

        // A worker who is a resident (by resident id) is known by where they live too.
        var resident = new Worker(new Id<Worker>(4), WorkerKind.PartyMemberVolunteer, Plum, resident: new Id<Resident>(9), displayName: "李志愿者（4号楼）");
        Assert.Equal("梅苑小区李志愿者（4号楼）", For(Chinese, [resident, Staff(3, East)]).Worker(resident.Id));
    }

    [Fact]
    public void A_swap_request_across_compounds_names_both_volunteers_apart()
    {
        Worker[] workers = [Volunteer(1, East), Volunteer(2, Plum)];
        var problem = RosterProblem.Create(new DateInterval(Day, Day), [new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8))],
            [new Demand(Gate, East, Day, "D", 1)], workers);
        var verdict = RosterSwaps.Check(problem, [new RosterAssignment(workers[0].Id, Day, Gate, "D")], workers[0].Id, workers[1].Id, Day);
        var text = RosterTexts.Verdict(verdict, For(Chinese, workers));
        Assert.StartsWith("东方小区徐志愿者（4号楼）与梅苑小区徐志愿者（4号楼）换班", text, StringComparison.Ordinal);
    }

    // D1 (calls). The loudspeaker is heard in its own compound; a list of several compounds' calls names the compound.
    [Fact]
    public void A_call_listed_outside_its_compound_names_the_compound_and_the_loudspeaker_text_does_not()
    {
        var (community, dongfang, problem, _) = VerifierFindingsV12fTests.OneBuildingDay("north square");
        var call = WavePlanner.Plan(problem).Schedule[0];
        var names = new Dictionary<string, string> { ["Dongfang"] = "东方小区", ["north square"] = "北广场" };
        var zh = Labels.For(community, Chinese, localNames: names);

        Assert.StartsWith("请4号楼", Announcements.Call(call, problem, zh), StringComparison.Ordinal);
        Assert.StartsWith("请东方小区4号楼", Announcements.Call(call, problem, zh, dongfang), StringComparison.Ordinal);
        Assert.StartsWith("Residents of Dongfang › Building 4", Announcements.Call(call, problem, Labels.For(community, English), dongfang), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("compound", () => Announcements.Call(call, problem, zh, default));

        // D5. A plan that meets its lower bound says so in the timeline's legend, not "a gap of 0.0%".
        var plan = WavePlanner.Plan(problem);
        Assert.Equal(plan.LowerBound, plan.ExpectedFinish);
        var svg = TestingDayTimeline.Svg(problem, plan, zh);
        Assert.Contains("已是理论上最早能完成的时间", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0%", svg, StringComparison.Ordinal);
        Assert.Contains("as early as any plan can finish", TestingDayTimeline.Svg(problem, plan, Labels.For(community, English)), StringComparison.Ordinal);
    }

    // D2. A name ending in a symbol (or holding one) is not glued to the next name in Chinese; plain names join as the office writes them.
    [Theory]
    [InlineData("梅苑(二期)", "梅苑(二期) 东门")]
    [InlineData("X-", "X- 东门")]
    [InlineData("甲·乙", "甲·乙 东门")]
    [InlineData("A·B", "A·B 东门")]
    [InlineData("梅苑（二期）", "梅苑（二期） 东门")]
    [InlineData("东方小区", "东方小区东门")]
    public void A_compound_name_with_a_symbol_keeps_its_boundary_before_the_post(string compound, string expected)
    {
        var labels = new Labels(Chinese, Shanghai, posts: new Dictionary<Id<Post>, string> { [Gate] = "东门" },
            compounds: new Dictionary<Id<Compound>, string> { [East] = compound }, postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [Gate] = East });
        Assert.Equal(expected, labels.PostWithCompound(Gate));
        var english = new Labels(English, Shanghai, posts: new Dictionary<Id<Post>, string> { [Gate] = "East gate" },
            compounds: new Dictionary<Id<Compound>, string> { [East] = compound }, postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [Gate] = East });
        Assert.Equal(compound + " › East gate", english.PostWithCompound(Gate));
    }

    [Fact]
    public void A_household_in_a_compound_with_a_symbol_keeps_the_boundary_before_its_address()
    {
        var community = Community.Create("Pubai", Shanghai, new FakeClock(Instant.FromUtc(2022, 8, 1, 0, 0)));
        var compound = community.AddCompound("梅苑(二期)").AsT0;
        var building = community.AddBuilding(compound.Id, "3", new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, "1", floors: 6).AsT0;
        var home = community.RegisterHousehold(new Room(unit.Id, 1, "101")).AsT0.Id;
        Assert.Equal("梅苑(二期) 3号楼1单元101室", Labels.For(community, Chinese).HouseholdWithCompound(home));
    }

    /// <summary>Names as a host may store them: line breaks of every kind, tabs, other controls, commas and stars among letters.</summary>
    public static class UglyNames
    {
        private static readonly Gen<string> Name =
            from pieces in Gen.ArrayOf(Gen.Elements("王", "芳", "Li", " ", "\n", "\r\n", "\r", "\t", "\u2028", "\u2029", "\u0085", "\v", "\f", "\0", ",", "*", "(", "·"), 6)
            from first in Gen.Elements("王", "Li", "\n王", "\tLi")
            select first + string.Concat(pieces);

        public static Arbitrary<string[]> Names() => Gen.ArrayOf(Name, 4).ToArbitrary();
    }

    private static bool HasLineBreakOrControl(string line) =>
        line.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085');

    // D3. Whatever the names hold, every notice keeps its line structure: one line per message, the dispatch list one line per
    // candidate after its two heading lines, and no control character in any line.
    [Property(Arbitrary = [typeof(UglyNames)], MaxTest = 100)]
    public void Notices_keep_their_line_structure_whatever_the_names_hold(string[] names)
    {
        Worker[] workers = [Staff(1, East, names[0]), Staff(2, East, names[1]), Volunteer(3, Plum)];
        var problem = RosterProblem.Create(new DateInterval(Day, Day.PlusDays(1)), [new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8))],
            [new Demand(Gate, East, Day, "D", 1), new Demand(Gate, East, Day.PlusDays(1), "D", 1)], workers);
        var duty = new RosterAssignment(workers[0].Id, Day, Gate, "D");
        var posts = new Dictionary<Id<Post>, string> { [Gate] = names[2] };
        var compounds = new Dictionary<Id<Compound>, string> { [East] = names[3], [Plum] = names[3] + "2" };
        foreach (var culture in new[] { Chinese, English })
        {
            var labels = new Labels(culture, Shanghai, workers, posts, compounds, postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [Gate] = East });
            var message = RosterTexts.Message(new WorkerNotice(workers[0].Id, [duty], [new RosterAssignment(workers[0].Id, Day.PlusDays(1), Gate, "D")]), problem, labels);
            var verdict = RosterTexts.Verdict(RosterSwaps.Check(problem, [duty], workers[0].Id, workers[1].Id, Day), labels);
            var ranking = RosterDispatch.Rank(problem, [duty], Gate, Day.PlusDays(1).At(new LocalTime(14, 0)), Duration.FromHours(4));
            var dispatch = RosterTexts.Dispatch(ranking, labels, top: 5).Split('\n');

            Assert.False(HasLineBreakOrControl(message), message);
            Assert.False(HasLineBreakOrControl(verdict), verdict);
            Assert.Equal(2 + Math.Min(5, ranking.Candidates.Count), dispatch.Length);
            Assert.All(dispatch, line => Assert.False(HasLineBreakOrControl(line), line));
            Assert.All(labels.List(workers.Select(w => labels.Worker(w.Id))), c => Assert.False(char.IsControl(c)));
        }
    }

    [Fact]
    public void A_name_with_a_line_break_shows_on_one_line_with_single_spaces()
    {
        var labels = new Labels(English, Shanghai, [Staff(1, East, "王\r\n\t芳")], new Dictionary<Id<Post>, string> { [Gate] = "East\ngate" },
            localNames: new Dictionary<string, string> { ["north\u2028square"] = "North square" });
        Assert.Equal("王 芳", labels.Worker(new Id<Worker>(1)));
        Assert.Equal("East gate", labels.Post(Gate));
        Assert.Equal("North square", labels.Local("north\nsquare"));
        Assert.Equal("10 1", labels.Room(new Id<Household>(5), "10\n1"));
    }

    // D4. English lists use "; ", so a label holding ", " stays one item; Chinese lists use "、".
    [Fact]
    public void English_lists_keep_labels_with_commas_apart_and_chinese_lists_use_the_enumeration_comma()
    {
        Worker[] workers = [Staff(1, East)];
        var posts = new Dictionary<Id<Post>, string> { [Gate] = "Gate, north", [new Id<Post>(2)] = "Gate, south" };
        var problem = RosterProblem.Create(new DateInterval(Day, Day.PlusDays(1)), [new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8))],
            [new Demand(Gate, East, Day, "D", 1), new Demand(new Id<Post>(2), East, Day.PlusDays(1), "D", 1)], workers);
        RosterAssignment[] duties = [new(workers[0].Id, Day, Gate, "D"), new(workers[0].Id, Day.PlusDays(1), new Id<Post>(2), "D")];
        var en = new Labels(English, Shanghai, workers, posts);
        var zh = new Labels(Chinese, Shanghai, workers, posts);

        var message = RosterTexts.Message(new WorkerNotice(workers[0].Id, duties, []), problem, en);
        Assert.Contains("Mon 22 Aug 08:00-16:00 Gate, north; Tue 23 Aug 08:00-16:00 Gate, south.", message, StringComparison.Ordinal);
        Assert.Contains("8月22日（周一）08:00-16:00 Gate, north、8月23日（周二）08:00-16:00 Gate, south。",
            RosterTexts.Message(new WorkerNotice(workers[0].Id, duties, []), problem, zh), StringComparison.Ordinal);
        Assert.Equal("Gate, north; Gate, south", en.List(["Gate, north", "Gate, south"]));
        Assert.Equal("东门、南门", zh.List(["东门", "南门"]));
        Assert.Throws<ArgumentNullException>("items", () => en.List(null!));
    }

    // D5. A rest end in a why-short line carries its date: the line names no other date.
    [Fact]
    public void A_rest_end_in_a_why_short_line_carries_its_date()
    {
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, East, displayName: "王芳");
        var rules = new WorkRules(minRest: Duration.FromHours(12));
        ShiftDefinition[] shifts = [new("E", new LocalTime(16, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8))];
        var problem = RosterProblem.Create(new DateInterval(Day, Day.PlusDays(1)), shifts,
            [new Demand(Gate, East, Day, "E", 1), new Demand(Gate, East, Day.PlusDays(1), "D", 1)], [worker], defaultRules: rules);
        RosterAssignment[] roster = [new(worker.Id, Day, Gate, "E")];
        foreach (var (culture, expected) in new[] { (Chinese, "须休息到8月23日（周二）12:00"), (English, "was due a rest until Tue 23 Aug 12:00") })
        {
            var lines = RosterTexts.WhyShort(problem, roster, Gate, Day.PlusDays(1), "D", new Labels(culture, Shanghai, [worker]));
            Assert.Contains(lines, l => l.Contains(expected, StringComparison.Ordinal));
        }
    }

    // D5. One weight unit for people: kilograms in the run sheet's column and CSV, as in its captions.
    [Fact]
    public void Run_sheets_show_kilograms_in_the_table_and_the_csv_never_grams()
    {
        var parcels = new[] { new Parcel(new Id<Household>(1), new Id<Building>(1), "1-201", "resident of 1-201", "veg-pack x13", 19_500) };
        var plan = RunPlanner.Plan(parcels, [new BuildingSite(new Id<Building>(1), new Position(0, 0))], new RunOptions(20_000, Duration.FromMinutes(45)), ["team 1"]);
        var md = RunSheets.Markdown(plan, Labels.Default);
        Assert.Contains("| weight (kg) |", md, StringComparison.Ordinal);
        Assert.Contains("| 19.5 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("19500", md, StringComparison.Ordinal);
        Assert.Contains("| 重量（千克） |", RunSheets.Markdown(plan, new Labels(Chinese, Shanghai)), StringComparison.Ordinal);
        var csv = Rfc4180.Parse(RunSheets.Csv(plan, Labels.Default));
        Assert.Equal("weight (kg)", csv[0][^1]);
        Assert.Equal("19.5", csv[1][^1]);
    }

    // D5. One number form per language: English groups thousands in sentences and tables, Chinese does not.
    [Fact]
    public void Numbers_group_thousands_in_english_and_not_in_chinese_everywhere()
    {
        var plan = SupplyAllocator.Allocate([new Claim(new Id<Household>(1), 2736, 1, 0)], 2100, AllocationPolicy.MaxMin);
        var en = AllocationTable.Markdown(plan, Labels.Default);
        var zh = AllocationTable.Markdown(plan, new Labels(Chinese, DateTimeZone.Utc));
        Assert.Contains("2,100 units in stock", en, StringComparison.Ordinal);
        Assert.Contains("| 2,736 | 2,100 |", en, StringComparison.Ordinal);
        Assert.DoesNotContain("2100", en, StringComparison.Ordinal);
        Assert.Contains("共2100份", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("2,100", zh, StringComparison.Ordinal);
        Assert.Equal("1,234.5", Labels.Default.Number(1234.5m));
        Assert.Equal("1234.5", new Labels(Chinese, DateTimeZone.Utc).Number(1234.5m));
        Assert.Equal("2,100 units", Labels.Default.Count(2100, "units"));
        // A spreadsheet reads plain numbers: the CSV does not group.
        Assert.Equal("2100", Rfc4180.Parse(AllocationTable.Csv(plan, Labels.Default))[1][4]);
    }

    // D5. Uneven hours name their group (kind and qualifications) and its lowest and highest hours.
    [Fact]
    public void Uneven_hours_name_the_group_and_its_hours()
    {
        Worker[] workers =
        [
            new(new Id<Worker>(1), WorkerKind.PartyMemberVolunteer, East, ["marshal"], displayName: "甲"),
            new(new Id<Worker>(2), WorkerKind.PartyMemberVolunteer, East, ["marshal"], displayName: "乙"),
        ];
        var days = new DateInterval(Day, Day.PlusDays(2));
        var problem = RosterProblem.Create(days, [new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8))],
            [.. days.Select(d => new Demand(Gate, East, d, "D", 1, qualification: "marshal"))], workers, weights: new PreferenceWeights(ownCompound: 0, fairness: 1));
        var roster = RosterPlanner.Score(problem, [.. days.Select(d => new RosterAssignment(workers[0].Id, d, Gate, "D", "marshal"))]);
        var fairness = Assert.Single(roster.Score.Items, i => i.Rule == RuleKind.Fairness);
        var zh = new Labels(Chinese, Shanghai, workers, localNames: new Dictionary<string, string> { ["marshal"] = "秩序引导" });

        Assert.Equal("党员志愿者（秩序引导）之间工时不均：0小时至24小时。", RosterTexts.Describe(fairness, roster, problem, zh));
        Assert.Equal("Uneven hours within the party-member volunteer (marshal) group: 0 h to 24 h.",
            RosterTexts.Describe(fairness, roster, problem, new Labels(English, Shanghai, workers)));
        Assert.Contains("\n党员志愿者（秩序引导）之间工时不均：0小时至24小时。", RosterTexts.Explain(roster, problem, zh), StringComparison.Ordinal);
        // Without the problem the line still reads as a sentence.
        Assert.Equal("Uneven hours within a group.", RosterTexts.Describe(fairness, new Labels(English, Shanghai)));
        Assert.Throws<ArgumentNullException>("problem", () => RosterTexts.Explain(roster, null!, zh));
    }
}
