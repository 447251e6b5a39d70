namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// Ejection chain on a window, for long horizons: finds a date-slot under its demand (as <see cref="EjectionChainMove"/>
/// does) and gives it to one of up to <see cref="SearchTuning.WindowChainTakers"/> workers the slot allows, who, when
/// the duty is an extra one for them, may drop one duty of their own within <see cref="SearchTuning.WindowChainRadius"/>
/// dates of it (so their minutes, shift counts and runs stay about as they were). Each (worker, dropped date) candidate
/// is scored by the evaluator (hard first, then soft) and the best is taken: a duty dropped from an over-covered cell
/// costs nothing, so cover is carried from where it is not needed. When the link leaves a date-slot the worker was on
/// under its demand, the next link fills that hole the same way, up to <see cref="SearchTuning.WindowChainLinks"/> links,
/// and the chain is kept up to the cheapest roster seen after a link (hard first). A chain that does not lower the score
/// is undone and another tried from another date-slot, up to <see cref="SearchTuning.WindowChainAttempts"/> chains (the
/// last is kept whatever it costs); the walk accepts or rejects the move whole.
/// </summary>
/// <remarks>
/// Why: on Instance23 (364 dates) 266 people are missing while 1,589 duties sit in over-covered cells (docs/rostering.md,
/// long23), and <see cref="EjectionChainMove"/>'s links re-optimise whole rows (about 0.4 s each on 364 dates), so it is
/// drawn on short horizons only. Here a link changes at most two cells of one row, and each candidate costs one
/// rescoring of that worker (<see cref="RosterEvaluator.CommitWorker"/>, O(days) with a small constant): no DP, no
/// minute prices, no dependence on the shift types, about 5 ms a move on Instance23. The row outside the two cells is
/// kept as it was; every rule of the worker's whole row (rest, successions, runs across the window's edges, minutes,
/// weekends, per-shift totals) is judged by the evaluator's score, not by the move, so nothing it keeps breaks a rule
/// the evaluator would not count.
/// </remarks>
internal sealed class WindowChainMove : IMove
{
    private const int CellsPerLink = 2;

    private readonly int[] _workers = new int[SearchTuning.WindowChainLinks];
    private readonly int[] _changedCell = new int[SearchTuning.WindowChainLinks * CellsPerLink];
    private readonly int[] _changedFrom = new int[SearchTuning.WindowChainLinks * CellsPerLink];
    private int _links;
    private int _changes;

    /// <summary>The workers of the last chain's kept links, in order (distinct).</summary>
    internal ReadOnlySpan<int> Workers => _workers.AsSpan(0, _links);

    public void Apply(MoveContext c)
    {
        var start = c.Ev.Score;
        for (var attempt = 1; attempt <= SearchTuning.WindowChainAttempts; attempt++)
        {
            Chain(c);
            c.Ev.Commit();
            if (c.Ev.Score < start || attempt == SearchTuning.WindowChainAttempts)
            {
                return;
            }

            Restore(c, 0);
            _links = 0;
            c.Ev.Commit();
        }
    }

    /// <summary>One chain from a date-slot under its demand, kept up to its cheapest link.</summary>
    private void Chain(MoveContext c)
    {
        var p = c.P;
        (_links, _changes) = (0, 0);
        var cell = EjectionChainMove.UnderCoveredCell(c);
        var best = new ScorePart(int.MaxValue, long.MaxValue);
        var (keptLinks, keptChanges) = (0, 0);
        while (cell >= 0 && _links < SearchTuning.WindowChainLinks)
        {
            var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
            var (w, drop) = BestLink(c, day, slot);
            if (w < 0)
            {
                break;
            }

            var was = c.Ev.Assign[p.WorkerDay(w, day)];
            var dropped = drop < 0 ? -1 : c.Ev.Assign[p.WorkerDay(w, drop)];
            Change(c, w, day, slot);
            if (drop >= 0)
            {
                Change(c, w, drop, -1);
            }

            _workers[_links++] = w;
            c.Ev.Commit();
            if (c.Ev.Score < best)
            {
                (best, keptLinks, keptChanges) = (c.Ev.Score, _links, _changes);
            }

            // The next hole: the slot the worker left on the date, else the dropped duty's, when now under demand.
            cell = was >= 0 && EjectionChainMove.Under(c, p.DaySlot(day, was)) ? p.DaySlot(day, was)
                : dropped >= 0 && EjectionChainMove.Under(c, p.DaySlot(drop, dropped)) ? p.DaySlot(drop, dropped)
                : -1;
        }

        // Back to the cheapest roster after a link: the changes after it restored in reverse order.
        Restore(c, keptChanges);
        _links = keptLinks;
    }

