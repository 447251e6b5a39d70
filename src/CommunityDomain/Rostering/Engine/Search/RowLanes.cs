using System.Diagnostics;

namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>What a lane task solves: one worker's row, or a ruin rebuilt on a copy of the roster.</summary>
internal enum LaneTaskKind
{
    /// <summary>One worker re-optimised against a <see cref="CoverSnapshot"/> (<see cref="WorkerScheduleDp.Solve"/>).</summary>
    Reoptimise,

    /// <summary><see cref="RuinAndRecreateMove"/> on a copy of the roster.</summary>
    Ruin,

    /// <summary><see cref="WindowRuinMove"/> on a copy of the roster.</summary>
    WindowRuin,
}

/// <summary>
/// One exact solve handed to a lane: everything it reads is copied into the task when the search draws it (cover, the
/// worker's row, the warm-start minute prices, a seed drawn from the search's generator), so the result depends on the
/// draw alone, never on which lane ran it or when.
/// </summary>
internal sealed class LaneTask
{
    public LaneTask(CompiledProblem p)
    {
        Cover = new CoverSnapshot(p);
        Row = new int[p.Days];
    }

    public LaneTaskKind Kind { get; set; }

    public int Worker { get; set; }

    public int Seed { get; set; }

    /// <summary>The lane task count at which the search applies this task (<see cref="SearchTuning.LaneRowLagPerLane"/>).</summary>
    public long Due { get; set; }

    /// <summary>Draw order: ties of <see cref="Due"/> are applied in it.</summary>
    public long Sequence { get; set; }

    public CoverSnapshot Cover { get; }

    public double MinutePriceIn { get; set; }

    /// <summary>A re-optimisation's row (valid when <see cref="Solved"/>).</summary>
    public int[] Row { get; }

    public bool Solved { get; set; }

    public double MinutePriceOut { get; set; }

    /// <summary>A ruin's roster as drawn and as the lane left it, and the minute prices before and after.</summary>
    public int[]? RosterIn { get; set; }

    public int[]? RosterOut { get; set; }

    public double[]? PricesIn { get; set; }

    public double[]? PricesOut { get; set; }

    /// <summary>What the lane met when the solve threw (rethrown on the search's thread by <see cref="RowLanes.Await"/>).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Set by the lane when solved (read and written under the lanes' lock).</summary>
    public bool Done { get; set; }
}

/// <summary>
/// Counts what the lanes did (diagnostics for the measurements in docs/rostering.md; no result depends on them): tasks
/// solved, the time lanes waited for a task, the time the search waited for a lane's result, and the time the lanes were
/// open. Elapsed time (<see cref="Stopwatch"/>), never the wall clock.
/// </summary>
internal sealed class LaneStats
{
    private long _tasks;
    private long _idleTicks;
    private long _searchWaitTicks;
    private long _openTicks;
    private int _lanes;

    public long Tasks => Interlocked.Read(ref _tasks);

    public int Lanes => _lanes;

    public double IdleSeconds => (double)Interlocked.Read(ref _idleTicks) / Stopwatch.Frequency;

    public double SearchWaitSeconds => (double)Interlocked.Read(ref _searchWaitTicks) / Stopwatch.Frequency;

    public double OpenSeconds => (double)Interlocked.Read(ref _openTicks) / Stopwatch.Frequency;

    /// <summary>The lanes' idle time over their open time (lanes x open seconds).</summary>
    public double IdleShare => OpenSeconds <= 0 || _lanes == 0 ? 0 : IdleSeconds / (OpenSeconds * _lanes);

    internal void AddTask() => Interlocked.Increment(ref _tasks);

    internal void AddIdle(long ticks) => Interlocked.Add(ref _idleTicks, ticks);

    internal void AddSearchWait(long ticks) => Interlocked.Add(ref _searchWaitTicks, ticks);

    internal void AddOpen(long ticks, int lanes)
    {
        Interlocked.Add(ref _openTicks, ticks);
        _lanes = Math.Max(_lanes, lanes);
    }

    private long _rowTasks;
    private long _rowSolveTicks;
    private long _ruinTasks;
    private long _ruinSolveTicks;
    private long _drawTicks;
    private long _applyTicks;

    /// <summary>The roster's score when the opening (construction and sweep) ended; null before.</summary>
    public ScorePart? OpeningScore { get; private set; }

    /// <summary>The elapsed seconds (the options' clock) when the opening ended.</summary>
    public double OpeningSeconds { get; private set; }

