using System.Globalization;
using CommunityDomain.Rostering;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

[Properties(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 100)]
public sealed class CoverageViewProperties
{
    // Drops some planted assignments (so some demands fall short) and adds people to some demands (so some
    // are over what they require, within or beyond their maximum, as pins can make them).
    private static List<RosterAssignment> Thinned(PlantedProblem planted, int seed)
    {
        var random = new Random(seed);
        var roster = planted.Planted.Where(_ => random.Next(4) != 0).ToList();
        var workers = planted.Problem.Workers;
        foreach (var d in planted.Problem.Demands.Where(_ => random.Next(5) == 0))
        {
            // Only people free that date: a roster holds one shift per worker and date.
            var free = workers.Where(w => !roster.Any(a => a.Worker == w.Id && a.Date == d.Date)).Take(random.Next(1, 4)).ToList();
            roster.AddRange(free.Select(w => new RosterAssignment(w.Id, d.Date, d.Post, d.ShiftCode, d.Qualification)));
        }

        return roster;
    }

    // The English texts the checks expect, written out here independently of the resource tables.
    private static string People(int n) => n == 1 ? "1 person" : $"{n} people";

    private static string Day(LocalDate d) => d.ToDateTimeUnspecified().ToString("ddd d MMM", CultureInfo.InvariantCulture);

    private static string Times(ShiftDefinition s)
    {
        var end = s.Start.PlusMinutes((long)s.Duration.TotalMinutes);
        return $"{s.Start:HH:mm}-{end:HH:mm}" + (end <= s.Start ? " (next day)" : "");
    }

    // A shift whose times another shift shares has its code after them, so two crews on one span are told apart.
    private static string Times(ShiftDefinition s, IEnumerable<ShiftDefinition> all) =>
        Times(s) + (all.Any(o => o.Code != s.Code && Times(o) == Times(s)) ? $" ({s.Code})" : "");

    [Property]
    public bool Coverage_rows_agree_with_an_independent_count_and_mark_exactly_the_shortfalls(PlantedProblem planted, int seed)
    {
        var problem = planted.Problem;
        var roster = Thinned(planted, seed);
        var shifts = problem.Shifts.ToDictionary(s => s.Code);
        var rows = CoverageView.Markdown(problem, roster).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("| post ", StringComparison.Ordinal) && char.IsDigit(l[7]))
            .Select(l => l.Trim('|', ' ').Split(" | "))
            .Where(cells => cells.Length == 8)
            .ToList();
        var demands = problem.Demands.OrderBy(d => d.Post).ThenBy(d => d.Date).ThenBy(d => shifts[d.ShiftCode].Start)
            .ThenBy(d => d.ShiftCode, StringComparer.Ordinal).ThenBy(d => d.Qualification ?? "", StringComparer.Ordinal).ToList();
        if (rows.Count != demands.Count)
        {
            return false;
        }

        foreach (var (row, demand) in rows.Zip(demands))
        {
            var count = roster.Count(a => a.Post == demand.Post && a.Date == demand.Date && a.ShiftCode == demand.ShiftCode && a.Qualification == demand.Qualification);
            var isShort = row[7].Contains("short", StringComparison.Ordinal);
            var belowMinimum = row[7].Contains("below minimum", StringComparison.Ordinal);
            var ok = row[0] == $"post {demand.Post.Value}"
                && row[1] == Day(demand.Date)
                && row[2] == Times(shifts[demand.ShiftCode], problem.Shifts)
                && row[3] == (demand.Qualification ?? "-")
                && int.Parse(row[4], CultureInfo.InvariantCulture) == demand.Required
                && row[5] == (demand.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-")
                && int.Parse(row[6], CultureInfo.InvariantCulture) == count
                && isShort == (count < demand.Required)
                && belowMinimum == (count < (demand.Minimum ?? 0))
                && (row[7] == "ok") == (count == demand.Required)
                && row[7].Contains("above maximum", StringComparison.Ordinal) == (count > (demand.Maximum ?? demand.Required))
                && (count <= demand.Required || count > (demand.Maximum ?? demand.Required) || row[7] == $"{People(count - demand.Required)} over")
                && (count <= (demand.Maximum ?? demand.Required) || row[7] == $"⛔ **above maximum, {People(count - (demand.Maximum ?? demand.Required))} too many**")
                && (!isShort || row[7].EndsWith($"short {People(demand.Required - count)}**", StringComparison.Ordinal));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool The_post_summary_agrees_with_an_independent_count(PlantedProblem planted, int seed)
    {
        var problem = planted.Problem;
        var roster = Thinned(planted, seed);
        var summary = CoverageView.Markdown(problem, roster).Split('\n')
            .Where(l => l.StartsWith("| post ", StringComparison.Ordinal) && char.IsDigit(l[7]))
            .Select(l => l.Trim('|', ' ').Split(" | "))
            .Where(cells => cells.Length == 6)
            .ToList();
        var posts = problem.Demands.GroupBy(d => d.Post).ToList();
        return summary.Count == posts.Count && posts.All(g =>
        {
            var row = summary.Single(r => r[0] == $"post {g.Key.Value}");
            var counts = g.Select(d => (d, n: roster.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification))).ToList();
            return row[1] == g.Count().ToString(CultureInfo.InvariantCulture)
                && row[2] == g.Sum(d => d.Required).ToString(CultureInfo.InvariantCulture)
                && row[3] == counts.Sum(x => x.n).ToString(CultureInfo.InvariantCulture)
                && row[4].Trim('*') == counts.Count(x => x.n < x.d.Required).ToString(CultureInfo.InvariantCulture)
                && row[5] == counts.Where(x => x.n < x.d.Required).Sum(x => x.d.Required - x.n).ToString(CultureInfo.InvariantCulture);
        });
    }

    private static string Duties(int n) => n == 1 ? "1 duty" : $"{n} duties";

    [Property]
    public bool The_summary_line_counts_the_shortfalls_and_the_extra_people(PlantedProblem planted, int seed)
    {
        var problem = planted.Problem;
        var roster = Thinned(planted, seed);
        // Default labels add, after the counts, the one sentence on the roster's times (v12c); the counts end before it.
        const string note = " Times as the roster states them.";
        var first = CoverageView.Markdown(problem, roster).Split('\n')[0];
        first = first.EndsWith(note, StringComparison.Ordinal) ? first[..^note.Length] : first;
        var counted = problem.Demands
            .Select(d => (d, n: roster.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification)))
            .ToList();
        var shortDemands = counted.Where(x => x.n < x.d.Required).ToList();
        var over = counted.Where(x => x.n > x.d.Required).ToList();
        var shortOk = shortDemands.Count == 0
            ? first.Contains("nothing short.", StringComparison.Ordinal)
            : first.Contains($"{Duties(shortDemands.Count)} short by {People(shortDemands.Sum(x => x.d.Required - x.n))} in all", StringComparison.Ordinal);
        var above = over.Count(x => x.n > (x.d.Maximum ?? x.d.Required));
        var overOk = over.Count == 0
            ? !first.Contains("more people than required", StringComparison.Ordinal)
            : first.EndsWith($"{Duties(over.Count)} with more people than required, {People(over.Sum(x => x.n - x.d.Required))} extra in all ({Duties(above)} above the maximum).", StringComparison.Ordinal);
        return shortOk && overOk;
    }
}
