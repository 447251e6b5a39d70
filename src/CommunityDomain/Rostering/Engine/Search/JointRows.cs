namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// A few workers re-optimised together, cover free (docs/rostering.md, team32): on Instances 6 and 8 the walk's rosters
/// are local optima for every one-worker re-optimisation and for pairs and triples rebuilt one after another (wish8), so
/// the rows that would fit together are never tried together. Price-and-choose: each chosen worker gets a small pool of
/// rows (their current row, one forced onto a hole, and rounds of best responses to the others' rows of the round before,
/// with and without a random price per date-slot), then a depth-first branch and bound picks one row per worker
/// minimising the exact score (each row's own cost plus the cover cost of the counts they make together). Only the chosen
/// workers' rows change, and only to a choice strictly better than their current rows by that count. The walk draws it
/// as <see cref="JointRowsMove"/>.
/// </summary>
/// <remarks>
/// Exact for the evaluator's score when the problem has no fairness weight (the only term coupling workers other than
/// cover); <see cref="Applies"/> says so. Cover costs are convex in the count (linear outside the demand's range), so a
/// row's cover change at the partial counts bounds its change at any later counts from below.
/// </remarks>
internal sealed class JointRows
{
    /// <summary>Most workers chosen together (the probe's largest; the brief's move takes 3-6).</summary>
    internal const int MaxWorkers = 12;

    /// <summary>Most rows in one worker's pool.</summary>
    internal const int PoolSize = 8;

    // Nodes of the branch and bound before it stops with the best choice so far (a few milliseconds).
    private const int NodeLimit = 20_000;

    // Rounds of simultaneous best responses (FillPools): about as many distinct rows per worker as the pool holds.
    private const int Rounds = 7;

    // The later rounds' price per date-slot, drawn in plus or minus this share of a missing person's weight (stall8's
    // noise): on Instance8 seed 1 at 100,000 moves, 0.5 gave the most improving choices of 0.25, 0.5 and 1 (team32).
    private const double Noise = 0.5;

    private readonly CompiledProblem _p;
    private readonly int[] _workers = new int[MaxWorkers];
    private readonly int[] _rows;
    private readonly int[] _poolCount = new int[MaxWorkers];
    private readonly int[] _ownHard = new int[MaxWorkers * PoolSize];
    private readonly long[] _ownSoft = new long[MaxWorkers * PoolSize];
    private readonly int[] _counts;
    private readonly int[] _choice = new int[MaxWorkers];
    private readonly int[] _bestChoice = new int[MaxWorkers];
    private readonly int[] _rebuilt;
    private readonly int[] _next;
    private readonly int[] _order = new int[MaxWorkers];
    private readonly int[] _candidates;
    private readonly int[] _scratchAssign;
    private readonly int[] _shiftScratch;
    private readonly int[] _weekScratch;
    private readonly int[] _row;
    private readonly double[] _offset;
    private readonly CountView _view;
    private int _k;
    private int _hole = -1;
    private long _nodes;
    private ScoreChange _best;

    public JointRows(CompiledProblem p)
    {
        _p = p;
        _rows = new int[MaxWorkers * PoolSize * p.Days];
        _rebuilt = new int[MaxWorkers * p.Days];
        _next = new int[MaxWorkers * p.Days];
        _counts = new int[p.Days * p.SlotCount];
        _scratchAssign = new int[p.WorkerCount * p.Days];
        _shiftScratch = new int[Math.Max(1, p.ShiftCount)];
        _weekScratch = new int[Math.Max(1, p.WeekCount)];
        _row = new int[p.Days];
        _candidates = new int[Math.Max(1, p.WorkerCount)];
        _offset = new double[p.Days * p.SlotCount];
        _view = new CountView(p, _counts);
    }

    /// <summary>Whether the choice is exact for <paramref name="p"/>'s score: no fairness weight couples the workers.</summary>
    internal static bool Applies(CompiledProblem p) => p.FairnessWeight == 0;

