using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Explains a roster to the coordinator: why a post is short, why a worker got their shifts.</summary>
public static class RosterExplanations
{
    /// <summary>Why a demand is short: for each worker not on it, what stopped them.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="assignments">The roster.</param>
    /// <param name="post">The demand's post.</param>
    /// <param name="date">The demand's date.</param>
    /// <param name="shiftCode">The demand's shift code.</param>
    /// <param name="qualification">The demand's qualification, or null.</param>
    /// <returns>
    /// One reason per worker not on the demand, by worker id: already on a duty that date (one duty a date),
    /// or the hard rules that adding them would break more (by the planner's scoring), or none: they could have covered.
    /// </returns>
    /// <exception cref="ArgumentException">No such demand.</exception>
    public static IReadOnlyList<ShortfallReason> WhyShort(RosterProblem problem, IEnumerable<RosterAssignment> assignments, Id<Post> post, LocalDate date, string shiftCode, string? qualification = null)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(assignments);
        if (!problem.Demands.Any(d => d.Post == post && d.Date == date && d.ShiftCode == shiftCode && d.Qualification == qualification))
        {
            throw new ArgumentException($"No demand at {post} on {date:uuuu-MM-dd} {shiftCode}.", nameof(post));
        }

        var p = problem.Compiled;
        var cells = problem.CellsOf(assignments, nameof(assignments));
        var day = Period.DaysBetween(problem.Horizon.Start, date);
        var demand = problem.Demands.First(d => d.Post == post && d.Date == date && d.ShiftCode == shiftCode && d.Qualification == qualification);
        var slot = Array.FindIndex(p.SlotDemand, k => SameSlot(problem.Demands[k], demand));
        return Shortfall.Reasons(new RosterEvaluator(p, cells), day, slot, demand);
    }

    private static bool SameSlot(Demand a, Demand b) => a.Post == b.Post && a.ShiftCode == b.ShiftCode && a.Qualification == b.Qualification;

    /// <summary>Why a worker got the shifts they got.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="roster">The scored roster.</param>
    /// <param name="worker">A worker of the problem.</param>
    /// <returns>The worker's duties, score lines, minutes against their group's mean, and unavailable dates.</returns>
    /// <exception cref="ArgumentException">The worker is unknown.</exception>
    public static WorkerExplanation WhyWorker(RosterProblem problem, Roster roster, Id<Worker> worker)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(roster);
        var me = problem.Workers.FirstOrDefault(w => w.Id == worker)
            ?? throw new ArgumentException($"Worker {worker} is not part of the problem.", nameof(worker));
        var length = problem.Shifts.ToDictionary(s => s.Code, s => (long)s.Duration.TotalMinutes);
        long MinutesOf(Id<Worker> id) => roster.Assignments.Where(a => a.Worker == id).Sum(a => length[a.ShiftCode]);
        var group = problem.Workers.Where(w => w.Kind == me.Kind && w.Qualifications.SetEquals(me.Qualifications)).ToList();
        return new WorkerExplanation(
            worker,
            [.. roster.Assignments.Where(a => a.Worker == worker).OrderBy(a => a.Date)],
            [.. roster.Score.Items.Where(i => i.Worker == worker)],
            MinutesOf(worker),
            group.Average(w => (double)MinutesOf(w.Id)),
            [.. me.UnavailableDates.Where(problem.Horizon.Contains).Order()]);
    }
}
