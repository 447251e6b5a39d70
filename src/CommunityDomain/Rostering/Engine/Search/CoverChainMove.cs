namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// Cover chain (an ejection chain in the sense of Burke and Curtois (2014), Annals of Operations Research 218):
/// a date-slot under its demand (found from a random cell, at most <see cref="SearchTuning.CoverScanCells"/> cells)
/// gets a worker the slot allows who is off that date; that worker then gives up the one duty on another date (among
/// <see cref="SearchTuning.ChainDropCandidates"/> from a random date) whose loss leaves the lowest score (none, when no
/// loss lowers it), so their minutes and runs stay about as they were;
/// when that leaves the given-up date-slot under its demand, a second worker off that date takes it and gives up a
/// duty the same way. Cover moves from where it is needed least to where it is missing, through two workers, in one
/// move; the evaluator judges the workers' own rules. Only unpinned cells change, only to allowed choices, and a duty
/// is taken only where it overlaps neither neighbouring date.
/// </summary>
internal sealed class CoverChainMove : IMove
{
    public void Apply(MoveContext c)
    {
        var p = c.P;
        var cell = UnderCell(c);
        var a = cell < 0 ? -1 : OffWorkerFor(c, cell, except: -1);
        if (a < 0)
        {
            return;
        }

        var day = cell / p.SlotCount;
        c.Ev.Set(a, day, cell % p.SlotCount);
        var (dropped, slot) = DropBest(c, a, keep: day);
        if (dropped < 0 || c.Ev.Count(dropped, slot) >= p.Required[p.DaySlot(dropped, slot)])
        {
            return;
        }

        var b = OffWorkerFor(c, p.DaySlot(dropped, slot), except: a);
        if (b >= 0)
        {
            c.Ev.Set(b, dropped, slot);
            DropBest(c, b, keep: dropped);
        }
    }

    /// <summary>A date-slot whose cover is under its demand, from a random cell (a bounded scan); -1 when none is found.</summary>
    private static int UnderCell(MoveContext c)
    {
        var p = c.P;
        var cells = p.Days * p.SlotCount;
        if (cells == 0)
        {
            return -1;
        }

        var from = c.Rng.Next(cells);
        var scan = Math.Min(cells, SearchTuning.CoverScanCells);
        for (var i = 0; i < scan; i++)
        {
            var cell = (from + i) % cells;
            if (c.Ev.Count(cell / p.SlotCount, cell % p.SlotCount) < p.Required[cell])
            {
                return cell;
            }
        }

        return -1;
    }

    /// <summary>
    /// A worker other than <paramref name="except"/> whom <paramref name="cell"/>'s slot allows, who is off (not pinned)
    /// on its date and would overlap neither neighbouring date there, from a random place in the cell's list; -1 when none.
    /// </summary>
    private static int OffWorkerFor(MoveContext c, int cell, int except)
    {
        var p = c.P;
        var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
        var n = c.Index.EligibleCount(cell);
        var start = n == 0 ? 0 : c.Rng.Next(n);
        for (var i = 0; i < n; i++)
        {
            var w = c.Index.Eligible(cell, (start + i) % n);
            var wd = p.WorkerDay(w, day);
            if (w != except && c.Ev.Assign[wd] < 0 && p.Pinned[wd] < 0 && !p.OverlapsNeighbour(c.Ev.Assign, w, day, slot))
            {
                return w;
            }
        }

        return -1;
    }

    /// <summary>
    /// Takes <paramref name="w"/> off the unpinned duty (not on <paramref name="keep"/>) whose loss gives the lowest score
    /// among the first <see cref="SearchTuning.ChainDropCandidates"/> duties from a random date, each scored by the
    /// evaluator inside the open move (ties keep the first); nothing when no loss lowers the score. Returns the date and
    /// slot given up, or (-1, -1).
    /// </summary>
    private static (int Day, int Slot) DropBest(MoveContext c, int w, int keep)
    {
        var p = c.P;
        c.Ev.Commit();
        var best = c.Ev.Score;
        var (bestDay, bestSlot) = (-1, -1);
        var from = c.Rng.Next(p.Days);
        var tried = 0;
        for (var i = 0; i < p.Days && tried < SearchTuning.ChainDropCandidates; i++)
        {
            var d = (from + i) % p.Days;
            var wd = p.WorkerDay(w, d);
            var slot = c.Ev.Assign[wd];
            if (d == keep || slot < 0 || p.Pinned[wd] >= 0 || !p.Allowed[p.ChoiceIndex(w, d, 0)])
            {
                continue;
            }

            tried++;
            c.Ev.Set(w, d, -1);
            c.Ev.Commit();
            if (c.Ev.Score < best)
            {
                (best, bestDay, bestSlot) = (c.Ev.Score, d, slot);
            }

            c.Ev.Set(w, d, slot);
        }

        c.Ev.Commit();
        if (bestDay >= 0)
        {
            c.Ev.Set(w, bestDay, -1);
        }

        return (bestDay, bestSlot);
    }
}
