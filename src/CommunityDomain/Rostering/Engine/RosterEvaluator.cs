using System.Runtime.CompilerServices;

using System.Diagnostics;

namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// A mutable roster with its score kept up to date incrementally. A move is <see cref="Begin"/>, any
/// number of <see cref="Set"/> calls, then <see cref="Commit"/> (which returns the cost delta) and
/// optionally <see cref="Undo"/>. Cover is updated per changed cell in O(1); each touched worker is
/// rescored in O(days); fairness per touched group in O(1). No allocation after construction.
/// </summary>
internal sealed class RosterEvaluator : ICoverView
{
    private readonly int[] _count;
    private readonly int[] _workerHard;
    private readonly long[] _workerSoft;
    private readonly int[] _workerMinutes;
    private readonly long[] _groupSum;
    private readonly long[] _groupSquares;
    private readonly long[] _groupPenalty;
    private readonly int[] _logCell;
    private readonly int[] _logOld;

    // Per cell: the move (by _moveStamp) that last logged it. A move logs each cell once, with the value it
    // had at Begin, so the log never holds more than one entry per cell however often a move rewrites it.
    private readonly int[] _loggedIn;
    private int _moveStamp = 1;
    private readonly int[] _touched;
    private readonly bool[] _isTouched;
    private readonly int[] _savedHard;
    private readonly long[] _savedSoft;
    private readonly int[] _savedMinutes;
    private readonly int[] _shiftScratch;
    private readonly int[] _weekScratch;
    private int _logLength;
    private int _touchedLength;
    private int _beginHard;
    private long _beginSoft;

    public RosterEvaluator(CompiledProblem problem, int[]? assignment = null)
    {
        P = problem;
        var cells = problem.WorkerCount * problem.Days;
        Assign = new int[cells];
        if (assignment is null)
        {
            Array.Copy(problem.Pinned, Assign, cells);
        }
        else
        {
            Array.Copy(assignment, Assign, cells);
        }

        _count = new int[problem.Days * problem.SlotCount];
        _workerHard = new int[problem.WorkerCount];
        _workerSoft = new long[problem.WorkerCount];
        _workerMinutes = new int[problem.WorkerCount];
        _groupSum = new long[problem.GroupSize.Length];
        _groupSquares = new long[problem.GroupSize.Length];
        _groupPenalty = new long[problem.GroupSize.Length];
        _logCell = new int[cells];
        _logOld = new int[cells];
        _loggedIn = new int[cells];
        _touched = new int[problem.WorkerCount];
        _isTouched = new bool[problem.WorkerCount];
        _savedHard = new int[problem.WorkerCount];
        _savedSoft = new long[problem.WorkerCount];
        _savedMinutes = new int[problem.WorkerCount];
        _shiftScratch = new int[Math.Max(1, problem.ShiftCount)];
        _weekScratch = new int[Math.Max(1, problem.WeekCount)];
        Recompute();
    }

    public CompiledProblem P { get; }

    /// <summary>Per <see cref="CompiledProblem.WorkerDay"/> cell: the slot worked, or -1.</summary>
    public int[] Assign { get; }

    public int Hard { get; private set; }

    public long Soft { get; private set; }

    public ScorePart Score => new(Hard, Soft);

    /// <summary>The fairness part of <see cref="Soft"/> (all groups).</summary>
    public long Fairness { get; private set; }

    public int Count(int day, int slot) => _count[P.DaySlot(day, slot)];

    /// <inheritdoc/>
    public int Assigned(int w, int day) => Assign[P.WorkerDay(w, day)];

    /// <summary>Copies the people per <see cref="CompiledProblem.DaySlot"/> into <paramref name="target"/> (a lane's snapshot).</summary>
    public void CopyCountsTo(int[] target) => Array.Copy(_count, target, _count.Length);

    public int WorkerMinutes(int w) => _workerMinutes[w];

    /// <summary>The hard violations of worker <paramref name="w"/>'s own rules (cover not included).</summary>
    public int WorkerHard(int w) => _workerHard[w];

