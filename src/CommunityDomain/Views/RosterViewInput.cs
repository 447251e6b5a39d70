using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Views;

/// <summary>
/// Checks that a list of assignments belongs to a roster problem (known workers, dates in the horizon, known
/// shift codes, a matching demand, one shift per worker and date) and gives the lookups the roster views share.
/// </summary>
internal sealed class RosterViewInput
{
    private readonly IReadOnlyDictionary<Id<Post>, string>? _postNames;

    private RosterViewInput(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, IReadOnlyDictionary<Id<Post>, string>? postNames)
    {
        Problem = problem;
        Assignments = assignments;
        _postNames = postNames;
        Shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    public RosterProblem Problem { get; }

    public IReadOnlyList<RosterAssignment> Assignments { get; }

    public IReadOnlyDictionary<string, ShiftDefinition> Shifts { get; }

    public static RosterViewInput Check(
        RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, IReadOnlyDictionary<Id<Post>, string>? postNames,
        string problemName, string assignmentsName)
    {
        Guard.Against.Null(problem, problemName);
        Guard.Against.Null(assignments, assignmentsName);
        var input = new RosterViewInput(problem, assignments, postNames);
        var workers = problem.Workers.Select(w => w.Id).ToHashSet();
        var demands = problem.Demands.Select(d => (d.Post, d.Date, d.ShiftCode, d.Qualification)).ToHashSet();
        var taken = new HashSet<(Id<Worker>, LocalDate)>();
        foreach (var a in assignments)
        {
            var problemWith = a.Worker.IsDefault ? "a default worker id"
                : !workers.Contains(a.Worker) ? "a worker the problem does not have"
                : !problem.Horizon.Contains(a.Date) ? "a date outside the problem's horizon"
                : !input.Shifts.ContainsKey(a.ShiftCode ?? string.Empty) ? "a shift code the problem does not define"
                : !demands.Contains((a.Post, a.Date, a.ShiftCode!, a.Qualification)) ? "no matching demand in the problem"
                : !taken.Add((a.Worker, a.Date)) ? "a second shift for the same worker and date"
                : null;
            if (problemWith is not null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Assignment {a} has {problemWith}: the roster does not belong to this problem."), assignmentsName);
            }
        }

        return input;
    }

    /// <summary>The post's display label: the caller's name for it, else "P" and its id value.</summary>
    public string PostLabel(Id<Post> post) =>
        _postNames is not null && _postNames.TryGetValue(post, out var name) && !string.IsNullOrWhiteSpace(name)
            ? name.Trim()
            : "P" + ViewText.Int(post.Value);

    /// <summary>A grid cell: shift code, "@", post label, and the qualification in parentheses when the duty has one.</summary>
    public string CellOf(RosterAssignment a) =>
        a.ShiftCode + "@" + PostLabel(a.Post) + (a.Qualification is { } q ? " (" + q + ")" : string.Empty);

    public int MinutesOf(RosterAssignment a) => Shifts[a.ShiftCode].Minutes;
}
