using OneOf;

namespace CommunityDomain.Rostering;

/// <summary>Plans duty rosters: greedy construction, then local search with exact one-worker re-optimisation.</summary>
public static class RosterPlanner
{
    /// <summary>Plans a roster for <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Seed and limits.</param>
    /// <param name="progress">Receives the best score each time it improves; optional.</param>
    /// <param name="cancellationToken">Stops the search early; the best roster so far is returned.</param>
    /// <returns>The best roster found when it breaks no hard rule, else <see cref="NoFeasibleRoster"/> with it.</returns>
    /// <remarks>
    /// Guarantees: the returned roster keeps every pinned assignment; it never places a worker on a
    /// choice the problem excludes (missing qualification, confinement, unavailability, a shift with
    /// a maximum of 0) except where a pin does; its score and breakdown are recomputed from scratch;
    /// the same problem, seed and iteration limit (without a time limit) give the same roster;
    /// progress reports come in order of never-worse best score. It holds no static mutable state, so
    /// plans may run concurrently. It stops at the first of: time limit, iteration limit, cancellation.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static OneOf<Roster, NoFeasibleRoster> Plan(
        RosterProblem problem,
        PlannerOptions options,
        IProgress<PlannerProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        return PlanFrom(problem, options, start: null, progress, cancellationToken);
    }

    /// <summary>Plans from a given roster instead of the greedy construction (repair starts from the published roster).</summary>
    internal static OneOf<Roster, NoFeasibleRoster> PlanFrom(
        RosterProblem problem,
        PlannerOptions options,
        IEnumerable<RosterAssignment>? start,
        IProgress<PlannerProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var cells = start is null ? null : AssignmentMapper.ToCells(problem, start);
        var engine = new SearchEngine(problem.Compiled, options, progress, cells);
        engine.Run(cancellationToken);
        var roster = RosterBuilder.Build(problem.Compiled, engine.BestAssign);
        return roster.Score.IsFeasible ? roster : new NoFeasibleRoster(roster, Shortfall.Uncovered(problem.Compiled, engine.BestAssign));
    }

    /// <summary>Scores a given roster of <paramref name="problem"/> from scratch (assignments must match demands).</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="assignments">The assignments, at most one per worker and date.</param>
    /// <returns>The roster with its score and breakdown.</returns>
    /// <exception cref="ArgumentException">An assignment matches no demand or a worker has two on a date.</exception>
    public static Roster Score(RosterProblem problem, IEnumerable<RosterAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(assignments);
        var p = problem.Compiled;
        var assign = AssignmentMapper.ToCells(problem, assignments);
        return RosterBuilder.Build(p, assign);
    }
}
