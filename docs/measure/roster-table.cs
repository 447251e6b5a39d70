#:project ../../benchmarks/CommunityDomain.Benchmarks/CommunityDomain.Benchmarks.csproj
#:property NoWarn=$(NoWarn);NU1603
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CommunityDomain.Benchmarks.Curtois;

// Issue 20's table in one command: every benchmark problem at `curtois --seconds N` for each seed, one run at a time, each
// in its own process (the command as a user runs it: JIT, parsing and evaluation inside the limit), then the medians.
// Run it on a quiet machine (the limit is wall time; the planner uses every core): 16 problems x 3 seeds at 60 s take
// about 55 minutes. A roster with hard violations ranks after every roster without; the median is the middle seed.
//
// usage: dotnet run -c Release docs/measure/roster-table.cs -- [--seconds 60] [--seeds 1,2,3] [--only Instance5,Instance8]
// prints one line per run (the command's last lines), then a markdown table: problem, best known, per seed, median, gap,
// worst, bound (median, share of best known), longest run; then the mean gap over Instances 1-12 (issue 20's target).
var seconds = Argument("--seconds", "60");
var seeds = Argument("--seeds", "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var only = Argument("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../../benchmarks/roster-benchmark"));
// The benchmarks project is built beside this app (its reference), so its dll sits in the app's own folder.
var dll = Path.Combine(AppContext.BaseDirectory, "CommunityDomain.Benchmarks.dll");

// community-600's target is at 1 s; community-60-14 (where CP-SAT proves the optimum), community-60-28 (where CP-SAT finds
// a roster with one person fewer missing) and community-300 run beside the peer.
var problems = new List<(string Name, string Path, string Extra, string Seconds)>
{
    ("community-60-14-43-s1", "community/community-60-14-43-s1.txt", "--peer", seconds),
    ("community-60-28-43-s3", "community/community-60-28-43-s3.txt", "--peer", seconds),
    ("community-300-14-43-s1", "community/community-300-14-43-s1.txt", "--peer", seconds),
    ("community-600-28-85-s1", "community/community-600-28-85-s1.txt", "", "1"),
};
foreach (var n in new[] { 1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20 })
{
    problems.Add(($"Instance{n}", $"instances/Instance{n}.txt", "", seconds));
}

problems.Add(("Instance21", "instances-large/Instance21.txt", "", seconds));
problems.Add(("Instance23", "instances-large/Instance23.txt", "", seconds));

var rows = new List<string>();
var gaps = new List<double>();
foreach (var (name, path, extra, limit) in problems.Where(p => only.Count == 0 || only.Contains(p.Name)))
{
    var file = Path.Combine(root, path);
    var runs = seeds.Select(seed => Run(file, limit, seed, extra)).ToArray();
    var ranked = runs.OrderBy(r => r.Hard > 0 ? 1 : 0).ThenBy(r => r.Objective).ToArray();
    var median = ranked[ranked.Length / 2];
    var worst = ranked[^1];
    var bounds = runs.Where(r => r.Bound is not null).Select(r => r.Bound!.Value).Order().ToArray();
    var bound = bounds.Length == 0 ? (int?)null : bounds[bounds.Length / 2];
    var best = CurtoisBestKnown.TryFindFor(file, out var row) ? row.BestKnownObjective : (int?)null;
    var gap = best is { } b && median.Hard == 0 ? 100.0 * (median.Objective - b) / b : (double?)null;
    if (gap is { } g && Regex.IsMatch(name, @"^Instance([1-9]|1[0-2])$"))
    {
        gaps.Add(g);
    }

    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {best?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {string.Join(" / ", runs.Select(Show))} | {Show(median)} | " +
        $"{(gap is { } x ? $"{x:F2} %" : "-")} | {Show(worst)} | {Bound(bound, best)} | {runs.Max(r => r.Seconds):F1} |"));
}

Console.WriteLine();
Console.WriteLine($"| problem | best known | seeds {string.Join(" / ", seeds)} | median | gap (median) | worst | bound (median, share of best known) | longest run (s) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
if (gaps.Count > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nInstances 1-12 ({gaps.Count} measured): mean gap {gaps.Average():F2} %, largest {gaps.Max():F2} %"));
}

string Argument(string flag, string fallback)
{
    var at = Array.IndexOf(args, flag);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

Result Run(string file, string limit, int seed, string extra)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { dll, "curtois", "--instance", file, "--seconds", limit, "--seed", seed.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(a);
    }

    if (extra.Length > 0)
    {
        start.ArgumentList.Add(extra);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    var last = lines.LastOrDefault() ?? "";
    var peer = lines.FirstOrDefault(l => l.StartsWith("peer=", StringComparison.Ordinal));
    Console.WriteLine($"{Path.GetFileNameWithoutExtension(file)} seed={seed}: {last}{(peer is null ? "" : $" | {peer}")}{(process.ExitCode == 0 ? "" : $" | exit {process.ExitCode}: {error.Trim()}")}");
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"curtois failed on {file} seed {seed}: {error.Trim()}");
    }

    return new Result(Field(last, "objective") ?? 0, Field(last, "hard_violations") ?? 0, Field(last, "bound"),
        double.Parse(Regex.Match(last, @"seconds=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture),
        peer is null ? null : Regex.Match(peer, @" objective=(\S+)").Groups[1].Value);
}

static int? Field(string line, string key) =>
    Regex.Match(line, $@"(?:^| ){key}=(-?\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

static string Show(Result r) =>
    string.Create(CultureInfo.InvariantCulture, $"{r.Objective}{(r.Hard > 0 ? $" ({r.Hard} hard)" : "")}{(r.Peer is { } p ? $" (CP-SAT {p})" : "")}");

static string Bound(int? bound, int? best) =>
    bound is not { } b ? "-" : best is { } k ? string.Create(CultureInfo.InvariantCulture, $"{b} ({100.0 * b / k:F1} %)") : b.ToString(CultureInfo.InvariantCulture);

internal sealed record Result(int Objective, int Hard, int? Bound, double Seconds, string? Peer);
