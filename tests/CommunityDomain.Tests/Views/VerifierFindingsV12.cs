using System.Globalization;
using System.Xml.Linq;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// What the issue 12 verifier read in the texts (apps under /tmp/verify-v12): a run of too many days printed as
/// "(1 day)", "1 violation ... remain", Latin names glued in Chinese ("SüdhofTor Nord"), a pass refusal naming
/// "Household#3" with spaced Chinese, a rest end without its date, bars labelled "B9", a run sheet "送往1栋楼" for
/// building "3号楼".
/// </summary>
public sealed class VerifierFindingsV12
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly Dictionary<string, string> Dongfang = new(StringComparer.Ordinal) { ["Dongfang"] = "东方小区" };
    private static readonly Id<Compound> Home = new(1);
    private static readonly Id<Post> Gate = new(1);
    private static readonly LocalDate Thursday = new(2022, 8, 18);
    private static readonly ShiftDefinition Day = new("D", new LocalTime(8, 0), Duration.FromHours(8));
    private static readonly ShiftDefinition Early = new("E", new LocalTime(6, 0), Duration.FromHours(8));

    private static Labels Named(CultureInfo culture, IEnumerable<Worker> workers) => new(
        culture, Shanghai, workers,
        posts: new Dictionary<Id<Post>, string> { [Gate] = "东门" },
        compounds: new Dictionary<Id<Compound>, string> { [Home] = "建安小区" },
        postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [Gate] = Home });

    private static Worker Staff(int id, string name) => new(new Id<Worker>(id), WorkerKind.Staff, Home, displayName: name);

    // One worker, days at one gate; the duties given are the roster.
    private static Roster Scored(int days, WorkRules rules, int[] onDuty, Worker[] workers) =>
        RosterPlanner.Score(
            RosterProblem.Create(new DateInterval(Thursday, Thursday.PlusDays(days - 1)), [Day],
                [.. Enumerable.Range(0, days).Select(d => new Demand(Gate, Home, Thursday.PlusDays(d), "D", 0, maximum: 5))], workers, rules),
            [.. onDuty.Select(d => new RosterAssignment(workers[0].Id, Thursday.PlusDays(d), Gate, "D"))]);

    [Fact]
    public void A_run_of_four_days_against_a_limit_of_three_is_scored_one_day_over_and_says_so_from_its_first_day()
    {
        // The verifier's 李 娜 worked 18-21 August with maxConsecutiveDays 3. The score is right (4 - 3 = 1 day beyond
        // the limit, counted here from the duties themselves); the text read "(1 day)", as if the run were one day long.
        var workers = new[] { Staff(1, "李 娜") };
        var roster = Scored(4, new WorkRules(maxConsecutiveDays: 3), [0, 1, 2, 3], workers);
        var item = Assert.Single(roster.Score.Items, i => i.Rule == RuleKind.MaxConsecutiveDays);
        Assert.Equal(4 - 3, item.Hard);
        Assert.Equal(Thursday, item.Date);

        var en = RosterTexts.Explain(roster, Named(English, workers)).Split('\n');
        var zh = RosterTexts.Explain(roster, Named(Chinese, workers)).Split('\n');
        Assert.Equal("李 娜 from Thu 18 Aug: too many duty days in a row (1 day over the limit).", en[1]);
        Assert.Equal("李 娜，8月18日（周四）起：连续值班天数过多（超出1天）。", zh[1]);
    }

    [Fact]
    public void A_minimum_rule_says_how_many_are_short_and_a_plain_violation_counts_violations()
    {
        var workers = new[] { Staff(1, "王芳") };
        // One lone duty day inside the horizon against a minimum run of 3 days: 2 days short.
        var roster = Scored(5, new WorkRules(minConsecutiveDays: 3), [2], workers);
        var item = Assert.Single(roster.Score.Items, i => i.Rule == RuleKind.MinConsecutiveDays);
        Assert.Equal(3 - 1, item.Hard);
        Assert.Equal("王芳 from Sat 20 Aug: too short a run of duty days (2 days short).", RosterTexts.Describe(item, Named(English, workers)));
        Assert.Equal("王芳，8月20日（周六）起：连续值班天数过少（少2天）。", RosterTexts.Describe(item, Named(Chinese, workers)));
    }

    [Fact]
    public void The_hard_rules_left_agree_in_number_in_english()
    {
        var workers = new[] { Staff(1, "李 娜") };
        var one = RosterTexts.Explain(Scored(4, new WorkRules(maxConsecutiveDays: 3), [0, 1, 2, 3], workers), Named(English, workers));
        var two = RosterTexts.Explain(Scored(5, new WorkRules(maxConsecutiveDays: 3), [0, 1, 2, 3, 4], workers), Named(English, workers));
        Assert.StartsWith("4 duties planned; 1 violation of a hard rule remains:", one, StringComparison.Ordinal);
        // Five days in a row against three is one line two days over the limit: the heading counts the line (v12c), the line its days.
        Assert.StartsWith("5 duties planned; 1 violation of a hard rule remains:", two, StringComparison.Ordinal);
        Assert.Contains("(2 days over the limit)", two, StringComparison.Ordinal);
        Assert.StartsWith("共排4个班次，仍有1处违规：", RosterTexts.Explain(Scored(4, new WorkRules(maxConsecutiveDays: 3), [0, 1, 2, 3], workers), Named(Chinese, workers)), StringComparison.Ordinal);
    }

    /// <summary>Compound and post names an office might store: Chinese, Latin with diacritics, with digits at either end.</summary>
    public static class PlaceNames
    {
        public static Arbitrary<(string Compound, string Post)> Pairs() => Gen.Zip(Name(), Name()).ToArbitrary();

        private static Gen<string> Name() => Gen.Elements(
            "东方小区", "苹果园", "东门", "3号门", "核酸检测点", "Südhof", "Tor Nord", "East gate", "Haus 3", "Gate 2", "Bloc A", "2号楼", "Dongfang", "Zoë");
    }

    // A Latin letter (or any non-CJK letter) at the join glues two words: "SüdhofTor"; so do two digits ("Haus 3" + "2号楼").
    private static bool Glued(char left, char right)
    {
        static bool Cjk(char c) => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uFF00' and <= '\uFFEF');
        static bool Word(char c) => char.IsLetterOrDigit(c);
        return Word(left) && Word(right) && ((char.IsLetter(left) && !Cjk(left)) || (char.IsLetter(right) && !Cjk(right)) || (char.IsDigit(left) && char.IsDigit(right)));
    }

    [Property(Arbitrary = [typeof(PlaceNames)], MaxTest = 200)]
    public void Two_names_side_by_side_never_glue_a_latin_word_and_chinese_names_join_without_a_space((string Compound, string Post) names)
    {
        foreach (var culture in new[] { Chinese, English })
        {
            var labels = new Labels(culture, Shanghai, posts: new Dictionary<Id<Post>, string> { [Gate] = names.Post },
                compounds: new Dictionary<Id<Compound>, string> { [Home] = names.Compound }, postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [Gate] = Home });
            var text = labels.PostWithCompound(Gate);
            Assert.StartsWith(names.Compound, text, StringComparison.Ordinal);
            Assert.EndsWith(names.Post, text, StringComparison.Ordinal);
            var between = text[names.Compound.Length..^names.Post.Length];
            if (culture == English)
            {
                // English joins a place to its compound with '›', a mark no name holds (v12e: names hold ", ").
                Assert.Equal(" › ", between);
                continue;
            }

            // Chinese writes the two names side by side, with a space only where the join would glue a word, or where a
            // symbol in the compound's name (or at the post's start) would hide where the compound's name ends (v12d).
            var hidden = names.Compound.Any(c => !char.IsLetterOrDigit(c)) || !char.IsLetterOrDigit(names.Post[0]);
            Assert.Equal(Glued(names.Compound[^1], names.Post[0]) || hidden ? " " : string.Empty, between);
        }
    }

    [Fact]
    public void The_verifiers_latin_names_read_apart_in_chinese_and_chinese_names_stay_together()
    {
        var community = Community.Create("Kreuzberg Kiez", Shanghai, new FakeClock(Instant.FromUtc(2022, 10, 1, 0, 0)));
        var hof = community.AddCompound("Südhof").AsT0;
        var tor = community.AddPost(hof.Id, PostKind.Gate, "Tor Nord").AsT0;
        var east = community.AddPost(hof.Id, PostKind.Gate, "East gate").AsT0;
        var zh = CommunityDomain.Views.Labels.For(community, Chinese, localNames: new Dictionary<string, string> { ["East gate"] = "东门" });
        Assert.Equal("Südhof Tor Nord", zh.PostWithCompound(tor.Id));
        Assert.Equal("Südhof 东门", zh.PostWithCompound(east.Id));
        var local = CommunityDomain.Views.Labels.For(community, Chinese, localNames: new Dictionary<string, string> { ["Südhof"] = "南院小区", ["East gate"] = "东门" });
        Assert.Equal("南院小区东门", local.PostWithCompound(east.Id));
        Assert.Equal("南院小区 Tor Nord", local.PostWithCompound(tor.Id));
    }

    private static (Community Community, List<Id<Household>> Homes, Instant Now) PassCommunity()
    {
        var now = Instant.FromUtc(2022, 8, 20, 10, 30, 45);
        var community = Community.Create("Pubai", Shanghai, new FakeClock(now));
        var c = community.AddCompound("Dongfang").AsT0;
        var b = community.AddBuilding(c.Id, "3号楼", new Position(0, 0)).AsT0;
        var u = community.AddUnit(b.Id, "1", floors: 6).AsT0;
        var homes = Enumerable.Range(1, 3).Select(i => community.RegisterHousehold(new Room(u.Id, 1, $"10{i}")).AsT0.Id).ToList();
        community.Issue(ControlOrderRequest.Controlled(c.Id, now - Duration.FromDays(2), "medium risk"));
        return (community, homes, now);
    }

    [Fact]
    public void A_pass_refused_for_want_of_a_test_names_the_households_address_and_sets_no_space_in_chinese()
    {
        var (community, homes, now) = PassCommunity();
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(now));
        var refused = office.IssueFor(community, homes[2], now - Duration.FromHours(49)).Value;
        var error = Assert.IsType<NegativeTestRequired>(refused);

        Assert.Equal("东方小区3号楼1单元103室申请出入卡需提供出入卡生效前48小时内的核酸阴性结果（生效后才采样的不算）。", PassTexts.Refusal(error, CommunityDomain.Views.Labels.For(community, Chinese, localNames: Dongfang)));
        Assert.Equal("A pass for Dongfang › Building 3, Unit 1, Room 103 needs a negative test taken in the 48 h before the pass starts (a test taken after the start does not count).", PassTexts.Refusal(error, CommunityDomain.Views.Labels.For(community, English)));
        // The error's own message stays a log text with the id, but its Chinese sets no space either.
        Assert.Contains("申请出入卡需提供48小时内核酸阴性结果", error.MessageIn(Chinese), StringComparison.Ordinal);
        Assert.DoesNotContain(' ', error.MessageIn(Chinese));
    }

    [Fact]
    public void Sealed_and_quota_refusals_name_the_address_and_a_local_time()
    {
        var (community, homes, _) = PassCommunity();
        var zh = CommunityDomain.Views.Labels.For(community, Chinese, localNames: Dongfang);
        Assert.Equal("东方小区3号楼1单元101室处于封控状态，不能发放出入卡。", PassTexts.Refusal(new HouseholdSealed(homes[0]), zh));
        // 02:00 UTC is 10:00 in Shanghai.
        Assert.Equal("东方小区3号楼1单元102室本期出入卡名额已用完；下一张最早可于8月22日（周一）10:00生效。",
            PassTexts.Refusal(new QuotaUsed(homes[1], Instant.FromUtc(2022, 8, 22, 2, 0)), zh));
        Assert.Equal("Dongfang › Building 3, Unit 1, Room 102 has used its passes for this period; the next pass can start on Mon 22 Aug 10:00.",
            PassTexts.Refusal(new QuotaUsed(homes[1], Instant.FromUtc(2022, 8, 22, 2, 0)), CommunityDomain.Views.Labels.For(community, English)));
        Assert.Equal("labels", Assert.Throws<ArgumentNullException>(() => PassTexts.Refusal(new HouseholdSealed(homes[0]), null!)).ParamName);
    }

    [Fact]
    public void An_unreadable_pass_is_refused_in_a_plain_english_sentence()
    {
        var text = new PassRejected(PassRejection.BadSignature, null).MessageIn(English);
        Assert.Equal("An unreadable pass code was refused: its signature does not match (altered or forged).", text);
        Assert.Equal(text, PassTexts.Refusal(new PassRejected(PassRejection.BadSignature, null), new Labels(English, Shanghai)));
    }

    [Fact]
    public void A_dispatch_rest_that_ends_on_another_day_than_the_last_duty_shows_its_date()
    {
        // 王芳 ends Monday's early duty at 14:00; 14 hours' rest ends 04:00 Tuesday, before a need at 12:00 Tuesday.
        var workers = new[] { Staff(1, "王芳") };
        var monday = new LocalDate(2022, 8, 15);
        var problem = RosterProblem.Create(new DateInterval(monday, monday.PlusDays(6)), [Early],
            [.. Enumerable.Range(0, 7).Select(d => new Demand(Gate, Home, monday.PlusDays(d), "E", 0, maximum: 5))], workers, new WorkRules(minRest: Duration.FromHours(14)));
        var ranking = RosterDispatch.Rank(problem, [new RosterAssignment(workers[0].Id, monday, Gate, "E")], Gate, monday.PlusDays(1).At(new LocalTime(12, 0)), Duration.FromHours(4));

        Assert.Contains("rest after the last duty ends at Tue 16 Aug 04:00", RosterTexts.Dispatch(ranking, Named(English, workers)), StringComparison.Ordinal);
        Assert.Contains("上一班后的休息到8月16日（周二）04:00结束", RosterTexts.Dispatch(ranking, Named(Chinese, workers)), StringComparison.Ordinal);
    }

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Testing_day_bars_carry_the_buildings_names_and_the_site_line_has_no_stray_spaces()
    {
        var site = new SiteSpec(1, "东方小区1号采样点", new Position(0, 0), 1, 300, Duration.FromMinutes(2));
        // One large building: its single call makes a bar wide enough to be labelled.
        var building = new BuildingLoad(9, "3号楼", new Position(10, 0),
            [new UnitLoad(1, "2", [.. Enumerable.Range(1, 60).Select(h => new HouseholdLoad(h, 1 + (h % 6), 3, 0, 0))])]);
        var problem = new WaveProblem(TestingGenerators.Start, ServiceTimes.Typical, [site], [building]);
        var plan = WavePlanner.Plan(problem);
        foreach (var (culture, expected) in new[] { (Chinese, "3号楼"), (English, "Building 3") })
        {
            var doc = XDocument.Parse(TestingDayTimeline.Svg(problem, plan, new Labels(culture, Shanghai)));
            var bars = doc.Descendants(Svg + "text").Where(t => (string?)t.Attribute("font-size") == "9").Select(t => t.Value).ToList();
            Assert.NotEmpty(bars);
            Assert.All(bars, b => Assert.StartsWith(expected, b, StringComparison.Ordinal));
            Assert.DoesNotContain(bars, b => b.StartsWith('B') && b.Length > 1 && char.IsDigit(b[1]));
        }

        var zh = XDocument.Parse(TestingDayTimeline.Svg(problem, plan, new Labels(Chinese, Shanghai)));
        var siteLine = zh.Descendants(Svg + "text").Select(t => t.Value).Single(v => v.StartsWith("东方小区1号采样点", StringComparison.Ordinal));
        Assert.StartsWith("东方小区1号采样点：1个采样台", siteLine, StringComparison.Ordinal);
        Assert.DoesNotContain(' ', siteLine);
    }

    [Fact]
    public void A_run_sheet_says_which_buildings_a_run_goes_to_by_their_names()
    {
        var community = Community.Create("Pubai", Shanghai, new FakeClock(Instant.FromUtc(2022, 8, 1, 0, 0)));
        var c = community.AddCompound("Meiyuan").AsT0;
        var b3 = community.AddBuilding(c.Id, "3号楼", new Position(0, 0)).AsT0;
        var b5 = community.AddBuilding(c.Id, "5", new Position(20, 0)).AsT0;
        Parcel[] parcels =
        [
            new(new Id<Household>(1), b3.Id, "1-101", "王*", "rice x1", 5000),
            new(new Id<Household>(2), b5.Id, "1-102", "李*", "rice x1", 5000),
        ];
        var plan = RunPlanner.Plan(parcels, [new BuildingSite(b3.Id, new Position(0, 0)), new BuildingSite(b5.Id, new Position(20, 0))],
            new RunOptions(20_000, Duration.FromMinutes(30)), ["team"]);
        var zh = RunSheets.Markdown(plan, CommunityDomain.Views.Labels.For(community, Chinese));
        var en = RunSheets.Markdown(plan, CommunityDomain.Views.Labels.For(community, English));

        Assert.Contains("：3号楼1件、5号楼1件。", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("栋楼", zh, StringComparison.Ordinal);
        // English lists use "; " (v12d): a building named "Block 3, east" stays one item.
        // Which parcels go where (v12e): each building with its count.
        Assert.Contains(": 1 parcel to Building 3; 1 parcel to Building 5.", en, StringComparison.Ordinal);
    }
}
