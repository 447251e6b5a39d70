using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Why a worker got the shifts they got: their duties, their score lines, and their minutes against their group.</summary>
/// <param name="Worker">The worker.</param>
/// <param name="Duties">The worker's assignments by date.</param>
/// <param name="Lines">The score lines attributed to the worker (rules and wishes); they add up to <see cref="RosterScore.ByWorker"/>'s entry.</param>
/// <param name="Minutes">The worker's minutes on duty.</param>
/// <param name="GroupMeanMinutes">The mean minutes of the worker's fairness group (same kind and qualifications).</param>
/// <param name="DaysUnavailable">Dates the worker could not serve at all.</param>
public sealed record WorkerExplanation(Id<Worker> Worker, IReadOnlyList<RosterAssignment> Duties, IReadOnlyList<ScoreItem> Lines, long Minutes, double GroupMeanMinutes, IReadOnlyList<LocalDate> DaysUnavailable)
{
    /// <summary>A readable account.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Worker}: {Duties.Count} duties, {Minutes / 60.0:0.#} h (group mean {GroupMeanMinutes / 60.0:0.#} h), {DaysUnavailable.Count} days unavailable; {(Lines.Count == 0 ? "no score lines" : string.Join("; ", Lines.Select(l => l.Description)))}");
}
