using System.Diagnostics;

namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// The roster search, in named phases: <see cref="Construct"/> (greedy by scarcity, or the given start),
/// <see cref="BestResponseSweep"/> (each worker re-optimised once), then <see cref="Walk"/> (late acceptance,
/// hard before soft, over the moves of <see cref="IMove"/>, with a <see cref="Kick"/> after a long plateau).
/// Tuning values live in <see cref="SearchTuning"/>.
/// </summary>
internal sealed class SearchEngine
{
    private readonly RosterEvaluator _ev;
    private readonly CompiledProblem _p;
    private readonly MoveContext _moves;
    private readonly PlannerOptions _options;
    private readonly IProgress<PlannerProgress>? _progress;
    private readonly int[] _kicked;
    private readonly HoleKick _holeKick;
    private readonly long _start;
    private readonly long _deadlineTicks;
    private readonly long _limitTicks;
    private readonly double _timeShare;
    private readonly bool _warmStart;
    private readonly int _seed;
    private bool _opened;

    // The cover-first phase (StopsOnceCovered): the best roster it last checked, and whether that roster covers every demand.
    private ScorePart _coverChecked = new(int.MaxValue, long.MaxValue);
    private bool _covered;
    private int[]? _coverCounts;

    // A fresh continuation (ContinueOn): the cover-first roster it did not start from, its best if that beats its opening.
    private int[]? _kept;

    // Lanes (docs/rostering.md, "One search on both cores", par28): how many, the open lanes, and the drawn tasks not yet applied.
    private readonly int _laneCount;
    private RowLanes? _lanes;
    private readonly List<LaneTask> _inFlight = [];
    private readonly IMove[] _moveList =
    [
        new ReoptimiseWorkerMove(), new RuinAndRecreateMove(), new WindowRuinMove(), new ChangeMove(), new CoverMove(), new RequestMove(),
        new SwapBlockMove(oneDate: true), new GuidedSwapMove(oneDate: true), new EjectionChainMove(), new WindowChainMove(), new SwapBlockMove(oneDate: false),
        new RequestChainMove(), new GuidedSwapMove(oneDate: false),
    ];

    private readonly int[] _shareEnds;

    // The shares once the current roster keeps every hard rule (a guided walk's ruin-and-recreate share re-optimises then).
    private readonly int[] _hardFreeShareEnds;
    private readonly int _historyLength;

    private long _lastImprovement;

    // The walk's acceptance list between slices (WalkSlice: several searches on one core); null until the first slice.
    private LateAcceptance? _sliced;

    // Iterations without a new record of the current roster before a kick.
    private readonly long _stagnation;
    private ScorePart _currentRecord = new(int.MaxValue, long.MaxValue);

    // The cover-first walk's guided local search on holes (null elsewhere), and the iteration of its last raise.
    private readonly HolePenalties? _holes;
    private long _lastRaise;

    // start: cells to search from instead of the greedy construction (repair starts from the published roster).
    // timeShare: the part of the time limit the search may use (the planner keeps the rest for the lower bound).
    // seed: the seed of this search (one of several when they run in parallel); options.Seed when null.
    // lanes: above 1, the opening's sweep solves its rows on that many lanes (RowLanes).
    public SearchEngine(CompiledProblem p, PlannerOptions options, IProgress<PlannerProgress>? progress, int[]? start = null, double timeShare = 1.0, int? seed = null, int lanes = 1)
        : this(p, options, progress, start, timeShare, seed, startTimestamp: null, index: null, lanes)
    {
    }

    private SearchEngine(CompiledProblem p, PlannerOptions options, IProgress<PlannerProgress>? progress, int[]? start, double timeShare, int? seed, long? startTimestamp, SearchIndex? index, int lanes = 1, long holePeriod = 0)
    {
        _laneCount = lanes;
        if (holePeriod > 0)
        {
            // Its own weights: the holes' penalties must not reach the searches that share the problem.
            p = p.WithUnder((int[])p.Under.Clone());
            _holes = new HolePenalties(p, holePeriod);
        }

        _p = p;
        _options = options;
        _progress = progress;
        _ev = new RosterEvaluator(p, start);
        _warmStart = start is not null;
        _seed = seed ?? options.Seed;
        _moves = new MoveContext(_ev, new Random(_seed), index);
        Guided = _moves.Index.Guides;
        _historyLength = Guided ? GuidedHistoryLength(p.WorkerCount, p.Days) : SearchTuning.HistoryLength;
        _shareEnds = ShareEnds(
            Guided, p.Days >= SearchTuning.WindowRuinFromDays, p.Days < SearchTuning.EjectionChainBelowDays,
            p.Days >= SearchTuning.WindowChainFromDays, onLanes: lanes > 1);
        _hardFreeShareEnds = ShareEnds(
            Guided, p.Days >= SearchTuning.WindowRuinFromDays, p.Days < SearchTuning.EjectionChainBelowDays,
            p.Days >= SearchTuning.WindowChainFromDays, onLanes: lanes > 1, hardFree: true);
        _kicked = new int[Math.Max(2, p.WorkerCount)];
        _holeKick = new HoleKick(p.WorkerCount);
        _stagnation = Math.Max(SearchTuning.MinStagnation, SearchTuning.StagnationPerWorker * p.WorkerCount) * (Guided ? SearchTuning.GuidedStagnationFactor : 1);
        BestAssign = new int[p.WorkerCount * p.Days];
        _start = startTimestamp ?? Timestamp();
        _timeShare = timeShare;
        _limitTicks = options.TimeLimit is { } t ? Ticks(t.TotalSeconds * Frequency()) : long.MaxValue;
        _deadlineTicks = options.TimeLimit is null ? long.MaxValue : Ticks(_limitTicks * timeShare);
    }

