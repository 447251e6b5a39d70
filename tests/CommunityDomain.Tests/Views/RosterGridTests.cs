using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

public sealed class RosterGridTests
{
    private static readonly LocalDate Day1 = new(2022, 8, 18);

    private static (RosterProblem Problem, List<RosterAssignment> Roster) Small()
    {
        var horizon = new DateInterval(Day1, Day1.PlusDays(2));
        ShiftDefinition[] shifts = [new("D", new LocalTime(8, 0), Duration.FromHours(8)), new("T", new LocalTime(5, 0), Duration.FromHours(6))];
        var compound = new Id<Compound>(1);
        var gate = new Id<Post>(1);
        var site = new Id<Post>(2);
        var demands = horizon.Select(d => new Demand(gate, compound, d, "D", 2)).Append(new Demand(site, compound, Day1, "T", 1, qualification: "scanner")).ToList();
        var workers = new[]
        {
            new Worker(new Id<Worker>(2), WorkerKind.Staff, compound, displayName: "Wang Fang"),
            new Worker(new Id<Worker>(1), WorkerKind.Medical, compound, ["scanner"], displayName: "Li Na"),
        };
        var problem = RosterProblem.Create(horizon, shifts, demands, workers);
        List<RosterAssignment> roster =
        [
            new(new Id<Worker>(1), Day1, site, "T", "scanner"), new(new Id<Worker>(2), Day1, gate, "D"), new(new Id<Worker>(2), Day1.PlusDays(2), gate, "D"),
        ];
        return (problem, roster);
    }

    private static Labels PostNames(string gate, string culture = "en", IReadOnlyDictionary<string, string>? local = null) =>
        new(CultureInfo.GetCultureInfo(culture), DateTimeZone.Utc, Small().Problem.Workers, posts: new Dictionary<Id<Post>, string> { [new Id<Post>(1)] = gate }, localNames: local);

