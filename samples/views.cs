#:project Scenario/Pubai.Scenario.csproj
// Renders the views of docs/views.md from the Pubai scenario and writes them to docs/views/: a roster grid
// (Markdown, CSV), post coverage, a testing-day timeline (SVG), delivery run sheets (Markdown, CSV), an
// allocation table (Markdown, CSV), the roster's score in plain sentences and the notices (calls, messages with a cancelled and a new duty, swap, dispatch, why short, pass refusals), each in English (x.md) and Chinese (x.zh-CN.md). Fixed seeds and iteration limits, so CI can regenerate and compare the committed files.
// Checks its own result: every file present and non-empty, the SVG well-formed, no clear name anywhere, and
// docs/views.md's excerpts still true.
using System.Text;
using System.Xml.Linq;
using Pubai;

var scenario = PubaiScenario.Build();
var views = ViewsDemo.Render(scenario);
var folder = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "docs", "views"));
Directory.CreateDirectory(folder);
foreach (var (file, text) in views)
{
    File.WriteAllText(Path.Combine(folder, file), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    Console.WriteLine($"wrote docs/views/{file} ({Encoding.UTF8.GetByteCount(text):N0} bytes)");
}

string[] files = ["roster-grid.md", "roster-grid.csv", "coverage.md", "testing-day.svg", "run-sheets.md", "run-sheets.csv", "allocation.md", "allocation.csv", "roster-explained.md", "notices.md"];
string[] expected = [.. files, .. files.Select(f => Path.ChangeExtension(f, null) + ".zh-CN" + Path.GetExtension(f))];
var failures = expected.Where(f => !File.Exists(Path.Combine(folder, f)) || new FileInfo(Path.Combine(folder, f)).Length == 0)
    .Select(f => $"{f} missing or empty").ToList();
foreach (var file in new[] { "testing-day.svg", "testing-day.zh-CN.svg" })
{
    var svg = XDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
    if (svg.Root?.Name.LocalName != "svg" || !svg.Descendants().Any(e => e.Attribute("class")?.Value == "wave"))
    {
        failures.Add($"{file} has no waves");
    }
}

// What a person reads shows local time, never a UTC instant, and names, never Worker#n or Post#n.
var utc = new System.Text.RegularExpressions.Regex(@"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z");
failures.AddRange(views.Where(v => utc.IsMatch(v.Text) || v.Text.Contains("Worker#", StringComparison.Ordinal) || v.Text.Contains("Post#", StringComparison.Ordinal))
    .Select(v => $"{v.File} shows a UTC instant or a bare id"));

var names = scenario.Community.Residents.Select(r => r.Name.Value).Where(n => n.Length > 1).ToHashSet();
failures.AddRange(views.Where(v => names.Any(n => v.Text.Contains(n, StringComparison.Ordinal))).Select(v => $"{v.File} shows a clear name"));
// Every line quoted in docs/views.md (between "<!-- excerpt: FILE -->" and "<!-- end of excerpt -->") is still in FILE.
var page = File.ReadAllText(Path.Combine(folder, "..", "views.md")).Split('\n');
string? quoting = null;
foreach (var line in page)
{
    quoting = line.StartsWith("<!-- excerpt: ", StringComparison.Ordinal) ? line[14..^4] : line.StartsWith("<!-- end of excerpt", StringComparison.Ordinal) ? null : quoting;
    if (quoting is not null && line.Length > 0 && !line.StartsWith("<!--", StringComparison.Ordinal) && !line.Contains('…')
        && !views.Single(v => v.File == quoting).Text.Split('\n').Contains(line))
    {
        failures.Add($"docs/views.md quotes a line no longer in {quoting}: {line}");
    }
}

failures.ForEach(f => Console.WriteLine("FAILED: " + f));
Console.WriteLine(failures.Count == 0 ? $"OK: all {expected.Length} views written (English and Chinese)." : "FAILED");
return failures.Count == 0 ? 0 : 1;