    /// <summary>
    /// Up to <paramref name="k"/> distinct workers to choose together, from the search's generator: about half of them
    /// allowed on a date-slot under its demand (drawn uniformly) and not on it, then workers below their maximum minutes
    /// (the capacity left unworked, wish8's diagnosis), then any.
    /// </summary>
    internal ReadOnlySpan<int> DrawWorkers(MoveContext c, int k)
    {
        k = Math.Clamp(k, 1, Math.Min(MaxWorkers, _p.WorkerCount));
        var n = 0;
        var hole = DrawHole(c);
        Hole = hole;
        if (hole >= 0)
        {
            var (day, slot) = (hole / _p.SlotCount, hole % _p.SlotCount);
            n = Take(c, c.Index.EligibleOn(hole), (k + 1) / 2, 0, w => c.Ev.Assigned(w, day) != slot);
        }

        n = Take(c, Everyone(), k, n, w => c.Ev.WorkerMinutes(w) < _p.Rules[_p.WorkerRules[w]].MaxMinutes);
        n = Take(c, Everyone(), k, n, _ => true);
        return _workers.AsSpan(0, n);
    }

    private ReadOnlySpan<int> Everyone()
    {
        for (var w = 0; w < _p.WorkerCount; w++)
        {
            _candidates[w] = w;
        }

        return _candidates;
    }

    /// <summary>Adds to <see cref="_workers"/> (holding <paramref name="n"/>) up to <paramref name="most"/> in all from <paramref name="from"/>, in a random order, new and <paramref name="fits"/>.</summary>
    private int Take(MoveContext c, ReadOnlySpan<int> from, int most, int n, Func<int, bool> fits)
    {
        var pool = _candidates.AsSpan(0, from.Length);
        from.CopyTo(pool);

        c.Rng.Shuffle(pool);
        foreach (var w in pool)
        {
            if (n < most && fits(w) && !_workers.AsSpan(0, n).Contains(w))
            {
                _workers[n++] = w;
            }
        }

        return n;
    }

    /// <summary>A date-slot under its demand (soft or hard) that some worker may take, drawn uniformly; -1 when none.</summary>
    private int DrawHole(MoveContext c)
    {
        var holes = 0;
        for (var ds = 0; ds < _counts.Length; ds++)
        {
            holes += IsHole(c, ds) ? 1 : 0;
        }

        var pick = holes == 0 ? -1 : c.Rng.Next(holes);
        for (var ds = 0; ds < _counts.Length && pick >= 0; ds++)
        {
            if (IsHole(c, ds) && pick-- == 0)
            {
                return ds;
            }
        }

        return -1;
    }

    private bool IsHole(MoveContext c, int ds)
    {
        var count = c.Ev.Count(ds / _p.SlotCount, ds % _p.SlotCount);
        return (count < _p.Required[ds] || count < _p.Minimum[ds]) && c.Index.EligibleOn(ds).Length > 0;
    }

    /// <summary>The date-slot the last <see cref="DrawWorkers"/> aimed at (-1: none), for <see cref="Choose"/>.</summary>
    internal int Hole { get; private set; } = -1;

    /// <summary>Rows in worker <paramref name="i"/>'s pool (of the chosen, in order) at the last <see cref="Choose"/>.</summary>
    internal int PoolCount(int i) => _poolCount[i];

    /// <summary>Row <paramref name="r"/> of the <paramref name="i"/>-th chosen worker's pool (0: the row they had).</summary>
    internal ReadOnlySpan<int> PoolRow(int i, int r) => _rows.AsSpan(((i * PoolSize) + r) * _p.Days, _p.Days);

    /// <summary>The branch and bound's nodes at the last <see cref="Choose"/>.</summary>
    internal long Nodes => _nodes;

    /// <summary>
    /// Builds the pools of <paramref name="workers"/> (distinct, at most <see cref="MaxWorkers"/>) on <paramref name="c"/>'s
    /// roster (with <paramref name="hole"/>, a date-slot, one of them forced onto it in their pool), picks the best joint
    /// choice and sets it inside the caller's open move. Returns the change of the exact score
    /// the choice makes (zero and nothing set when no choice beats the rows they have).
    /// </summary>
    public ScoreChange Choose(MoveContext c, ReadOnlySpan<int> workers, int hole = -1)
    {
        _hole = hole;
        Load(c, workers);
        FillPools(c);
        var current = CurrentValue();
        _best = current;
        Array.Clear(_bestChoice);
        _nodes = 0;
        Branch(0, 0, 0);
        if (!(_best < current))
        {
            return default;
        }

        for (var i = 0; i < _k; i++)
        {
            var row = PoolRow(i, _bestChoice[i]);
            for (var d = 0; d < _p.Days; d++)
            {
                c.Ev.Set(_workers[i], d, row[d]);
            }
        }

        return new ScoreChange(_best.Hard - current.Hard, _best.Soft - current.Soft);
    }