    [Fact]
    public void Markdown_small_roster_shows_cells_totals_and_an_off_marker()
    {
        var (problem, roster) = Small();
        var text = RosterGrid.Markdown(problem, roster, PostNames("East | gate"));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Labels without a zone: the times are the roster's own, and the caption says so once (v12c).
        Assert.Equal("Duty roster 18 Aug 2022 to 20 Aug 2022: 2 workers, 3 duties, 22 h on duty in all. Times as the roster states them.", lines[0]);
        Assert.Equal("| worker | role | Thu 18 Aug | Fri 19 Aug | Sat 20 Aug | hours |", lines[1]);
        Assert.Equal("| Li Na | medical worker | 05:00-11:00 post 2 (scanner) | off | off | 6 h |", lines[3]);
        Assert.Equal("| Wang Fang | community staff | 08:00-16:00 East \\| gate | off | 08:00-16:00 East \\| gate | 16 h |", lines[4]);
        Assert.Equal("| **hours per day** |   | 14 h | 0 h | 8 h | **22 h** |", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void Markdown_in_chinese_shows_names_local_post_names_weekdays_and_hours()
    {
        // The handed case: a grid an office can post, with names instead of Worker#1 and P2, in Chinese.
        var (problem, roster) = Small();
        var local = new Dictionary<string, string> { ["East gate"] = "东门", ["scanner"] = "扫码员" };
        var lines = RosterGrid.Markdown(problem, roster, PostNames("East gate", "zh-CN", local)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("值班表 2022年8月18日至2022年8月20日：2人，3个班次，共22小时。时间按排班表。", lines[0]);
        Assert.Equal("| 姓名 | 身份 | 8月18日（周四） | 8月19日（周五） | 8月20日（周六） | 工时 |", lines[1]);
        Assert.Equal("| Li Na | 医务人员 | 05:00-11:00 2号岗（扫码员） | 休 | 休 | 6小时 |", lines[3]);
        Assert.Equal("| Wang Fang | 社区工作人员 | 08:00-16:00 东门 | 休 | 08:00-16:00 东门 | 16小时 |", lines[4]);
        Assert.DoesNotContain("Worker#", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_quotes_post_names_with_commas_and_quotes_and_reads_back()
    {
        var (problem, roster) = Small();
        const string name = "Gate, \"east\"\nside";
        var csv = RosterGrid.Csv(problem, roster, PostNames(name));
        var rows = Rfc4180.Parse(csv);

        // A line break in a name is flattened to a space in every text (v12d): the cell stays one line.
        Assert.Contains("\"08:00-16:00 Gate, \"\"east\"\" side\"", csv, StringComparison.Ordinal);
        // A spreadsheet for people: no internal id column (v12c); labels without a zone add a last record on the times.
        Assert.Equal(["worker", "role", "2022-08-18", "2022-08-19", "2022-08-20", "hours (h)"], rows[0]);
        Assert.Equal(["Wang Fang", "community staff", "08:00-16:00 " + name.Replace('\n', ' '), "", "08:00-16:00 " + name.Replace('\n', ' '), "16"], rows[2]);
        Assert.Equal(["total", "", "14", "0", "8", "22"], rows[3]);
        Assert.Equal(["Times as the roster states them.", "", "", "", "", ""], rows[4]);
    }

    [Theory]
    [InlineData("East,gate")]
    [InlineData("East \"gate\"")]
    [InlineData("East gate")]
    public void Csv_post_name_with_one_special_character_reads_back_unchanged(string name)
    {
        var (problem, roster) = Small();
        var rows = Rfc4180.Parse(RosterGrid.Csv(problem, roster, PostNames(name)));
        Assert.Equal("08:00-16:00 " + name, rows[2][2]);
        Assert.Equal(6, rows[2].Count);
    }

    [Fact]
    public void Markdown_null_problem_throws_naming_problem()
    {
        var (_, roster) = Small();
        var e = Assert.Throws<ArgumentNullException>(() => RosterGrid.Markdown(null!, roster));
        Assert.Equal("problem", e.ParamName);
    }

    [Theory]
    [InlineData(9, 0, 1, "D")]   // unknown worker
    [InlineData(2, 5, 1, "D")]   // outside the horizon
    [InlineData(2, 1, 1, "X")]   // unknown shift
    [InlineData(2, 1, 2, "D")]   // no demand for post 2, shift D
    [InlineData(2, 0, 1, "D")]   // a second shift for worker 2 on day 1
    public void Csv_assignment_from_another_problem_throws_naming_assignments(int worker, int day, int post, string code)
    {
        var (problem, roster) = Small();
        roster.Add(new RosterAssignment(new Id<Worker>(worker), Day1.PlusDays(day), new Id<Post>(post), code));
        var e = Assert.Throws<ArgumentException>(() => RosterGrid.Csv(problem, roster));
        Assert.Equal("assignments", e.ParamName);
        Assert.Throws<ArgumentException>(() => CoverageView.Markdown(problem, roster));
    }

    [Fact]
    public void Views_are_the_same_text_in_any_current_culture()
    {
        var (problem, roster) = Small();
        var invariant = RosterGrid.Markdown(problem, roster) + RosterGrid.Csv(problem, roster) + CoverageView.Markdown(problem, roster);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "fa-IR", "zh-CN" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(invariant, RosterGrid.Markdown(problem, roster) + RosterGrid.Csv(problem, roster) + CoverageView.Markdown(problem, roster));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}

[Properties(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 100)]
public sealed class RosterGridProperties
{
    // The English kind names, written out here independently of the resource tables.
    private static readonly Dictionary<WorkerKind, string> Kinds = new()
    {
        [WorkerKind.Staff] = "community staff",
        [WorkerKind.PartyMemberVolunteer] = "party-member volunteer",
        [WorkerKind.YouthLeagueVolunteer] = "youth-league volunteer",
        [WorkerKind.ResidentVolunteer] = "resident volunteer",
        [WorkerKind.Medical] = "medical worker",
    };

    private static string Times(ShiftDefinition s)
    {
        var end = s.Start.PlusMinutes((long)s.Duration.TotalMinutes);
        return $"{s.Start:HH:mm}-{end:HH:mm}" + (end <= s.Start ? " (next day)" : "");
    }

    // A shift whose times another shift shares has its code after them, so two crews on one span are told apart.
    private static string Times(ShiftDefinition s, IEnumerable<ShiftDefinition> all) =>
        Times(s) + (all.Any(o => o.Code != s.Code && Times(o) == Times(s)) ? $" ({s.Code})" : "");

    [Property]
    public bool The_csv_grid_has_a_row_per_worker_a_column_per_date_and_cells_that_agree_with_the_roster(PlantedProblem planted)
    {
        var problem = planted.Problem;
        var rows = Rfc4180.Parse(RosterGrid.Csv(problem, planted.Planted));
        var dates = problem.Horizon.ToList();
        var shifts = problem.Shifts.ToDictionary(s => s.Code);
        var minutes = problem.Shifts.ToDictionary(s => s.Code, s => (long)s.Duration.TotalMinutes);
        var expected = planted.Planted.ToDictionary(a => (a.Worker.Value, a.Date));
        static bool Hours(string cell, long minutes) => Math.Abs((double.Parse(cell, CultureInfo.InvariantCulture) * 60) - minutes) < 0.5;
        // No id column (a spreadsheet for people): a row is found by its worker's label, "worker 3" for a worker without a
        // display name; default labels end with one record on the times when there are any.
        var note = planted.Planted.Count > 0 ? 1 : 0;
        var ok = rows.Count == problem.Workers.Count + 2 + note
            && rows.All(r => r.Count == dates.Count + 3)
            && (note == 0 || (rows[^1][0] == "Times as the roster states them." && rows[^1].Skip(1).All(c => c.Length == 0)))
            && rows[0].Skip(2).Take(dates.Count).SequenceEqual(dates.Select(d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        foreach (var row in rows.Skip(1).Take(problem.Workers.Count))
        {
            ok &= row[0].StartsWith("worker ", StringComparison.Ordinal);
            var worker = int.Parse(row[0]["worker ".Length..], CultureInfo.InvariantCulture);
            ok &= Kinds[problem.Workers.Single(w => w.Id.Value == worker).Kind] == row[1];
            for (var d = 0; d < dates.Count; d++)
            {
                var cell = row[2 + d];
                ok &= expected.TryGetValue((worker, dates[d]), out var a)
                    ? cell == $"{Times(shifts[a.ShiftCode], problem.Shifts)} post {a.Post.Value}" + (a.Qualification is null ? "" : $" ({a.Qualification})")
                    : cell.Length == 0;
            }

            ok &= Hours(row[^1], planted.Planted.Where(a => a.Worker.Value == worker).Sum(a => minutes[a.ShiftCode]));
        }

        var total = rows[rows.Count - 1 - note];
        for (var d = 0; d < dates.Count; d++)
        {
            ok &= Hours(total[2 + d], planted.Planted.Where(a => a.Date == dates[d]).Sum(a => minutes[a.ShiftCode]));
        }

        return ok && rows.Skip(1).Take(problem.Workers.Count).Select(r => r[0]).Distinct().Count() == problem.Workers.Count;
    }

    [Property]
    public bool The_markdown_grid_has_one_row_per_worker_and_one_column_per_date(PlantedProblem planted)
    {
        var lines = RosterGrid.Markdown(planted.Problem, planted.Planted).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tableRows = lines.Where(l => l.StartsWith('|')).ToList();
        return tableRows.Count == planted.Problem.Workers.Count + 3
            && tableRows.All(r => r.Split(" | ").Length == planted.Problem.Horizon.Length + 3);
    }

    [Property]
    public bool The_same_roster_in_any_order_gives_the_same_text(PlantedProblem planted, int seed)
    {
        var shuffled = planted.Planted.ToList();
        var random = new Random(seed);
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        return RosterGrid.Markdown(planted.Problem, planted.Planted) == RosterGrid.Markdown(planted.Problem, shuffled)
            && RosterGrid.Csv(planted.Problem, planted.Planted) == RosterGrid.Csv(planted.Problem, shuffled)
            && CoverageView.Markdown(planted.Problem, planted.Planted) == CoverageView.Markdown(planted.Problem, shuffled);
    }
}
