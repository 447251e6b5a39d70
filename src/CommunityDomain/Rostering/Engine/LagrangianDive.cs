namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// A roster read off the <see cref="LagrangianBound"/>'s relaxation by diving: an ascent, then every worker-date whose
/// averaged choice is near whole (at least <see cref="Settled"/>) fixed to it, at least a <see cref="LeastFixedShare"/> of
/// those left (the most settled first), then another ascent from the last prices on the restricted problem, until every
/// worker-date is fixed (or <see cref="MostAscents"/> ascents are spent). It lays out the whole roster's cover at once,
/// where the walk's moves change one to four workers: on Instance6 (18 workers, 28 dates) plans whose search 1 walks from
/// it end at 1,953-1,959 (best known 1,950), where walks from the greedy opening ended at 2,050-2,140
/// (docs/rostering.md, session 43).
/// </summary>
/// <remarks>
/// A diving heuristic of branch and price, with the Lagrangian ascent's averaged paths (the volume algorithm's primal
/// estimate, Barahona and Anbil 2000) in place of the column LP's solution. The fixed choices are not checked against
/// the worker's priced limits (total minutes, weekends, per-shift maxima), so the roster may break a hard rule; the walk
/// that starts from it repairs that as it repairs the greedy opening. Deterministic: no random draw, a fixed number of
/// iterations per ascent; <c>stop</c> ends it early with the choices read so far.
/// </remarks>
internal static class LagrangianDive
{
    // Subgradient iterations of each ascent (the first from zero prices, the rest from the previous ascent's best).
    private const int Iterations = 100;

    // An averaged use this near one is fixed; below it only the least share is.
    private const double Settled = 0.95;

    // At least this share of the worker-dates still free is fixed after each ascent (the most settled): without it the
    // last free cells were fixed one an ascent (Instance8: 135 ascents, 9 s, against 40 and 4 s).
    private const double LeastFixedShare = 0.05;

    // Most ascents of one dive; the worker-dates still free after the last are read off its averages. Curtois Instances 6,
    // 8, 14 and 18 dive in 63-89 (each fixes at least LeastFixedShare of those left: about 20 ln(worker-dates) ascents at
    // most, 195 on 17,000), so the cap bounds a plan under an iteration limit alone without changing theirs.
    internal const int MostAscents = 100;

    // Once an ascent's value passes the aim it stops at once and its averages go stale: each ascent aims this far above the
    // last one's value, or at the caller's score when that is higher.
    private const double AimAbove = 1.05;

    /// <summary>
    /// The dived roster of <paramref name="p"/> (per worker-date: the slot, or -1 off; pins kept; empty without a worker or
    /// a date), or null when the first ascent proves the relaxation empty or <paramref name="stop"/> ends it before one.
    /// </summary>
    /// <param name="p">The compiled problem.</param>
    /// <param name="upper">The soft score of a roster to aim the ascents at (the opening's).</param>
    /// <param name="stop">Asked before each ascent and between its iterations; true ends the dive with the choices read so far.</param>
    public static int[]? Cells(CompiledProblem p, long upper, Func<bool> stop)
    {
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return [];
        }

        var allowed = (bool[])p.Allowed.Clone();
        var settled = new bool[p.WorkerCount * p.Days];
        var node = p;
        LagrangianBound.NodeBound? last = null;
        for (var (free, ascents) = (settled.Length, 0); free > 0 && ascents < MostAscents && !stop(); ascents++)
        {
            var aim = last is null ? upper : Math.Max(upper, (long)Math.Ceiling(last.Value * AimAbove));
            var bound = LagrangianBound.Ascend(node, last?.Prices, aim, Iterations, stop);
            if (bound is null)
            {
                break; // the fixes left no roster the relaxation admits: read the last averages as they are
            }

            last = bound;
            free -= Fix(p, allowed, settled, bound.Use, free);
            node = p.Restricted(allowed, p.Minimum, p.Maximum);
        }

        return last is null ? null : Read(p, allowed, last.Use);
    }

    /// <summary>Fixes the settled and at least the least share of the <paramref name="free"/> worker-dates; returns how many.</summary>
    private static int Fix(CompiledProblem p, bool[] allowed, bool[] settled, double[] use, int free)
    {
        var open = new List<(int Cell, int Choice, double Use)>(free);
        for (var cell = 0; cell < settled.Length; cell++)
        {
            if (!settled[cell])
            {
                var (choice, most) = Likeliest(p, allowed, use, cell);
                open.Add((cell, choice, most));
            }
        }

        // The most settled first; ties by cell, so the order never depends on the sort's stability.
        open.Sort((a, b) => b.Use != a.Use ? b.Use.CompareTo(a.Use) : a.Cell.CompareTo(b.Cell));
        var least = Math.Max(1, (int)Math.Ceiling(free * LeastFixedShare));
        var fixedNow = 0;
        foreach (var (cell, choice, most) in open)
        {
            if (most < Settled && fixedNow >= least)
            {
                break;
            }

            BoundBranching.Take(allowed, p.Choices, (cell * p.Choices) + choice);
            settled[cell] = true;
            fixedNow++;
        }

        return fixedNow;
    }

    /// <summary>The allowed choice of <paramref name="cell"/> (a worker-date) with the highest averaged use (off when none is allowed).</summary>
    private static (int Choice, double Use) Likeliest(CompiledProblem p, bool[] allowed, double[] use, int cell)
    {
        var best = (Choice: 0, Use: -1.0);
        for (var c = 0; c < p.Choices; c++)
        {
            var i = (cell * p.Choices) + c;
            if (allowed[i] && use[i] > best.Use)
            {
                best = (c, use[i]);
            }
        }

        return best;
    }

    /// <summary>
    /// The roster the averages give: each worker-date's likeliest allowed choice, the pins kept, a duty that would overlap
    /// the worker's duty before it left off. A person cannot be in two places, and the walk keeps an overlap whose mending
    /// opens a hole of the same hard weight; the averages of separate paths can pair a night with the next morning, and
    /// after a clock change the relaxation's own paths do (it keeps only the rules of every date).
    /// </summary>
    private static int[] Read(CompiledProblem p, bool[] allowed, double[] use)
    {
        var cells = (int[])p.Pinned.Clone(); // pins first, so a chosen duty also yields to a later pin
        for (var cell = 0; cell < cells.Length; cell++)
        {
            if (p.Pinned[cell] < 0)
            {
                var (w, d) = Math.DivRem(cell, p.Days);
                var choice = Likeliest(p, allowed, use, cell).Choice - 1;
                cells[cell] = choice >= 0 && p.OverlapsNeighbour(cells, w, d, choice) ? -1 : choice;
            }
        }

        return cells;
    }
}
