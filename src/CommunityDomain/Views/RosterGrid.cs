using System.Text;
using CommunityDomain.Rostering;

namespace CommunityDomain.Views;

/// <summary>
/// A duty roster as a grid of workers x days, as an office posts it: each worker by name and kind, each cell the
/// duty's local start and end and its post (<c>08:00-16:00 East gate</c> / <c>08:00-16:00 东门</c>, with the
/// duty's qualification in parentheses), each worker's hours in the last column and each day's in the last row.
/// </summary>
/// <remarks>
/// Pure rendering: no I/O, fixed line ends, texts from the culture of the <see cref="Labels"/> (English with numbered
/// workers and posts when none are given, the times as the roster states them and the caption saying so), so the same
/// input gives byte-identical text.
/// One row per worker of the problem (in id order, including workers with no duty) and one column per date of
/// the horizon. Workers show their display names (<see cref="Worker.DisplayName"/>); posts show with their compound
/// when the roster spans several compounds.
/// </remarks>
public static class RosterGrid
{
    /// <summary>Renders the grid as a Markdown table with a one-line caption.</summary>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="assignments">The roster's assignments (e.g. <see cref="Roster.Assignments"/>).</param>
    /// <param name="labels">Culture, zone and names (e.g. <see cref="Labels.For"/>); null for <see cref="Labels.Default"/> in the problem's <see cref="RosterProblem.Zone"/>.</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or an assignment does not belong to the problem
    /// (unknown worker, date outside the horizon, unknown shift, no matching demand, two shifts on one worker-date).</exception>
    public static string Markdown(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Labels? labels = null)
    {
        var input = RosterViewInput.Check(problem, assignments, labels, nameof(problem), nameof(assignments));
        var l = input.Labels;
        var grid = Build(input);
        var sb = new StringBuilder();
        var horizon = problem.Horizon;
        var caption = l.Text("roster.caption",
            ("from", l.DateWithYear(horizon.Start)), ("to", l.DateWithYear(horizon.End)), ("workers", l.Count(grid.Workers.Count, "workers")),
            ("duties", l.Count(assignments.Count, "duties")), ("hours", l.Hours(grid.Total)));
        sb.Append(assignments.Count > 0 ? l.WithRosterTimes(caption) : caption);
        sb.Append(ViewText.Line).Append(ViewText.Line);
        var header = new List<string> { l.Text("roster.worker"), l.Text("roster.kind") };
        header.AddRange(grid.Dates.Select(l.Date));
        header.Add(l.Text("roster.hours"));
        ViewText.Header(sb, header, i => i == header.Count - 1);
        var off = l.Text("roster.off");
        for (var w = 0; w < grid.Workers.Count; w++)
        {
            var worker = grid.Workers[w];
            var row = new List<string> { l.Worker(worker.Id), l.Kind(worker.Kind) };
            row.AddRange(grid.Cells[w].Select(c => c ?? off));
            row.Add(l.Hours(grid.WorkerMinutes[w]));
            ViewText.Row(sb, row);
        }

        var totals = new List<string> { ViewText.Strong(l.Text("roster.per-day")), " " };
        totals.AddRange(grid.DayMinutes.Select(l.Hours));
        totals.Add(ViewText.Strong(l.Hours(grid.Total)));
        ViewText.Row(sb, totals);
        return sb.ToString();
    }

    /// <summary>
    /// Renders the grid as RFC 4180 CSV (CRLF line ends, fields quoted when needed), a spreadsheet for people, not for
    /// machines (no internal id: a program reads <see cref="Roster.Assignments"/>): a header <c>worker,kind,yyyy-MM-dd...,hours</c>
    /// (names in the labels' culture), one record per worker in id order (display name, kind, one cell per date, empty when off,
    /// hours as a number), a record <c>total,,hours per date...,total hours</c>, and, when the labels know no zone, a last
    /// record saying the times are as the roster states them (its other fields empty, so every record has the header's fields). A field that a spreadsheet would take for a formula
    /// (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) starts with an apostrophe.
    /// </summary>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="assignments">The roster's assignments.</param>
    /// <param name="labels">Culture, zone and names; null for <see cref="Labels.Default"/> in the problem's <see cref="RosterProblem.Zone"/>.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or an assignment does not belong to the problem.</exception>
    public static string Csv(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Labels? labels = null)
    {
        var input = RosterViewInput.Check(problem, assignments, labels, nameof(problem), nameof(assignments));
        var l = input.Labels;
        var grid = Build(input);
        var sb = new StringBuilder();
        var header = new List<string> { l.Text("roster.worker"), l.Text("roster.kind") };
        header.AddRange(grid.Dates.Select(ViewText.Date));
        header.Add(l.Text("roster.hours.column"));
        ViewText.CsvRow(sb, header);
        for (var w = 0; w < grid.Workers.Count; w++)
        {
            var worker = grid.Workers[w];
            var row = new List<string> { l.Worker(worker.Id), l.Kind(worker.Kind) };
            row.AddRange(grid.Cells[w].Select(c => c ?? string.Empty));
            row.Add(ViewText.HoursNumber(grid.WorkerMinutes[w]));
            ViewText.CsvRow(sb, row);
        }

        var totals = new List<string> { l.Text("roster.total"), string.Empty };
        totals.AddRange(grid.DayMinutes.Select(ViewText.HoursNumber));
        totals.Add(ViewText.HoursNumber(grid.Total));
        ViewText.CsvRow(sb, totals);
        // Without a zone, one last record says the cells' times are as the roster states them (the caption the Markdown has).
        if (l.RosterTimesNote is { Length: > 0 } note && assignments.Count > 0)
        {
            ViewText.CsvRow(sb, [note, .. Enumerable.Repeat(string.Empty, totals.Count - 1)]);
        }

        return sb.ToString();
    }

    private static GridData Build(RosterViewInput input)
    {
        var workers = input.Problem.Workers.OrderBy(w => w.Id).ToList();
        var dates = input.Problem.Horizon.ToList();
        var row = workers.Select((w, i) => (w.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var cells = workers.Select(_ => new string?[dates.Count]).ToArray();
        var workerMinutes = new long[workers.Count];
        var dayMinutes = new long[dates.Count];
        var first = input.Problem.Horizon.Start;
        foreach (var a in input.Assignments)
        {
            var w = row[a.Worker];
            var d = Period.DaysBetween(first, a.Date);
            cells[w][d] = input.CellOf(a);
            workerMinutes[w] += input.MinutesOf(a);
            dayMinutes[d] += input.MinutesOf(a);
        }

        return new GridData(workers, dates, cells, workerMinutes, dayMinutes, workerMinutes.Sum());
    }

    private sealed record GridData(
        IReadOnlyList<Worker> Workers, IReadOnlyList<LocalDate> Dates, string?[][] Cells, long[] WorkerMinutes, long[] DayMinutes, long Total);
}
