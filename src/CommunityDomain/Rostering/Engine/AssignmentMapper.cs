using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Engine;

/// <summary>Maps public assignments onto the compiled worker-day cells.</summary>
internal static class AssignmentMapper
{
    public static int[] ToCells(RosterProblem problem, IEnumerable<RosterAssignment> assignments)
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

        var cells = new int[p.WorkerCount * p.Days];
        Array.Fill(cells, -1);
        foreach (var a in assignments)
        {
            if (!worker.TryGetValue(a.Worker, out var w) || !slot.TryGetValue((a.Post, a.ShiftCode, a.Qualification), out var s) || !problem.Horizon.Contains(a.Date))
            {
                throw new ArgumentException($"Assignment {a} matches no worker, demand or date of the problem.", nameof(assignments));
            }

            var d = Period.DaysBetween(problem.Horizon.Start, a.Date);
            if (p.Required[p.DaySlot(d, s)] < 0 || cells[p.WorkerDay(w, d)] >= 0)
            {
                throw new ArgumentException($"Assignment {a} matches no demand that date or is a second shift that date.", nameof(assignments));
            }

            cells[p.WorkerDay(w, d)] = s;
        }

        return cells;
    }
}
