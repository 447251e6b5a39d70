namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>What every move works on: the evaluator, the seeded generator and the exact one-worker re-optimiser.</summary>
internal sealed class MoveContext
{
    private readonly int[] _row;
    private readonly int[] _previous;

    /// <summary>Creates a context over <paramref name="ev"/>, drawing from <paramref name="rng"/>.</summary>
    /// <param name="ev">The roster being searched.</param>
    /// <param name="rng">The search's seeded generator (the only source of randomness).</param>
    /// <param name="index">The guided moves' lists for this problem (built here when null; a forked search shares its parent's).</param>
    public MoveContext(RosterEvaluator ev, Random rng, SearchIndex? index = null)
    {
        Ev = ev;
        P = ev.P;
        Rng = rng;
        Dp = new WorkerScheduleDp(P, secant: P.Days >= SearchTuning.SecantFromDays);
        Index = index ?? new SearchIndex(P);
        _row = new int[P.Days];
        _previous = new int[P.Days];
    }

    public RosterEvaluator Ev { get; }

    public CompiledProblem P { get; }

    /// <summary>The generator every move draws from (a lane's context takes a fresh one per task: <see cref="UseGenerator"/>).</summary>
    public Random Rng { get; private set; }

    /// <summary>Whether a lane's task was abandoned (the search stopped on time): re-optimisations then leave rows as they are.</summary>
    public Func<bool>? Abandoned { get; init; }

    /// <summary>Draws from <paramref name="rng"/> from now on (a lane, per task, from the seed the search drew for it).</summary>
    public void UseGenerator(Random rng) => Rng = rng;

    public WorkerScheduleDp Dp { get; }

    /// <summary>Who may take each date-slot, and which worker-dates have requests (<see cref="SearchIndex"/>).</summary>
    public SearchIndex Index { get; }

    /// <summary>
    /// Gives worker <paramref name="w"/> their best schedule against everyone else's, inside the caller's open move. The
    /// row is kept only when the roster's score with it is not worse (hard violations first, then soft) than with the row it
    /// replaces; otherwise, and when the DP finds no row, the worker's row stays as it was. So a re-optimisation never adds
    /// a hard violation, whatever the DP's fallbacks (the splice, the greedy repair) return.
    /// </summary>
    public void Reoptimise(int w)
    {
        if (Abandoned?.Invoke() != true && Dp.Solve(Ev, w, _row, Rng))
        {
            KeepRowIfNotWorse(w);
        }
    }

    /// <summary>
    /// As <see cref="Reoptimise"/>, changing worker <paramref name="w"/>'s row only on the dates [<paramref name="from"/>,
    /// <paramref name="to"/>) (<see cref="WorkerScheduleDp.SolveWindow"/>): the window ruin's rebuild.
    /// </summary>
    public void ReoptimiseWindow(int w, int from, int to)
    {
        if (Abandoned?.Invoke() != true && Dp.SolveWindow(Ev, w, from, to, _row, Rng))
        {
            KeepRowIfNotWorse(w);
        }
    }

    /// <summary>Sets worker <paramref name="w"/>'s row to the one just solved; back to the old row when the score is worse.</summary>
    private void KeepRowIfNotWorse(int w)
    {
        Ev.Commit();
        var before = Ev.Score;
        var start = P.WorkerDay(w, 0);
        Array.Copy(Ev.Assign, start, _previous, 0, P.Days);
        SetRow(w, _row);
        Ev.Commit();
        if (Ev.Score > before)
        {
            SetRow(w, _previous);
            Ev.Commit();
        }
    }

    /// <summary>
    /// A worker for the re-optimisation move: while some worker breaks their own rules, one draw in
    /// <see cref="SearchTuning.HardWorkerDrawOneIn"/> takes one of them (uniformly), aiming the strong move at the hard
    /// violations left; otherwise any worker. Draws one random number, as before, when no worker breaks their own rules
    /// (a roster whose only hard violations are cover minima or maxima included).
    /// </summary>
    public int WorkerToReoptimise()
    {
        // O(workers) only while the roster breaks some hard rule; the DP this move runs costs O(days x states).
        var breaking = 0;
        for (var w = 0; Ev.Hard > 0 && w < P.WorkerCount; w++)
        {
            breaking += Ev.WorkerHard(w) > 0 ? 1 : 0;
        }

        if (breaking > 0 && Rng.Next(SearchTuning.HardWorkerDrawOneIn) == 0)
        {
            var k = Rng.Next(breaking);
            for (var w = 0; w < P.WorkerCount; w++)
            {
                if (Ev.WorkerHard(w) > 0 && k-- == 0)
                {
                    return w;
                }
            }
        }

        return Rng.Next(P.WorkerCount);
    }

