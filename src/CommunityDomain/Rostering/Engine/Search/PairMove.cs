namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// Re-optimises TWO workers jointly at fixed cover: a worker with a broken wish on some date, and a partner whose choice
/// differs there; on the dates of a window around that date where the two differ (at most
/// <see cref="SearchTuning.PairMostDates"/>, each a swap the problem allows both ways and neither pins), every subset of
/// dates to swap is scored exactly by the evaluator (a Gray code: one date's swap a step), and the roster is left with the
/// cheapest subset other than none (hard first). Per date the pair's two choices only change hands, so every date-slot
/// keeps its count; a subset that would put either worker on overlapping duties on neighbouring dates is never taken.
/// </summary>
/// <remarks>
/// Why (docs/rostering.md, wish8): on Instance8 the wishes are about a tenth of the score at the walk's end; this is the
/// exact pair re-optimisation a block swap samples one subset of. The diagnosis found it worth at most 3 points on the
/// final rosters; as a move it is drawn only once the walk has stalled half a plateau.
/// </remarks>
internal sealed class PairMove : IMove
{
    private readonly int[] _dates = new int[SearchTuning.PairMostDates];
    private int _count;

    /// <summary>The two workers of the last draw (-1 when the draw found none).</summary>
    internal (int A, int B) Pair { get; private set; } = (-1, -1);

    /// <summary>The dates the last draw could swap.</summary>
    internal ReadOnlySpan<int> Dates => _dates.AsSpan(0, _count);

    public void Apply(MoveContext c)
    {
        Pair = (-1, -1);
        _count = 0;
        var p = c.P;
        if (p.WorkerCount < 2 || p.Days == 0 || !Draw(c, out var a, out var date))
        {
            return;
        }

        var b = Partner(c, a, date);
        if (b < 0)
        {
            return;
        }

        Pair = (a, b);
        var half = SearchTuning.PairWindow / 2;
        var from = Math.Max(0, date - half);
        var to = Math.Min(p.Days, from + SearchTuning.PairWindow);
        from = Math.Max(0, to - SearchTuning.PairWindow);
        _dates[_count++] = date;
        for (var step = 1; _count < _dates.Length && (date - step >= from || date + step < to); step++)
        {
            TakeIfSwappable(c, a, b, date - step, from);
            if (_count < _dates.Length && date + step < to)
            {
                TakeIfSwappable(c, a, b, date + step, from);
            }
        }

        Array.Sort(_dates, 0, _count);
        Search(c, a, b);
    }

    /// <summary>Every subset of <see cref="Dates"/> scored; the roster left on the cheapest non-empty one without a new overlap.</summary>
    private void Search(MoveContext c, int a, int b)
    {
        var best = new ScorePart(int.MaxValue, long.MaxValue);
        var bestMask = 0;
        var mask = 0;
        for (var i = 1; i < 1 << _count; i++)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(i);
            Swap(c, a, b, _dates[bit]);
            mask ^= 1 << bit;
            c.Ev.Commit();
            if (c.Ev.Score < best && !NewOverlap(c, a, b))
            {
                (best, bestMask) = (c.Ev.Score, mask);
            }
        }

        for (var i = 0; i < _count; i++)
        {
            if (((mask ^ bestMask) & (1 << i)) != 0)
            {
                Swap(c, a, b, _dates[i]);
            }
        }
    }

    /// <summary>A worker-date whose choice costs a wish, from a random cell (every cell read at most once).</summary>
    private static bool Draw(MoveContext c, out int worker, out int date)
    {
        var p = c.P;
        var cells = p.WorkerCount * p.Days;
        var start = c.Rng.Next(cells);
        for (var i = 0; i < cells; i++)
        {
            var cell = (start + i) % cells;
            var (w, d) = (cell / p.Days, cell % p.Days);
            if (p.ChoiceSoft[p.ChoiceIndex(w, d, c.Ev.Assign[cell] + 1)] > 0)
            {
                (worker, date) = (w, d);
                return true;
            }
        }

        (worker, date) = (-1, -1);
        return false;
    }

    /// <summary>A worker other than <paramref name="a"/> who may swap with them on <paramref name="date"/>, from a random one; -1 when none.</summary>
    private static int Partner(MoveContext c, int a, int date)
    {
        var n = c.P.WorkerCount;
        var start = c.Rng.Next(n);
        for (var i = 0; i < n; i++)
        {
            var b = (start + i) % n;
            if (b != a && Swappable(c, a, b, date))
            {
                return b;
            }
        }

        return -1;
    }

    private void TakeIfSwappable(MoveContext c, int a, int b, int d, int from)
    {
        if (d >= from && d < c.P.Days && Swappable(c, a, b, d))
        {
            _dates[_count++] = d;
        }
    }

    /// <summary>Whether the two differ on <paramref name="d"/> and each may take the other's choice there (pins included: a pinned cell allows only its pin).</summary>
    internal static bool Swappable(MoveContext c, int a, int b, int d)
    {
        var p = c.P;
        var sa = c.Ev.Assign[p.WorkerDay(a, d)];
        var sb = c.Ev.Assign[p.WorkerDay(b, d)];
        return sa != sb && p.Pinned[p.WorkerDay(a, d)] < 0 && p.Pinned[p.WorkerDay(b, d)] < 0
            && p.Allowed[p.ChoiceIndex(a, d, sb + 1)] && p.Allowed[p.ChoiceIndex(b, d, sa + 1)];
    }

    private static void Swap(MoveContext c, int a, int b, int d)
    {
        var p = c.P;
        var sa = c.Ev.Assign[p.WorkerDay(a, d)];
        var sb = c.Ev.Assign[p.WorkerDay(b, d)];
        c.Ev.Set(a, d, sb);
        c.Ev.Set(b, d, sa);
    }

    /// <summary>Whether either worker has overlapping duties on two neighbouring dates next to a date the move may change.</summary>
    private bool NewOverlap(MoveContext c, int a, int b)
    {
        var p = c.P;
        var assign = c.Ev.Assign;
        for (var i = 0; i < _count; i++)
        {
            var d = _dates[i];
            foreach (var w in (ReadOnlySpan<int>)[a, b])
            {
                var wd = p.WorkerDay(w, d);
                if ((d > 0 && p.Overlap(w, assign[wd - 1], assign[wd])) || (d + 1 < p.Days && p.Overlap(w, assign[wd], assign[wd + 1])))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