    /// <summary>The search's iterations when the opening ended.</summary>
    public long OpeningIterations { get; private set; }

    /// <summary>Re-optimisations the lanes solved, and their solve seconds (summed over the lanes).</summary>
    public long RowTasks => Interlocked.Read(ref _rowTasks);

    public double RowSolveSeconds => (double)Interlocked.Read(ref _rowSolveTicks) / Stopwatch.Frequency;

    /// <summary>Ruins the lanes solved, and their solve seconds (summed over the lanes).</summary>
    public long RuinTasks => Interlocked.Read(ref _ruinTasks);

    public double RuinSolveSeconds => (double)Interlocked.Read(ref _ruinSolveTicks) / Stopwatch.Frequency;

    /// <summary>The search thread's seconds drawing lane tasks (copying the cover or the roster) and applying their results.</summary>
    public double DrawSeconds => (double)Interlocked.Read(ref _drawTicks) / Stopwatch.Frequency;

    public double ApplySeconds => (double)Interlocked.Read(ref _applyTicks) / Stopwatch.Frequency;

    internal void AddSolve(LaneTaskKind kind, long ticks)
    {
        if (kind == LaneTaskKind.Reoptimise)
        {
            Interlocked.Increment(ref _rowTasks);
            Interlocked.Add(ref _rowSolveTicks, ticks);
        }
        else
        {
            Interlocked.Increment(ref _ruinTasks);
            Interlocked.Add(ref _ruinSolveTicks, ticks);
        }
    }

    internal void AddDraw(long ticks) => Interlocked.Add(ref _drawTicks, ticks);

    internal void AddApply(long ticks) => Interlocked.Add(ref _applyTicks, ticks);

    internal void Opened(ScorePart score, double seconds, long iterations) => (OpeningScore, OpeningSeconds, OpeningIterations) = (score, seconds, iterations);
}

/// <summary>
/// One search's exact solves on several cores: <c>lanes</c> threads take drawn tasks in draw order and solve each
/// against its own copies; the search (one thread) draws the tasks, and applies their results in the order it fixed
/// when it drew them, so the roster depends on the problem, seed, iteration limit and degree only. A lane never reads
/// what another thread writes: the task's inputs are written before it is queued and its outputs read after it is done.
/// </summary>
internal sealed class RowLanes
{
    private readonly CompiledProblem _p;
    private readonly SearchIndex _index;
    private readonly Queue<LaneTask> _queue = new();
    private readonly Stack<LaneTask> _free = new();
    // One monitor for the queue and the results: lanes wait on it for a task, the search for a result (Monitor.Wait, which
    // System.Threading.Lock does not offer; a handful of threads, so every change wakes all of them).
    private readonly object _gate = new();
    private readonly LaneStats? _stats;
    private readonly long _openedAt;
    private volatile bool _closing;
    private volatile bool _abandoned;
    private long _sequence;

    // How often a search waiting for a lane looks at its time limit and token.
    private const int StopPollMilliseconds = 10;

    public RowLanes(CompiledProblem p, SearchIndex index, int lanes, LaneStats? stats)
    {
        _p = p;
        _index = index;
        _stats = stats;
        Count = lanes;
        _openedAt = Stopwatch.GetTimestamp();
        for (var i = 0; i < lanes; i++)
        {
            // Background threads of their own (not the thread pool, which a plan's callers may be holding): a lane lives as
            // long as the search and ends after its solve once the lanes close.
            new Thread(new Lane(this).Loop) { IsBackground = true, Name = $"roster lane {i}" }.Start();
        }
    }

    /// <summary>How many lanes solve at once.</summary>
    public int Count { get; }

    /// <summary>Where the lanes count (measurements only; null: not counted).</summary>
    public LaneStats? Stats => _stats;

    /// <summary>A task to fill (a recycled one when one is free).</summary>
    public LaneTask Rent() => _free.Count > 0 ? _free.Pop() : new LaneTask(_p);