    /// <summary>Rebuilds every cached figure from <see cref="Assign"/>: cover, then each worker's own rules, then fairness.</summary>
    public void Recompute()
    {
        var (hard, soft) = RecomputeCover();
        var (workersHard, workersSoft) = RecomputeWorkers();
        Hard = hard + workersHard;
        Soft = soft + workersSoft + RecomputeFairness();
        _logLength = 0;
        _touchedLength = 0;
    }

    /// <summary>The people per day-slot counted afresh; returns the cover part of the score.</summary>
    private (int Hard, long Soft) RecomputeCover()
    {
        Array.Clear(_count);
        for (var w = 0; w < P.WorkerCount; w++)
        {
            for (var d = 0; d < P.Days; d++)
            {
                var s = Assign[P.WorkerDay(w, d)];
                if (s >= 0)
                {
                    _count[P.DaySlot(d, s)]++;
                }
            }
        }

        var hard = 0;
        long soft = 0;
        for (var i = 0; i < _count.Length; i++)
        {
            hard += P.CoverCostHard(i, _count[i]);
            soft += P.CoverCostSoft(i, _count[i]);
        }

        return (hard, soft);
    }

    /// <summary>Each worker rescored (own rules and minutes) and the fairness groups' sums rebuilt; returns the workers' part of the score.</summary>
    private (int Hard, long Soft) RecomputeWorkers()
    {
        Array.Clear(_groupSum);
        Array.Clear(_groupSquares);
        var sink = default(NullSink);
        var hard = 0;
        long soft = 0;
        for (var w = 0; w < P.WorkerCount; w++)
        {
            WorkerScoring.Score(P, w, Assign, _shiftScratch, _weekScratch, ref sink, out var h, out var s, out var m);
            _workerHard[w] = h;
            _workerSoft[w] = s;
            _workerMinutes[w] = m;
            hard += h;
            soft += s;
            var g = P.WorkerGroup[w];
            _groupSum[g] += m;
            _groupSquares[g] += (long)m * m;
        }

        return (hard, soft);
    }

    /// <summary>Each group's fairness penalty from its sums; sets <see cref="Fairness"/> and returns it.</summary>
    private long RecomputeFairness()
    {
        Fairness = 0;
        for (var g = 0; g < _groupSum.Length; g++)
        {
            _groupPenalty[g] = CompiledProblem.FairnessPenalty(P.FairnessWeight, P.GroupSize[g], _groupSum[g], _groupSquares[g]);
            Fairness += _groupPenalty[g];
        }

        return Fairness;
    }

    /// <summary>Full recomputation of the score of an assignment (the reference the incremental path must match).</summary>
    public static ScorePart FullScore(CompiledProblem p, int[] assign) => new RosterEvaluator(p, assign).Score;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Begin()
    {
        _logLength = 0;
        if (++_moveStamp == int.MaxValue)
        {
            Array.Clear(_loggedIn);
            _moveStamp = 1;
        }

        _touchedLength = 0;
        _beginHard = Hard;
        _beginSoft = Soft;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int w, int d, int slot)
    {
        var cell = P.WorkerDay(w, d);
        var old = Assign[cell];
        if (old == slot)
        {
            return;
        }

        if (_loggedIn[cell] != _moveStamp)
        {
            Debug.Assert(_logLength < _logCell.Length, "undo log overflow");
            _loggedIn[cell] = _moveStamp;
            _logCell[_logLength] = cell;
            _logOld[_logLength] = old;
            _logLength++;
        }

        Assign[cell] = slot;
        if (old >= 0)
        {
            ChangeCount(d, old, -1);
        }

        if (slot >= 0)
        {
            ChangeCount(d, slot, +1);
        }

        if (!_isTouched[w])
        {
            _isTouched[w] = true;
            _touched[_touchedLength++] = w;
            _savedHard[w] = _workerHard[w];
            _savedSoft[w] = _workerSoft[w];
            _savedMinutes[w] = _workerMinutes[w];
        }
    }

    /// <summary>Rescores the touched workers and groups; returns the change of <see cref="Score"/> since <see cref="Begin"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScoreChange Commit()
    {
        for (var i = 0; i < _touchedLength; i++)
        {
            Rescore(_touched[i]);
        }

        return new ScoreChange(Hard - _beginHard, Soft - _beginSoft);
    }

