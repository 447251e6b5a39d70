using System.Globalization;
using System.Xml.Linq;
using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Tests.MassTesting;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

public sealed class TestingDayTimelineTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Labels English = new(CultureInfo.GetCultureInfo("en"), Zone);
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IEnumerable<XElement> Waves(XDocument doc) => doc.Descendants(Svg + "rect").Where(e => (string?)e.Attribute("class") == "wave");

    // The properties draw 50-60 problems (100-150 until 2026-12-06): planning them was most of their 28 s of CI time, and
    // the drawing, not the planner, is what they check (the planner has its own properties).
    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 60)]
    public bool The_svg_is_well_formed_standalone_and_has_one_bar_per_wave(WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        var doc = XDocument.Parse(TestingDayTimeline.Svg(problem, plan, English));
        var root = doc.Root!;
        return root.Name == Svg + "svg"
            && root.Attribute("viewBox") is not null
            && Waves(doc).Count() == plan.Schedule.Count
            && !doc.Descendants().Any(e => e.Name.LocalName is "script" or "foreignObject" or "image")
            && !doc.Descendants().Attributes().Any(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "href");
    }

    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 60)]
    public bool The_drawn_queue_peak_and_finish_agree_with_an_independent_replay(WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        var doc = XDocument.Parse(TestingDayTimeline.Svg(problem, plan, English));
        var replays = QueueReplay.Replay(problem, plan).Where(r => plan.Sites.Any(s => s.Site.SiteId == r.SiteId)).ToList();
        var groups = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "site").ToList();
        return groups.Count == plan.Sites.Count && replays.All(r =>
        {
            var g = groups.Single(x => (string?)x.Attribute("data-site") == r.SiteId.ToString(CultureInfo.InvariantCulture));
            var peak = int.Parse((string)g.Attribute("data-max-queue")!, CultureInfo.InvariantCulture);
            var finish = (string)g.Attribute("data-finish")!;
            return peak == r.MaxQueue
                && peak <= int.Parse((string)g.Attribute("data-capacity")!, CultureInfo.InvariantCulture)
                && (r.People == 0 || NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(finish).Value.ToInstant() == r.Finish);
        });
    }

    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 50)]
    public bool Every_bar_runs_from_its_call_and_bars_stay_inside_the_picture(WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        var doc = XDocument.Parse(TestingDayTimeline.Svg(problem, plan, English));
        var box = ((string)doc.Root!.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return Waves(doc).All(r =>
        {
            var x = double.Parse((string)r.Attribute("x")!, CultureInfo.InvariantCulture);
            var w = double.Parse((string)r.Attribute("width")!, CultureInfo.InvariantCulture);
            var y = double.Parse((string)r.Attribute("y")!, CultureInfo.InvariantCulture);
            return x >= 0 && w > 0 && x + w <= box[2] + 0.5 && y >= 0 && y <= box[3];
        });
    }

    [Fact]
    public void Svg_title_and_site_names_are_escaped()
    {
        const string hostile = "<script>alert('x')</script> & \"quotes\"";
        var site = new SiteSpec(1, hostile, new Position(0, 0), 2, 20, Duration.FromMinutes(2));
        var building = new BuildingLoad(1, "1", new Position(10, 0), [new UnitLoad(1, "1", [new HouseholdLoad(1, 1, 2, 1, 0), new HouseholdLoad(2, 2, 1, 0, 1)])]);
        var problem = new WaveProblem(TestingGenerators.Start, ServiceTimes.Typical, [site], [building]);
        var plan = WavePlanner.Plan(problem);

        var text = TestingDayTimeline.Svg(problem, plan, English, hostile);
        var doc = XDocument.Parse(text);

        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.Equal(hostile, doc.Root!.Element(Svg + "title")!.Value);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value.StartsWith(hostile + ": ", StringComparison.Ordinal));

        // One wave per call: the two households are a tiny compound, planned exactly (each household its own call).
        Assert.Equal(plan.Schedule.Count, Waves(doc).Count());
    }

    [Fact]
    public void Svg_with_no_building_is_still_a_valid_picture()
    {
        var problem = new WaveProblem(TestingGenerators.Start, ServiceTimes.Typical, [new SiteSpec(1, "S", new Position(0, 0), 2, 20, Duration.Zero)], []);
        var doc = XDocument.Parse(TestingDayTimeline.Svg(problem, WavePlanner.Plan(problem), English));
        Assert.Empty(Waves(doc));
    }

    [Fact]
    public void Svg_plan_of_another_problem_throws_naming_plan()
    {
        var a = TestingGenerators.SmallProblemOf(1, 4, 2);
        var b = TestingGenerators.SmallProblemOf(2, 6, 1);
        var e = Assert.Throws<ArgumentException>(() => TestingDayTimeline.Svg(a, WavePlanner.Plan(b), English));
        Assert.Equal("plan", e.ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentNullException>(() => TestingDayTimeline.Svg(a, WavePlanner.Plan(a), null!)).ParamName);
    }

    [Fact]
    public void Svg_same_problem_built_twice_gives_identical_text()
    {
        var first = TestingGenerators.SmallProblemOf(7, 8, 2);
        var second = TestingGenerators.SmallProblemOf(7, 8, 2);
        Assert.Equal(TestingDayTimeline.Svg(first, WavePlanner.Plan(first), English), TestingDayTimeline.Svg(second, WavePlanner.Plan(second), English));
    }

    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 50)]
    public bool The_views_replay_finishes_where_the_planner_expects(WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        return plan.Sites.All(s => s.Calls.Count == 0 || WaveReplay.Of(problem, s).Finish == s.ExpectedFinish);
    }
}
