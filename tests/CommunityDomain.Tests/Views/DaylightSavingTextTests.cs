using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Views;
using FsCheck.Xunit;
using Markdig;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// Local times across clock changes (issue 12 remainder): the repeated hour of a fall-back says in words which it is, and a
/// shift's end is computed from instants, not as the start's wall time plus minutes.
/// </summary>
public sealed class DaylightSavingTextTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly ShiftDefinition Night = new("N", new LocalTime(0, 0), Duration.FromHours(8));

    private static Labels En(DateTimeZone zone) => new(CultureInfo.GetCultureInfo("en"), zone);

    private static Labels Zh(DateTimeZone zone) => new(CultureInfo.GetCultureInfo("zh-CN"), zone);

    // A New York problem of one worker on two duties: shift first on date, shift next the date after (each demanded once).
    private static (RosterProblem Problem, RosterAssignment[] Duties) TwoDuties(LocalDate date, ShiftDefinition first, ShiftDefinition next, WorkRules? rules = null)
    {
        var (gate, compound, worker) = (new Id<Post>(1), new Id<Compound>(1), new Id<Worker>(1));
        var problem = RosterProblem.Create(new DateInterval(date, date.PlusDays(1)), [first, next],
            [new Demand(gate, compound, date, first.Code, 1), new Demand(gate, compound, date.PlusDays(1), next.Code, 1)],
            [new Worker(worker, WorkerKind.Staff, compound)], rules, zone: NewYork);
        return (problem, [new(worker, date, gate, first.Code), new(worker, date.PlusDays(1), gate, next.Code)]);
    }

    [Fact]
    public void The_two_0130s_of_a_new_york_fall_back_say_which_in_words()
    {
        var first = Instant.FromUtc(2022, 11, 6, 5, 30);   // 01:30 EDT
        var second = Instant.FromUtc(2022, 11, 6, 6, 30);  // 01:30 EST, an hour later

        Assert.Equal("Sun 6 Nov 01:30 (before the clocks go back)", En(NewYork).Moment(first));
        Assert.Equal("Sun 6 Nov 01:30 (after the clocks go back)", En(NewYork).Moment(second));
        Assert.Equal("01:30（时钟回拨前）", Zh(NewYork).TimeOfDay(first));
        Assert.Equal("01:30（时钟回拨后）", Zh(NewYork).TimeOfDay(second));
        Assert.Equal("Sun 6 Nov 03:00", En(NewYork).Moment(Instant.FromUtc(2022, 11, 6, 8, 0)));
    }

    [Fact]
    public void Without_labels_a_roster_shows_its_duties_on_the_problem_s_clock_as_the_planner_judged_them()
    {
        // 20:00 EDT + 12 h ends at 07:00 EST; the planner lets the same worker start at 07:30 (no overlap).
        var (problem, duties) = TwoDuties(new LocalDate(2022, 11, 5), new("N", new LocalTime(20, 0), Duration.FromHours(12)), new("M", new LocalTime(7, 30), Duration.FromHours(8)));

        Assert.Equal(0, RosterPlanner.Score(problem, duties).Score.Hard);
        var grid = RosterGrid.Markdown(problem, duties);
        Assert.Contains("20:00-07:00 (next day)", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("08:00", grid, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duty_that_ends_two_dates_on_across_the_spring_forward_change_names_its_end_date()
    {
        // 23:45 EST on 12 March + 24 h ends at 00:45 EDT on the 14th, not "the next day".
        var day = new ShiftDefinition("L", new LocalTime(23, 45), Duration.FromHours(24));
        Assert.Equal("23:45-00:45 (Mon 14 Mar)", En(NewYork).ShiftTimes(new LocalDate(2022, 3, 12), day));
        Assert.StartsWith("23:45-3月14日", Zh(NewYork).ShiftTimes(new LocalDate(2022, 3, 12), day), StringComparison.Ordinal);
        Assert.Equal("23:45-23:45 (next day)", En(NewYork).ShiftTimes(new LocalDate(2022, 3, 14), day));
    }

    [Fact]
    public void Views_refuse_labels_in_another_zone_than_a_problem_with_its_own_and_take_any_for_a_problem_in_UTC()
    {
        var night = new LocalDate(2022, 11, 5);
        ShiftDefinition[] shifts = [new("N", new LocalTime(20, 0), Duration.FromHours(12))];
        var gate = new Id<Post>(1);
        Demand[] demands = [new(gate, new Id<Compound>(1), night, "N", 1)];
        Worker[] workers = [new(new Id<Worker>(1), WorkerKind.Staff, new Id<Compound>(1))];
        RosterAssignment[] duties = [new(new Id<Worker>(1), night, gate, "N")];
        var newYork = RosterProblem.Create(new DateInterval(night, night), shifts, demands, workers, zone: NewYork);
        var utc = RosterProblem.Create(new DateInterval(night, night), shifts, demands, workers);
        var shanghai = En(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);

        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => RosterGrid.Markdown(newYork, duties, shanghai)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => RosterTexts.Explain(RosterPlanner.Score(newYork, duties), newYork, shanghai)).ParamName);
        Assert.Contains("20:00-07:00 (next day)", RosterGrid.Markdown(newYork, duties, En(DateTimeZoneProviders.Tzdb["US/Eastern"])), StringComparison.Ordinal);
        Assert.Contains("20:00-08:00 (next day)", RosterGrid.Markdown(utc, duties, shanghai), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rest_line_says_how_long_the_rest_was_across_the_spring_forward_change()
    {
        // 22:00 EST to 08:00 EDT is 9 hours, not the 10 the clock shows and the rule asks.
        var (problem, duties) = TwoDuties(new LocalDate(2022, 3, 12), new("E", new LocalTime(14, 0), Duration.FromHours(8)), new("M", new LocalTime(8, 0), Duration.FromHours(8)),
            new WorkRules(minRest: Duration.FromHours(10)));
        var roster = RosterPlanner.Score(problem, duties);

        Assert.Contains("too little rest between duties (9 h, at least 10 h)", RosterTexts.Explain(roster, problem, En(NewYork)), StringComparison.Ordinal);
        Assert.Contains("两次值班间休息不足（9小时，至少10小时）", RosterTexts.Explain(roster, problem, Zh(NewYork)), StringComparison.Ordinal);
        Assert.Contains("too little rest between duties", RosterTexts.Explain(roster, En(NewYork)), StringComparison.Ordinal); // without the problem: no hours
    }

    [Fact]
    public void An_eight_hour_night_from_midnight_ends_at_0700_in_autumn_and_0900_in_spring()
    {
        Assert.Equal("00:00-07:00", En(NewYork).ShiftTimes(new LocalDate(2022, 11, 6), Night));
        Assert.Equal("00:00-09:00", En(NewYork).ShiftTimes(new LocalDate(2022, 3, 13), Night));
        Assert.Equal("00:00-07:00", En(London).ShiftTimes(new LocalDate(2022, 10, 30), Night));
        Assert.Equal("00:00-08:00", En(London).ShiftTimes(new LocalDate(2022, 10, 31), Night));
        // Without a date the nominal span stays (headers), and an hour's shift inside the repeated hour says which 01:00 is which.
        Assert.Equal("00:00-08:00", En(NewYork).ShiftTimes(Night));
        Assert.Equal("01:00 (before the clocks go back)-01:00 (after the clocks go back)", En(NewYork).ShiftTimes(new LocalDate(2022, 11, 6), new ShiftDefinition("X", new LocalTime(1, 0), Duration.FromHours(1))));
        Assert.Equal("22:00-次日07:00", Zh(NewYork).ShiftTimes(new LocalDate(2022, 11, 5), new ShiftDefinition("L", new LocalTime(22, 0), Duration.FromHours(10))));
    }

    [Property(MaxTest = 300)]
    public bool No_two_minutes_read_the_same_in_a_zone_with_clock_changes(int a, int b, bool london, bool chinese)
    {
        // Minutes around the 2022 autumn changes of both zones (London 30 Oct, New York 6 Nov), where wall times repeat.
        var zone = london ? London : NewYork;
        var origin = london ? Instant.FromUtc(2022, 10, 29, 12, 0) : Instant.FromUtc(2022, 11, 5, 12, 0);
        var x = origin.Plus(Duration.FromMinutes(Math.Abs(a % 2880)));
        var y = origin.Plus(Duration.FromMinutes(Math.Abs(b % 2880)));
        var labels = chinese ? Zh(zone) : En(zone);
        return (x == y) == (labels.Moment(x) == labels.Moment(y));
    }

    [Property(MaxTest = 300)]
    public bool A_shift_on_a_date_ends_where_its_start_instant_plus_its_length_falls(int day, int startMinute, int length, bool london)
    {
        var zone = london ? London : NewYork;
        var date = new LocalDate(2022, 3, 1).PlusDays(Math.Abs(day % 300));
        var shift = new ShiftDefinition("S", LocalTime.Midnight.PlusMinutes(Math.Abs(startMinute % 1440)), Duration.FromMinutes(1 + Math.Abs(length % 1440)));
        var text = En(zone).ShiftTimes(date, shift);
        // Oracle: walk the instants minute by minute from the date's midnight (no NodaTime resolver involved).
        var start = zone.AtStartOfDay(date).ToInstant();
        while (start.InZone(zone).LocalDateTime < date.At(shift.Start))
        {
            start = start.Plus(Duration.FromMinutes(1));
        }

        var end = start.Plus(shift.Duration).InZone(zone);
        var endText = end.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        return text.Split('-', 2)[1].StartsWith(endText, StringComparison.Ordinal)
            && text.EndsWith("(next day)", StringComparison.Ordinal) == (end.Date > date);
    }

    [Fact]
    public void A_control_order_from_the_repeated_hour_names_its_offset()
    {
        var from = Instant.FromUtc(2022, 11, 6, 6, 30); // 01:30 EST, the second 01:30
        var community = Community.Create("c", NewYork, new FakeClock(from));
        var compound = community.AddCompound("Dongfang").AsT0;
        var order = community.Issue(ControlOrderRequest.Sealed(compound.Id, from, "case contact")).AsT0;

        Assert.Contains("from 2022-11-06 01:30 (America/New_York, UTC-05:00)", order.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Roster_explanation_for_a_markdown_page_escapes_worker_names()
    {
        // Issue 12 remainder: docs/views/roster-explained.md passed names raw; a worker named *张* rendered in italics.
        var compound = new Id<Compound>(1);
        var gate = new Id<Post>(1);
        var day = new LocalDate(2022, 8, 18);
        var workers = new[] { new Worker(new Id<Worker>(1), WorkerKind.Staff, compound, displayName: "*张*"), new Worker(new Id<Worker>(2), WorkerKind.Staff, compound, displayName: "_李_") };
        var problem = RosterProblem.Create(new DateInterval(day, day), [new("D", new LocalTime(8, 0), Duration.FromHours(8))],
            [new Demand(gate, compound, day, "D", 1)], workers, defaultRules: new WorkRules(maxTotalMinutes: 60));
        var roster = RosterPlanner.Score(problem, [new RosterAssignment(new Id<Worker>(1), day, gate, "D")]);
        var labels = new Labels(CultureInfo.GetCultureInfo("zh-CN"), DateTimeZone.Utc, workers);

        var plain = RosterTexts.Explain(roster, labels);
        var markdown = RosterTexts.ExplainMarkdown(roster, labels);
        Assert.Contains("*张*", plain, StringComparison.Ordinal);
        Assert.Contains("\\*张\\*", markdown, StringComparison.Ordinal);
        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Contains("*张*", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
    }
}
