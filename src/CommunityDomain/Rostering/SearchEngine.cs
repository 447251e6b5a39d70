using System.Diagnostics;

namespace CommunityDomain.Rostering;

/// <summary>
/// Late-acceptance local search over a <see cref="RosterEvaluator"/>: small moves (change a worker-day,
/// swap two workers on a day, swap a block of days between two workers), the exact one-worker
/// re-optimisation of <see cref="WorkerScheduleDp"/>, and ruin-and-recreate of a few workers with it.
/// </summary>
internal sealed class SearchEngine
{
    private const int HistoryLength = 2000;
    private readonly RosterEvaluator _ev;
    private readonly CompiledProblem _p;
    private readonly WorkerScheduleDp _dp;
    private readonly Random _rng;
    private readonly PlannerOptions _options;
    private readonly IProgress<PlannerProgress>? _progress;
    private readonly int[] _row;
    private readonly int[] _ruined;
    private readonly int[] _kicked;
    private long _lastImprovement;
    private long _currentRecord = long.MaxValue;
    private readonly long[] _history = new long[HistoryLength];
    private readonly long _start;
    private readonly long _deadlineTicks;
    private readonly long _limitTicks;
    private readonly bool _warmStart;

    // start: cells to search from instead of the greedy construction (repair starts from the published roster).
    // timeShare: the part of the time limit the search may use (the planner keeps the rest for the lower bound).
    public SearchEngine(CompiledProblem p, PlannerOptions options, IProgress<PlannerProgress>? progress, int[]? start = null, double timeShare = 1.0)
    {
        _p = p;
        _options = options;
        _progress = progress;
        _ev = new RosterEvaluator(p, start);
        _warmStart = start is not null;
        _dp = new WorkerScheduleDp(p);
        _rng = new Random(options.Seed);
        _row = new int[p.Days];
        _ruined = new int[Math.Min(4, p.WorkerCount)];
        _kicked = new int[Math.Max(2, p.WorkerCount)];
        BestAssign = new int[p.WorkerCount * p.Days];
        _start = Timestamp();
        _limitTicks = options.TimeLimit is { } t
            ? (long)(t.TotalSeconds * Frequency())
            : long.MaxValue;
        _deadlineTicks = options.TimeLimit is null ? long.MaxValue : (long)(_limitTicks * timeShare);
    }

    /// <summary>Whether the whole time limit (not only the search's share) has elapsed.</summary>
    public bool PastTimeLimit() => Timestamp() - _start >= _limitTicks;

    public int[] BestAssign { get; }

    public ScorePart BestScore { get; private set; }

    public long Iterations { get; private set; }

    public void Run(CancellationToken token)
    {
        if (!_warmStart)
        {
            Construction.Greedy(_ev);
        }

        Array.Copy(_ev.Assign, BestAssign, BestAssign.Length);
        BestScore = _ev.Score;
        Report();
        var limit = _options.IterationLimit ?? long.MaxValue;
        if (_p.WorkerCount == 0 || _p.Days == 0)
        {
            return;
        }

        // One best-response sweep first, so the late-acceptance history starts from a sensible cost
        // rather than the construction's hard violations.
        for (var w = 0; w < _p.WorkerCount && !Stop(limit, token); w++)
        {
            _ev.Begin();
            DpMove(w);
            if (_ev.Commit() <= 0)
            {
                _ev.Accept();
            }
            else
            {
                _ev.Undo();
            }

            Iterations++;
            KeepBest();
        }

        Array.Fill(_history, _ev.Cost);

        var stagnation = Math.Max(20_000L, 2_000L * _p.WorkerCount);
        _lastImprovement = Iterations;
        while (!Stop(limit, token))
        {
            if (Iterations - _lastImprovement > stagnation)
            {
                Kick();
            }

            var before = _ev.Cost;
            var hardBefore = _ev.Hard;
            _ev.Begin();
            var roll = _rng.Next(1000);
            if (roll < 100)
            {
                DpMove(_rng.Next(_p.WorkerCount));
            }
            else if (roll < 110)
            {
                Ruin();
            }
            else if (roll < 400)
            {
                ChangeMove();
            }
            else if (roll < 700)
            {
                BlockSwap(1);
            }
            else
            {
                BlockSwap(2 + _rng.Next(6));
            }

            var delta = _ev.Commit();
            var slot = (int)(Iterations % HistoryLength);
            var after = before + delta;
            // Late acceptance on the single cost, but never a move that adds hard violations.
            if (delta <= 0 || (after <= _history[slot] && _ev.Hard <= hardBefore))
            {
                _ev.Accept();
            }
            else
            {
                _ev.Undo();
            }

            if (_ev.Cost < _history[slot])
            {
                _history[slot] = _ev.Cost;
            }

            Iterations++;
            KeepBest();
        }
    }

    private bool Stop(long limit, CancellationToken token) =>
        Iterations >= limit || token.IsCancellationRequested || Timestamp() - _start >= _deadlineTicks;

