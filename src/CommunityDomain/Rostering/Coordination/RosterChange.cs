using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Something that happened after a roster was published: the input of <see cref="RosterRepair.Repair(RosterProblem, IEnumerable{RosterAssignment}, RosterChange?, RepairOptions)"/> (null there means nothing changed).</summary>
/// <remarks>
/// A change says what happened; when the office learnt of it is the repair's <see cref="RepairOptions.FrozenBefore"/>,
/// an instant: every duty that started before it (its date at its shift's start time in <see cref="RepairOptions.Zone"/>),
/// including one still in progress, stays exactly as published, and no duty starting before it is added, so no notice
/// ever names a duty that has already begun. A change that removes the demand of such a duty is refused.
/// </remarks>
public abstract record RosterChange
{
    private protected RosterChange()
    {
    }

    /// <summary>The problem as it is after the change.</summary>
    internal abstract RosterProblem ApplyTo(RosterProblem problem);

    /// <summary>
    /// The problem as it is after the change, which happened on <paramref name="now"/>: the date of the repair's
    /// <see cref="RepairOptions.FrozenBefore"/> in its zone (the horizon's start without one).
    /// </summary>
    internal virtual RosterProblem ApplyTo(RosterProblem problem, LocalDate now) => ApplyTo(problem);

    /// <summary>Rebuilds a worker with some fields replaced.</summary>
    private protected static Worker Copy(Worker w, IEnumerable<LocalDate>? unavailable = null) =>
        new(w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo, w.Availability, unavailable ?? w.UnavailableDates, w.Rules, w.DisplayName, w.Resident, w.ConfinedFrom);

    private protected static Worker Find(RosterProblem problem, Id<Worker> worker) =>
        problem.Workers.FirstOrDefault(w => w.Id == worker)
        ?? throw new ArgumentException($"Worker {worker} is not part of the problem.", nameof(worker));
}

/// <summary>A worker cannot serve from a date to the end of the horizon (fell ill, sealed in, called away).</summary>
/// <param name="Worker">The worker.</param>
/// <param name="From">The first date the worker is unavailable.</param>
public sealed record WorkerUnavailable(Id<Worker> Worker, LocalDate From) : RosterChange
{
    internal override RosterProblem ApplyTo(RosterProblem problem)
    {
        var w = Find(problem, Worker);
        var dates = w.UnavailableDates.Concat(problem.Horizon.Where(d => d >= From));
        return problem.With(workers: problem.Workers.Select(x => x.Id == Worker ? Copy(x, unavailable: dates) : x));
    }

    /// <summary>E.g. <c>Worker#3 unavailable from 2022-08-20</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Worker} unavailable from {From:uuuu-MM-dd}");
}

/// <summary>
/// A worker may serve only in one compound from now on (e.g. their own compound was sealed): in a repair, from the
/// date of <see cref="RepairOptions.FrozenBefore"/> in <see cref="RepairOptions.Zone"/> (the horizon's start without
/// one). Duties dated before it were served before the sealing and stay as they were, wherever they were
/// (<see cref="Rostering.Worker.ConfinedFrom"/>); so does a duty of that date that started before the freeze instant
/// (a repair never touches it), which then counts as a confinement violation if it lies elsewhere.
/// </summary>
/// <param name="Worker">The worker.</param>
/// <param name="Compound">The compound.</param>
public sealed record WorkerConfined(Id<Worker> Worker, Id<Compound> Compound) : RosterChange
{
    internal override RosterProblem ApplyTo(RosterProblem problem) => ApplyTo(problem, problem.Horizon.Start);

    internal override RosterProblem ApplyTo(RosterProblem problem, LocalDate now)
    {
        Find(problem, Worker);
        return problem.With(workers: problem.Workers.Select(x => x.Id != Worker ? x
            : x.ConfinedTo == Compound && (x.ConfinedFrom is not { } from || from <= now) ? x // already confined there since earlier
            : new Worker(x.Id, x.Kind, x.Home, x.Qualifications, Compound, x.Availability, x.UnavailableDates, x.Rules, x.DisplayName, x.Resident, now)));
    }

    /// <summary>E.g. <c>Worker#3 confined to Compound#6</c>.</summary>
    public override string ToString() => $"{Worker} confined to {Compound}";
}

/// <summary>A demand needs more people (e.g. a gate broke and needs one more guard).</summary>
/// <param name="Post">The post.</param>
/// <param name="Date">The date.</param>
/// <param name="ShiftCode">The shift code.</param>
/// <param name="Required">The new required count.</param>
/// <param name="Qualification">The demand's qualification, or null.</param>
public sealed record DemandRaised(Id<Post> Post, LocalDate Date, string ShiftCode, int Required, string? Qualification = null) : RosterChange
{
    internal override RosterProblem ApplyTo(RosterProblem problem)
    {
        var d = problem.Demands.FirstOrDefault(x => x.Post == Post && x.Date == Date && x.ShiftCode == ShiftCode && x.Qualification == Qualification)
            ?? throw new ArgumentException($"No demand at {Post} on {Date:uuuu-MM-dd} {ShiftCode}.", nameof(problem));
        var raised = new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, Math.Max(Required, d.Required), d.UnderWeight, d.OverWeight, d.Minimum, d.Qualification);
        return problem.With(demands: problem.Demands.Select(x => ReferenceEquals(x, d) ? raised : x));
    }

    /// <summary>E.g. <c>Post#1 2022-08-20 D needs 3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Post} {Date:uuuu-MM-dd} {ShiftCode} needs {Required}");
}

/// <summary>A post closes from a date: its demands from then on are dropped, and so are pins on them.</summary>
/// <param name="Post">The post.</param>
/// <param name="From">The first date it is closed.</param>
public sealed record PostClosed(Id<Post> Post, LocalDate From) : RosterChange
{
    internal override RosterProblem ApplyTo(RosterProblem problem) =>
        problem.With(
            demands: problem.Demands.Where(d => d.Post != Post || d.Date < From),
            pins: problem.Pins.Where(p => p.Post != Post || p.Date < From));

    /// <summary>E.g. <c>Post#1 closed from 2022-08-20</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Post} closed from {From:uuuu-MM-dd}");
}
