namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// A Lagrangian heuristic (Fisher 1981; Beasley 1993): the rosters the bound's ascent builds on the way, each worker on
/// their own exact path at the current prices, scored by the evaluator; the best one is a start for the search.
/// </summary>
/// <remarks>
/// At good prices the workers' paths together nearly meet every demand (the bound lies within a few percent of the best
/// known on the long Curtois instances), so a roster made of them starts the walk where the relaxation says staff are
/// worth placing, which the greedy construction by scarcity does not know.
/// </remarks>
internal static class LagrangianStart
{
    /// <summary>
    /// The lowest-scoring roster (hard, then soft) among the ascent's paths, or null when the problem is empty, no
    /// iteration ran or the relaxation proves that no roster keeps every hard rule. Pins are kept: every path keeps them.
    /// </summary>
    /// <param name="p">The compiled problem.</param>
    /// <param name="upper">The soft score of a hard-valid roster (steers the steps), or null.</param>
    /// <param name="iterations">The most subgradient iterations.</param>
    /// <param name="degree">Threads for the paths; the result does not depend on it.</param>
    /// <param name="stop">Asked before each iteration after the first.</param>
    public static int[]? Best(CompiledProblem p, long? upper, int iterations, int degree, Func<bool> stop)
    {
        var ev = new RosterEvaluator(p);
        var best = new int[ev.Assign.Length];
        var bestScore = new ScorePart(int.MaxValue, long.MaxValue);
        var feasible = LagrangianBound.Paths(p, upper, iterations, degree, stop, slots =>
        {
            ev.Begin();
            for (var cell = 0; cell < slots.Length; cell++)
            {
                ev.Set(cell / p.Days, cell % p.Days, slots[cell]);
            }

            ev.Commit();
            ev.Accept();
            if (ev.Score < bestScore)
            {
                bestScore = ev.Score;
                Array.Copy(ev.Assign, best, best.Length);
            }
        });
        return feasible && bestScore.Hard != int.MaxValue ? best : null;
    }
}