    /// <summary>
    /// Escapes a long plateau: clears a quarter of the workers, rebuilds each with the exact one-worker
    /// move, keeps the result whatever it costs and restarts the acceptance history from it.
    /// </summary>
    private void Kick()
    {
        var k = Math.Max(2, _p.WorkerCount / 4);
        _ev.Begin();
        if (_rng.Next(2) == 0)
        {
            // Half the kicks restart from the best roster, half from wherever the walk is.
            for (var i = 0; i < BestAssign.Length; i++)
            {
                _ev.Set(i / _p.Days, i % _p.Days, BestAssign[i]);
            }
        }

        for (var i = 0; i < k; i++)
        {
            _kicked[i] = _rng.Next(_p.WorkerCount);
            for (var d = 0; d < _p.Days; d++)
            {
                if (_p.Pinned[(_kicked[i] * _p.Days) + d] < 0)
                {
                    _ev.Set(_kicked[i], d, -1);
                }
            }
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < k; i++)
            {
                DpMove(_kicked[i]);
            }
        }

        _ev.Commit();
        _ev.Accept();
        Iterations++;
        Array.Fill(_history, _ev.Cost);
        _lastImprovement = Iterations;
        _currentRecord = _ev.Cost;
        KeepBest();
    }

    private void KeepBest()
    {
        if (_ev.Cost < _currentRecord)
        {
            _currentRecord = _ev.Cost;
            _lastImprovement = Iterations;
        }

        if (_ev.Score < BestScore)
        {
            BestScore = _ev.Score;
            Array.Copy(_ev.Assign, BestAssign, BestAssign.Length);
            Report();
        }
    }

    private void Report() =>
        _progress?.Report(new PlannerProgress(Iterations, BestScore, Duration.FromSeconds((Timestamp() - _start) / Frequency())));

    private long Timestamp() => _options.TimeProvider?.GetTimestamp() ?? Stopwatch.GetTimestamp();

    private double Frequency() => _options.TimeProvider?.TimestampFrequency ?? Stopwatch.Frequency;

    private void DpMove(int w)
    {
        if (_dp.Solve(_ev, w, _row, _rng))
        {
            for (var d = 0; d < _p.Days; d++)
            {
                _ev.Set(w, d, _row[d]);
            }
        }
    }

    private void Ruin()
    {
        var k = 2 + _rng.Next(Math.Max(1, _ruined.Length - 1));
        k = Math.Min(k, _ruined.Length);
        // Half the time the first worker ruined sits on an over-full demand: a person beyond a maximum is
        // a hard violation that single-worker moves rarely undo when every other slot is full too.
        var crowded = _rng.Next(2) == 0 ? CrowdedWorker() : -1;
        for (var i = 0; i < k; i++)
        {
            _ruined[i] = i == 0 && crowded >= 0 ? crowded : _rng.Next(_p.WorkerCount);
            for (var d = 0; d < _p.Days; d++)
            {
                if (_p.Pinned[(_ruined[i] * _p.Days) + d] < 0)
                {
                    _ev.Set(_ruined[i], d, -1);
                }
            }
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < k; i++)
            {
                DpMove(_ruined[i]);
            }
        }
    }

    /// <summary>A worker (not pinned there) on a demand above its maximum, from a random starting cell; -1 when none.</summary>
    private int CrowdedWorker()
    {
        var cells = _p.Days * _p.SlotCount;
        if (cells == 0)
        {
            return -1;
        }

        var from = _rng.Next(cells);
        for (var i = 0; i < cells; i++)
        {
            var cell = (from + i) % cells;
            var day = cell / _p.SlotCount;
            var slot = cell % _p.SlotCount;
            if (_p.CoverExcess(cell, _ev.Count(day, slot)) == 0)
            {
                continue;
            }

            for (var w = 0; w < _p.WorkerCount; w++)
            {
                var wd = (w * _p.Days) + day;
                if (_ev.Assign[wd] == slot && _p.Pinned[wd] != slot)
                {
                    return w;
                }
            }
        }

        return -1;
    }

    private void ChangeMove()
    {
        var w = _rng.Next(_p.WorkerCount);
        var d = _rng.Next(_p.Days);
        var current = _ev.Assign[(w * _p.Days) + d];
        var c = _rng.Next(_p.Choices);
        if (c - 1 != current && _p.Allowed[_p.ChoiceIndex(w, d, c)])
        {
            _ev.Set(w, d, c - 1);
        }
    }

    private void BlockSwap(int length)
    {
        if (_p.WorkerCount < 2)
        {
            return;
        }

        var a = _rng.Next(_p.WorkerCount);
        var b = _rng.Next(_p.WorkerCount - 1);
        if (b >= a)
        {
            b++;
        }

        length = Math.Min(length, _p.Days);
        var start = _rng.Next(_p.Days - length + 1);
        for (var d = start; d < start + length; d++)
        {
            var sa = _ev.Assign[(a * _p.Days) + d];
            var sb = _ev.Assign[(b * _p.Days) + d];
            if (!_p.Allowed[_p.ChoiceIndex(a, d, sb + 1)] || !_p.Allowed[_p.ChoiceIndex(b, d, sa + 1)])
            {
                return;
            }
        }

        for (var d = start; d < start + length; d++)
        {
            var sa = _ev.Assign[(a * _p.Days) + d];
            var sb = _ev.Assign[(b * _p.Days) + d];
            _ev.Set(a, d, sb);
            _ev.Set(b, d, sa);
        }
    }
}
