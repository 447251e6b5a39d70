using System.Text;
using CommunityDomain.Rostering;

namespace CommunityDomain.Views;

/// <summary>
/// Per-post coverage of a roster: a summary per post (duties, people required and assigned, shortfalls), then
/// one row per demand (post, date, shift, qualification) with the people required, the hard minimum, the people
/// assigned and a status that marks every shortfall.
/// </summary>
/// <remarks>
/// Texts in the culture of the given <see cref="Labels"/>; posts by name, dates with weekdays, shifts by their local times.
/// An assignment covers the demand with the same post, date, shift code and qualification (the planner's and
/// the score's rule). Status: <c>ok</c>; <c>⚠ **short n**</c> when fewer than required are assigned;
/// <c>⛔ **below minimum, short n**</c> when fewer than the hard minimum are; <c>over n</c> when more than required
/// within the maximum the demand allows, <c>⛔ **above maximum, n too many**</c> beyond it (only pins can put them there).
/// Rows are ordered by post id, date, shift start, shift code and qualification. Pure rendering, invariant
/// culture, fixed line ends: the same input gives byte-identical text.
/// </remarks>
public static class CoverageView
{
    /// <summary>Renders the coverage in Markdown: a one-line summary, the per-post table, the per-demand table.</summary>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="assignments">The roster's assignments.</param>
    /// <param name="labels">Culture, zone and names (e.g. <see cref="Labels.For"/>); null for <see cref="Labels.Default"/> in the problem's <see cref="RosterProblem.Zone"/>.</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or an assignment does not belong to the problem.</exception>
    public static string Markdown(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Labels? labels = null)
    {
        var input = RosterViewInput.Check(problem, assignments, labels, nameof(problem), nameof(assignments));
        var rows = Rows(problem, assignments, input);
        var sb = new StringBuilder(Summary(rows, assignments.Count, input.Labels));
        sb.Append(ViewText.Line).Append(ViewText.Line);
        PostTable(sb, rows, input);
        sb.Append(ViewText.Line);
        DemandTable(sb, rows, input);
        return sb.ToString();
    }

    // The phases of Markdown: the rows (each demand with the people assigned to it, in the documented order), the summary
    // line, the per-post table and the per-demand table, each small enough to read against the text it renders.
    private static List<(Demand Demand, int Assigned)> Rows(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, RosterViewInput input)
    {
        var assigned = assignments.GroupBy(a => (a.Post, a.Date, a.ShiftCode, a.Qualification)).ToDictionary(g => g.Key, g => g.Count());
        return problem.Demands
            .OrderBy(d => d.Post)
            .ThenBy(d => d.Date)
            .ThenBy(d => input.Shifts[d.ShiftCode].Start)
            .ThenBy(d => d.ShiftCode, StringComparer.Ordinal)
            .ThenBy(d => d.Qualification ?? string.Empty, StringComparer.Ordinal)
            .Select(d => (Demand: d, Assigned: assigned.GetValueOrDefault((d.Post, d.Date, d.ShiftCode, d.Qualification))))
            .ToList();
    }

    private static string Summary(List<(Demand Demand, int Assigned)> rows, int assignments, Labels l)
    {
        var shortRows = rows.Where(r => r.Assigned < r.Demand.Required).ToList();
        var belowMinimum = rows.Count(r => r.Assigned < (r.Demand.Minimum ?? 0));
        var sb = new StringBuilder();
        sb.Append(l.Text("coverage.caption",
            ("duties", l.Count(rows.Count, "duties")), ("required", l.Count(rows.Sum(r => r.Demand.Required), "people")),
            ("assigned", l.Count(assignments, "people"))));
        sb.Append(shortRows.Count == 0
            ? l.Text("coverage.no-shortfall")
            : l.Text("coverage.shortfall", ("duties", l.Count(shortRows.Count, "duties")),
                ("people", l.Count(shortRows.Sum(r => r.Demand.Required - r.Assigned), "people")), ("below", l.Count(belowMinimum, "duties"))));

        // Extra people are flagged in the summary too: nobody asked for them, and above a maximum they break a hard rule.
        var overRows = rows.Where(r => r.Assigned > r.Demand.Required).ToList();
        if (overRows.Count > 0)
        {
            sb.Append(' ').Append(l.Text("coverage.overcover", ("duties", l.Count(overRows.Count, "duties")),
                ("people", l.Count(overRows.Sum(r => r.Assigned - r.Demand.Required), "people")),
                ("above", l.Count(overRows.Count(r => r.Assigned > r.Demand.MaximumOrRequired), "duties"))));
        }

        // The per-duty table shows duty times: without a zone, the summary says once they are as the roster states them.
        var summary = sb.ToString();
        return rows.Count > 0 ? l.WithRosterTimes(summary) : summary;
    }

    // Per post first, so a long roster's trouble spots are visible before the detail.
    private static void PostTable(StringBuilder sb, List<(Demand Demand, int Assigned)> rows, RosterViewInput input)
    {
        var l = input.Labels;
        ViewText.Header(sb, [l.Text("coverage.post"), l.Text("coverage.duties"), l.Text("coverage.required"), l.Text("coverage.assigned"), l.Text("coverage.duties-short"), l.Text("coverage.people-short")], i => i >= 1);
        foreach (var post in rows.GroupBy(r => r.Demand.Post))
        {
            var shortHere = post.Where(r => r.Assigned < r.Demand.Required).ToList();
            ViewText.Row(sb,
            [
                input.PostLabel(post.Key), l.Number(post.Count()), l.Number(post.Sum(r => r.Demand.Required)), l.Number(post.Sum(r => r.Assigned)),
                shortHere.Count == 0 ? "0" : ViewText.Strong(l.Number(shortHere.Count)), l.Number(shortHere.Sum(r => r.Demand.Required - r.Assigned)),
            ]);
        }
    }

    private static void DemandTable(StringBuilder sb, List<(Demand Demand, int Assigned)> rows, RosterViewInput input)
    {
        var l = input.Labels;
        string[] header = [l.Text("coverage.post"), l.Text("coverage.date"), l.Text("coverage.shift"), l.Text("coverage.qualification"),
            l.Text("coverage.required"), l.Text("coverage.minimum"), l.Text("coverage.assigned"), l.Text("coverage.status")];
        ViewText.Header(sb, header, i => i is >= 4 and <= 6);
        foreach (var (d, n) in rows)
        {
            ViewText.Row(sb,
            [
                input.PostLabel(d.Post), l.Date(d.Date), input.ShiftLabel(d.Date, d.ShiftCode), d.Qualification is { } q ? l.Local(q) : "-", l.Number(d.Required),
                d.Minimum is { } m ? l.Number(m) : "-", l.Number(n), Status(l, d, n),
            ]);
        }
    }

    private static string Status(Labels l, Demand d, int assigned) =>
        assigned < (d.Minimum ?? 0) ? ViewText.Strong(l.Text("coverage.below-minimum", ("people", l.Count(d.Required - assigned, "people"))), "⛔ ")
        : assigned < d.Required ? ViewText.Strong(l.Text("coverage.short", ("people", l.Count(d.Required - assigned, "people"))), "⚠ ")
        : assigned > d.MaximumOrRequired ? ViewText.Strong(l.Text("coverage.above-maximum", ("people", l.Count(assigned - d.MaximumOrRequired, "people"))), "⛔ ")
        : assigned > d.Required ? l.Text("coverage.over", ("people", l.Count(assigned - d.Required, "people")))
        : l.Text("coverage.ok");
}