    /// <summary>
    /// <see cref="Commit"/> for worker <paramref name="w"/> alone: exact when every other worker changed in this move has
    /// been rescored since their last change (a move that tries many rows of one worker at a time pays O(days) a try,
    /// not O(days) per worker it touched). A later <see cref="Commit"/> or <see cref="Undo"/> works as usual.
    /// </summary>
    public void CommitWorker(int w)
    {
        Rescore(w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Rescore(int w)
    {
        var sink = default(NullSink);
        WorkerScoring.Score(P, w, Assign, _shiftScratch, _weekScratch, ref sink, out var h, out var s, out var m);
        Hard += h - _workerHard[w];
        Soft += s - _workerSoft[w];
        _workerHard[w] = h;
        _workerSoft[w] = s;
        ChangeMinutes(w, m);
    }

    /// <summary>Reverts every change since <see cref="Begin"/> (after <see cref="Commit"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Undo()
    {
        for (var i = _logLength - 1; i >= 0; i--)
        {
            var cell = _logCell[i];
            var d = cell % P.Days;
            var now = Assign[cell];
            if (now >= 0)
            {
                ChangeCount(d, now, -1);
            }

            var old = _logOld[i];
            if (old >= 0)
            {
                ChangeCount(d, old, +1);
            }

            Assign[cell] = old;
        }

        for (var i = 0; i < _touchedLength; i++)
        {
            var w = _touched[i];
            ChangeMinutes(w, _savedMinutes[w]);
            _workerHard[w] = _savedHard[w];
            _workerSoft[w] = _savedSoft[w];
        }

        Hard = _beginHard;
        Soft = _beginSoft;
        EndMove();
    }

    /// <summary>Keeps the committed move.</summary>
    public void Accept() => EndMove();

    /// <summary>
    /// Puts worker <paramref name="w"/> on <paramref name="slot"/> of day <paramref name="d"/> and keeps it: the whole
    /// <see cref="Begin"/>, <see cref="Set"/>, <see cref="Commit"/>, <see cref="Accept"/> sequence of a one-cell move
    /// (the constructions place people this way, one at a time).
    /// </summary>
    public void Place(int w, int d, int slot)
    {
        Begin();
        Set(w, d, slot);
        Commit();
        Accept();
    }

    /// <summary>
    /// The score with worker <paramref name="w"/> on <paramref name="slot"/> of day <paramref name="d"/>, the roster left
    /// as it was: a one-cell <see cref="Begin"/>, <see cref="Set"/>, <see cref="Commit"/>, <see cref="Undo"/>.
    /// </summary>
    public ScorePart ScoreWith(int w, int d, int slot)
    {
        Begin();
        Set(w, d, slot);
        Commit();
        var score = Score;
        Undo();
        return score;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndMove()
    {
        for (var i = 0; i < _touchedLength; i++)
        {
            _isTouched[_touched[i]] = false;
        }

        _touchedLength = 0;
        _logLength = 0;
    }

    private void ChangeCount(int d, int slot, int by)
    {
        var i = P.DaySlot(d, slot);
        var before = _count[i];
        var after = before + by;
        Hard += P.CoverCostHard(i, after) - P.CoverCostHard(i, before);
        Soft += P.CoverCostSoft(i, after) - P.CoverCostSoft(i, before);
        _count[i] = after;
    }

    private void ChangeMinutes(int w, int minutes)
    {
        var old = _workerMinutes[w];
        if (old == minutes)
        {
            return;
        }

        var g = P.WorkerGroup[w];
        _groupSum[g] += minutes - old;
        _groupSquares[g] += ((long)minutes * minutes) - ((long)old * old);
        var penalty = CompiledProblem.FairnessPenalty(P.FairnessWeight, P.GroupSize[g], _groupSum[g], _groupSquares[g]);
        Soft += penalty - _groupPenalty[g];
        Fairness += penalty - _groupPenalty[g];
        _groupPenalty[g] = penalty;
        _workerMinutes[w] = minutes;
    }
}
