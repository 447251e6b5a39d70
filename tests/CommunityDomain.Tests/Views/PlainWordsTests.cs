using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// Issue 12 remainder, as kinds: the dispatch list says how it is ordered and why each person, shortfall reasons say
/// what going would have cost (never points), and every duty's shown start and end comes from instants in the
/// community's zone, also in the roster grid and the coverage table, on both clock-change dates.
/// </summary>
public sealed class PlainWordsTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly Id<Compound> Home = new(1);
    private static readonly Id<Post> Gate = new(1);
    private static readonly ShiftDefinition Late = new("L", new LocalTime(16, 0), Duration.FromHours(8));
    private static readonly ShiftDefinition Early = new("E", new LocalTime(6, 0), Duration.FromHours(8));
    private static readonly LocalDate Monday = new(2022, 8, 15);

    private static Worker Staff(int id, string name) => new(new Id<Worker>(id), WorkerKind.Staff, Home, displayName: name);

    private static Labels Labels(string culture, IEnumerable<Worker> workers, DateTimeZone? zone = null) => new(
        CultureInfo.GetCultureInfo(culture), zone ?? Shanghai, workers,
        posts: new Dictionary<Id<Post>, string> { [Gate] = "东门" },
        compounds: new Dictionary<Id<Compound>, string> { [Home] = "东方小区" },
        postCompounds: new Dictionary<Id<Post>, Id<Compound>> { [Gate] = Home });

    // A week of early and late duties at one gate; the early duty on Tuesday needs one person and has nobody.
    private static RosterProblem Week(Worker[] workers, WorkRules rules, IEnumerable<ShiftWish>? wishes = null) => RosterProblem.Create(
        new DateInterval(Monday, Monday.PlusDays(6)), [Early, Late],
        [.. Enumerable.Range(0, 7).SelectMany(d => new[]
        {
            new Demand(Gate, Home, Monday.PlusDays(d), "E", d == 1 ? 1 : 0, maximum: 5),
            new Demand(Gate, Home, Monday.PlusDays(d), "L", 0, maximum: 5),
        })],
        workers, rules, wishes: wishes);

    private static RosterAssignment Duty(int worker, int day, string code) => new(new Id<Worker>(worker), Monday.PlusDays(day), Gate, code);

    [Fact]
    public void Why_short_says_until_when_a_worker_was_due_a_rest_in_local_time()
    {
        // 王芳 worked Monday's late duty (16:00-24:00); with 11 hours' rest she could not take Tuesday 06:00 before 11:00.
        var workers = new[] { Staff(1, "王芳"), Staff(2, "李强") };
        var problem = Week(workers, new WorkRules(minRest: Duration.FromHours(11)));
        var roster = new[] { Duty(1, 0, "L") };

        var zh = RosterTexts.WhyShort(problem, roster, Gate, Monday.PlusDays(1), "E", Labels("zh-CN", workers));
        var en = RosterTexts.WhyShort(problem, roster, Gate, Monday.PlusDays(1), "E", Labels("en", workers));

        // The line names no date of its own, so the rest end carries its date (v12d).
        Assert.Contains("王芳不能去：须休息到8月16日（周二）11:00。", zh);
        Assert.Contains("王芳 could not go: was due a rest until Tue 16 Aug 11:00.", en);
        Assert.Contains("李强 was free and could have gone without breaking a rule or giving up a wish.", en);
        Assert.DoesNotContain(en.Concat(zh), t => t.Contains("point", StringComparison.Ordinal) || t.Contains('分'));
    }

    [Fact]
    public void Why_short_says_what_a_free_worker_would_have_given_up()
    {
        // 李强 asked for Tuesday's early duty off: he could have gone, but would have lost that wish.
        var workers = new[] { Staff(1, "王芳"), Staff(2, "李强") };
        var problem = Week(workers, new WorkRules(), [new ShiftWish(new Id<Worker>(2), Monday.PlusDays(1), "E", WishKind.ShiftOff, 3)]);
        var roster = new[] { Duty(1, 1, "L") };

        var en = RosterTexts.WhyShort(problem, roster, Gate, Monday.PlusDays(1), "E", Labels("en", workers));
        var zh = RosterTexts.WhyShort(problem, roster, Gate, Monday.PlusDays(1), "E", Labels("zh-CN", workers));

        Assert.Contains("李强 was free and could have gone, but would have lost a day off they asked for.", en);
        Assert.Contains("李强当时有空，本可前往，但会占用本人希望的休息日。", zh);
        Assert.Contains(en, t => t.StartsWith("王芳 already has a duty on Tue 16 Aug: 东方小区 › 东门 16:00-00:00 (next day)", StringComparison.Ordinal));
        // The reason alone (no roster) cannot know the cost, so it says only what it knows, and never in points.
        var reason = RosterExplanations.WhyShort(problem, roster, Gate, Monday.PlusDays(1), "E").Single(r => r.Worker == new Id<Worker>(2));
        Assert.Equal("李强 was free and could have gone without breaking a rule.", RosterTexts.Shortfall(reason, problem, Labels("en", workers)));
    }

    [Fact]
    public void Why_short_names_the_weekly_hours_a_worker_would_have_exceeded()
    {
        var workers = new[] { Staff(1, "王芳") };
        var problem = Week(workers, new WorkRules(maxMinutesPerWeek: 8 * 60));
        var en = RosterTexts.WhyShort(problem, [Duty(1, 3, "E")], Gate, Monday.PlusDays(1), "E", Labels("en", workers));
        Assert.Equal(["王芳 could not go: would have exceeded their weekly hours."], en);
        Assert.Throws<ArgumentNullException>("labels", () => RosterTexts.WhyShort(problem, [], Gate, Monday.PlusDays(1), "E", null!));
    }

    [Fact]
    public void Dispatch_list_says_how_it_is_ordered_and_when_a_candidates_rest_ends()
    {
        // 王芳 ends Monday's late duty at 24:00; with 11 hours' rest she is rested from 11:00 for a need at 12:00 Tuesday.
        var workers = new[] { Staff(1, "王芳"), Staff(2, "李强") };
        var problem = Week(workers, new WorkRules(minRest: Duration.FromHours(11)));
        var ranking = RosterDispatch.Rank(problem, [Duty(1, 0, "L")], Gate, Monday.PlusDays(1).At(new LocalTime(12, 0)), Duration.FromHours(4));
        var en = RosterTexts.Dispatch(ranking, Labels("en", workers)).Split('\n');
        var zh = RosterTexts.Dispatch(ranking, Labels("zh-CN", workers)).Split('\n');

        Assert.StartsWith("Listed in this order: first whoever gives up no wish or preference by going", en[1], StringComparison.Ordinal);
        Assert.Contains(en, l => l.Contains("王芳 (community staff)", StringComparison.Ordinal) && l.Contains("rest after the last duty ends at 11:00", StringComparison.Ordinal));
        Assert.Contains(zh, l => l.Contains("王芳（社区工作人员）", StringComparison.Ordinal) && l.Contains("上一班后的休息到11:00结束", StringComparison.Ordinal));
        Assert.DoesNotContain(en, l => l.StartsWith("1. 李强", StringComparison.Ordinal) && l.Contains("rest after", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dispatch_list_with_nobody_says_so_instead_of_the_order()
    {
        var workers = new[] { Staff(1, "王芳") };
        var problem = Week(workers, new WorkRules(minRest: Duration.FromHours(11)));
        var ranking = RosterDispatch.Rank(problem, [Duty(1, 0, "L")], Gate, Monday.PlusDays(1).At(new LocalTime(6, 0)), Duration.FromHours(4));
        Assert.Equal(["Needed at 东方小区 › 东门 on Tue 16 Aug 06:00-10:00: 0 people can go.", "Nobody can go without breaking a rule."],
            RosterTexts.Dispatch(ranking, Labels("en", workers)).Split('\n'));
    }

    [Fact]
    public void Roster_explanation_lists_unmet_wishes_in_cases_not_points()
    {
        var workers = new[] { Staff(1, "王芳"), Staff(2, "李强") };
        var wishes = new[] { new ShiftWish(new Id<Worker>(1), Monday, "E", WishKind.ShiftOff, 7), new ShiftWish(new Id<Worker>(1), Monday.PlusDays(2), "E", WishKind.ShiftOff, 7) };
        var problem = Week(workers, new WorkRules(), wishes);
        var roster = RosterPlanner.Score(problem, [Duty(1, 0, "E"), Duty(1, 2, "E"), Duty(2, 1, "E")]);

        var en = RosterTexts.Explain(roster, Labels("en", workers));
        var zh = RosterTexts.Explain(roster, Labels("zh-CN", workers));
        Assert.Contains("Left unmet (wishes, preferences and cover the plan weighs against each other): a wished day off not given (2 cases)", en, StringComparison.Ordinal);
        Assert.Contains("未能满足的意愿、偏好和人手要求：", zh, StringComparison.Ordinal);
        Assert.Contains("希望休息的班次仍被排班（2处）", zh, StringComparison.Ordinal);
        var line = roster.Score.Items.First(i => i.Rule == RuleKind.ShiftOffWish);
        Assert.Equal("王芳 on Mon 15 Aug: a wished day off not given.", RosterTexts.Describe(line, Labels("en", workers)));
        Assert.DoesNotContain("point", en, StringComparison.Ordinal);
        Assert.DoesNotContain("分", zh.Replace("分钟", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/New_York", 2022, 11, 6, "00:00-07:00")]
    [InlineData("America/New_York", 2022, 3, 13, "00:00-09:00")]
    [InlineData("Europe/London", 2022, 10, 30, "00:00-07:00")]
    [InlineData("Europe/London", 2022, 3, 27, "00:00-09:00")]
    [InlineData("Europe/London", 2022, 3, 28, "00:00-08:00")]
    public void Grid_and_coverage_cells_show_a_night_across_a_clock_change_as_the_wall_clock_reads(string zoneId, int year, int month, int day, string expected)
    {
        // Issue 12 remainder: the grid printed the nominal span (start + minutes), 00:00-08:00 on both change nights.
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = new LocalDate(year, month, day);
        var night = new ShiftDefinition("N", LocalTime.Midnight, Duration.FromHours(8));
        var worker = Staff(1, "Wang");
        var problem = RosterProblem.Create(new DateInterval(date, date), [night], [new Demand(Gate, Home, date, "N", 1)], [worker]);
        var duty = new[] { new RosterAssignment(worker.Id, date, Gate, "N") };
        var labels = Labels("en", [worker], zone);

        Assert.Contains("| " + expected + " 东门 |", RosterGrid.Markdown(problem, duty, labels), StringComparison.Ordinal);
        Assert.Contains("," + expected + " 东门,", RosterGrid.Csv(problem, duty, labels), StringComparison.Ordinal);
        Assert.Contains("| " + expected + " |", CoverageView.Markdown(problem, duty, labels), StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool Every_grid_cell_shows_the_duty_start_and_end_of_its_instants(int day, int startMinute, int length, bool london)
    {
        var zone = london ? London : NewYork;
        var date = new LocalDate(2022, 3, 1).PlusDays(Math.Abs(day % 300));
        var shift = new ShiftDefinition("S", LocalTime.Midnight.PlusMinutes(Math.Abs(startMinute % 1440)), Duration.FromMinutes(1 + Math.Abs(length % 1440)));
        var worker = Staff(1, "Wang");
        var problem = RosterProblem.Create(new DateInterval(date, date), [shift], [new Demand(Gate, Home, date, "S", 1)], [worker]);
        var csv = RosterGrid.Csv(problem, [new RosterAssignment(worker.Id, date, Gate, "S")], Labels("en", [worker], zone));
        // Oracle: walk the instants minute by minute from the date's start to the first at or after the wall start.
        var start = zone.AtStartOfDay(date).ToInstant();
        while (start.InZone(zone).LocalDateTime < date.At(shift.Start))
        {
            start = start.Plus(Duration.FromMinutes(1));
        }

        var end = start.Plus(shift.Duration).InZone(zone);
        var cell = csv.Split("\r\n")[1].Split(',')[2];
        var shownEnd = cell.Split('-', 2)[1];
        return cell.StartsWith(start.InZone(zone).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && shownEnd.StartsWith(end.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && shownEnd.Contains("(next day)", StringComparison.Ordinal) == (end.Date > date);
    }
}
