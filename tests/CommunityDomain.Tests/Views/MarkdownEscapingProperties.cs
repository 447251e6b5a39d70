using System.Globalization;
using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Views;
using FsCheck.Xunit;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CommunityDomain.Tests.Views;

/// <summary>A name as a host may type it, full of characters Markdown reads as markup.</summary>
public sealed record MarkdownLabel(string Text)
{
    public override string ToString() => Text.Replace("\n", "\\n", StringComparison.Ordinal);
}

public static class MarkdownLabels
{
    private static readonly Gen<string> Piece = Gen.Elements(
        "*", "**", "_", "__", "`", "``", "[x](http://example.invalid)", "![i](x.png)", "<b>", "</b>", "<!-- c -->", "&amp;", "&#42;", "#", "## ", "~~", "~",
        "$x$", "www.example.invalid", "a@b.invalid", "mailto:x", "\\", "\\*", "|", "||", "{", "}", "(", ")", "!", "-", "+", "1.", ">", "\n", "张", "王", "Li", " ", "é", "\t", "=", "@");

    public static Gen<MarkdownLabel> Label { get; } =
        from first in Gen.Elements("*", "#", "张", "L", "_", "`", "[", "<", ">", "-", "|", "王")
        from count in Gen.Choose(1, 7)
        from pieces in Gen.ArrayOf(Piece, count)
        from last in Gen.Elements("*", "张", "_", "#", "`", "\\", "]", "芳")
        select new MarkdownLabel(first + string.Concat(pieces) + last);

    public static Arbitrary<MarkdownLabel[]> Labels() => Gen.Choose(2, 5).SelectMany(n => Gen.ArrayOf(Label, n)).ToArbitrary();
}

