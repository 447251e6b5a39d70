namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// The search's tuning values, in one place. They were set on the Curtois benchmark (instances 1-20) and the
/// generated lockdown problems; a change here changes every roster a seed gives, so re-measure
/// docs/rostering.md's table after changing one.
/// </summary>
internal static class SearchTuning
{
    /// <summary>
    /// Length of the late-acceptance list: a move is also accepted when it is no worse than the roster of this
    /// many iterations ago (Burke and Bykov (2017), European Journal of Operational Research 258(1)).
    /// </summary>
    public const int HistoryLength = 2000;

    /// <summary>Out of 1000 iterations: the exact one-worker re-optimisation (costly, strongest).</summary>
    public const int ReoptimiseWorkerPerMille = 100;

    /// <summary>Out of 1000 iterations: ruin a few workers and rebuild them (escapes what one worker cannot).</summary>
    public const int RuinAndRecreatePerMille = 10;

    /// <summary>Out of 1000 iterations: give one worker-date another slot or a day off.</summary>
    public const int ChangePerMille = 290;

    /// <summary>Out of 1000 iterations: swap one date between two workers. The rest swap a block of dates.</summary>
    public const int SwapDatePerMille = 300;

    /// <summary>Longest block of dates two workers swap (the shortest block is 2 dates).</summary>
    public const int LongestSwapBlock = 7;

    /// <summary>Most workers one ruin clears (at least 2 are cleared when there are 2).</summary>
    public const int MostRuinedWorkers = 4;

    /// <summary>Rebuild passes over the ruined or kicked workers: the second lets the first rebuilt see the later ones.</summary>
    public const int RecreatePasses = 2;

    /// <summary>Iterations without a new record before a kick, at least this many...</summary>
    public const long MinStagnation = 20_000;

    /// <summary>...and this many per worker (a larger roster needs longer to improve once).</summary>
    public const long StagnationPerWorker = 2_000;

    /// <summary>A kick clears one worker in this many (at least 2).</summary>
    public const int KickedWorkerShare = 4;
}