    /// <summary>Sets worker <paramref name="w"/>'s whole row to <paramref name="row"/> (slot per date, -1 off).</summary>
    public void SetRow(int w, int[] row)
    {
        for (var d = 0; d < P.Days; d++)
        {
            Ev.Set(w, d, row[d]);
        }
    }

    /// <summary>Takes worker <paramref name="w"/> off every date that is not pinned.</summary>
    public void Clear(int w)
    {
        for (var d = 0; d < P.Days; d++)
        {
            if (P.Pinned[P.WorkerDay(w, d)] < 0)
            {
                Ev.Set(w, d, -1);
            }
        }
    }
}

/// <summary>
/// One change to the roster, applied inside the evaluator's Begin/Commit bracket. A move never places a
/// worker on a choice the problem excludes, never adds a duty that overlaps the same worker's duty on a
/// neighbouring date, and never moves a pin.
/// </summary>
internal interface IMove
{
    /// <summary>Applies the move (it may leave the roster unchanged when its random pick is not allowed).</summary>
    void Apply(MoveContext c);
}

/// <summary>The exact one-worker re-optimisation of a random worker (<see cref="WorkerScheduleDp"/>).</summary>
internal sealed class ReoptimiseWorkerMove : IMove
{
    public void Apply(MoveContext c) => c.Reoptimise(c.WorkerToReoptimise());
}

/// <summary>
/// Ruin and recreate: clears 2 to <see cref="SearchTuning.MostRuinedWorkers"/> workers and rebuilds them one
/// after another with the exact re-optimisation (Schrimpf et al. (2000), Journal of Computational Physics 159).
/// Half the time the first one sits on a demand above its maximum: a person too many is a hard violation
/// that single-worker moves rarely undo when every other slot is full too.
/// </summary>
internal sealed class RuinAndRecreateMove : IMove
{
    private readonly int[] _ruined = new int[SearchTuning.MostRuinedWorkers];

    public void Apply(MoveContext c)
    {
        var most = Math.Min(SearchTuning.MostRuinedWorkers, c.P.WorkerCount);
        var k = Math.Min(2 + c.Rng.Next(Math.Max(1, most - 1)), most);
        var crowded = c.Rng.Next(2) == 0 ? CrowdedWorker(c) : -1;
        for (var i = 0; i < k; i++)
        {
            _ruined[i] = i == 0 && crowded >= 0 ? crowded : c.Rng.Next(c.P.WorkerCount);
            c.Clear(_ruined[i]);
        }

        for (var pass = 0; pass < SearchTuning.RecreatePasses; pass++)
        {
            for (var i = 0; i < k; i++)
            {
                c.Reoptimise(_ruined[i]);
            }
        }
    }

    /// <summary>A worker (not pinned there) on a demand above its maximum, from a random starting cell; -1 when none.</summary>
    private static int CrowdedWorker(MoveContext c)
    {
        var p = c.P;
        var cells = p.Days * p.SlotCount;
        if (cells == 0)
        {
            return -1;
        }

        var from = c.Rng.Next(cells);
        for (var i = 0; i < cells; i++)
        {
            var cell = (from + i) % cells;
            var day = cell / p.SlotCount;
            var slot = cell % p.SlotCount;
            if (p.CoverExcess(cell, c.Ev.Count(day, slot)) == 0)
            {
                continue;
            }

            for (var w = 0; w < p.WorkerCount; w++)
            {
                var wd = p.WorkerDay(w, day);
                if (c.Ev.Assign[wd] == slot && p.Pinned[wd] != slot)
                {
                    return w;
                }
            }
        }

        return -1;
    }
}

/// <summary>
/// Window ruin-and-recreate: clears 2 to <see cref="SearchTuning.MostRuinedWorkers"/> workers on duty in a window of
/// 2 to <see cref="SearchTuning.LongestRuinWindow"/> consecutive dates, on those dates only, then rebuilds each with the
/// exact re-optimisation: whole rows, or with <paramref name="rebuildNearWindow"/> (the lanes' ruins) only on the window
/// and a margin either side (<see cref="RebuiltDates"/>: the rest of the row kept, its rules still judged over the whole
/// horizon; a fifth of a whole row's solve on 182 dates). Clearing one window, not whole rows, leaves the
/// rest of the roster's cover in place, so the rebuilt workers compete for the people missing there instead of
/// re-covering every date the ruin emptied (docs/rostering.md, roster16 and long19; the near rebuild, session 42).
/// </summary>
internal sealed class WindowRuinMove(bool rebuildNearWindow = false) : IMove
{
    private readonly int[] _ruined = new int[SearchTuning.MostRuinedWorkers];
    private int _count;

