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
    private readonly bool _manyCompounds;
    private readonly Dictionary<LocalDate, Dictionary<string, string>> _shiftLabels = [];

    private RosterViewInput(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Labels labels)
    {
        Problem = problem;
        Assignments = assignments;
        Labels = labels;
        Shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _manyCompounds = problem.Demands.Select(d => d.Compound).Distinct().Skip(1).Any();
    }

    public Labels Labels { get; }

    public RosterProblem Problem { get; }

    public IReadOnlyList<RosterAssignment> Assignments { get; }

    public IReadOnlyDictionary<string, ShiftDefinition> Shifts { get; }

    public static RosterViewInput Check(
        RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Labels? labels,
        string problemName, string assignmentsName)
    {
        Guard.Against.Null(problem, problemName);
        Guard.Against.Null(assignments, assignmentsName);
        // Without labels, the problem's clock: the times shown are the ones the planner judged; labels must show it too.
        if (labels is not null)
        {
            problem.CheckShownIn(labels.Zone, nameof(labels));
        }

        var input = new RosterViewInput(problem, assignments, labels ?? (problem.Zone.Equals(DateTimeZone.Utc) ? Labels.Default : new Labels(Labels.Default.Culture, problem.Zone)));
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

    /// <summary>The post's label: its name (with its compound's when the roster spans several compounds).</summary>
    public string PostLabel(Id<Post> post) => _manyCompounds ? Labels.PostWithCompound(post) : Labels.Post(post);

    /// <summary>A shift on a date as people read it: its local start and end, from instants, with its code when another
    /// shift reads the same that date (<see cref="Labels.ShiftLabels"/>; worked out once a date).</summary>
    public string ShiftLabel(LocalDate date, string code)
    {
        if (!_shiftLabels.TryGetValue(date, out var labels))
        {
            labels = Labels.ShiftLabels(date, Problem.Shifts);
            _shiftLabels[date] = labels;
        }

        return labels[code];
    }

    /// <summary>A grid cell: shift times on the duty's date, the post, and the qualification when the duty has one.</summary>
    public string CellOf(RosterAssignment a) => a.Qualification is { } q
        ? Labels.Text("duty.qualified", ("times", ShiftLabel(a.Date, a.ShiftCode)), ("post", PostLabel(a.Post)), ("qualification", Labels.Local(q)))
        : Labels.Text("duty", ("times", ShiftLabel(a.Date, a.ShiftCode)), ("post", PostLabel(a.Post)));

    public int MinutesOf(RosterAssignment a) => Shifts[a.ShiftCode].Minutes;
}