    /// <summary>Queues a filled task; a free lane takes it (oldest first).</summary>
    public void Submit(LaneTask task)
    {
        task.Sequence = _sequence++;
        task.Solved = false;
        task.Failure = null;
        lock (_gate)
        {
            task.Done = false;
            _queue.Enqueue(task);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Waits until a lane has solved <paramref name="task"/> (true; rethrows what the lane met), or until
    /// <paramref name="stop"/> says the search stopped on time or was cancelled (false: it polls every
    /// <see cref="StopPollMilliseconds"/> ms, so a slow lane never keeps the search past its share of the time limit).
    /// </summary>
    public bool Await(LaneTask task, Func<bool> stop)
    {
        lock (_gate)
        {
            if (!task.Done)
            {
                var from = Stopwatch.GetTimestamp();
                while (!task.Done)
                {
                    if (stop())
                    {
                        _stats?.AddSearchWait(Stopwatch.GetTimestamp() - from);
                        return false;
                    }

                    Monitor.Wait(_gate, StopPollMilliseconds);
                }

                _stats?.AddSearchWait(Stopwatch.GetTimestamp() - from);
            }
        }

        if (task.Failure is { } e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
        }

        return true;
    }

    /// <summary>Gives an applied task back for reuse.</summary>
    public void Return(LaneTask task) => _free.Push(task);

    /// <summary>
    /// Stops the lanes. <paramref name="abandon"/>: the search stopped on time or was cancelled, so the tasks still queued
    /// or running are dropped (a ruin stops at its next solve) rather than waited for, and the search's time share is not
    /// overrun by them; the lanes' threads end after the solve they are in.
    /// </summary>
    public void Close(bool abandon)
    {
        if (_closing)
        {
            return;
        }

        _abandoned = abandon;
        lock (_gate)
        {
            _closing = true;
            Monitor.PulseAll(_gate);
        }

        _stats?.AddOpen(Stopwatch.GetTimestamp() - _openedAt, Count);
    }

    /// <summary>The next queued task, or null once closing.</summary>
    private LaneTask? Take()
    {
        var from = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            while (_queue.Count == 0 && !_closing)
            {
                Monitor.Wait(_gate);
            }

            _stats?.AddIdle(Stopwatch.GetTimestamp() - from);
            return _closing ? null : _queue.Dequeue();
        }
    }

    /// <summary>Marks <paramref name="task"/> solved and wakes the search.</summary>
    private void Finish(LaneTask task)
    {
        lock (_gate)
        {
            task.Done = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>One lane: its own re-optimiser, and for ruins its own copy of the roster and moves.</summary>
    private sealed class Lane(RowLanes owner)
    {
        private readonly WorkerScheduleDp _dp = new(owner._p);
        private readonly RuinAndRecreateMove _ruin = new();
        private readonly WindowRuinMove _window = new(rebuildNearWindow: true);
        private MoveContext? _copy;

        public void Loop()
        {
            while (owner.Take() is { } task)
            {
                var from = Stopwatch.GetTimestamp();
                try
                {
                    Solve(task);
                }
#pragma warning disable CA1031 // any failure is handed to the search's thread, which rethrows it
                catch (Exception e)
#pragma warning restore CA1031
                {
                    task.Failure = e;
                }

                owner._stats?.AddTask();
                owner._stats?.AddSolve(task.Kind, Stopwatch.GetTimestamp() - from);
                owner.Finish(task);
            }
        }

        private void Solve(LaneTask task)
        {
            if (task.Kind == LaneTaskKind.Reoptimise)
            {
                _dp.SetMinutePrice(task.Worker, task.MinutePriceIn);
                task.Solved = _dp.Solve(task.Cover, task.Worker, task.Row, new Random(task.Seed));
                task.MinutePriceOut = _dp.MinutePrice(task.Worker);
                return;
            }

            // A ruin rebuilds several workers one after another, each against the others as the ruin left them: it runs on
            // a whole copy of the roster as drawn (the copy's score rebuilt, O(workers x days), small beside 4-8 solves).
            var c = _copy ??= new MoveContext(new RosterEvaluator(owner._p, task.RosterIn), new Random(0), owner._index)
            {
                Abandoned = () => owner._abandoned,
            };
            Array.Copy(task.RosterIn!, c.Ev.Assign, task.RosterIn!.Length);
            c.Ev.Recompute();
            c.Dp.LoadMinutePrices(task.PricesIn!);
            c.UseGenerator(new Random(task.Seed));
            c.Ev.Begin();
            IMove move = task.Kind == LaneTaskKind.Ruin ? _ruin : _window;
            move.Apply(c);
            c.Ev.Commit();
            c.Ev.Accept();
            Array.Copy(c.Ev.Assign, task.RosterOut!, task.RosterOut!.Length);
            c.Dp.CopyMinutePricesTo(task.PricesOut!);
        }
    }
}
