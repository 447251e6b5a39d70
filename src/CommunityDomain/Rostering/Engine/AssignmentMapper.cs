using System.Diagnostics.CodeAnalysis;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Engine;

/// <summary>Maps public assignments onto the compiled worker-day cells.</summary>
/// <remarks>Guards nothing: an assignment that fits no cell is reported, and the public boundary
/// (<see cref="RosterProblem.CellsOf"/>) throws, naming the parameter its caller was given.</remarks>
internal static class AssignmentMapper
{
    /// <summary>The cells of <paramref name="assignments"/>, or false with why the first that fits none does not.</summary>
    public static bool TryToCells(RosterProblem problem, IEnumerable<RosterAssignment> assignments, out int[] cells, [NotNullWhen(false)] out string? refusal)
    {
        var p = problem.Compiled;
        var slot = new Dictionary<(Id<Post>, string, string?), int>();
        foreach (var d in problem.Demands)
        {
            slot.TryAdd((d.Post, d.ShiftCode, d.Qualification), slot.Count);
        }

        var worker = new Dictionary<Id<Worker>, int>();
        for (var w = 0; w < problem.Workers.Count; w++)
        {
            worker[problem.Workers[w].Id] = w;
        }

        cells = new int[p.WorkerCount * p.Days];
        refusal = null;
        Array.Fill(cells, -1);
        foreach (var a in assignments)
        {
            if (!worker.TryGetValue(a.Worker, out var w) || !slot.TryGetValue((a.Post, a.ShiftCode, a.Qualification), out var s) || !problem.Horizon.Contains(a.Date))
            {
                refusal = $"Assignment {a} matches no worker, demand or date of the problem.";
                return false;
            }

            var d = Period.DaysBetween(problem.Horizon.Start, a.Date);
            if (p.Required[p.DaySlot(d, s)] < 0 || cells[p.WorkerDay(w, d)] >= 0)
            {
                refusal = $"Assignment {a} matches no demand that date or is a second shift that date.";
                return false;
            }

            cells[p.WorkerDay(w, d)] = s;
        }

        return true;
    }
}