/// <summary>
/// Markdown views show every name as typed (issue 12: a worker named <c>*张*</c> rendered in italics): an independent
/// CommonMark parser (Markdig with GitHub's extensions: pipe tables, strikethrough, maths, autolinks) reads each table
/// back with the header's cell count in every row and the name as plain text, and finds no markup the library did
/// not write itself (only the bold of totals and shortfalls).
/// </summary>
public sealed class MarkdownEscapingProperties
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    // What a label shows as once the views have flattened it to one line: line breaks as spaces, ends trimmed
    // (a table cell or a heading trims its own text).
    // A label as every text shows it (v12d): runs of white space and control characters (line breaks, tabs) are one space.
    private static string Shown(string label) => System.Text.RegularExpressions.Regex.Replace(label, @"[\s\p{Cc}\u2028\u2029]+", " ").Trim();

    // The plain text of inline content; anything that is markup the library did not write makes the text fail.
    private static string Plain(ContainerInline? inline, bool allowStrong)
    {
        var sb = new StringBuilder();
        for (var child = inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case EmphasisInline { DelimiterChar: '*', DelimiterCount: 2 } strong when allowStrong:
                    sb.Append(Plain(strong, allowStrong: false));
                    break;
                default:
                    sb.Append("\u0001MARKUP:").Append(child.GetType().Name).Append('\u0001');
                    break;
            }
        }

        return sb.ToString();
    }

    private static List<List<string>> Table(Table table, bool allowStrong) =>
        [.. table.OfType<TableRow>().Select(row => row.OfType<TableCell>()
            .Select(cell => string.Concat(cell.OfType<ParagraphBlock>().Select(p => Plain(p.Inline, allowStrong))).Trim()).ToList())];

    [Property(Arbitrary = [typeof(MarkdownLabels)], MaxTest = 100)]
    public void A_roster_grid_reads_back_with_every_worker_name_as_typed_and_one_cell_per_column(MarkdownLabel[] names)
    {
        var day = new LocalDate(2022, 8, 18);
        var compound = new Id<Compound>(1);
        var gate = new Id<Post>(1);
        var workers = names.Select((n, i) => new Worker(new Id<Worker>(i + 1), WorkerKind.Staff, compound, displayName: n.Text)).ToList();
        var problem = RosterProblem.Create(new DateInterval(day, day.PlusDays(1)), [new("D", new LocalTime(8, 0), Duration.FromHours(8))],
            [new Demand(gate, compound, day, "D", 1)], workers);
        foreach (var culture in Cultures)
        {
            var labels = new Labels(culture, DateTimeZone.Utc, workers, posts: new Dictionary<Id<Post>, string> { [gate] = names[0].Text });
            var document = Markdown.Parse(RosterGrid.Markdown(problem, [new RosterAssignment(new Id<Worker>(1), day, gate, "D")], labels), Gfm);
            var rows = Table(document.Descendants<Table>().Single(), allowStrong: true);

            Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
            Assert.Equal(names.Select(n => Shown(n.Text)), rows.Skip(1).Take(names.Length).Select(r => r[0]));
            Assert.Contains(Shown(names[0].Text), rows[1][2], StringComparison.Ordinal);
            Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains("\u0001MARKUP", StringComparison.Ordinal));
            Assert.Empty(document.Descendants<HtmlBlock>());
        }
    }

    [Property(Arbitrary = [typeof(MarkdownLabels)], MaxTest = 100)]
    public void Run_sheets_read_back_with_runner_headings_rooms_and_contents_as_typed(MarkdownLabel[] names)
    {
        var parcels = names.Select((n, i) => new Parcel(new Id<Household>(i + 1), new Id<Building>(1), n.Text + "-" + i.ToString(CultureInfo.InvariantCulture),
            "张*", n.Text, 500)).ToList();
        var plan = RunPlanner.Plan(parcels, [new BuildingSite(new Id<Building>(1), new Position(0, 0))], new RunOptions(100_000, Duration.FromMinutes(60)), [names[^1].Text]);
        foreach (var culture in Cultures)
        {
            var labels = new Labels(culture, DateTimeZone.Utc, buildings: new Dictionary<Id<Building>, string> { [new Id<Building>(1)] = names[0].Text });
            var document = Markdown.Parse(RunSheets.Markdown(plan, labels), Gfm);
            var heading = document.Descendants<HeadingBlock>().First();
            Assert.Contains(Shown(names[^1].Text), Plain(heading.Inline, allowStrong: false), StringComparison.Ordinal);
            Assert.DoesNotContain("\u0001MARKUP", Plain(heading.Inline, allowStrong: false), StringComparison.Ordinal);

            var rows = Table(document.Descendants<Table>().First(), allowStrong: false);
            Assert.Equal(6, rows[0].Count);
            Assert.All(rows, r => Assert.Equal(6, r.Count));
            var rooms = rows.Skip(1).Select(r => r[2]).ToList();
            Assert.Equal(parcels.Select(p => Shown(p.Room)).Order(StringComparer.Ordinal), rooms.Order(StringComparer.Ordinal));
            Assert.All(rows.Skip(1), r => Assert.Equal(Shown(labels.Building(new Id<Building>(1))), r[1]));
            Assert.All(rows.Skip(1), r => Assert.Contains(r[4], names.Select(n => Shown(n.Text))));
            Assert.Empty(document.Descendants<HtmlBlock>());
        }
    }

    [Fact]
    public void A_name_in_stars_shows_as_stars_not_italics()
    {
        // The handed case: a worker named *张* rendered in italics.
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, new Id<Compound>(1), displayName: "*张*");
        var labels = new Labels(CultureInfo.GetCultureInfo("zh-CN"), DateTimeZone.Utc, [worker]);
        var cell = ViewText.Cell(labels.Worker(worker.Id));

        Assert.Equal("\\*张\\*", cell);
        var html = Markdown.ToHtml("| a |\n| --- |\n| " + cell + " |\n", Gfm);
        Assert.Contains("<td>*张*</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
    }
}
