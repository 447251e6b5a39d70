namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// Ejection chain for cover (Glover (1996), Discrete Applied Mathematics 65; for nurse rostering Burke, Curtois, Qu and
/// Vanden Berghe (2010), Journal of Scheduling 13): finds a date-slot under its demand (from a random cell, at most
/// <see cref="SearchTuning.CoverScanCells"/> cells), gives it to a worker the slot allows by re-optimising that worker's
/// whole row exactly with the duty forced in (<see cref="WorkerScheduleDp.SolveTaking"/>), and when the duty that worker
/// drops for it leaves its own date-slot under demand, fills that hole the same way with another worker, up to
/// <see cref="SearchTuning.EjectionChainLinks"/> links. The roster keeps the links up to the cheapest roster seen after a
/// link (hard first); the walk then accepts or rejects the chain whole, like any move.
/// </summary>
/// <remarks>
/// Why: on short horizons the people missing are the cost left (Instances 6 and 8), and the workers who could take a
/// missing duty are at a maximum (total minutes, shifts, consecutive duties), so a single change breaks their rules and a
/// swap needs a partner on the same date; taking the duty means dropping another, which opens another hole the next link
/// fills (docs/rostering.md, eject21). Each link's worker is new to the chain, so undoing a link restores exactly the
/// roster before it.
/// </remarks>
internal class EjectionChainMove : IMove
{
    private readonly bool _fromRequest;

    /// <summary>The chain for cover: its first link fills a date-slot under its demand.</summary>
    public EjectionChainMove()
        : this(fromRequest: false)
    {
    }

    /// <summary>The chain; <paramref name="fromRequest"/>: its first link grants an unmet shift request instead (<see cref="RequestChainMove"/>).</summary>
    /// <param name="fromRequest">Whether the first link grants a shift request rather than fills a hole.</param>
    protected EjectionChainMove(bool fromRequest) => _fromRequest = fromRequest;

    private readonly int[] _workers = new int[SearchTuning.EjectionChainLinks];
    private int[][] _saved = [];
    private int[] _row = [];
    private int _links;

    /// <summary>The workers of the last chain's kept links, in order.</summary>
    internal ReadOnlySpan<int> Workers => _workers.AsSpan(0, _links);

    public void Apply(MoveContext c)
    {
        var p = c.P;
        if (_row.Length != p.Days)
        {
            _row = new int[p.Days];
            _saved = new int[SearchTuning.EjectionChainLinks][];
            for (var i = 0; i < _saved.Length; i++)
            {
                _saved[i] = new int[p.Days];
            }
        }

        _links = 0;
        var (cell, requester) = _fromRequest ? RequestedCell(c) : (UnderCoveredCell(c), -1);
        var best = new ScorePart(int.MaxValue, long.MaxValue);
        var kept = 0;
        while (cell >= 0 && _links < SearchTuning.EjectionChainLinks)
        {
            var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
            var w = _links == 0 && requester >= 0 ? requester : Taker(c, cell);
            if (w < 0 || !c.Dp.SolveTaking(c.Ev, w, day, slot, _row, c.Rng))
            {
                break;
            }

            var saved = _saved[_links];
            Array.Copy(c.Ev.Assign, p.WorkerDay(w, 0), saved, 0, p.Days);
            c.SetRow(w, _row);
            _workers[_links++] = w;
            c.Ev.Commit();
            if (c.Ev.Score < best)
            {
                (best, kept) = (c.Ev.Score, _links);
            }

            cell = OpenedHole(c, saved, _row);
        }

        // Back to the cheapest roster after a link: later links changed other workers only, so restoring their rows in
        // reverse order undoes them exactly.
        while (_links > kept)
        {
            _links--;
            c.SetRow(_workers[_links], _saved[_links]);
        }
    }