    /// <summary>A tick count as a long; a time limit beyond long's ticks (e.g. <see cref="Duration.MaxValue"/>) never ends the search.</summary>
    private static long Ticks(double ticks) => ticks >= long.MaxValue ? long.MaxValue : (long)ticks;

    /// <summary>Whether the whole time limit (not only the search's share) has elapsed.</summary>
    public bool PastTimeLimit() => Timestamp() - _start >= _limitTicks;

    /// <summary>
    /// Under a time limit, an estimate of how many steps of a loop fit in all: given the steps done, done + the rate
    /// since the first step x the time left, between done and <paramref name="most"/>; <paramref name="most"/> until
    /// a step after the first is done, and without a time limit. The rate starts at the first step because the loop's
    /// setup and its first (cold) step are not what the rest cost: a 500 ms setup before steps of 1 ms made the old
    /// estimate (from the call) expect a handful of steps where hundreds fit. Elapsed time only (the options' time
    /// provider), never the wall clock.
    /// </summary>
    public Func<int, int> StepsThatFit(int most)
    {
        if (_limitTicks == long.MaxValue)
        {
            return _ => most;
        }

        var firstDone = 0;
        long firstAt = 0;
        return done =>
        {
            var now = Timestamp();
            if (firstDone == 0)
            {
                (firstDone, firstAt) = done > 0 ? (done, now) : (0, 0L);
                return most;
            }

            var used = now - firstAt;
            var steps = done - firstDone;
            var left = Math.Max(0, _limitTicks - (now - _start));
            return used <= 0 || steps <= 0 ? most : (int)Math.Max(done, Math.Min(most, done + ((double)steps * left / used)));
        };
    }

    public int[] BestAssign { get; }

    /// <summary>The roster the search stands on now (the tests read it between phases).</summary>
    internal int[] CurrentAssign => _ev.Assign;

    /// <summary>How many drawn lane tasks are not applied yet (tests).</summary>
    internal int LaneTasksInFlight => _inFlight.Count;

    /// <summary>Called just before (false) and just after (true) a lane's task is applied, on the search's thread (tests).</summary>
    internal Action<LaneTaskKind, bool>? LaneTaskObserver { get; set; }

    public ScorePart BestScore { get; private set; }

    public long Iterations { get; private set; }

    public void Run(CancellationToken token)
    {
        try
        {
            Open(token);
            Walk(token);
        }
        finally
        {
            CloseLanes();
        }
    }

    /// <summary>Stops the lanes (after an opening on lanes, before the walks are forked); nothing when none are open.</summary>
    public void CloseLanes()
    {
        _lanes?.Close(abandon: true);
        _lanes = null;
        _inFlight.Clear();
    }

    /// <summary>
    /// Phases 1 and 2 (construction, best-response sweep). The construction draws no random number and the sweep
    /// only tie-breaking noise, so every search of a parallel plan would open almost the same way: the planner
    /// opens one and forks the others from it (<see cref="Fork"/>) instead of spending each core on the same work
    /// (on a large problem under a short time limit the opening is most of the run).
    /// </summary>
    public void Open(CancellationToken token)
    {
        Construct(token);
        if (_p.WorkerCount > 0 && _p.Days > 0)
        {
            if (_laneCount > 1)
            {
                _lanes = new RowLanes(_p, _moves.Index, _laneCount, _options.LaneStats);
            }

            BestResponseSweep(_options.IterationLimit ?? long.MaxValue, token);
        }

        if (_kept is not null && RosterEvaluator.FullScore(_p, _kept) is var kept && kept < BestScore)
        {
            BestScore = kept;
            Array.Copy(_kept, BestAssign, BestAssign.Length);
            Report();
        }

        _options.LaneStats?.Opened(_ev.Score, (Timestamp() - _start) / Frequency(), Iterations);
        _opened = true;
    }

    /// <summary>Phase 3 (after <see cref="Open"/>): the walk until a limit.</summary>
    public void Walk(CancellationToken token)
    {
        if (!_opened)
        {
            throw new InvalidOperationException("Open the search before walking.");
        }

        if (_p.WorkerCount > 0 && _p.Days > 0)
        {
            if (_lanes is null)
            {
                WalkUntil(_options.IterationLimit ?? long.MaxValue, token);
            }
            else
            {
                WalkOnLanes(_options.IterationLimit ?? long.MaxValue, token);
            }
        }
    }

    /// <summary>
    /// A search that continues from where this opened one stands, with its own seed: same clock start (one time
    /// limit for all), same iterations spent, same best so far; with <paramref name="dive"/> it walks from a
    /// dive's roster instead (<see cref="DivesFirst"/>).
    /// </summary>
    public SearchEngine Fork(int seed, bool dive = false)
    {
        var problem = _holes is null ? _p : _p.WithUnder(_holes.BaseUnder);
        var fork = new SearchEngine(problem, _options, _progress, (int[])_ev.Assign.Clone(), _timeShare, seed, _start, _moves.Index, holePeriod: _holes?.Period ?? 0)
        {
            DivesFirst = dive,
            StopsOnceCovered = StopsOnceCovered,
            _opened = true,
            Iterations = Iterations,
            BestScore = BestScore,
        };
        Array.Copy(BestAssign, fork.BestAssign, BestAssign.Length);
        return fork;
    }

