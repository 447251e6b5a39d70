using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;
using NodaTime.Testing;
using NodaTime.Text;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// What readers of the Pubai output found in issue 12's last round: addresses that doubled the office's suffixes
/// ("1栋号楼1单元单元101室"), default labels that printed UTC times without saying so, and Chinese typography (a space
/// before a full-width bracket, between a date and its time).
/// </summary>
public sealed partial class ReaderFindingsProperties
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// One household's address as an office might store it: each part a core (what the office means: "3", "A") with or
    /// without a written form - a Chinese suffix ("栋", "号楼", "单元", "室"), an English leading word ("Building ", "Unit "),
    /// or part of a suffix ("3号").
    /// </summary>
    public sealed record StoredAddress(string BuildingCore, string BuildingForm, string UnitCore, string UnitForm, int Floor, string DoorCore, string DoorForm)
    {
        public string Building => Written(BuildingCore, BuildingForm);

        public string Unit => Written(UnitCore, UnitForm);

        public string Door => Written(DoorCore, DoorForm);

        private static string Written(string core, string form) => form.EndsWith(' ') ? form + core : core + form;

        public override string ToString() => $"building '{Building}', unit '{Unit}', door '{Door}'";
    }

    public static class Addresses
    {
        public static Arbitrary<StoredAddress> Stored() => Arb.From(
            from building in Gen.OneOf(Gen.Choose(1, 40).Select(i => i.ToString(CultureInfo.InvariantCulture)), Gen.Elements("A", "B", "F"))
            from buildingForm in Gen.Elements("", "号楼", "栋", "幢", "座", "号", "Building ", "Bldg ")
            from unit in Gen.Choose(1, 6)
            from unitForm in Gen.Elements("", "单元", "Unit ")
            from floor in Gen.Choose(1, 18)
            from door in Gen.Choose(1, 4)
            from doorForm in Gen.Elements("", "室", "Room ")
            select new StoredAddress(building, buildingForm, unit.ToString(CultureInfo.InvariantCulture), unitForm, floor,
                (floor * 100 + door).ToString(CultureInfo.InvariantCulture), doorForm));
    }

    private static (Community Community, Id<Household> Home) Home(StoredAddress a)
    {
        var community = Community.Create("Pubai", Shanghai, new FakeClock(Instant.FromUtc(2022, 8, 1, 0, 0)));
        var compound = community.AddCompound("Dongfang").AsT0;
        var building = community.AddBuilding(compound.Id, a.Building, new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, a.Unit, floors: 18).AsT0;
        return (community, community.RegisterHousehold(new Room(unit.Id, a.Floor, a.Door)).AsT0.Id);
    }

    // What the office writes, built from the generator's own knowledge of core and form: a Chinese form is kept as the
    // office wrote it (a partial "号" completed to "号楼"), anything else gets the Chinese suffix; English names the core
    // after its word.
    private static string ExpectedChinese(StoredAddress a)
    {
        var building = a.BuildingForm is "栋" or "幢" or "座" or "号楼" ? a.Building : a.BuildingCore + "号楼";
        return building + a.UnitCore + "单元" + a.DoorCore + "室";
    }

    // An English form the office wrote ("Bldg 3") is kept as written, like a Chinese one in Chinese.
    private static string ExpectedEnglish(StoredAddress a) =>
        $"{(a.BuildingForm == "Bldg " ? a.Building : "Building " + a.BuildingCore)}, Unit {a.UnitCore}, Room {a.DoorCore}";

    [Property(Arbitrary = [typeof(Addresses)], MaxTest = 300)]
    public void An_address_carries_each_suffix_once_whether_or_not_the_stored_names_carry_it(StoredAddress a)
    {
        var (community, home) = Home(a);
        var chinese = Labels.For(community, Chinese);
        var english = Labels.For(community, English);

        Assert.Equal(ExpectedChinese(a), chinese.Household(home));
        Assert.Equal(ExpectedEnglish(a), english.Household(home));
        Assert.Equal(a.UnitCore + "单元" + a.DoorCore + "室", chinese.Room(home, "fallback"));
        Assert.Equal($"Unit {a.UnitCore}, Room {a.DoorCore}", english.Room(home, "fallback"));
    }

    [Theory]
    [InlineData("1栋", "1单元", "101", "1栋1单元101室", "Building 1, Unit 1, Room 101")]
    [InlineData("3号楼", "2单元", "101", "3号楼2单元101室", "Building 3, Unit 2, Room 101")]
    [InlineData("3", "2", "101", "3号楼2单元101室", "Building 3, Unit 2, Room 101")]
    [InlineData("Building 3", "Unit 2", "101室", "3号楼2单元101室", "Building 3, Unit 2, Room 101")]
    [InlineData("A", "2", "101", "A号楼2单元101室", "Building A, Unit 2, Room 101")]
    [InlineData("Haus A", "2", "101", "Haus A 2单元101室", "Haus A, Unit 2, Room 101")] // a name, not a code: as written (v12c)
    [InlineData("银杏苑", "2", "101", "银杏苑2单元101室", "银杏苑, Unit 2, Room 101")]
    public void Household_names_as_the_office_writes_them_come_out_once(string building, string unit, string door, string chinese, string english)
    {
        var community = Community.Create("Pubai", Shanghai, new FakeClock(Instant.FromUtc(2022, 8, 1, 0, 0)));
        var compound = community.AddCompound("Dongfang").AsT0;
        var b = community.AddBuilding(compound.Id, building, new Position(0, 0)).AsT0;
        var u = community.AddUnit(b.Id, unit, floors: 6).AsT0;
        var home = community.RegisterHousehold(new Room(u.Id, 1, door)).AsT0.Id;

        Assert.Equal(chinese, Labels.For(community, Chinese).Household(home));
        Assert.Equal(english, Labels.For(community, English).Household(home));
    }

    // A clock reading ("05:00", "06:27:20") that is not followed by " UTC".
    [GeneratedRegex(@"(?<![\d:])\d\d:\d\d(:\d\d)?(?![\d:]| UTC)")]
    private static partial Regex UnsaidUtcTime();

    [GeneratedRegex(@"(?<![\d:])\d\d:\d\d(:\d\d)?(?![\d:])")]
    private static partial Regex AnyTime();

    // The words a person reads in an SVG: its text and title elements, not its attributes (data-finish is an ISO offset
    // date-time for programs).
    private static IEnumerable<string> SvgWords(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName is "text" or "title").Select(e => e.Value);

    [Fact]
    public void Default_labels_know_no_zone_and_a_community_zone_is_local()
    {
        Assert.True(Labels.Default.ShowsUtc);
        Assert.True(new Labels(English, DateTimeZoneProviders.Tzdb["Etc/UTC"]).ShowsUtc);
        Assert.False(new Labels(English, Shanghai).ShowsUtc);
        Assert.False(new Labels(English, DateTimeZoneProviders.Tzdb["Europe/London"]).ShowsUtc);
        var at = Instant.FromUtc(2022, 8, 17, 21, 0);
        Assert.Equal("Wed 17 Aug 21:00 UTC", Labels.Default.Moment(at));
        Assert.Equal("21:00 UTC", Labels.Default.TimeOfDay(at));
        Assert.Equal("8月17日（周三）21:00 UTC", new Labels(Chinese, DateTimeZone.Utc).Moment(at));
        Assert.Equal("Thu 18 Aug 05:00", new Labels(English, Shanghai).Moment(at));
    }

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 100)]
    public void Run_sheets_with_default_labels_say_utc_after_every_time_and_local_ones_never_do(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["team.a"]);
        foreach (var text in new[] { RunSheets.Markdown(plan), RunSheets.Csv(plan), RunSheets.Markdown(plan, Labels.Default), RunSheets.Markdown(plan, new Labels(Chinese, DateTimeZone.Utc)) })
        {
            Assert.DoesNotMatch(UnsaidUtcTime(), text);
        }

        Assert.Equal(plan.Runs.Any(r => r.Window is not null), RunSheets.Markdown(plan).Contains(" UTC", StringComparison.Ordinal));
        Assert.DoesNotContain("UTC", RunSheets.Markdown(plan, new Labels(English, Shanghai)), StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 60)]
    public void A_testing_day_timeline_with_default_labels_says_utc_after_every_time(WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        var words = SvgWords(TestingDayTimeline.Svg(problem, plan, Labels.Default)).ToList();
        Assert.All(words, w => Assert.DoesNotMatch(UnsaidUtcTime(), w));
        Assert.Contains(words, w => AnyTime().IsMatch(w));
        Assert.DoesNotContain(SvgWords(TestingDayTimeline.Svg(problem, plan, new Labels(Chinese, Shanghai))), w => w.Contains("UTC", StringComparison.Ordinal));
    }

    /// <summary>
    /// A roster's times are the problem's own local dates and times, not instants: default labels show them as the shifts
    /// state them and never call them UTC (which would be false).
    /// </summary>
    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 40)]
    public void Roster_texts_with_default_labels_show_the_shifts_own_times_and_never_call_them_utc(PlantedProblem planted)
    {
        var texts = DisplayTextProperties.RosterTextsOf(planted.Problem, planted.Planted, planted.Planted, Labels.Default).Select(t => t.Text)
            .Append(RosterGrid.Markdown(planted.Problem, planted.Planted)).Append(CoverageView.Markdown(planted.Problem, planted.Planted)).ToList();
        Assert.All(texts, t => Assert.DoesNotContain("UTC", t, StringComparison.Ordinal));
        foreach (var a in planted.Planted.Take(5))
        {
            var shift = planted.Problem.Shifts.First(s => s.Code == a.ShiftCode);
            Assert.Contains(LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(shift.Start) + "-", texts[0], StringComparison.Ordinal);
        }
    }

    // Chinese typography: no space before a full-width bracket, none between a date's closing bracket and a time.
    [GeneratedRegex(@"\s（|）[ \t]+\d")]
    private static partial Regex ChineseSpacing();

    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 40)]
    public void Chinese_roster_texts_set_no_space_before_a_bracket_or_between_a_date_and_its_time(PlantedProblem planted, int seed)
    {
        var random = new Random(seed);
        var kept = planted.Planted.Where(_ => random.Next(3) != 0).ToList();
        var texts = DisplayTextProperties.RosterTextsOf(planted.Problem, planted.Planted, kept, new Labels(Chinese, Shanghai, planted.Problem.Workers));
        Assert.All(texts, t => Assert.DoesNotMatch(ChineseSpacing(), t.Text));
    }

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 40)]
    public void Chinese_supplies_texts_set_no_space_before_a_bracket_or_between_a_date_and_its_time(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["team.a"]);
        var allocation = SupplyAllocator.Allocate([.. c.Parcels.Select(p => p.Household).Distinct().Select(h => new Claim(h, 3, 1, 0))], c.Parcels.Length, AllocationPolicy.MaxMin);
        Assert.All(DisplayTextProperties.SuppliesTextsOf(plan, allocation, new Labels(Chinese, Shanghai)), t => Assert.DoesNotMatch(ChineseSpacing(), t.Text));
    }

    [Fact]
    public void The_spacing_check_catches_what_readers_found()
    {
        Assert.Matches(ChineseSpacing(), "出入卡 （无法识别） 被拒绝");
        Assert.Matches(ChineseSpacing(), "新增：8月27日（周六） 00:00-08:00 建安小区东门。");
        Assert.DoesNotMatch(ChineseSpacing(), "新增：8月27日（周六）00:00-08:00 建安小区东门。");
    }

    [Fact]
    public void A_refused_pass_in_chinese_reads_without_spaces_around_its_serial_or_before_a_bracket()
    {
        foreach (var reason in Enum.GetValues<PassRejection>())
        {
            var unreadable = new PassRejected(reason, null).MessageIn(Chinese);
            var known = new PassRejected(reason, new PassSerial(13)).MessageIn(Chinese);
            Assert.StartsWith("无法识别的出入卡被拒绝：", unreadable, StringComparison.Ordinal);
            Assert.StartsWith("出入卡P000013被拒绝：", known, StringComparison.Ordinal);
            Assert.DoesNotContain(' ', unreadable);
            Assert.DoesNotContain(' ', known);
        }
    }
}