    /// <summary>Restores the cells changed after the first <paramref name="kept"/> changes, in reverse order.</summary>
    private void Restore(MoveContext c, int kept)
    {
        var p = c.P;
        while (_changes > kept)
        {
            _changes--;
            var at = _changedCell[_changes];
            c.Ev.Set(at / p.Days, at % p.Days, _changedFrom[_changes]);
        }
    }

    /// <summary>
    /// The best (worker, dropped date) to put on <paramref name="slot"/> of <paramref name="day"/> by the evaluator's score,
    /// over up to <see cref="SearchTuning.WindowChainTakers"/> workers the slot allows (from a random one) who are not on it,
    /// not pinned there, not yet in the chain and would not overlap a neighbouring duty; the dropped date is -1 when none.
    /// Leaves the roster as it was (its score is brought up to date by the next commit); (-1, -1) when no worker may.
    /// </summary>
    private (int Worker, int Drop) BestLink(MoveContext c, int day, int slot)
    {
        var p = c.P;
        var ev = c.Ev;
        var cell = p.DaySlot(day, slot);
        var n = c.Index.EligibleCount(cell);
        var start = n == 0 ? 0 : c.Rng.Next(n);
        var best = new ScorePart(int.MaxValue, long.MaxValue);
        var (bestWorker, bestDrop) = (-1, -1);
        var tried = 0;
        for (var i = 0; i < n && tried < SearchTuning.WindowChainTakers; i++)
        {
            var w = c.Index.Eligible(cell, (start + i) % n);
            var wd = p.WorkerDay(w, day);
            var was = ev.Assign[wd];
            if (was == slot || p.Pinned[wd] >= 0 || Workers.Contains(w) || p.OverlapsNeighbour(ev.Assign, w, day, slot))
            {
                continue;
            }

            tried++;
            ev.Set(w, day, slot);
            ev.CommitWorker(w);
            if (ev.Score < best)
            {
                (best, bestWorker, bestDrop) = (ev.Score, w, -1);
            }

            // Dropping a duty only pays when the taken one is extra (a worker who changes slot keeps their count).
            if (was < 0)
            {
                var (drop, score) = BestDrop(c, w, day);
                if (drop >= 0 && score < best)
                {
                    (best, bestWorker, bestDrop) = (score, w, drop);
                }
            }

            ev.Set(w, day, was);
            ev.CommitWorker(w);
        }

        return (bestWorker, bestDrop);
    }

    /// <summary>
    /// With worker <paramref name="w"/> already set on <paramref name="day"/>: the date within the radius whose duty (not
    /// pinned, off allowed) is best dropped by the evaluator's score, and that score; (-1, worst) when none. Each duty is
    /// put back after its try.
    /// </summary>
    private static (int Drop, ScorePart Score) BestDrop(MoveContext c, int w, int day)
    {
        var (p, ev) = (c.P, c.Ev);
        var (bestDrop, best) = (-1, new ScorePart(int.MaxValue, long.MaxValue));
        var to = Math.Min(p.Days - 1, day + SearchTuning.WindowChainRadius);
        for (var d = Math.Max(0, day - SearchTuning.WindowChainRadius); d <= to; d++)
        {
            var other = p.WorkerDay(w, d);
            var duty = ev.Assign[other];
            if (d == day || duty < 0 || p.Pinned[other] >= 0 || !p.Allowed[p.ChoiceIndex(w, d, 0)])
            {
                continue;
            }

            ev.Set(w, d, -1);
            ev.CommitWorker(w);
            if (ev.Score < best)
            {
                (best, bestDrop) = (ev.Score, d);
            }

            ev.Set(w, d, duty);
        }

        return (bestDrop, best);
    }

    /// <summary>Sets one cell, remembering its value before for <see cref="Apply"/>'s way back.</summary>
    private void Change(MoveContext c, int w, int d, int slot)
    {
        var at = c.P.WorkerDay(w, d);
        (_changedCell[_changes], _changedFrom[_changes]) = (at, c.Ev.Assign[at]);
        _changes++;
        c.Ev.Set(w, d, slot);
    }
}
