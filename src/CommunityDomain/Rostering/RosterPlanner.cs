using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
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
    /// the same problem, seed, iteration limit and degree of parallelism (without a time limit) give the same
    /// roster, and <see cref="PlannerOptions.DegreeOfParallelism"/> searches run at once (default: every core), except on a
    /// problem of at least 18,000 worker-dates (workers x dates), where that many cores serve ONE search whose exact
    /// re-optimisations are solved on lanes, each against the roster as it stood when drawn and applied in the drawn order;
    /// progress reports come in order of never-worse best score. On a problem of fewer than 42 dates with shift wishes or
    /// an own-compound weight the walks lay out cover first: the opening and up to half of each walk's moves or time go to the problem without
    /// those preferences, ending as soon as nobody is missing, before the walk goes on at the full score from that roster,
    /// or from a fresh opening when nobody was missing (no report comes during that phase). It holds no static mutable state, so
    /// plans may run concurrently. Outside pins no worker is put on two overlapping duties: such a duty is left
    /// uncovered and named in <see cref="NoFeasibleRoster.Uncovered"/>. The construction and the search stop at
    /// the first of: time limit, iteration limit (the search only), cancellation; the reasons of each uncovered
    /// duty are worked out when first read, so <c>Plan</c> returns shortly after its time limit (a large
    /// problem may leave demands the construction did not reach unfilled).
    /// The roster carries <see cref="Roster.LowerBound"/>: no roster that keeps the pins and every hard rule has a lower
    /// soft score (a Lagrangian relaxation, see <see cref="LowerBound"/>). Under a time limit the search uses 90 % of
    /// it and the bound the rest (up to 5,000 subgradient iterations, so the bound, unlike the roster, depends on the
    /// machine's speed); with an iteration limit, or none, the bound spends a fixed budget of work (20-800 iterations)
    /// and is as deterministic as the roster.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static OneOf<Roster, NoFeasibleRoster> Plan(
        RosterProblem problem,
        PlannerOptions options,
        IProgress<PlannerProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(options);
        return PlanCore(problem, options, start: null, progress, withBound: true, cancellationToken);
    }

    /// <summary>
    /// A lower bound on the soft score of every roster of <paramref name="problem"/> that breaks no hard
    /// rule and keeps its pins, so a coordinator knows how far from optimal a roster can still be.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="iterations">Subgradient iterations (positive); more give a tighter bound, each costs
    /// about one exact one-worker re-optimisation per worker.</param>
    /// <param name="upper">The soft score of a roster known to keep every hard rule, which steers the steps; optional:
    /// without it a short search (<see cref="TargetSearchMoves"/> moves, seed 1, one thread) looks for such a roster
    /// first and steers by its score, or by the bound's own progress when the search finds none.</param>
    /// <param name="cancellationToken">Stops early; the bound so far is still valid.</param>
    /// <returns>The bound in soft points, or null when the relaxation proves that no roster keeps every hard
    /// rule (a minimum that more people than are eligible must meet, a worker whose pins and rules admit
    /// no schedule, or prices whose value rises above the most soft points any roster keeping every hard rule can
    /// score: every demand at its dearer count, every worker-date at its dearest choice, the widest fairness spread).</returns>
    /// <remarks>
    /// Lagrangian relaxation of cover (each demand's count priced and chosen within its hard range) and of
    /// each worker's total, weekly, per-shift and weekend limits (non-negative prices); each worker's
    /// subproblem is solved exactly by a shortest path over dates that keeps eligibility, pins,
    /// successions, rest and overlap between consecutive dates and the run rules, and also the total-minute and
    /// weekend limits when they bind and the path stays small (kept exactly, not priced). Fairness and rest across
    /// a free date are left out, which only lowers the bound. Every price gives a valid bound; subgradient
    /// steps of Polyak's length along an average of the subgradients raise it, in two ascents that share the
    /// iterations (one from zero prices, one from cover prices that pay a duty half its under weight; the better wins);
    /// on a community-shaped problem (fewer than half the worker-date-shift choices allowed) the one from zero prices aims
    /// its steps at four times <paramref name="upper"/>, which raises its bound there (community-300: 48 -> 63 at 1,600 iterations).
    /// With <paramref name="upper"/> on a small problem (a tree of at least 64 nodes within a fixed work budget) a
    /// best-first branch and bound on demand counts and worker choices raises it further (never above
    /// <paramref name="upper"/> nor any optimum).
    /// Deterministic: each iteration solves the workers' paths on the machine's cores when the problem is large enough
    /// to gain, and the bound does not depend on how many. Sources: Fisher
    /// (1981), Management Science 27(1); Held, Wolfe and Crowder (1974), Mathematical Programming 6; Barahona and
    /// Anbil (2000), Mathematical Programming 87(3).
    /// </remarks>
    /// <exception cref="ArgumentException">A null problem or a non-positive iteration count.</exception>
    public static long? LowerBound(RosterProblem problem, int iterations, long? upper = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problem);
        Guard.Against.NegativeOrZero(iterations);
        upper ??= ShortSearchTarget(problem.Compiled, cancellationToken);
        return LagrangianBound.Compute(problem.Compiled, upper, iterations, Environment.ProcessorCount, () => cancellationToken.IsCancellationRequested,
            guided: new SearchIndex(problem.Compiled).Guides);
    }

    // Without a known roster the steps aim a few percent above the bound so far and stall far below the optimum (800
    // iterations, share of best known without / with a 2,000-move search's score as target: Instance8 74 % / 95 %,
    // Instance12 0.5 % / 96 %, Instance14 25 % / 91 %); a roster's score, even 1.5 x the optimum, steers well.
    private const long TargetSearchMoves = 2_000;

    /// <summary>The soft score of the best roster a short deterministic search finds, when it keeps every hard rule.</summary>
    private static long? ShortSearchTarget(CompiledProblem p, CancellationToken token)
    {
        var options = new PlannerOptions(1, iterationLimit: TargetSearchMoves) { DegreeOfParallelism = 1 };
        var engine = Search(p, options, cells: null, progress: null, timeShare: 1.0, token);
        return engine.BestScore.Hard == 0 ? engine.BestScore.Soft : null;
    }

    // The bound Plan reports. With an iteration limit or no limit: about 80 M operations of the priced path (a fraction
    // of a second on small problems; a worker whose limits are kept exactly costs more), never fewer than 20 subgradient
    // iterations nor more than 800 (the bound's two ascents take turns, so each gets 10-400: a first useful bound, and
    // little movement after that), so the same limits give the same bound. Under a time limit alone: the 10 % of the
    // limit the search leaves, up to 5,000 iterations (long horizons keep rising past 1,600: Instance20 51 % of best
    // known at 800, 70 % at 1,600).
    private const long BoundWork = 80_000_000;
    private const int MinBoundIterations = 20;
    private const int MaxBoundIterations = 800;
    private const int MaxTimedBoundIterations = 5_000;

    /// <summary>The subgradient iterations <see cref="Plan"/> spends on the bound (the time limit may stop it earlier).</summary>
    private static int BoundIterations(CompiledProblem p, PlannerOptions options) =>
        options.TimeLimit is not null && options.IterationLimit is null ? MaxTimedBoundIterations : UntimedBoundIterations(p);

    /// <summary>
    /// The subgradient iterations <see cref="Plan"/> spends on the bound without a time limit alone (a fixed budget of
    /// work); <c>curtois --check</c> gives <see cref="LowerBound"/> as many, as it has no time limit.
    /// </summary>
    internal static int UntimedBoundIterations(CompiledProblem p) =>
        (int)Math.Clamp(BoundWork / LagrangianBound.CostPerIteration(p), MinBoundIterations, MaxBoundIterations);

    /// <summary>Plans from a given roster instead of the greedy construction (repair starts from the published roster).</summary>
    internal static OneOf<Roster, NoFeasibleRoster> PlanFrom(
        RosterProblem problem,
        PlannerOptions options,
        IEnumerable<RosterAssignment>? start,
        IProgress<PlannerProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        PlanCore(problem, options, start, progress, withBound: false, cancellationToken);

    private static OneOf<Roster, NoFeasibleRoster> PlanCore(
        RosterProblem problem,
        PlannerOptions options,
        IEnumerable<RosterAssignment>? start,
        IProgress<PlannerProgress>? progress,
        bool withBound,
        CancellationToken cancellationToken)
    {
        var cells = start is null ? null : problem.CellsOf(start, nameof(start));
        var engine = Search(problem.Compiled, options, cells, progress, withBound ? 0.9 : 1.0, cancellationToken);
        var roster = RosterBuilder.Build(problem.Compiled, engine.BestAssign);
        if (withBound)
        {
            var upper = roster.Score.IsFeasible ? roster.Score.Soft : (long?)null;
            var iterations = BoundIterations(problem.Compiled, options);
            var bound = LagrangianBound.Compute(problem.Compiled, upper, iterations, options.Degree,
                () => cancellationToken.IsCancellationRequested || engine.PastTimeLimit(), engine.StepsThatFit(iterations), guided: engine.Guided);
            roster = roster.WithLowerBound(bound);
        }

        return roster.Score.IsFeasible ? roster : new NoFeasibleRoster(roster, Shortfall.Uncovered(problem.Compiled, engine.BestAssign));
    }

    /// <summary>
    /// Runs <see cref="PlannerOptions.Degree"/> x k searches (search i seeded with <see cref="SearchSeed"/>) from one shared
    /// opening, core c walking searches c, c + degree, ... in slices (k = <see cref="PlannerOptions.WalksPerCore"/> on a
    /// horizon below <see cref="SearchTuning.WalksPerCoreBelowDays"/> dates and <see cref="SearchTuning.WalksPerCoreBelowWorkerDays"/>
    /// worker-dates, else 1; each walk gets 1/k of the moves left
    /// after the opening, or of the time), and returns the best: lowest score, then lowest search number, so the answer
    /// depends only on the problem, the seed, the limits and the degree. On a problem whose walk is blind (not guided:
    /// <see cref="SearchIndex.Guides"/>) search 1 walks from a dive's roster instead of the opening (<see cref="PriceAndDive"/>
    /// where its master fits, else the <see cref="LagrangianDive"/>): it lays out the whole roster's cover at once, as no move of the walk does. On a cold start of a problem with
    /// preferences (shift wishes, own-compound cost) below <see cref="SearchTuning.CoverFirstBelowDays"/> dates, not on lanes, the opening and every other search first walk on the
    /// problem without them (<see cref="CompiledProblem.WithoutPreferences"/>) for up to <see cref="SearchTuning.CoverFirstShare"/>
    /// of their moves or time (<see cref="SearchEngine.CoverFirst"/>: a walk that raises the weight of the holes it keeps
    /// meeting, <see cref="HolePenalties"/>), each ending as soon as its best roster misses nobody, then walk on from that best at the
    /// full score (<see cref="SearchEngine.ContinueOn"/>; progress only from there), or from a fresh opening at the full
    /// score when it missed nobody (<see cref="SearchEngine.ReachedCover"/>); the diving search 1 dives at the full
    /// score. Search 0 is exactly the one-core plan's search 0,
    /// so more cores are never worse. Progress is reported only when the best of all searches improves, so reports stay in
    /// never-worse order. On a problem of <see cref="PlannerOptions.LanesFromWorkerDays"/> or more, ONE search instead, its
    /// opening sweep and its walk's re-optimisations and ruins solved on <see cref="PlannerOptions.Degree"/> lanes
    /// (<see cref="RowLanes"/>): its roster depends on the degree too, and is not the one-core plan's.
    /// </summary>
    internal static SearchEngine Search(CompiledProblem p, PlannerOptions options, int[]? cells, IProgress<PlannerProgress>? progress, double timeShare, CancellationToken token)
    {
        var degree = options.Degree;
        // On a large problem the walk is short of time (Instance23: ~3,000 moves in 60 s, still improving): the cores
        // serve ONE search, its exact solves on lanes, instead of a portfolio of walks (RowLanes; docs/rostering.md, par28).
        var onLanes = OnLanes(p, options);
        var perCore = !onLanes && p.Days < SearchTuning.WalksPerCoreBelowDays && (long)p.WorkerCount * p.Days < SearchTuning.WalksPerCoreBelowWorkerDays
            ? Math.Max(1, options.WalksPerCore)
            : 1;
        var searches = onLanes ? 1 : degree * perCore;
        // Cover first (docs/rostering.md, session 45): on a short problem with preferences each walk but a blind portfolio's
        // diving search 1 opens and walks on the problem without them until its best roster misses nobody or its share of
        // the moves or time is spent, then walks on at the full score from that best, or afresh once it missed nobody (WalkTurn).
        var coverFirst = cells is null && !onLanes && p.Days < SearchTuning.CoverFirstBelowDays && p.HasPreferences();
        var shared = progress is null || (searches == 1 && !coverFirst) ? progress : new BestOnlyProgress(progress);
        var first = coverFirst
            ? SearchEngine.CoverFirst(p, options, timeShare * SearchTuning.CoverFirstShare, SearchSeed(options.Seed, 0))
            : new SearchEngine(p, options, shared, cells, timeShare, SearchSeed(options.Seed, 0), lanes: onLanes ? degree : 1);
        if (searches == 1 && !coverFirst)
        {
            first.Run(token);
            return first;
        }

        // Every search would open (construct, sweep) almost alike: open once, then fork the walks.
        first.Open(token);
        var limit = options.IterationLimit is { } n ? first.Iterations + Math.Max(0, n - first.Iterations) / perCore : long.MaxValue;
        var then = coverFirst
            ? new CoverFirstEnd(p, shared, timeShare, limit == long.MaxValue ? limit : first.Iterations + (long)((limit - first.Iterations) * SearchTuning.CoverFirstShare))
            : null;
        var engines = Forks(first, searches, options.Seed, then);
        Parallel.For(0, degree, new ParallelOptions { MaxDegreeOfParallelism = degree }, core => WalkCore(engines, core, degree, limit, then, token));

        var best = engines[0];
        foreach (var engine in engines)
        {
            if (engine.BestScore < best.BestScore)
            {
                best = engine;
            }
        }

        return best;
    }

    /// <summary>
    /// The portfolio's <paramref name="searches"/> searches forked from the opened <paramref name="first"/>: search 1 of a
    /// blind portfolio dives (<see cref="PriceAndDive"/> where it fits, else <see cref="LagrangianDive"/>), at the full score from the start when the others lay out cover
    /// first (<paramref name="coverFirst"/>: the dive lays out cover itself).
    /// </summary>
    private static SearchEngine[] Forks(SearchEngine first, int searches, int seed, CoverFirstEnd? coverFirst)
    {
        var engines = new SearchEngine[searches];
        engines[0] = first;
        for (var i = 1; i < searches; i++)
        {
            var dive = i == 1 && !first.Guided;
            engines[i] = coverFirst is { } full && dive
                ? first.ContinueOn(full.Problem, full.Progress, full.TimeShare, SearchSeed(seed, i), dive: true)
                : first.Fork(SearchSeed(seed, i), dive);
        }

        return engines;
    }

    /// <summary>
    /// Core <paramref name="core"/>'s searches (<paramref name="core"/>, + <paramref name="degree"/>, ...) walked in turns of
    /// <see cref="SearchTuning.SliceMoves"/> until each is done: up to <paramref name="limit"/> iterations, its share of the
    /// time (every search's clock starts at the plan's, so under a time limit each gets about its share of the core) or the
    /// token. A cover-first search that is done is replaced in <paramref name="engines"/> by its continuation at the full
    /// score (<paramref name="then"/>; opened here, on its own core). The turns do not change a walk: under an iteration
    /// limit each search's roster is what it alone would give.
    /// </summary>
    private static void WalkCore(SearchEngine[] engines, int core, int degree, long limit, CoverFirstEnd? then, CancellationToken token)
    {
        var mine = new List<int>();
        for (var i = core; i < engines.Length; i += degree)
        {
            mine.Add(i);
        }

        while (mine.Count > 0)
        {
            mine.RemoveAll(i => !WalkTurn(engines, i, limit, then, token));
        }
    }

    /// <summary>One turn of search <paramref name="i"/>; false once it is done (a done cover-first search is replaced and goes on).</summary>
    private static bool WalkTurn(SearchEngine[] engines, int i, long limit, CoverFirstEnd? then, CancellationToken token)
    {
        var engine = engines[i];
        if (!engine.Opened)
        {
            engine.Open(token);
        }

        if (engine.WalkSlice(SearchTuning.SliceMoves, engine.StopsOnceCovered ? then!.Limit : limit, token))
        {
            return true;
        }

        if (!engine.StopsOnceCovered)
        {
            return false;
        }

        // A walk that reached cover needed no head start: its roster ignores the preferences, and walking on from it measured
        // a point or two behind a fresh start (community-60-14, community-300; docs/rostering.md, session 46).
        engines[i] = engine.ContinueOn(then!.Problem, then.Progress, then.TimeShare, fresh: engine.ReachedCover);
        return true;
    }

    /// <summary>Where a plan's cover-first walks go on: the problem with its preferences, the plan's progress and time share, and the cover-first walks' iteration limit.</summary>
    private sealed record CoverFirstEnd(CompiledProblem Problem, IProgress<PlannerProgress>? Progress, double TimeShare, long Limit);

    /// <summary>Whether a plan of <paramref name="p"/> solves its re-optimisations on lanes (several cores, a large problem).</summary>
    private static bool OnLanes(CompiledProblem p, PlannerOptions options) =>
        options.Degree > 1 && (long)p.WorkerCount * p.Days >= options.LanesFromWorkerDays;

    /// <summary>The seed of search <paramref name="i"/>: the caller's seed for search 0, then a fixed odd stride apart.</summary>
    internal static int SearchSeed(int seed, int i) => unchecked(seed + (i * 7919));

    /// <summary>Forwards a report only when it beats every report forwarded before (several searches report at once).</summary>
    private sealed class BestOnlyProgress(IProgress<PlannerProgress> inner) : IProgress<PlannerProgress>
    {
        private readonly Lock _gate = new();
        private ScorePart? _best;

        public void Report(PlannerProgress value)
        {
            lock (_gate)
            {
                if (_best is { } best && !(value.Best < best))
                {
                    return;
                }

                _best = value.Best;
                inner.Report(value);
            }
        }
    }

    /// <summary>Scores a given roster of <paramref name="problem"/> from scratch (assignments must match demands).</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="assignments">The assignments, at most one per worker and date.</param>
    /// <returns>The roster with its score and breakdown.</returns>
    /// <exception cref="ArgumentException">An assignment matches no demand or a worker has two on a date.</exception>
    public static Roster Score(RosterProblem problem, IEnumerable<RosterAssignment> assignments)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(assignments);
        var p = problem.Compiled;
        var assign = problem.CellsOf(assignments, nameof(assignments));
        return RosterBuilder.Build(p, assign);
    }
}