    /// <summary>
    /// A worker-date with a shift request (<see cref="SearchIndex.WishCell"/>, from a random one) and a date-slot the
    /// worker is allowed on that costs less soft than the worker's choice there now (from a random slot): that date-slot
    /// and the worker; (-1, -1) when the drawn worker-date has none.
    /// </summary>
    private static (int Cell, int Worker) RequestedCell(MoveContext c)
    {
        var (p, index) = (c.P, c.Index);
        if (index.WishCellCount == 0 || p.SlotCount == 0)
        {
            return (-1, -1);
        }

        var wd = index.WishCell(c.Rng.Next(index.WishCellCount));
        var (w, day) = (wd / p.Days, wd % p.Days);
        var soft = p.ChoiceSoft[p.ChoiceIndex(w, day, c.Ev.Assign[wd] + 1)];
        var from = c.Rng.Next(p.SlotCount);
        for (var i = 0; i < p.SlotCount; i++)
        {
            var slot = (from + i) % p.SlotCount;
            var ci = p.ChoiceIndex(w, day, slot + 1);
            if (p.Allowed[ci] && p.ChoiceSoft[ci] < soft)
            {
                return (p.DaySlot(day, slot), w);
            }
        }

        return (-1, -1);
    }

    /// <summary>A date-slot with fewer people than its demand, from a random cell; -1 when none within the scan.</summary>
    internal static int UnderCoveredCell(MoveContext c)
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
            if (Under(c, cell))
            {
                return cell;
            }
        }

        return -1;
    }

    /// <summary>A worker the problem allows on <paramref name="cell"/>, not on it already and not yet in the chain, from a random one; -1 when none.</summary>
    private int Taker(MoveContext c, int cell)
    {
        var p = c.P;
        var (day, slot) = (cell / p.SlotCount, cell % p.SlotCount);
        var n = c.Index.EligibleCount(cell);
        var start = n == 0 ? 0 : c.Rng.Next(n);
        for (var i = 0; i < n; i++)
        {
            var w = c.Index.Eligible(cell, (start + i) % n);
            if (c.Ev.Assign[p.WorkerDay(w, day)] != slot && !Workers.Contains(w))
            {
                return w;
            }
        }

        return -1;
    }

    /// <summary>
    /// A date-slot the link's worker left (on in <paramref name="before"/>, elsewhere in <paramref name="after"/>) that is
    /// now under its demand, from a random date; -1 when the link opened no hole.
    /// </summary>
    private static int OpenedHole(MoveContext c, int[] before, int[] after)
    {
        var p = c.P;
        var from = c.Rng.Next(p.Days);
        for (var i = 0; i < p.Days; i++)
        {
            var d = (from + i) % p.Days;
            if (before[d] >= 0 && after[d] != before[d] && Under(c, p.DaySlot(d, before[d])))
            {
                return p.DaySlot(d, before[d]);
            }
        }

        return -1;
    }

    /// <summary>Whether date-slot <paramref name="cell"/> has fewer people than its demand.</summary>
    internal static bool Under(MoveContext c, int cell) =>
        c.Ev.Count(cell / c.P.SlotCount, cell % c.P.SlotCount) < c.P.Required[cell];
}

/// <summary>
/// Ejection chain from a shift request: the first link grants a worker an unmet request for a shift (re-optimising that
/// worker's whole row exactly with the duty forced in), and the duty the worker drops for it, when it leaves a date-slot
/// under its demand, is filled by the next link as in <see cref="EjectionChainMove"/>.
/// </summary>
/// <remarks>
/// Why: on community problems the cost left is over-cover and unmet shift requests, and the optimum grants more requests
/// at the price of more over-cover (community-60-14-43-s1: CP-SAT's optimum 50 has over-cover 26 and requests 19, the
/// walk's rosters 22-23 and 26-29). A worker granted a request often has to drop another duty, which leaves a hole no
/// single-worker move fills at once (docs/rostering.md, session 38).
/// </remarks>
internal sealed class RequestChainMove : EjectionChainMove
{
    /// <summary>The chain whose first link grants a shift request.</summary>
    public RequestChainMove()
        : base(fromRequest: true)
    {
    }
}