    /// <summary>The chosen workers, their current rows as pool row 0 with their own cost, and the cover without them.</summary>
    private void Load(MoveContext c, ReadOnlySpan<int> workers)
    {
        _k = Math.Min(workers.Length, MaxWorkers);
        Array.Copy(c.Ev.Assign, _scratchAssign, _scratchAssign.Length);
        c.Ev.CopyCountsTo(_counts);
        for (var i = 0; i < _k; i++)
        {
            _workers[i] = workers[i];
            _poolCount[i] = 0;
            Array.Copy(c.Ev.Assign, _p.WorkerDay(workers[i], 0), _row, 0, _p.Days);
            AddToPool(i, _row);
            Move(_row, -1);
        }
    }

    /// <summary>
    /// The pools beyond each worker's current row: with a hole drawn, the first chosen worker whose best row through it
    /// exists (<see cref="WorkerScheduleDp.SolveTaking"/>, the ejection chain's link) starts on that row; then
    /// <see cref="Rounds"/> rounds of simultaneous best responses, each worker against the cover without the chosen plus
    /// the others' rows of the round before (a row that fits what the others just did), the first at the true prices,
    /// the later ones under a random price per date-slot.
    /// </summary>
    private void FillPools(MoveContext c)
    {
        for (var i = 0; i < _k; i++)
        {
            PoolRow(i, 0).CopyTo(_rebuilt.AsSpan(i * _p.Days, _p.Days));
        }

        if (_hole >= 0)
        {
            TakeHole(c);
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var ds = 0; ds < _offset.Length; ds++)
            {
                _offset[ds] = round == 0 ? 0 : (c.Rng.NextDouble() - 0.5) * Noise * 2 * _p.Under[ds];
            }

            c.Dp.SetCoverOffset(_offset);
            Respond(c);
            c.Dp.SetCoverOffset(null);
        }
    }

    /// <summary>The first chosen worker not on the hole whose best row through it exists starts the rounds on it (and adds it to their pool).</summary>
    private void TakeHole(MoveContext c)
    {
        var (day, slot) = (_hole / _p.SlotCount, _hole % _p.SlotCount);
        AllRebuilt(+1);
        for (var i = 0; i < _k; i++)
        {
            var row = _rebuilt.AsSpan(i * _p.Days, _p.Days);
            Move(row, -1);
            var took = row[day] != slot && c.Dp.SolveTaking(_view, _workers[i], day, slot, _row, c.Rng);
            if (took)
            {
                _row.CopyTo(row);
                AddToPool(i, row);
            }

            Move(row, +1);
            if (took)
            {
                break;
            }
        }

        AllRebuilt(-1);
    }

    /// <summary>One round: every chosen worker's best response to the others' rows of the round before, added to the pools.</summary>
    private void Respond(MoveContext c)
    {
        AllRebuilt(+1);
        for (var i = 0; i < _k; i++)
        {
            var row = _rebuilt.AsSpan(i * _p.Days, _p.Days);
            var next = _next.AsSpan(i * _p.Days, _p.Days);
            Move(row, -1);
            if (c.Dp.Solve(_view, _workers[i], _row, c.Rng))
            {
                _row.CopyTo(next);
            }
            else
            {
                row.CopyTo(next);
            }

            Move(row, +1);
        }

        AllRebuilt(-1);
        _next.AsSpan(0, _k * _p.Days).CopyTo(_rebuilt);
        for (var i = 0; i < _k; i++)
        {
            AddToPool(i, _rebuilt.AsSpan(i * _p.Days, _p.Days));
        }
    }

    /// <summary>Adds (+1) or removes (-1) every chosen worker's rebuilt row to or from the counts.</summary>
    private void AllRebuilt(int by)
    {
        for (var i = 0; i < _k; i++)
        {
            Move(_rebuilt.AsSpan(i * _p.Days, _p.Days), by);
        }
    }

    /// <summary>Adds <paramref name="row"/> to worker <paramref name="i"/>'s pool unless it is there or the pool is full; scores its own cost.</summary>
    private void AddToPool(int i, ReadOnlySpan<int> row)
    {
        if (_poolCount[i] == PoolSize)
        {
            return;
        }

        for (var r = 0; r < _poolCount[i]; r++)
        {
            if (PoolRow(i, r).SequenceEqual(row))
            {
                return;
            }
        }

        var at = (i * PoolSize) + _poolCount[i]++;
        row.CopyTo(_rows.AsSpan(at * _p.Days, _p.Days));
        var w = _workers[i];
        row.CopyTo(_scratchAssign.AsSpan(_p.WorkerDay(w, 0), _p.Days));
        var sink = default(NullSink);
        WorkerScoring.Score(_p, w, _scratchAssign, _shiftScratch, _weekScratch, ref sink, out _ownHard[at], out _ownSoft[at], out _);
    }

    /// <summary>Adds (<paramref name="by"/> +1) or removes (-1) a row's people from the counts; returns the cover cost's change.</summary>
    private ScoreChange Move(ReadOnlySpan<int> row, int by)
    {
        var (hard, soft) = (0, 0L);
        for (var d = 0; d < row.Length; d++)
        {
            if (row[d] >= 0)
            {
                var ds = _p.DaySlot(d, row[d]);
                var before = _counts[ds];
                _counts[ds] = before + by;
                hard += _p.CoverCostHard(ds, before + by) - _p.CoverCostHard(ds, before);
                soft += _p.CoverCostSoft(ds, before + by) - _p.CoverCostSoft(ds, before);
            }
        }

        return new ScoreChange(hard, soft);
    }

    /// <summary>The current rows' value (pool row 0 of each): their own costs plus the cover change they make together.</summary>
    private ScoreChange CurrentValue()
    {
        var (hard, soft) = (0, 0L);
        for (var i = 0; i < _k; i++)
        {
            var change = Move(PoolRow(i, 0), +1);
            hard += change.Hard + _ownHard[i * PoolSize];
            soft += change.Soft + _ownSoft[i * PoolSize];
        }

        for (var i = 0; i < _k; i++)
        {
            Move(PoolRow(i, 0), -1);
        }

        return new ScoreChange(hard, soft);
    }

    /// <summary>
    /// The depth-first branch and bound from worker <paramref name="i"/> with the value so far: pruned when it plus each
    /// later worker's cheapest row at the counts as they stand (hard and soft apart) is not below the best.
    /// </summary>
    private void Branch(int i, int hard, long soft)
    {
        if (i == _k)
        {
            if (new ScoreChange(hard, soft) < _best)
            {
                _best = new ScoreChange(hard, soft);
                Array.Copy(_choice, _bestChoice, _k);
            }

            return;
        }

        if (++_nodes > NodeLimit || !(Bound(i, hard, soft) < _best))
        {
            return;
        }

        for (var r = 0; r < _poolCount[i]; r++)
        {
            var at = (i * PoolSize) + r;
            var change = Move(PoolRow(i, r), +1);
            _choice[i] = r;
            Branch(i + 1, hard + change.Hard + _ownHard[at], soft + change.Soft + _ownSoft[at]);
            Move(PoolRow(i, r), -1);
        }
    }

    /// <summary>The value so far plus, for each worker from <paramref name="i"/> on, the least own cost plus cover change of a pool row.</summary>
    private ScoreChange Bound(int i, int hard, long soft)
    {
        for (var j = i; j < _k; j++)
        {
            var (leastHard, leastSoft) = (int.MaxValue, long.MaxValue);
            for (var r = 0; r < _poolCount[j]; r++)
            {
                var at = (j * PoolSize) + r;
                var change = Move(PoolRow(j, r), +1);
                Move(PoolRow(j, r), -1);
                leastHard = Math.Min(leastHard, change.Hard + _ownHard[at]);
                leastSoft = Math.Min(leastSoft, change.Soft + _ownSoft[at]);
            }

            hard += leastHard;
            soft += leastSoft;
        }

        return new ScoreChange(hard, soft);
    }

    /// <summary>The DP's view of the cover without the chosen workers (plus the rows rebuilt so far): the worker it solves is never on it.</summary>
    private sealed class CountView(CompiledProblem p, int[] counts) : ICoverView
    {
        public int Count(int day, int slot) => counts[p.DaySlot(day, slot)];

        public int Assigned(int w, int day) => -1;
    }
}

/// <summary>
/// The joint choice as a move of the walk, on horizons shorter than <see cref="SearchTuning.EjectionChainBelowDays"/>
/// dates once the walk has stalled half a plateau (in place of one ejection chain in
/// <see cref="SearchTuning.JointRowsOneInChain"/>): 3-6 workers drawn by <see cref="JointRows.DrawWorkers"/>. Never worse
/// by the score, so late acceptance always keeps it; equal scores are not taken (the rows stay).
/// </summary>
internal sealed class JointRowsMove(CompiledProblem p) : IMove
{
    private readonly JointRows _joint = new(p);

    public void Apply(MoveContext c)
    {
        var workers = _joint.DrawWorkers(c, 3 + c.Rng.Next(4));
        _joint.Choose(c, workers, _joint.Hole);
    }
}
