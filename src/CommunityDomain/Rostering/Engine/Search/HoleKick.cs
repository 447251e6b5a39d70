namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// The kick's ruin aimed at a hole (docs/rostering.md, hole31): on Instances 14, 16 and 18 the walk sits for tens of
/// CPU-seconds on a roster whose cost is nearly all people missing, and the plain kick clears workers drawn at random,
/// most of whom cannot take the hole at all. This one draws an under-covered date-slot some worker could still take and
/// clears only workers the problem allows there who are not on it (and not pinned that date), on a window of dates around
/// it, so their rebuild competes for the people missing there.
/// </summary>
internal sealed class HoleKick
{
    private readonly int[] _candidates;
    private readonly int[] _ruined;
    private int[] _shiftCounts = [];
    private int[]? _row;
    private int _count;

    /// <summary>Scratch for <paramref name="workers"/> workers.</summary>
    public HoleKick(int workers)
    {
        _candidates = new int[Math.Max(1, workers)];
        _ruined = new int[Math.Max(1, workers)];
    }

    /// <summary>The workers the last <see cref="Ruin"/> cleared.</summary>
    internal ReadOnlySpan<int> Ruined => _ruined.AsSpan(0, _count);

    /// <summary>
    /// An under-covered date-slot (fewer people than its demand) that some worker could take without passing their maximum
    /// of its shift (<see cref="Takeable"/>), drawn uniformly from the search's generator; -1 when there is none, and then no
    /// number is drawn (so a roster without such a hole kicks exactly as before).
    /// </summary>
    internal int DrawHole(MoveContext c)
    {
        var p = c.P;
        CountShifts(c);
        var cells = p.Days * p.SlotCount;
        var holes = 0;
        for (var cell = 0; cell < cells; cell++)
        {
            holes += IsHole(c, cell) && Takeable(c, cell) ? 1 : 0;
        }

        if (holes == 0)
        {
            return -1;
        }

        var k = c.Rng.Next(holes);
        for (var cell = 0; cell < cells; cell++)
        {
            if (IsHole(c, cell) && Takeable(c, cell) && k-- == 0)
            {
                return cell;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether some worker the problem allows on <paramref name="cell"/>, not on it and not pinned that date, works fewer of its
    /// shift than their maximum. Instance14 (docs/rostering.md, hole31) asks for 103 nights of workers who may work 91 in
    /// all: twelve of its thirteen people missing are nights no rebuild can fill, so a kick aimed at them only reshuffles.
    /// </summary>
    private bool Takeable(MoveContext c, int cell)
    {
        var p = c.P;
        var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
        var shift = p.SlotShift[slot];
        foreach (var w in c.Index.EligibleOn(cell))
        {
            var wd = p.WorkerDay(w, day);
            if (c.Ev.Assign[wd] != slot && p.Pinned[wd] < 0 && _shiftCounts[(w * p.ShiftCount) + shift] < p.Rules[p.WorkerRules[w]].MaxPerShift[shift])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts each worker's duties per shift into the scratch <see cref="Takeable"/> reads.</summary>
    private void CountShifts(MoveContext c)
    {
        var p = c.P;
        if (_shiftCounts.Length < p.WorkerCount * p.ShiftCount)
        {
            _shiftCounts = new int[p.WorkerCount * p.ShiftCount];
        }

        Array.Clear(_shiftCounts);
        for (var w = 0; w < p.WorkerCount; w++)
        {
            for (var d = 0; d < p.Days; d++)
            {
                if (c.Ev.Assign[p.WorkerDay(w, d)] is var slot && slot >= 0)
                {
                    _shiftCounts[(w * p.ShiftCount) + p.SlotShift[slot]]++;
                }
            }
        }
    }

    /// <summary>
    /// Clears up to <paramref name="most"/> workers, drawn at random among those who may take <paramref name="hole"/>
    /// (allowed there, not on it, not pinned that date), on the dates within <paramref name="radius"/> of the hole's
    /// (not pinned); returns how many (<see cref="Ruined"/>). A worker with no duty in the window is still counted: the
    /// rebuild re-optimises their whole row, which may then take the hole.
    /// </summary>
    internal int Ruin(MoveContext c, int hole, int most, int radius)
    {
        var p = c.P;
        var (day, slot) = (hole / p.SlotCount, hole % p.SlotCount);
        var n = 0;
        foreach (var w in c.Index.EligibleOn(hole))
        {
            var wd = p.WorkerDay(w, day);
            if (c.Ev.Assign[wd] != slot && p.Pinned[wd] < 0)
            {
                _candidates[n++] = w;
            }
        }

        _count = Math.Min(most, n);
        var (from, to) = (Math.Max(0, day - radius), Math.Min(p.Days, day + radius + 1));
        for (var i = 0; i < _count; i++)
        {
            // A partial Fisher-Yates draw: the first _count of the candidates, in a random order.
            var j = i + c.Rng.Next(n - i);
            (_candidates[i], _candidates[j]) = (_candidates[j], _candidates[i]);
            _ruined[i] = _candidates[i];
            for (var d = from; d < to; d++)
            {
                if (p.Pinned[p.WorkerDay(_ruined[i], d)] < 0)
                {
                    c.Ev.Set(_ruined[i], d, -1);
                }
            }
        }

        return _count;
    }

    /// <summary>
    /// The first of the cleared workers (<see cref="Ruined"/>, in their random order) whose best row through
    /// <paramref name="hole"/> exists (<see cref="WorkerScheduleDp.SolveTaking"/>) takes it, whatever it costs; returns
    /// who (now last of <see cref="Ruined"/>), or -1 when none can. Rebuilt one by one, each cleared worker prices the hole at one person's weight against
    /// the rules it would strain (Instance14's last weekend: every worker at their maximum of weekends), so the plain
    /// rebuild leaves it where it was; forced into one row, the others rebuild around it.
    /// </summary>
    internal int Take(MoveContext c, int hole)
    {
        var p = c.P;
        var (day, slot) = (hole / p.SlotCount, hole % p.SlotCount);
        _row ??= new int[p.Days];
        for (var i = 0; i < _count; i++)
        {
            var w = _ruined[i];
            if (c.Dp.SolveTaking(c.Ev, w, day, slot, _row, c.Rng))
            {
                // Last in the rebuild's order, so the others rebuild around the forced row before it is re-optimised.
                c.SetRow(w, _row);
                (_ruined[i], _ruined[_count - 1]) = (_ruined[_count - 1], w);
                return w;
            }
        }

        return -1;
    }

    private static bool IsHole(MoveContext c, int cell)
    {
        var required = c.P.Required[cell];
        return required >= 0 && c.Ev.Count(cell / c.P.SlotCount, cell % c.P.SlotCount) < required;
    }
}