    /// <summary>
    /// Phase 1: the greedy construction (unless the search starts from a given roster); the first best. It stops
    /// at the search's share of the time limit or the token, leaving the remaining demands unfilled.
    /// </summary>
    private void Construct(CancellationToken token)
    {
        if (!_warmStart)
        {
            Construction.Greedy(_ev, () => token.IsCancellationRequested || Timestamp() - _start >= _deadlineTicks, _moves.Index);
        }

        Array.Copy(_ev.Assign, BestAssign, BestAssign.Length);
        BestScore = _ev.Score;
        Report();
    }

    /// <summary>
    /// Phase 2: each worker re-optimised once against the others, kept when not worse, so the late-acceptance
    /// history starts from a sensible score rather than the construction's hard violations; then up to
    /// <see cref="SearchTuning.SweepRepairPasses"/> passes over the workers still breaking their own rules.
    /// </summary>
    private void BestResponseSweep(long limit, CancellationToken token)
    {
        // Workers who break their own rules first (a short time limit may end the sweep), then the others.
        var order = new int[_p.WorkerCount];
        var next = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var w = 0; w < _p.WorkerCount; w++)
            {
                if ((_ev.WorkerHard(w) > 0) == (pass == 0))
                {
                    order[next++] = w;
                }
            }
        }

        // On lanes, more passes over every worker: the first pass's rows were solved against a stale cover (lanes23).
        var passes = _lanes is null ? 1 : Math.Max(1, _options.LaneSweepPasses);
        for (var pass = 0; pass < passes; pass++)
        {
            if (!SweepPass(order, order.Length, limit, token))
            {
                return;
            }
        }

        RepairPasses(order, limit, token);
    }

    /// <summary>
    /// The sweep's repair passes (up to <see cref="SearchTuning.SweepRepairPasses"/>) over the workers still breaking their own
    /// rules, <paramref name="order"/> the scratch for their numbers.
    /// </summary>
    private void RepairPasses(int[] order, long limit, CancellationToken token)
    {
        // Repair passes: a worker the sweep left breaking their own rules is re-optimised again against the others as
        // they now stand (and with fresh tie-breaking noise), which often opens a row inside their rules that the first
        // pass, against the construction's roster, did not have (Instance23, seed 1: 15 such workers after the sweep,
        // 0 after 4 passes; docs/rostering.md, hard17).
        for (var pass = 0; pass < SearchTuning.SweepRepairPasses && !Stop(limit, token); pass++)
        {
            var next = 0;
            for (var w = 0; w < _p.WorkerCount; w++)
            {
                if (_ev.WorkerHard(w) > 0)
                {
                    order[next++] = w;
                }
            }

            if (next == 0)
            {
                break;
            }

            if (!SweepPass(order, next, limit, token))
            {
                return;
            }
        }
    }

    /// <summary>
    /// One pass of the sweep over the first <paramref name="count"/> workers of <paramref name="order"/>: one after another,
    /// or on the lanes, where worker k is drawn once worker k - lag is applied (<see cref="SearchTuning.LaneRowLagPerLane"/>)
    /// and every row is applied in order, kept when not worse (so the pass ends with all its rows applied, as one after
    /// another does). False when the search stopped on time or was cancelled with rows still on the lanes: those are
    /// dropped, not waited for.
    /// </summary>
    private bool SweepPass(int[] order, int count, long limit, CancellationToken token)
    {
        if (_lanes is null)
        {
            for (var i = 0; i < count && !Stop(limit, token); i++)
            {
                ReoptimiseIfNotWorse(order[i]);
            }

            return true;
        }

        var lag = SearchTuning.LaneRowLagPerLane * _lanes.Count;
        for (var k = 0; k < count; k++)
        {
            if (!ApplyDue(k, ApplySweepRow, token) || Stop(limit - _inFlight.Count, token))
            {
                break;
            }

            DrawRow(order[k], k + lag);
        }

        return FinishLanes(ApplySweepRow, token);
    }

    /// <summary>A lane's row of the sweep applied: kept when the roster is not worse with it, as <see cref="ReoptimiseIfNotWorse"/>.</summary>
    private void ApplySweepRow(LaneTask task)
    {
        LaneTaskObserver?.Invoke(task.Kind, false);
        var from = Stopwatch.GetTimestamp();
        KeepIfNotWorse(() => SetTaskRows(task));
        _lanes?.Stats?.AddApply(Stopwatch.GetTimestamp() - from);
        LaneTaskObserver?.Invoke(task.Kind, true);
    }

    /// <summary>
    /// Draws a re-optimisation of worker <paramref name="w"/> for the lanes, applied when the lane clock reaches
    /// <paramref name="due"/>: a seed from the search's generator, the worker's warm-start minute price and the cover as
    /// the roster stands now.
    /// </summary>
    private void DrawRow(int w, long due)
    {
        var from = Stopwatch.GetTimestamp();
        var task = _lanes!.Rent();
        task.Kind = LaneTaskKind.Reoptimise;
        task.Due = due;
        task.Worker = w;
        task.Seed = _moves.Rng.Next();
        task.MinutePriceIn = _moves.Dp.MinutePrice(w);
        task.Cover.Take(_ev, w);
        _lanes.Submit(task);
        _inFlight.Add(task);
        _lanes.Stats?.AddDraw(Stopwatch.GetTimestamp() - from);
    }

    /// <summary>
    /// Sets what a lane's task changed into the open move: a re-optimisation's whole row, or every row a ruin changed
    /// (whole rows, so no row is a mix of the ruin's dates and dates changed since it was drawn); and the warm-start minute
    /// prices the solves settled on.
    /// </summary>
    private void SetTaskRows(LaneTask task)
    {
        if (task.Kind == LaneTaskKind.Reoptimise)
        {
            _moves.Dp.SetMinutePrice(task.Worker, task.MinutePriceOut);
            if (task.Solved)
            {
                _moves.SetRow(task.Worker, task.Row);
            }

            return;
        }

        var before = task.RosterIn!;
        var after = task.RosterOut!;
        for (var w = 0; w < _p.WorkerCount; w++)
        {
            var from = _p.WorkerDay(w, 0);
            if (!before.AsSpan(from, _p.Days).SequenceEqual(after.AsSpan(from, _p.Days)))
            {
                for (var d = 0; d < _p.Days; d++)
                {
                    _ev.Set(w, d, after[from + d]);
                }
            }

            if (!task.PricesOut![w].Equals(task.PricesIn![w]))
            {
                _moves.Dp.SetMinutePrice(w, task.PricesOut[w]);
            }
        }
    }

    /// <summary>
    /// Applies, in order of due point then draw, every drawn task due at or before <paramref name="clock"/>, waiting for
    /// its lane when it is not solved yet; false when the search stopped on time or was cancelled while waiting.
    /// </summary>
    private bool ApplyDue(long clock, Action<LaneTask> apply, CancellationToken token)
    {
        while (true)
        {
            LaneTask? next = null;
            foreach (var task in _inFlight)
            {
                if (task.Due <= clock && (next is null || task.Due < next.Due || (task.Due == next.Due && task.Sequence < next.Sequence)))
                {
                    next = task;
                }
            }

            if (next is null)
            {
                return true;
            }

            if (!_lanes!.Await(next, () => token.IsCancellationRequested || Timestamp() - _start >= _deadlineTicks))
            {
                return false;
            }

            _inFlight.Remove(next);
            apply(next);
            _lanes.Return(next);
        }
    }

    /// <summary>
    /// The end of a phase on the lanes: stopped on time or cancelled, the tasks still drawn are dropped (false; waiting
    /// for them would overrun the search's share of the limit, which the lower bound gets); otherwise every one is
    /// applied in order (true), so an iteration limit gives the same roster whatever the timing.
    /// </summary>
    private bool FinishLanes(Action<LaneTask> apply, CancellationToken token)
    {
        if (token.IsCancellationRequested || Timestamp() - _start >= _deadlineTicks || !ApplyDue(long.MaxValue, apply, token))
        {
            CloseLanes();
            return false;
        }

        return true;
    }

    /// <summary>One move of the opening: worker <paramref name="w"/> re-optimised, kept when the roster is not worse.</summary>
    private void ReoptimiseIfNotWorse(int w) => KeepIfNotWorse(() => _moves.Reoptimise(w));

    /// <summary>One move of the opening (a closure a row: the row's DP costs far more): kept when the roster is not worse.</summary>
    private void KeepIfNotWorse(Action change)
    {
        var before = BeginIteration();
        change();
        EndIteration(before, acceptance: null, notWorseOnly: true);
    }

    /// <summary>Opens an iteration's change on the evaluator; returns the score before it, for <see cref="EndIteration"/>.</summary>
    private ScorePart BeginIteration()
    {
        var before = _ev.Score;
        _ev.Begin();
        return before;
    }

    /// <summary>
    /// Closes an iteration every phase shares: the change committed, kept when not worse (<paramref name="notWorseOnly"/>)
    /// or when late acceptance accepts it, else undone; recorded in the walk's history when there is one; the best kept.
    /// </summary>
    private void EndIteration(ScorePart before, LateAcceptance? acceptance, bool notWorseOnly)
    {
        _ev.Commit();
        var keep = notWorseOnly || acceptance is null ? _ev.Score <= before : acceptance.Accepts(Iterations, before, _ev.Score);
        if (keep)
        {
            _ev.Accept();
        }
        else
        {
            _ev.Undo();
        }

        acceptance?.Record(Iterations, _ev.Score);
        Iterations++;
        KeepBest();
    }

    /// <summary>Phase 3: late acceptance over random moves until a limit, with a kick after each long plateau.</summary>
    private void WalkUntil(long limit, CancellationToken token)
    {
        var acceptance = new LateAcceptance(_historyLength, _ev.Score);
        _lastImprovement = Iterations;
        WalkOn(acceptance, limit, token);
    }

    /// <summary>
    /// Phase 3 in slices (after <see cref="Open"/>, not on lanes), when several searches share a core: at most
    /// <paramref name="moves"/> more of the walk, up to <paramref name="limit"/> iterations in all. The next call continues
    /// the same walk (its acceptance list and plateau kept), so slices walk exactly as one walk to the same limit. False once
    /// the walk is done (the limit, the search's share of the time, or the token).
    /// </summary>
    public bool WalkSlice(long moves, long limit, CancellationToken token)
    {
        if (!_opened)
        {
            throw new InvalidOperationException("Open the search before walking.");
        }

        if (_p.WorkerCount == 0 || _p.Days == 0)
        {
            return false;
        }

        if (_sliced is null)
        {
            if (DivesFirst)
            {
                DiveFrom(limit, token);
            }

            _sliced = new LateAcceptance(_historyLength, _ev.Score);
            _lastImprovement = Iterations;
        }

        WalkOn(_sliced, limit - Iterations <= moves ? limit : Iterations + moves, token);
        return !Stop(limit, token);
    }

    /// <summary>
    /// Whether this search's first slice walks from a dive's roster (<see cref="PriceAndDive"/> where its master fits, else the
    /// <see cref="LagrangianDive"/>) instead of the opening (search 1
    /// of a portfolio whose walk is blind: <see cref="RosterPlanner.Search"/>).
    /// </summary>
    internal bool DivesFirst { get; init; }

    /// <summary>
    /// Moves the current roster to the dive's (aimed at the best score so far) and keeps it as the best when it is better;
    /// nothing when the dive gives no roster.
    /// </summary>
    private void DiveFrom(long limit, CancellationToken token)
    {
        // Price-and-dive where its master fits (the column LP's own solution, exact), else the Lagrangian averages.
        var diveEnd = _deadlineTicks == long.MaxValue ? long.MaxValue : (long)(_deadlineTicks * SearchTuning.DiveTimeShare);
        var cells = PriceAndDive.Fits(_p)
            ? PriceAndDive.Cells(_p, () => Stop(limit, token) || Timestamp() - _start >= diveEnd)
            : LagrangianDive.Cells(_p, BestScore.Soft, () => Stop(limit, token));
        if (cells is null)
        {
            return;
        }

        _ev.Begin();
        for (var i = 0; i < cells.Length; i++)
        {
            _ev.Set(i / _p.Days, i % _p.Days, cells[i]);
        }

        _ev.Commit();
        _ev.Accept();
        _currentRecord = _ev.Score;
        KeepBest();
    }

    /// <summary>The walk's loop: a kick after a plateau, else one drawn move, until <paramref name="limit"/>.</summary>
    private void WalkOn(LateAcceptance acceptance, long limit, CancellationToken token)
    {
        while (!Stop(limit, token))
        {
            if (_holes is not null && Iterations - Math.Max(_lastImprovement, _lastRaise) > _holes.Period)
            {
                RaiseHoles(acceptance);
            }

            if (Iterations - _lastImprovement > _stagnation)
            {
                Kick();
                acceptance.Restart(_ev.Score);
            }

            Step(acceptance, Pick());
        }
    }

    /// <summary>
    /// A plateau of the cover-first walk: every hole of the roster it stands on weighs more (<see cref="HolePenalties"/>),
    /// and the walk goes on from there on the new score, its acceptance history restarted. A roster without holes raises
    /// nothing and leaves the plateau to the kick.
    /// </summary>
    private void RaiseHoles(LateAcceptance acceptance)
    {
        _lastRaise = Iterations;
        if (_holes!.Raise(_ev))
        {
            _lastImprovement = Iterations;
            _currentRecord = _ev.Score;
            acceptance.Restart(_ev.Score);
        }
    }

    /// <summary>One iteration of the walk: <paramref name="move"/> applied, kept or undone by late acceptance.</summary>
    private void Step(LateAcceptance acceptance, IMove move)
    {
        var before = BeginIteration();
        move.Apply(_moves);
        EndIteration(before, acceptance, notWorseOnly: false);
    }

    /// <summary>
    /// Phase 3 on lanes: the same draws as <see cref="WalkUntil"/>, but a draw of the exact re-optimisation or of a ruin
    /// becomes a lane task (solved against the roster as it stands at the draw) that the walk applies as an iteration of its
    /// own when the lane clock (lane tasks drawn) reaches its due point; the cheap moves run here meanwhile. So the lanes
    /// keep solving while one of them is slow, the applied order is fixed by the draws, and a result is judged against the
    /// roster it lands on (a re-optimisation kept when not worse, a ruin by late acceptance, as one after another).
    /// </summary>
    private void WalkOnLanes(long limit, CancellationToken token)
    {
        var acceptance = new LateAcceptance(_historyLength, _ev.Score);
        void Apply(LaneTask task) => ApplyWalkTask(task, acceptance);

        _lastImprovement = Iterations;
        var rowLag = Math.Max(1, _options.LaneWalkRowLagPerLane * _lanes!.Count);
        var ruinLag = rowLag + (SearchTuning.LaneRuinLagPerOtherLane * (_lanes.Count - 1));
        long clock = 0;
        while (!Stop(limit - _inFlight.Count, token))
        {
            if (Iterations - _lastImprovement > _stagnation)
            {
                Kick();
                acceptance.Restart(_ev.Score);
                continue;
            }

            var move = Pick();
            if (LaneKind(move) is not { } k)
            {
                Step(acceptance, move);
                continue;
            }

            if (!ApplyDue(clock, Apply, token) || Stop(limit - _inFlight.Count, token))
            {
                break;
            }

            if (k == LaneTaskKind.Reoptimise)
            {
                DrawRow(_moves.WorkerToReoptimise(), clock + rowLag);
            }
            else
            {
                DrawRuin(k, clock + ruinLag);
            }

            clock++;
        }

        FinishLanes(Apply, token);
    }

    /// <summary>The lane task a move of the walk becomes on lanes (its exact solves); null for the cheap moves, run on the search's thread.</summary>
    private static LaneTaskKind? LaneKind(IMove move) => move switch
    {
        ReoptimiseWorkerMove => LaneTaskKind.Reoptimise,
        RuinAndRecreateMove => LaneTaskKind.Ruin,
        WindowRuinMove => LaneTaskKind.WindowRuin,
        _ => null,
    };

    /// <summary>Draws a ruin for the lanes: a seed, a copy of the roster and of the warm-start minute prices.</summary>
    private void DrawRuin(LaneTaskKind kind, long due)
    {
        var from = Stopwatch.GetTimestamp();
        var task = _lanes!.Rent();
        task.Kind = kind;
        task.Due = due;
        task.Seed = _moves.Rng.Next();
        task.RosterIn ??= new int[_ev.Assign.Length];
        task.RosterOut ??= new int[_ev.Assign.Length];
        task.PricesIn ??= new double[_p.WorkerCount];
        task.PricesOut ??= new double[_p.WorkerCount];
        Array.Copy(_ev.Assign, task.RosterIn, _ev.Assign.Length);
        _moves.Dp.CopyMinutePricesTo(task.PricesIn);
        _lanes.Submit(task);
        _inFlight.Add(task);
        _lanes.Stats?.AddDraw(Stopwatch.GetTimestamp() - from);
    }

    /// <summary>A lane's task applied as an iteration of the walk: a row kept when not worse, a ruin by late acceptance.</summary>
    private void ApplyWalkTask(LaneTask task, LateAcceptance acceptance)
    {
        LaneTaskObserver?.Invoke(task.Kind, false);
        var from = Stopwatch.GetTimestamp();
        var before = BeginIteration();
        SetTaskRows(task);
        EndIteration(before, acceptance, notWorseOnly: task.Kind == LaneTaskKind.Reoptimise);
        _lanes?.Stats?.AddApply(Stopwatch.GetTimestamp() - from);
        LaneTaskObserver?.Invoke(task.Kind, true);
    }

    /// <summary>The move of this iteration, drawn by the per-mille shares of <see cref="SearchTuning"/> (blind or guided, chosen once per search; a guided walk's change at 0 hard: <see cref="ShareEnds"/>).</summary>
    private IMove Pick()
    {
        var roll = _moves.Rng.Next(1000);
        var ends = _ev.Score.Hard == 0 ? _hardFreeShareEnds : _shareEnds;
        for (var i = 0; i < ends.Length; i++)
        {
            if (roll < ends[i])
            {
                // The cover chain waits for a stall (ChainDrawable); the request chain (guided walks) is drawn at once.
                if (_moveList[i] is not EjectionChainMove or RequestChainMove)
                {
                    RuinDraws += _moveList[i] is RuinAndRecreateMove ? 1 : 0;
                    return _moveList[i];
                }

                if (!ChainDrawable(Iterations - _lastImprovement, _stagnation))
                {
                    return _moveList[i + 2]; // the blind block swap, after the window chain (drawn on other horizons)
                }

                ChainDraws++;
                return _moveList[i];
            }
        }

        return _moveList[^1];
    }

    /// <summary>
    /// Whether a roll in the chain's range draws the chain: only once the walk has gone more than half a plateau
    /// (<paramref name="stagnation"/> iterations without a new record of the current roster before a kick) without
    /// one; before that the roll draws the blind block swap. Why (eject22): drawn throughout, the chain paid on
    /// Instance8, whose walk stalls after 5-30 s, and cost on Instance12 on every seed; drawn only in a stall it
    /// kept Instance8's median gain and stayed within 23 points of the base on Instance12 (docs/rostering.md).
    /// </summary>
    internal static bool ChainDrawable(long sinceRecord, long stagnation) => sinceRecord > stagnation / 2;

    /// <summary>Whether this walk draws the guided moves (<see cref="SearchIndex.Guides"/>).</summary>
    internal bool Guided { get; }

    /// <summary>Iterations without a new record before the walk kicks (<see cref="SearchTuning.GuidedStagnationFactor"/> on a guided walk).</summary>
    internal long Stagnation => _stagnation;

    /// <summary>The walk's late-acceptance history in iterations (<see cref="GuidedHistoryLength"/> on a guided walk).</summary>
    internal int AcceptanceHistory => _historyLength;

    /// <summary>How many times this search drew the ejection chain (<see cref="ChainDrawable"/>).</summary>
    internal long ChainDraws { get; private set; }

    /// <summary>How many times this search drew ruin-and-recreate (a guided walk at 0 hard draws none: <see cref="ShareEnds"/>).</summary>
    internal long RuinDraws { get; private set; }

    /// <summary>
    /// The late-acceptance history of a guided walk (<see cref="SearchTuning.GuidedBelowAllowedShare"/>): one entry per
    /// <see cref="SearchTuning.GuidedWorkerDatesPerHistoryEntry"/> worker-dates, at least
    /// <see cref="SearchTuning.ShortestGuidedHistory"/> and at most <see cref="SearchTuning.HistoryLength"/>.
    /// </summary>
    /// <param name="workers">Workers of the problem (at least 0).</param>
    /// <param name="days">Dates of its horizon (at least 0).</param>
    /// <returns>The history's length in iterations.</returns>
    internal static int GuidedHistoryLength(int workers, int days) =>
        (int)Math.Clamp(
            (long)workers * days / SearchTuning.GuidedWorkerDatesPerHistoryEntry,
            SearchTuning.ShortestGuidedHistory,
            SearchTuning.HistoryLength);

    /// <summary>
    /// Where each move of <see cref="_moveList"/> ends on the roll out of 1000: guided or blind draws
    /// (<see cref="SearchTuning.GuidedBelowAllowedShare"/>); on a long horizon (<see cref="SearchTuning.WindowRuinFromDays"/>)
    /// the window ruin takes part of ruin-and-recreate's share; on a short horizon
    /// (<see cref="SearchTuning.EjectionChainBelowDays"/>) the blind draws' ejection chain takes part of the block swaps'.
    /// The block swaps, last, take whatever is left (their share of 1000 passes the end, so the moves after them, at 0,
    /// are never drawn). A guided walk whose roster keeps every hard rule (<paramref name="hardFree"/>) draws no
    /// ruin-and-recreate: its share goes to the re-optimisation (<see cref="SearchTuning.RuinAndRecreatePerMille"/>). A search on lanes (<paramref name="onLanes"/>) draws the window ruin
    /// <see cref="SearchTuning.LanesWindowRuinPerMille"/> times, from the block swaps' share.
    /// </summary>
    internal static int[] ShareEnds(bool guided, bool longHorizon, bool shortHorizon, bool windowChain = false, bool onLanes = false, bool hardFree = false)
    {
        var window = !longHorizon ? 0 : onLanes ? SearchTuning.LanesWindowRuinPerMille : SearchTuning.WindowRuinPerMille;
        var chain = shortHorizon ? SearchTuning.EjectionChainPerMille : 0;
        var windowChainShare = windowChain ? SearchTuning.WindowChainPerMille : 0;
        var ruin = longHorizon ? SearchTuning.LongRuinAndRecreatePerMille : SearchTuning.RuinAndRecreatePerMille;
        var (reoptimise, ruinShare) = guided && hardFree ? (SearchTuning.ReoptimiseWorkerPerMille + ruin, 0) : (SearchTuning.ReoptimiseWorkerPerMille, ruin);
        return guided
            ? Cumulative(
                reoptimise, ruinShare, window, SearchTuning.GuidedChangePerMille,
                SearchTuning.CoverPerMille, SearchTuning.RequestPerMille, 0, SearchTuning.GuidedSwapDatePerMille, 0, 0, 0,
                SearchTuning.RequestChainPerMille, 1000)
            : Cumulative(
                reoptimise, ruinShare, window, SearchTuning.ChangePerMille, 0, 0,
                SearchTuning.SwapDatePerMille, 0, chain, windowChainShare, 1000, 0, 0);
    }

    /// <summary>The running sums of <paramref name="shares"/>: where each move's range of the roll ends.</summary>
    private static int[] Cumulative(params int[] shares)
    {
        var ends = new int[shares.Length];
        var sum = 0;
        for (var i = 0; i < shares.Length; i++)
        {
            sum += shares[i];
            ends[i] = sum;
        }

        return ends;
    }

    private bool Stop(long limit, CancellationToken token) =>
        Iterations >= limit || token.IsCancellationRequested || Timestamp() - _start >= _deadlineTicks || Covered();

    /// <summary>
    /// The cover-first phase's end (<see cref="StopsOnceCovered"/>): the best roster keeps every hard rule and every
    /// demand has its required people, so nothing is left for a walk without preferences to find. Counted on the best
    /// roster only when it changes (O(workers x dates)), not at every move.
    /// </summary>
    private bool Covered()
    {
        if (!StopsOnceCovered || BestScore.Hard != 0 || BestScore == _coverChecked)
        {
            return _covered;
        }

        _coverChecked = BestScore;
        _covered = BestCoversEveryDemand();
        return _covered;
    }

    /// <summary>Whether the best roster keeps every hard rule and gives every demand its required people (O(workers x dates)).</summary>
    private bool BestCoversEveryDemand()
    {
        if (BestScore.Hard != 0)
        {
            return false;
        }

        // One array for every check: a cover-first walk checks at each new best.
        var counts = _coverCounts ??= new int[_p.Days * _p.SlotCount];
        Array.Clear(counts);
        for (var cell = 0; cell < BestAssign.Length; cell++)
        {
            if (BestAssign[cell] >= 0)
            {
                counts[_p.DaySlot(cell % _p.Days, BestAssign[cell])]++;
            }
        }

        for (var ds = 0; ds < counts.Length; ds++)
        {
            if (counts[ds] < _p.Required[ds])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the walk ends as soon as its best roster keeps every hard rule and leaves no demand below its required
    /// count: the cover-first phase of a plan (<see cref="RosterPlanner.Search"/>), walked on the problem without its
    /// preferences (<see cref="CompiledProblem.WithoutPreferences"/>).
    /// </summary>
    internal bool StopsOnceCovered { get; private init; }

    /// <summary>Plateaus at which the cover-first walk raised its holes' weights (tests).</summary>
    internal long HoleRaises => _holes?.Raises ?? 0;

    /// <summary>
    /// The cover-first phase of a plan (<see cref="StopsOnceCovered"/>) on <paramref name="p"/>'s problem without its
    /// preferences (<see cref="CompiledProblem.WithoutPreferences"/>): a search with <paramref name="timeShare"/> of the
    /// limit and seed <paramref name="seed"/> whose walk raises the weights of the holes it keeps meeting
    /// (<see cref="HolePenalties"/>) on its own copy of the weights, after every <paramref name="holePeriod"/> moves without a
    /// record (tests walk shorter plateaus). Not opened.
    /// </summary>
    internal static SearchEngine CoverFirst(CompiledProblem p, PlannerOptions options, double timeShare, int seed, long holePeriod = SearchTuning.HolePenaltyPeriod) =>
        new(p.WithoutPreferences(), options, null, null, timeShare, seed, startTimestamp: null, index: null, holePeriod: holePeriod)
        {
            StopsOnceCovered = true,
        };

    /// <summary>Whether <see cref="Open"/> has run (a continuation opens on its own core: <see cref="ContinueOn"/>).</summary>
    internal bool Opened => _opened;

    /// <summary>
    /// The search that takes over from this cover-first one on <paramref name="p"/>, the problem with its preferences: it
    /// starts from this search's best roster (its opening re-optimises each worker once on <paramref name="p"/>), with the
    /// same seed, clock start and iterations spent, and <paramref name="timeShare"/> of the time limit in all. Not opened.
    /// </summary>
    /// <remarks>With <paramref name="seed"/> the new search has its own seed; with <paramref name="dive"/> it walks from a
    /// dive's roster at the full score (<see cref="DivesFirst"/>). With <paramref name="fresh"/> it
    /// starts from its own greedy construction on <paramref name="p"/> instead of this search's best (see
    /// <see cref="ReachedCover"/>), and keeps this search's best as its own best when that scores better on <paramref name="p"/>
    /// than its opening, so it never ends worse than the roster it was given.</remarks>
    internal SearchEngine ContinueOn(CompiledProblem p, IProgress<PlannerProgress>? progress, double timeShare, int? seed = null, bool dive = false, bool fresh = false) =>
        new(p, _options, progress, fresh ? null : (int[])BestAssign.Clone(), timeShare, seed ?? _seed, _start, index: null)
        {
            Iterations = Iterations,
            DivesFirst = dive,
            _kept = fresh ? (int[])BestAssign.Clone() : null,
        };

    /// <summary>
    /// Whether this cover-first walk ended because its best roster misses nobody (<see cref="StopsOnceCovered"/>): cover
    /// was within a walk's reach, so the walk at the full score needs no head start and starts fresh
    /// (<see cref="RosterPlanner.Search"/>).
    /// </summary>
    internal bool ReachedCover => _covered;

    /// <summary>
    /// Escapes a long plateau: half the time from the best roster, half from where the walk stands, clears
    /// one worker in <see cref="SearchTuning.KickedWorkerShare"/> (<see cref="KickRuin"/>: around a hole when the roster
    /// has one), rebuilds each exactly and keeps the result whatever it costs (the caller restarts the acceptance history
    /// from it).
    /// </summary>
    private void Kick()
    {
        var bestBefore = BestScore;
        _ev.Begin();
        if (_moves.Rng.Next(2) == 0)
        {
            for (var i = 0; i < BestAssign.Length; i++)
            {
                _ev.Set(i / _p.Days, i % _p.Days, BestAssign[i]);
            }
        }

        var kicked = KickRuin(Math.Max(2, _p.WorkerCount / SearchTuning.KickedWorkerShare));
        for (var pass = 0; pass < SearchTuning.RecreatePasses; pass++)
        {
            foreach (var w in kicked)
            {
                _moves.Reoptimise(w);
            }
        }

        _ev.Commit();
        _ev.Accept();
        Iterations++;
        _lastImprovement = Iterations;
        _currentRecord = _ev.Score;
        KeepBest();
        KickObserver?.Invoke(bestBefore);
    }

    /// <summary>Kicks aimed at a hole so far (tests).</summary>
    internal long AimedKicks { get; private set; }

    /// <summary>Called after each kick with the best score before it, on the search's thread (tests).</summary>
    internal Action<ScorePart>? KickObserver { get; set; }

    /// <summary>
    /// The kick's ruin, inside its open move: from <see cref="SearchTuning.HoleKickFromDays"/> dates, with a hole (a date-slot under its demand some worker could take) on the roster it starts from, up
    /// to <paramref name="k"/> workers who may take it, cleared on a window of
    /// <see cref="SearchTuning.HoleKickRadius"/> dates either side, the first who can forced onto it (<see cref="HoleKick"/>); without one, as before,
    /// <paramref name="k"/> workers drawn at random (repeats allowed), cleared whole (also when no worker may take the hole). Returns the workers to rebuild.
    /// </summary>
    private ReadOnlySpan<int> KickRuin(int k)
    {
        if (_p.Days >= SearchTuning.HoleKickFromDays && _holeKick.DrawHole(_moves) is var hole && hole >= 0
            && _holeKick.Ruin(_moves, hole, k, SearchTuning.HoleKickRadius) > 0)
        {
            AimedKicks++;
            _holeKick.Take(_moves, hole);
            return _holeKick.Ruined;
        }

        for (var i = 0; i < k; i++)
        {
            _kicked[i] = _moves.Rng.Next(_p.WorkerCount);
            _moves.Clear(_kicked[i]);
        }

        return _kicked.AsSpan(0, k);
    }

    private void KeepBest()
    {
        if (_ev.Score < _currentRecord)
        {
            _currentRecord = _ev.Score;
            _lastImprovement = Iterations;
        }

        // The cover-first walk accepts on its raised weights; its best is judged on the problem's own.
        var score = _holes?.TrueScore(_ev) ?? _ev.Score;
        if (score < BestScore)
        {
            BestScore = score;
            Array.Copy(_ev.Assign, BestAssign, BestAssign.Length);
            Report();
        }
    }

    private void Report() =>
        _progress?.Report(new PlannerProgress(Iterations, BestScore, Duration.FromSeconds((Timestamp() - _start) / Frequency())));

    private long Timestamp() => _options.TimeProvider?.GetTimestamp() ?? Stopwatch.GetTimestamp();

    private double Frequency() => _options.TimeProvider?.TimestampFrequency ?? Stopwatch.Frequency;
}
