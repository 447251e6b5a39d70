using System.Globalization;
using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Views;

/// <summary>
/// A duty roster as a grid of workers x days: each cell holds the shift code and the post
/// (<c>D@East gate</c>, or <c>D@P3</c> when no post name is given, with the duty's qualification in parentheses),
/// with each worker's total minutes in the last column and each day's total minutes in the last row.
/// </summary>
/// <remarks>
/// Pure rendering: no I/O, invariant culture, fixed line ends, so the same input gives byte-identical text.
/// One row per worker of the problem (in id order, including workers with no duty) and one column per date of
/// the horizon. Workers appear by id and kind only; a roster holds no names.
/// </remarks>
public static class RosterGrid
{
    /// <summary>Renders the grid as a Markdown table with a one-line caption.</summary>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="assignments">The roster's assignments (e.g. <see cref="Roster.Assignments"/>).</param>
    /// <param name="postNames">Optional display names of posts (not personal data); posts without one show as <c>P</c> + id.</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or an assignment does not belong to the problem
    /// (unknown worker, date outside the horizon, unknown shift, no matching demand, two shifts on one worker-date).</exception>
    public static string Markdown(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, IReadOnlyDictionary<Id<Post>, string>? postNames = null)
    {
        var grid = Build(RosterViewInput.Check(problem, assignments, postNames, nameof(problem), nameof(assignments)));
        var sb = new StringBuilder();
        var horizon = problem.Horizon;
        sb.Append(CultureInfo.InvariantCulture,
            $"Roster {ViewText.Date(horizon.Start)} to {ViewText.Date(horizon.End)}: {grid.Workers.Count} workers, {assignments.Count} duties, {grid.Total} minutes on duty.");
        sb.Append(ViewText.Line).Append(ViewText.Line);
        var header = new List<string> { "worker", "kind" };
        header.AddRange(grid.Dates.Select(d => d.ToString("ddd MM-dd", CultureInfo.InvariantCulture)));
        header.Add("minutes");
        ViewText.Header(sb, header, i => i == header.Count - 1);
        for (var w = 0; w < grid.Workers.Count; w++)
        {
            var worker = grid.Workers[w];
            var row = new List<string> { worker.Id.ToString(), worker.Kind.ToString() };
            row.AddRange(grid.Cells[w].Select(c => c ?? "-"));
            row.Add(ViewText.Int(grid.WorkerMinutes[w]));
            ViewText.Row(sb, row);
        }

        var totals = new List<string> { "**minutes per day**", " " };
        totals.AddRange(grid.DayMinutes.Select(m => ViewText.Int(m)));
        totals.Add("**" + ViewText.Int(grid.Total) + "**");
        ViewText.Row(sb, totals);
        return sb.ToString();
    }

    /// <summary>
    /// Renders the grid as RFC 4180 CSV (CRLF line ends, fields quoted when needed): a header
    /// <c>worker,kind,yyyy-MM-dd...,minutes</c>, one record per worker (worker id value, kind, one cell per date,
    /// empty when off, minutes), and a last record <c>total,,minutes per date...,total minutes</c>.
    /// </summary>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="assignments">The roster's assignments.</param>
    /// <param name="postNames">Optional display names of posts; posts without one show as <c>P</c> + id.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or an assignment does not belong to the problem.</exception>
    public static string Csv(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, IReadOnlyDictionary<Id<Post>, string>? postNames = null)
    {
        var grid = Build(RosterViewInput.Check(problem, assignments, postNames, nameof(problem), nameof(assignments)));
        var sb = new StringBuilder();
        var header = new List<string> { "worker", "kind" };
        header.AddRange(grid.Dates.Select(ViewText.Date));
        header.Add("minutes");
        ViewText.CsvRow(sb, header);
        for (var w = 0; w < grid.Workers.Count; w++)
        {
            var worker = grid.Workers[w];
            var row = new List<string> { ViewText.Int(worker.Id.Value), worker.Kind.ToString() };
            row.AddRange(grid.Cells[w].Select(c => c ?? string.Empty));
            row.Add(ViewText.Int(grid.WorkerMinutes[w]));
            ViewText.CsvRow(sb, row);
        }

        var totals = new List<string> { "total", string.Empty };
        totals.AddRange(grid.DayMinutes.Select(m => ViewText.Int(m)));
        totals.Add(ViewText.Int(grid.Total));
        ViewText.CsvRow(sb, totals);
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
