using System.Globalization;
using System.Xml.Linq;
using CommunityDomain.Communities;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;
using Microsoft.VisualBasic.FileIO;

namespace CommunityDomain.Tests.Views;

/// <summary>A name a host might store: control characters, non-characters, lone and paired surrogates, markup and separators, mixed scripts.</summary>
public sealed record HostileName(string Value)
{
    private static readonly string[] Pieces =
    [
        "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\u007F", "\u0085", "\uFFFE", "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
        "\uD83D\uDE00", "\uD840\uDC0B", "\t", "\r", "\n", "\r\n", "|", "\\", "\\|", "\"", "'", ",", ";", "<", ">", "&", "&amp;", "]]>", "<!--",
        "=", "+", "-", "@", "*", "_", "`", "#", "---", "north", "square", "东方小区", "3号楼", "苹果园", "مرحبا", "Ωμέγα", "Ñ", " ",
    ];

    public static Gen<HostileName> Gen =>
        from parts in FsCheck.Fluent.Gen.Elements(Pieces).ArrayOf()
        select new HostileName(string.Concat(parts) + "名");

    public override string ToString() => "\"" + string.Concat(Value.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
}

public static class HostileNameArbitraries
{
    public static Arbitrary<HostileName[]> Names() => Arb.From(
        HostileName.Gen.ArrayOf(8),
        names => Enumerable.Range(0, names.Length).Where(i => names[i].Value.Length > 1)
            .Select(i => names.Select((n, j) => j == i ? new HostileName(n.Value[1..]) : n).ToArray()));
}

/// <summary>
/// Issue 18: every file a view writes is valid in its format for any input. Generated names (control characters,
/// U+FFFE/U+FFFF, lone surrogates, markup, separators, mixed scripts) name the compounds, buildings, units, posts,
/// sites, workers and runners; every view in English and Chinese is then read by a standard reader: the SVG by
/// <see cref="XDocument.Parse(string)"/>, the CSV by <see cref="TextFieldParser"/> (every record as wide as the
/// header, as many records as the strict RFC 4180 reader finds), each Markdown table by its column count.
/// </summary>
[Properties(Arbitrary = [typeof(HostileNameArbitraries), typeof(RosterArbitraries)], MaxTest = 60)]
public sealed class WellFormedViewsProperties
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    [Fact]
    public void A_site_named_with_a_non_character_still_gives_a_timeline_an_xml_reader_accepts()
    {
        foreach (var name in new[] { "north\uFFFFsquare", "north\uFFFEsquare", "north\uD800square", "north\uDC00square" })
        {
            var views = Render([new HostileName(name), new HostileName("3号楼\uD800"), .. Enumerable.Repeat(new HostileName("x"), 6)]);
            var svg = views.Where(v => v.Kind == "svg").ToList();

            Assert.Equal(2, svg.Count);
            Assert.All(svg, v => Assert.Equal("svg", XDocument.Parse(v.Text).Root!.Name.LocalName));
            Assert.All(svg, v => Assert.Contains("northsquare", v.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_building_named_with_a_lone_surrogate_is_kept_apart_from_a_valid_pair()
    {
        var views = Render([new HostileName("site"), new HostileName("楼\uD83D\uDE00\uD800栋"), .. Enumerable.Repeat(new HostileName("x"), 6)]);

        Assert.All(views.Where(v => v.Kind is "svg" or "md"), v => Assert.False(HasLoneSurrogate(v.Text), v.Name));
        Assert.Contains(views, v => v.Kind == "md" && v.Text.Contains("楼\uD83D\uDE00栋", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipe_a_backslash_and_a_line_break_in_a_name_stay_inside_their_markdown_cell()
    {
        var views = Render([.. Enumerable.Repeat(new HostileName("a\\|b\r\n| c | d |"), 8)]);

        Assert.All(views.Where(v => v.Kind == "md"), v => AssertTablesKeepTheirColumns(v.Text, v.Name));
        Assert.Contains(views, v => v.Kind == "md" && v.Text.Contains("a\\\\\\|b \\| c \\| d \\|", StringComparison.Ordinal));
    }

    [Property]
    public void Every_view_is_well_formed_for_any_names(HostileName[] names, PlantedProblem planted)
    {
        foreach (var (kind, name, text) in Render(names, planted))
        {
            switch (kind)
            {
                case "svg":
                    _ = XDocument.Parse(text);
                    break;
                case "csv":
                    AssertCsvIsRectangular(text, name);
                    break;
                case "md":
                    AssertTablesKeepTheirColumns(text, name);
                    break;
            }

            // Any SVG, CSV or Markdown table a view writes can be stored as UTF-8 unchanged: no lone surrogate.
            Assert.False(kind != "text" && HasLoneSurrogate(text), $"{kind} {name} holds a lone surrogate");
        }
    }

    private static List<(string Kind, string Name, string Text)> Render(HostileName[] names, PlantedProblem? planted = null)
    {
        string N(int i) => names[i % names.Length].Value;
        var clock = new NodaTime.Testing.FakeClock(TestingGenerators.Start.Minus(Duration.FromDays(1)));
        var community = Community.Create("Test", RoundFixture.Zone, clock);
        var compound = community.AddCompound(N(0) + "1").AsT0;
        var other = community.AddCompound(N(3) + "2").AsT0;
        var buildings = new[] { community.AddBuilding(compound.Id, N(1) + "a", new Position(0, 0)).AsT0, community.AddBuilding(compound.Id, N(2) + "b", new Position(40, 0)).AsT0 };
        _ = community.AddPost(compound.Id, PostKind.Gate, N(4) + "gate").AsT0;
        _ = community.AddPost(other.Id, PostKind.Checkpoint, N(5) + "check").AsT0;
        var person = 0;
        foreach (var (building, b) in buildings.Select((x, i) => (x, i)))
        {
            var unit = community.AddUnit(building.Id, N(6 + b), 4).AsT0;
            for (var floor = 1; floor <= 3; floor++)
            {
                var home = community.RegisterHousehold(new Room(unit.Id, floor, $"{floor}01")).AsT0;
                _ = community.RegisterResident(home.Id, PeoplePool.Registrations[person++ % PeoplePool.Registrations.Count]).AsT0;
            }
        }

        var start = TestingGenerators.Start;
        var list = MustTestList.From(community, [compound.Id], start);
        var waves = new WaveProblem(start, ServiceTimes.Typical,
            [new SiteSpec(1, N(0), new Position(0, 0), 2, 30, Duration.FromMinutes(3)), new SiteSpec(2, N(7), new Position(30, 0), 1, 10, Duration.FromMinutes(2))],
            PlannerInputs.Buildings(community, list, compound.Id));
        var wavePlan = WavePlanner.Plan(waves);
        var homes = community.Households.Select(h => h.Id).ToList();
        var claims = SupplyClaims.From(community, homes, start.InZone(RoundFixture.Zone).Date, new NeedRules(1, 3, 2, 1, 1));
        var allocation = SupplyAllocator.Allocate(claims, 7, AllocationPolicy.Hamilton);
        var parcels = DeliveryParcels.From(community, claims.Select(c => (c.Household, new ItemKind("rice", "bag", 5000), 1)), 10_000);
        var runs = RunPlanner.Plan(parcels, DeliveryParcels.Sites(community), new RunOptions(10_000, Duration.FromMinutes(30)), [N(1) + " A", N(2) + " B"]);

        var views = new List<(string, string, string)>();
        foreach (var culture in Languages)
        {
            var labels = Labels.For(community, culture, localNames: new Dictionary<string, string> { ["Site 9"] = N(3) });
            views.Add(("svg", "testing-day", TestingDayTimeline.Svg(waves, wavePlan, labels, title: N(5))));
            views.Add(("md", "run-sheets", RunSheets.Markdown(runs, labels)));
            views.Add(("csv", "run-sheets", RunSheets.Csv(runs, labels)));
            views.Add(("md", "allocation", AllocationTable.Markdown(allocation, labels)));
            views.Add(("csv", "allocation", AllocationTable.Csv(allocation, labels)));
            if (planted is not null)
            {
                var problem = planted.Problem;
                var workers = problem.Workers.Select((w, i) => new Worker(w.Id, w.Kind, w.Home, displayName: N(i)));
                var posts = problem.Demands.Select(d => d.Post).Distinct().ToDictionary(p => p, p => N(p.Value + 2));
                var compounds = problem.Workers.Select(w => w.Home).Distinct().ToDictionary(c => c, c => N(c.Value + 4));
                var qualifications = problem.Demands.Select(d => d.Qualification).OfType<string>().Distinct().ToDictionary(q => q, q => N(q.Length));
                var rosterLabels = new Labels(culture, RoundFixture.Zone, workers, posts, compounds, localNames: qualifications);
                views.Add(("md", "roster-grid", RosterGrid.Markdown(problem, planted.Planted, rosterLabels)));
                views.Add(("csv", "roster-grid", RosterGrid.Csv(problem, planted.Planted, rosterLabels)));
                views.Add(("md", "coverage", CoverageView.Markdown(problem, planted.Planted, rosterLabels)));
                views.Add(("text", "roster-explained", RosterTexts.Explain(RosterPlanner.Score(problem, planted.Planted), rosterLabels)));
            }
        }

        return views;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AssertCsvIsRectangular(string text, string name)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var records = new List<string[]>();
        while (!parser.EndOfData)
        {
            records.Add(parser.ReadFields()!);
        }

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.True(r.Length == records[0].Length, $"{name}: a record of {r.Length} fields under a header of {records[0].Length}"));
        Assert.Equal(Rfc4180.Parse(text).Count, records.Count);
    }

    /// <summary>Every table (a run of lines starting with a pipe) has a separator row and as many cells in every row as in its header.</summary>
    private static void AssertTablesKeepTheirColumns(string text, string name)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|'))
            {
                continue;
            }

            var width = Cells(lines[i]);
            Assert.Matches(@"^\|( :?-{3,}:? \|)+$", lines[i + 1]);
            for (i++; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                Assert.True(Cells(lines[i]) == width, $"{name}: row of {Cells(lines[i])} cells under a header of {width}: {lines[i]}");
            }
        }
    }

    /// <summary>Cells of a GFM table row: split at pipes that are not backslash-escaped (a backslash escapes the character after it).</summary>
    private static int Cells(string row)
    {
        var pipes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                pipes++;
            }
        }

        return pipes - 1;
    }
}
