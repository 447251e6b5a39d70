using System.Globalization;
using System.Text.RegularExpressions;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// What a person reads never shows a UTC instant or a bare id: every view, notice, announcement and explanation,
/// in English and in Chinese, over generated rosters (planted, thinned to shortfalls, empty), wave plans and
/// delivery plans with time windows.
/// </summary>
public sealed partial class DisplayTextProperties
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z")]
    private static partial Regex UtcInstant();

    [GeneratedRegex(@"(Worker|Post|Household|Compound)#\d")]
    private static partial Regex BareId();

    private static bool Clean(IEnumerable<string> texts) => texts.All(t => !UtcInstant().IsMatch(t) && !BareId().IsMatch(t));

    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 60)]
    public bool No_roster_text_in_either_language_shows_a_utc_instant_or_a_bare_id(PlantedProblem planted, int seed)
    {
        var problem = planted.Problem;
        var random = new Random(seed);
        var kept = planted.Planted.Where(_ => random.Next(3) != 0).ToList();
        var roster = RosterPlanner.Score(problem, kept);
        var texts = new List<string>();
        foreach (var culture in Languages)
        {
            var labels = new Labels(culture, Shanghai, problem.Workers);
            texts.Add(RosterGrid.Markdown(problem, kept, labels));
            texts.Add(RosterGrid.Csv(problem, kept, labels));
            texts.Add(CoverageView.Markdown(problem, kept, labels));
            texts.Add(RosterTexts.Explain(roster, labels));
            texts.AddRange(roster.Score.Items.Select(i => RosterTexts.Describe(i, labels)));
            foreach (var worker in problem.Workers.Take(3))
            {
                texts.Add(RosterTexts.Worker(RosterExplanations.WhyWorker(problem, roster, worker.Id), problem, labels));
                var mine = planted.Planted.Where(a => a.Worker == worker.Id).ToList();
                texts.Add(RosterTexts.Message(new WorkerNotice(worker.Id, [.. mine.Where(a => !kept.Contains(a))], [.. mine.Where(kept.Contains)]), problem, labels));
            }
        }

        return Clean(texts);
    }

    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 60)]
    public bool No_testing_day_text_in_either_language_shows_a_utc_instant(WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        var texts = new List<string>();
        foreach (var culture in Languages)
        {
            var labels = new Labels(culture, Shanghai);
            texts.Add(TestingDayTimeline.Svg(problem, plan, labels));
            texts.AddRange(plan.Schedule.Select(c => Announcements.Call(c, problem, labels)));
        }

        return Clean(texts);
    }

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 60)]
    public bool No_run_sheet_in_either_language_shows_a_utc_instant(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["team.a"]);
        return Clean(Languages.SelectMany(l => new[] { RunSheets.Markdown(plan, new Labels(l, Shanghai)), RunSheets.Csv(plan, new Labels(l, Shanghai)) }));
    }

    [Fact]
    public void A_utc_instant_is_what_the_check_catches()
    {
        // The check itself can fail: the old run-sheet window format and the old notice format are caught.
        Assert.False(Clean(["window 2022-08-18T23:30Z-00:15Z"]));
        Assert.False(Clean(["from 2022-08-22T23:30:00Z"]));
        Assert.False(Clean(["Worker#3: cancelled 2022-08-20 D at Post#1"]));
        Assert.True(Clean(["8月23日（周二）07:30"]));
    }
}
