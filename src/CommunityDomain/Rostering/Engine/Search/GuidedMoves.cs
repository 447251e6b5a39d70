namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// Cover: finds a date-slot whose cover is off its demand (from a random cell, at most
/// <see cref="SearchTuning.CoverScanCells"/> cells) and moves one person towards it. Under its demand: a worker the
/// slot allows who is off that date, or on a slot above its own demand, takes it. Above its demand: one of its
/// (unpinned) workers goes to a slot under its demand that allows them, or else takes the day off. So no cell at or
/// below its demand ever loses a person, and an under-covered cell never does.
/// </summary>
internal sealed class CoverMove : IMove
{
    public void Apply(MoveContext c)
    {
        var p = c.P;
        var cells = p.Days * p.SlotCount;
        if (cells == 0)
        {
            return;
        }

        var from = c.Rng.Next(cells);
        var scan = Math.Min(cells, SearchTuning.CoverScanCells);
        for (var i = 0; i < scan; i++)
        {
            var cell = (from + i) % cells;
            var required = p.Required[cell];
            var count = c.Ev.Count(cell / p.SlotCount, cell % p.SlotCount);
            if (required < 0 || count == required)
            {
                continue;
            }

            if (count < required ? Fill(c, cell) : Relieve(c, cell))
            {
                return;
            }
        }
    }