    public void Apply(MoveContext c)
    {
        var length = Math.Min(c.P.Days, 2 + c.Rng.Next(SearchTuning.LongestRuinWindow - 1));
        var from = c.Rng.Next(c.P.Days - length + 1);
        Ruin(c, from, from + length);
        var (start, end) = RebuiltDates(c.P, from, from + length);
        for (var pass = 0; pass < SearchTuning.RecreatePasses; pass++)
        {
            for (var i = 0; i < _count; i++)
            {
                if (rebuildNearWindow)
                {
                    c.ReoptimiseWindow(_ruined[i], start, end);
                }
                else
                {
                    c.Reoptimise(_ruined[i]);
                }
            }
        }
    }

    /// <summary>
    /// The dates a ruined worker's row is rebuilt on: the cleared window [<paramref name="from"/>, <paramref name="to"/>)
    /// widened by <see cref="SearchTuning.WindowRebuildMargin"/> dates either side, within the horizon.
    /// </summary>
    internal static (int From, int To) RebuiltDates(CompiledProblem p, int from, int to) =>
        (Math.Max(0, from - SearchTuning.WindowRebuildMargin), Math.Min(p.Days, to + SearchTuning.WindowRebuildMargin));

    /// <summary>The workers the last <see cref="Ruin"/> cleared (and the last <see cref="Apply"/> rebuilt).</summary>
    internal ReadOnlySpan<int> Ruined => _ruined.AsSpan(0, _count);

    /// <summary>
    /// Draws up to <see cref="SearchTuning.WindowWorkerDraws"/> random workers and clears, on the dates
    /// [<paramref name="from"/>, <paramref name="to"/>) only and leaving pins, the first 2 to
    /// <see cref="SearchTuning.MostRuinedWorkers"/> distinct ones with a duty there that is not pinned; returns how many.
    /// </summary>
    internal int Ruin(MoveContext c, int from, int to)
    {
        var p = c.P;
        var most = Math.Min(SearchTuning.MostRuinedWorkers, p.WorkerCount);
        var want = Math.Min(2 + c.Rng.Next(Math.Max(1, most - 1)), most);
        _count = 0;
        for (var draw = 0; draw < SearchTuning.WindowWorkerDraws && _count < want; draw++)
        {
            var w = c.Rng.Next(p.WorkerCount);
            if (!Ruined.Contains(w) && ClearWindow(c, w, from, to))
            {
                _ruined[_count++] = w;
            }
        }

        return _count;
    }

    /// <summary>Takes worker <paramref name="w"/> off the dates [<paramref name="from"/>, <paramref name="to"/>) that are not pinned; false when none had a duty.</summary>
    private static bool ClearWindow(MoveContext c, int w, int from, int to)
    {
        var p = c.P;
        var cleared = false;
        for (var d = from; d < to; d++)
        {
            var wd = p.WorkerDay(w, d);
            if (c.Ev.Assign[wd] >= 0 && p.Pinned[wd] < 0)
            {
                c.Ev.Set(w, d, -1);
                cleared = true;
            }
        }

        return cleared;
    }
}

/// <summary>
/// Gives one random worker-date another random slot, or a day off, when the problem allows that choice and it
/// does not overlap the worker's duty on a neighbouring date.
/// </summary>
internal sealed class ChangeMove : IMove
{
    public void Apply(MoveContext c)
    {
        var p = c.P;
        var w = c.Rng.Next(p.WorkerCount);
        var d = c.Rng.Next(p.Days);
        var current = c.Ev.Assign[p.WorkerDay(w, d)];
        var choice = c.Rng.Next(p.Choices);
        if (choice - 1 != current && p.Allowed[p.ChoiceIndex(w, d, choice)] && !p.OverlapsNeighbour(c.Ev.Assign, w, d, choice - 1))
        {
            c.Ev.Set(w, d, choice - 1);
        }
    }
}

