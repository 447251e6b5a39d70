using System.Globalization;
using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Views;

/// <summary>
/// Per-post coverage of a roster: a summary per post (duties, people required and assigned, shortfalls), then
/// one row per demand (post, date, shift, qualification) with the people required, the hard minimum, the people
/// assigned and a status that marks every shortfall.
/// </summary>
/// <remarks>
/// An assignment covers the demand with the same post, date, shift code and qualification (the planner's and
/// the score's rule). Status: <c>ok</c>; <c>⚠ **short n**</c> when fewer than required are assigned;
/// <c>⛔ **below minimum, short n**</c> when fewer than the hard minimum are; <c>over n</c> when more than required.
/// Rows are ordered by post id, date, shift start, shift code and qualification. Pure rendering, invariant
/// culture, fixed line ends: the same input gives byte-identical text.
/// </remarks>
public static class CoverageView
{
    /// <summary>Renders the coverage in Markdown: a one-line summary, the per-post table, the per-demand table.</summary>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="assignments">The roster's assignments.</param>
    /// <param name="postNames">Optional display names of posts; posts without one show as <c>P</c> + id.</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or an assignment does not belong to the problem.</exception>
    public static string Markdown(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, IReadOnlyDictionary<Id<Post>, string>? postNames = null)
    {
        var input = RosterViewInput.Check(problem, assignments, postNames, nameof(problem), nameof(assignments));
        var assigned = assignments.GroupBy(a => (a.Post, a.Date, a.ShiftCode, a.Qualification)).ToDictionary(g => g.Key, g => g.Count());
        var rows = problem.Demands
            .OrderBy(d => d.Post)
            .ThenBy(d => d.Date)
            .ThenBy(d => input.Shifts[d.ShiftCode].Start)
            .ThenBy(d => d.ShiftCode, StringComparer.Ordinal)
            .ThenBy(d => d.Qualification ?? string.Empty, StringComparer.Ordinal)
            .Select(d => (Demand: d, Assigned: assigned.GetValueOrDefault((d.Post, d.Date, d.ShiftCode, d.Qualification))))
            .ToList();

        var shortRows = rows.Where(r => r.Assigned < r.Demand.Required).ToList();
        var belowMinimum = rows.Count(r => r.Assigned < (r.Demand.Minimum ?? 0));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"Coverage: {rows.Count} duties, {rows.Sum(r => r.Demand.Required)} people required, {assignments.Count} assigned; ");
        sb.Append(shortRows.Count == 0
            ? "no shortfall."
            : string.Create(CultureInfo.InvariantCulture,
                $"{shortRows.Count} short by {shortRows.Sum(r => r.Demand.Required - r.Assigned)} people in all ({belowMinimum} below the hard minimum)."));
        sb.Append(ViewText.Line).Append(ViewText.Line);

        // Per post first, so a long roster's trouble spots are visible before the detail.
        ViewText.Header(sb, ["post", "duties", "required", "assigned", "duties short", "people short"], i => i >= 1);
        foreach (var post in rows.GroupBy(r => r.Demand.Post))
        {
            var shortHere = post.Where(r => r.Assigned < r.Demand.Required).ToList();
            ViewText.Row(sb,
            [
                input.PostLabel(post.Key), ViewText.Int(post.Count()), ViewText.Int(post.Sum(r => r.Demand.Required)), ViewText.Int(post.Sum(r => r.Assigned)),
                shortHere.Count == 0 ? "0" : "**" + ViewText.Int(shortHere.Count) + "**", ViewText.Int(shortHere.Sum(r => r.Demand.Required - r.Assigned)),
            ]);
        }

        sb.Append(ViewText.Line);
        string[] header = ["post", "date", "shift", "qualification", "required", "minimum", "assigned", "status"];
        ViewText.Header(sb, header, i => i is >= 4 and <= 6);
        foreach (var (d, n) in rows)
        {
            ViewText.Row(sb,
            [
                input.PostLabel(d.Post), ViewText.Date(d.Date), d.ShiftCode, d.Qualification ?? "-", ViewText.Int(d.Required),
                d.Minimum is { } m ? ViewText.Int(m) : "-", ViewText.Int(n), Status(d, n),
            ]);
        }

        return sb.ToString();
    }

    private static string Status(Demand d, int assigned) =>
        assigned < (d.Minimum ?? 0) ? string.Create(CultureInfo.InvariantCulture, $"⛔ **below minimum, short {d.Required - assigned}**")
        : assigned < d.Required ? string.Create(CultureInfo.InvariantCulture, $"⚠ **short {d.Required - assigned}**")
        : assigned > d.Required ? string.Create(CultureInfo.InvariantCulture, $"over {assigned - d.Required}")
        : "ok";
}