    /// <summary>Puts on under-covered <paramref name="cell"/> a worker who is off or above demand there; false when none may.</summary>
    private static bool Fill(MoveContext c, int cell)
    {
        var p = c.P;
        var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
        var n = c.Index.EligibleCount(cell);
        var start = n == 0 ? 0 : c.Rng.Next(n);
        for (var i = 0; i < n; i++)
        {
            var w = c.Index.Eligible(cell, (start + i) % n);
            var now = c.Ev.Assign[p.WorkerDay(w, day)];
            if ((now < 0 || Above(c, day, now)) && !p.OverlapsNeighbour(c.Ev.Assign, w, day, slot))
            {
                c.Ev.Set(w, day, slot);
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves one unpinned worker off over-covered <paramref name="cell"/>, to an under-covered slot they may take or a day off.</summary>
    private static bool Relieve(MoveContext c, int cell)
    {
        var p = c.P;
        var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
        var n = c.Index.EligibleCount(cell);
        var start = n == 0 ? 0 : c.Rng.Next(n);
        for (var i = 0; i < n; i++)
        {
            var w = c.Index.Eligible(cell, (start + i) % n);
            var wd = p.WorkerDay(w, day);
            if (c.Ev.Assign[wd] == slot && p.Pinned[wd] < 0)
            {
                c.Ev.Set(w, day, UnderCoveredSlotFor(c, w, day));
                return true;
            }
        }

        return false;
    }

    /// <summary>A slot under its demand on <paramref name="day"/> that allows <paramref name="w"/> without an overlap (from a random slot), or -1 (off).</summary>
    private static int UnderCoveredSlotFor(MoveContext c, int w, int day)
    {
        var p = c.P;
        var start = c.Rng.Next(p.SlotCount);
        for (var i = 0; i < p.SlotCount; i++)
        {
            var s = (start + i) % p.SlotCount;
            var cell = p.DaySlot(day, s);
            if (p.Required[cell] > c.Ev.Count(day, s) && p.Allowed[p.ChoiceIndex(w, day, s + 1)] && !p.OverlapsNeighbour(c.Ev.Assign, w, day, s))
            {
                return s;
            }
        }

        return -1;
    }

    private static bool Above(MoveContext c, int day, int slot) => c.Ev.Count(day, slot) > c.P.Required[c.P.DaySlot(day, slot)];
}

/// <summary>
/// Request: draws a worker-date whose allowed choices differ in soft cost (a shift-on or shift-off request, an
/// own-compound penalty) and, when a cheaper allowed choice exists, gives it to the worker. When someone else can take
/// the worker's place (allowed there, on the cheaper choice's slot or off, no overlap, not pinned), the two swap, so
/// cover stays as it was; otherwise the worker alone changes.
/// </summary>
internal sealed class RequestMove : IMove
{
    public void Apply(MoveContext c)
    {
        var index = c.Index;
        if (index.WishCellCount == 0)
        {
            return;
        }

        var p = c.P;
        var wd = index.WishCell(c.Rng.Next(index.WishCellCount));
        var (w, day) = (wd / p.Days, wd % p.Days);
        var now = c.Ev.Assign[wd];
        var wanted = CheaperChoice(c, w, day, now);
        if (wanted == now)
        {
            return;
        }

        var partner = Partners.Find(c, w, day, from: wanted, to: now);
        c.Ev.Set(w, day, wanted);
        if (partner >= 0)
        {
            c.Ev.Set(partner, day, now);
        }
    }

    /// <summary>An allowed choice (-1 off, else a slot) cheaper in soft cost than <paramref name="now"/> without an overlap, from a random one; <paramref name="now"/> when none.</summary>
    private static int CheaperChoice(MoveContext c, int w, int day, int now)
    {
        var p = c.P;
        var soft = p.ChoiceSoft[p.ChoiceIndex(w, day, now + 1)];
        var start = c.Rng.Next(p.Choices);
        for (var i = 0; i < p.Choices; i++)
        {
            var choice = (start + i) % p.Choices;
            var ci = p.ChoiceIndex(w, day, choice);
            if (p.Allowed[ci] && p.ChoiceSoft[ci] < soft && !p.OverlapsNeighbour(c.Ev.Assign, w, day, choice - 1))
            {
                return choice - 1;
            }
        }

        return now;
    }
}

/// <summary>
/// Swaps one date, or a block of 2 to <see cref="SearchTuning.LongestSwapBlock"/> dates, between a worker on duty and a
/// partner drawn among the workers the problem allows on that duty on the first date (<see cref="SearchIndex"/>), not
/// among all workers: on a district with dozens of posts a random pair can rarely take each other's duties. The same
/// checks as <see cref="SwapBlockMove"/> (every date allowed to both, no overlap at the block's edges); cover stays as
/// it was.
/// </summary>
internal sealed class GuidedSwapMove(bool oneDate) : IMove
{
    public void Apply(MoveContext c)
    {
        var p = c.P;
        var length = Math.Min(oneDate ? 1 : 2 + c.Rng.Next(SearchTuning.LongestSwapBlock - 1), p.Days);
        var start = c.Rng.Next(p.Days - length + 1);
        var a = OnDuty(c, start);
        if (a < 0)
        {
            return;
        }

        var cell = p.DaySlot(start, c.Ev.Assign[p.WorkerDay(a, start)]);
        var n = c.Index.EligibleCount(cell);
        if (n < 2)
        {
            return;
        }

        var b = c.Index.Eligible(cell, c.Rng.Next(n));
        if (b != a && BlockSwap.Allowed(c.Ev, a, b, start, start + length))
        {
            BlockSwap.Swap(c.Ev, a, b, start, start + length);
        }
    }

    /// <summary>A random worker on duty on <paramref name="day"/> (a few draws), or -1.</summary>
    private static int OnDuty(MoveContext c, int day)
    {
        var p = c.P;
        for (var i = 0; i < SearchTuning.OnDutyDraws; i++)
        {
            var w = c.Rng.Next(p.WorkerCount);
            if (c.Ev.Assign[p.WorkerDay(w, day)] >= 0)
            {
                return w;
            }
        }

        return -1;
    }
}

/// <summary>The partner search the guided moves share.</summary>
internal static class Partners
{
    /// <summary>
    /// A worker other than <paramref name="w"/> who is on <paramref name="from"/> (-1 off) on <paramref name="day"/>, not
    /// pinned, and may take <paramref name="to"/> there (allowed, no overlap with their neighbouring dates), from a
    /// random place in the list of workers allowed on the busy one of the two; -1 when none (or both are off).
    /// </summary>
    public static int Find(MoveContext c, int w, int day, int from, int to)
    {
        var p = c.P;
        var busy = to >= 0 ? to : from;
        if (busy < 0)
        {
            return -1;
        }

        var cell = p.DaySlot(day, busy);
        var n = c.Index.EligibleCount(cell);
        var start = n == 0 ? 0 : c.Rng.Next(n);
        for (var i = 0; i < n; i++)
        {
            var v = c.Index.Eligible(cell, (start + i) % n);
            var vd = p.WorkerDay(v, day);
            if (v != w && c.Ev.Assign[vd] == from && p.Pinned[vd] < 0 && p.Allowed[p.ChoiceIndex(v, day, to + 1)]
                && !p.OverlapsNeighbour(c.Ev.Assign, v, day, to))
            {
                return v;
            }
        }

        return -1;
    }
}