/// <summary>
/// Swaps a block of consecutive dates between two random workers (cover stays the same; only the two
/// workers' rules change). One date, or 2 to <see cref="SearchTuning.LongestSwapBlock"/> dates. A swap that
/// would put either worker on two overlapping duties is not made.
/// </summary>
internal sealed class SwapBlockMove(bool oneDate) : IMove
{
    public void Apply(MoveContext c)
    {
        // Draw order (length, a, b, start) is the search's random stream: kept as it was.
        var p = c.P;
        var length = oneDate ? 1 : 2 + c.Rng.Next(SearchTuning.LongestSwapBlock - 1);
        if (p.WorkerCount < 2)
        {
            return;
        }

        var a = c.Rng.Next(p.WorkerCount);
        var b = c.Rng.Next(p.WorkerCount - 1);
        if (b >= a)
        {
            b++;
        }

        length = Math.Min(length, p.Days);
        var start = c.Rng.Next(p.Days - length + 1);
        if (BlockSwap.Allowed(c.Ev, a, b, start, start + length))
        {
            BlockSwap.Swap(c.Ev, a, b, start, start + length);
        }
    }
}

/// <summary>
/// The two phases of <see cref="SwapBlockMove"/> once its workers and dates are drawn: whether workers a and b may swap
/// their dates [from, to), and the swap itself.
/// </summary>
internal static class BlockSwap
{
    /// <summary>
    /// Whether each worker may take the other's choice on every date of [<paramref name="from"/>, <paramref name="to"/>)
    /// and neither would then overlap their own duty just before or just after the block.
    /// </summary>
    public static bool Allowed(RosterEvaluator ev, int a, int b, int from, int to)
    {
        var p = ev.P;
        for (var d = from; d < to; d++)
        {
            var sa = ev.Assign[p.WorkerDay(a, d)];
            var sb = ev.Assign[p.WorkerDay(b, d)];
            if (!p.Allowed[p.ChoiceIndex(a, d, sb + 1)] || !p.Allowed[p.ChoiceIndex(b, d, sa + 1)])
            {
                return false;
            }
        }

        return !NewOverlapAtEdges(ev, a, b, from, to) && !NewOverlapAtEdges(ev, b, a, from, to);
    }

    /// <summary>Workers <paramref name="a"/> and <paramref name="b"/> exchange their choices on [<paramref name="from"/>, <paramref name="to"/>) (within the evaluator's open move).</summary>
    public static void Swap(RosterEvaluator ev, int a, int b, int from, int to)
    {
        var p = ev.P;
        for (var d = from; d < to; d++)
        {
            var sa = ev.Assign[p.WorkerDay(a, d)];
            var sb = ev.Assign[p.WorkerDay(b, d)];
            ev.Set(a, d, sb);
            ev.Set(b, d, sa);
        }
    }

    /// <summary>
    /// Whether <paramref name="w"/>, taking <paramref name="other"/>'s dates [<paramref name="from"/>, <paramref name="to"/>),
    /// would overlap their own duty just before or just after the block (inside the block the pairs are
    /// <paramref name="other"/>'s own, so no overlap is new there).
    /// </summary>
    private static bool NewOverlapAtEdges(RosterEvaluator ev, int w, int other, int from, int to)
    {
        var p = ev.P;
        var assign = ev.Assign;
        return (from > 0 && p.Overlap(w, from, assign[p.WorkerDay(w, from) - 1], assign[p.WorkerDay(other, from)]))
            || (to < p.Days && p.Overlap(w, to, assign[p.WorkerDay(other, to) - 1], assign[p.WorkerDay(w, to)]))
            || (p.Rules[p.WorkerRules[w]].AnyOverlap2 && NewOverlapTwoApart(p, assign, w, other, from, to));
    }

    /// <summary>The same for duties two dates apart across either edge (only after a spring-forward jump: <see cref="CompiledRules.AnyOverlap2"/>).</summary>
    private static bool NewOverlapTwoApart(CompiledProblem p, int[] assign, int w, int other, int from, int to)
    {
        int Duty(int day) => assign[p.WorkerDay(day >= from && day < to ? other : w, day)];
        foreach (var day in (ReadOnlySpan<int>)[from, from + 1, to, to + 1])
        {
            var inside = day >= from && day < to;
            if (day >= 2 && day < p.Days && inside != (day - 2 >= from && day - 2 < to) && p.Overlap2(w, day, Duty(day - 2), Duty(day)))
            {
                return true;
            }
        }

        return false;
    }
}
