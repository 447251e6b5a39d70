using System.Globalization;
using System.Text.RegularExpressions;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
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
/// What the third issue 12 verifier (v12c) read: roster times next to UTC ones with nothing saying which they are, the
/// grid's "08:00-08:00 (next day)" on a clock-change night, internal ids first in person-read CSVs, priorities counted
/// from 0, "仍有2处违规：" over one line, allocation columns without units, and pass refusals without the compound.
/// </summary>
public sealed partial class VerifierFindingsV12c
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo[] Languages = [English, Chinese];
    private static readonly Id<Compound> Home = new(1);
    private static readonly Id<Post> Gate = new(1);

    // The sentence labels without a zone add to a text that shows roster times, per language.
    private static string Note(Labels l) => l.IsChinese ? "时间按排班表。" : "Times as the roster states them.";

    private static int Occurrences(string text, string part) => Regex.Count(text, Regex.Escape(part));

    // A 24-hour gate duty from 08:00 on the night Berlin's clocks go back (30 October 2022) and on the night they go forward
    // (27 March 2022).
    private static (RosterProblem Problem, RosterAssignment[] Duty) DayAndNight(LocalDate date)
    {
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, Home, displayName: "王芳");
        var problem = RosterProblem.Create(new DateInterval(date, date), [new ShiftDefinition("G", new LocalTime(8, 0), Duration.FromHours(24))],
            [new Demand(Gate, Home, date, "G", 1)], [worker]);
        return (problem, [new RosterAssignment(worker.Id, date, Gate, "G")]);
    }

    [Theory]
    [InlineData("Europe/Berlin", 2022, 10, 29, "08:00-07:00 (next day)")]
    [InlineData("Europe/Berlin", 2022, 3, 26, "08:00-09:00 (next day)")]
    [InlineData("Asia/Shanghai", 2022, 10, 29, "08:00-08:00 (next day)")]
    [InlineData("Asia/Shanghai", 2022, 3, 26, "08:00-08:00 (next day)")]
    public void A_day_and_night_duty_on_a_clock_change_night_shows_local_times_and_no_note(string zone, int year, int month, int day, string cell)
    {
        var (problem, duty) = DayAndNight(new LocalDate(year, month, day));
        var labels = new Labels(English, DateTimeZoneProviders.Tzdb[zone], problem.Workers);
        var grid = RosterGrid.Markdown(problem, duty, labels);

        Assert.Contains("| " + cell + " post 1 |", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", grid, StringComparison.Ordinal);
        Assert.DoesNotContain(Note(labels), grid, StringComparison.Ordinal);
        var zh = RosterGrid.Markdown(problem, duty, new Labels(Chinese, DateTimeZoneProviders.Tzdb[zone], problem.Workers));
        Assert.Contains("08:00-次日" + cell[6..11], zh, StringComparison.Ordinal);
        Assert.DoesNotContain("时间按排班表", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_zone_the_same_night_shows_the_roster_times_and_says_so_once()
    {
        var (problem, duty) = DayAndNight(new LocalDate(2022, 10, 29));
        foreach (var culture in Languages)
        {
            var labels = new Labels(culture, DateTimeZone.Utc, problem.Workers);
            var grid = RosterGrid.Markdown(problem, duty, labels);
            Assert.Contains(culture == English ? "08:00-08:00 (next day)" : "08:00-次日08:00", grid, StringComparison.Ordinal);
            Assert.Equal(1, Occurrences(grid, Note(labels)));
            Assert.DoesNotContain("UTC", grid, StringComparison.Ordinal);
            Assert.Equal(1, Occurrences(CoverageView.Markdown(problem, duty, labels), Note(labels)));
            Assert.Equal(1, Occurrences(RosterGrid.Csv(problem, duty, labels), Note(labels)));
            Assert.Equal(1, Occurrences(RosterTexts.Message(new WorkerNotice(duty[0].Worker, [], duty), problem, labels), Note(labels)));
        }
    }

    // A time of day not followed by "UTC": a time a reader must be told the meaning of.
    [GeneratedRegex(@"\d\d:\d\d(?!:?\d* ?UTC)(?!\d)")]
    private static partial Regex BareTime();

    /// <summary>
    /// The rule, over every roster text in both languages: labels without a zone never print a roster time bare: a text
    /// that shows one says once that its times are as the roster states them, and never calls them UTC; labels with a zone
    /// show local times and add nothing.
    /// </summary>
    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 40)]
    public void A_roster_text_without_a_zone_says_once_that_its_times_are_the_rosters_and_with_a_zone_never(PlantedProblem planted, int seed)
    {
        var random = new Random(seed);
        var kept = planted.Planted.Where(_ => random.Next(3) != 0).ToList();
        foreach (var culture in Languages)
        {
            var none = new Labels(culture, DateTimeZone.Utc, planted.Problem.Workers);
            foreach (var (view, text) in DisplayTextProperties.RosterTextsOf(planted.Problem, planted.Planted, kept, none))
            {
                Assert.True(Occurrences(text, Note(none)) == (BareTime().IsMatch(text) ? 1 : 0), view + ": " + text);
                Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);
            }

            var zoned = new Labels(culture, DateTimeZoneProviders.Tzdb["Europe/Berlin"], planted.Problem.Workers);
            Assert.All(DisplayTextProperties.RosterTextsOf(planted.Problem, planted.Planted, kept, zoned),
                t => Assert.DoesNotContain(Note(zoned), t.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_check_catches_a_bare_time_and_passes_a_utc_one()
    {
        Assert.Matches(BareTime(), "08:00-16:00 East gate");
        Assert.DoesNotMatch(BareTime(), "Thu 18 Aug 05:00 UTC");
        Assert.DoesNotMatch(BareTime(), "8月18日（周四）05:00:30 UTC");
    }

    /// <summary>The heading of the hard rules left counts the lines under it, in both languages, whatever each line's amount.</summary>
    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 60)]
    public void The_number_of_hard_rules_left_is_the_number_of_lines_that_follow(PlantedProblem planted, int seed)
    {
        var random = new Random(seed);
        // Thinned rosters: short of people, often below a hard minimum.
        var kept = planted.Planted.Where(_ => random.Next(3) != 0).ToList();
        var roster = RosterPlanner.Score(planted.Problem, kept);
        foreach (var culture in Languages)
        {
            var lines = RosterTexts.Explain(roster, new Labels(culture, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], planted.Problem.Workers)).Split('\n');
            var heading = culture == English ? Regex.Match(lines[0], @"; (\d+) violations? of") : Regex.Match(lines[0], @"仍有(\d+)处违规：");
            Assert.Equal(!roster.Score.IsFeasible, heading.Success);
            if (heading.Success)
            {
                // Heading, one line per broken hard rule, then the one line on wishes and preferences.
                Assert.Equal(int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture), lines.Length - 2);
                Assert.Equal(roster.Score.Items.Count(i => i.Hard > 0), lines.Length - 2);
            }
        }
    }

    [Fact]
    public void One_rule_two_days_over_is_one_violation_with_its_two_days()
    {
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, Home, displayName: "李娜");
        var start = new LocalDate(2022, 8, 18);
        var problem = RosterProblem.Create(new DateInterval(start, start.PlusDays(4)), [new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8))],
            [.. Enumerable.Range(0, 5).Select(d => new Demand(Gate, Home, start.PlusDays(d), "D", 0, maximum: 5))], [worker], new WorkRules(maxConsecutiveDays: 3));
        var roster = RosterPlanner.Score(problem, [.. Enumerable.Range(0, 5).Select(d => new RosterAssignment(worker.Id, start.PlusDays(d), Gate, "D"))]);
        var zh = RosterTexts.Explain(roster, new Labels(Chinese, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], [worker])).Split('\n');

        Assert.Equal("共排5个班次，仍有1处违规：", zh[0]);
        Assert.Contains("超出2天", zh[1], StringComparison.Ordinal);
        Assert.Equal(3, zh.Length);
    }

    [Fact]
    public void Priorities_count_from_one_and_quantities_have_their_unit()
    {
        Claim[] claims = [new(new Id<Household>(1), 3, 1, 0), new(new Id<Household>(2), 6, 3, 1)];
        var plan = SupplyAllocator.Allocate(claims, 5, AllocationPolicy.MaxMin);
        var zh = AllocationTable.Markdown(plan, new Labels(Chinese, DateTimeZone.Utc));
        var en = AllocationTable.Markdown(plan, Labels.Default);

        Assert.Contains("需求已满足：第1优先级全部足额", zh, StringComparison.Ordinal);
        Assert.Contains("第2优先级物资不足", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("第0优先级", zh, StringComparison.Ordinal);
        Assert.Contains("| 住户 | 优先级 | 权重 | 需求（份） | 分得（份） |", zh, StringComparison.Ordinal);
        Assert.Contains("| 优先级 | 户数 | 需求（份） | 已分（份） |", zh, StringComparison.Ordinal);
        Assert.Contains("| household 1 | 1 | 1 | 3 | 3 | in full | need met: priority 1 fully served |", en, StringComparison.Ordinal);
        Assert.Contains("priority 2", en, StringComparison.Ordinal);
        Assert.DoesNotContain("priority 0", en, StringComparison.Ordinal);
        Assert.DoesNotContain("tier", en, StringComparison.Ordinal);
        Assert.Contains("| need (units) | share (units) |", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Person_read_csvs_carry_no_internal_id()
    {
        var plan = SupplyAllocator.Allocate([new Claim(new Id<Household>(17), 3, 1, 0)], 5, AllocationPolicy.MaxMin);
        var rows = Rfc4180.Parse(AllocationTable.Csv(plan, new Labels(Chinese, DateTimeZone.Utc)));
        Assert.Equal(["住户", "优先级", "权重", "需求（份）", "分得（份）", "结果", "原因"], rows[0]);
        Assert.Equal("17号户", rows[1][0]);
        Assert.DoesNotContain(rows[1], c => c == "17");

        var (problem, duty) = DayAndNight(new LocalDate(2022, 8, 18));
        var grid = Rfc4180.Parse(RosterGrid.Csv(problem, duty, new Labels(Chinese, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], problem.Workers)));
        Assert.Equal("姓名", grid[0][0]);
        Assert.Equal("王芳", grid[1][0]);
        Assert.DoesNotContain(grid[1], c => c == "1");
    }

    [Fact]
    public void A_pass_refusal_names_the_compound_so_two_compounds_with_a_building_3_read_apart()
    {
        var community = Community.Create("Pubai", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new FakeClock(Instant.FromUtc(2022, 8, 1, 0, 0)));
        var homes = new[] { "Dongfang", "Meiyuan" }.Select(name =>
        {
            var compound = community.AddCompound(name).AsT0;
            var building = community.AddBuilding(compound.Id, "3", new Position(0, 0)).AsT0;
            var unit = community.AddUnit(building.Id, "1", floors: 6).AsT0;
            return community.RegisterHousehold(new Room(unit.Id, 1, "101")).AsT0.Id;
        }).ToList();
        var zh = Labels.For(community, Chinese, localNames: new Dictionary<string, string> { ["Dongfang"] = "东方小区", ["Meiyuan"] = "梅苑小区" });
        var en = Labels.For(community, English);

        Assert.Equal("东方小区3号楼1单元101室处于封控状态，不能发放出入卡。", PassTexts.Refusal(new HouseholdSealed(homes[0]), zh));
        Assert.Equal("梅苑小区3号楼1单元101室处于封控状态，不能发放出入卡。", PassTexts.Refusal(new HouseholdSealed(homes[1]), zh));
        Assert.Equal("Meiyuan › Building 3, Unit 1, Room 101 is under sealed control: no pass can be issued.", PassTexts.Refusal(new HouseholdSealed(homes[1]), en));
        Assert.StartsWith("东方小区3号楼1单元101室申请出入卡", PassTexts.Refusal(new NegativeTestRequired(homes[0], Duration.FromHours(48)), zh), StringComparison.Ordinal);
        Assert.StartsWith("梅苑小区3号楼1单元101室本期出入卡", PassTexts.Refusal(new QuotaUsed(homes[1], Instant.FromUtc(2022, 8, 22, 2, 0)), zh), StringComparison.Ordinal);
        // Labels that do not know the household's compound fall back to what they know.
        Assert.Equal("household 5", new Labels(English, DateTimeZone.Utc).HouseholdWithCompound(new Id<Household>(5)));
    }
}
