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

    /// <summary>
    /// A guided walk (<see cref="GuidedBelowAllowedShare"/>: the community problems, whose moves change the score by a
    /// point or two) keeps one late-acceptance entry per this many worker-dates (at least
    /// <see cref="ShortestGuidedHistory"/>, at most <see cref="HistoryLength"/>) instead of <see cref="HistoryLength"/>:
    /// 2,000 lets a small roster drift too far from its records. 60 CPU-s, degree 1, seeds 1-3, medians against 2,000
    /// (docs/rostering.md, session 38): community-60-14 (history 50) 64 -> 56, 100-14 (70) 50 -> 47, 150-14 (105)
    /// 51 -> 47, 200-14 (140) 77 -> 75, 300-14 (210) 98 -> 102 (level: one seed gave 91-105 across lengths); a fixed 50 was
    /// level on 100-300 workers and 20 worse than 50 on 60. Every Curtois instance walks blind and keeps 2,000 (a fixed
    /// 50 cost Instance8 two people).
    /// </summary>
    public const int GuidedWorkerDatesPerHistoryEntry = 20;

    /// <summary>The shortest late-acceptance history a guided walk keeps (<see cref="GuidedWorkerDatesPerHistoryEntry"/>).</summary>
    public const int ShortestGuidedHistory = 50;

    /// <summary>Out of 1000 iterations: the exact one-worker re-optimisation (costly, strongest).</summary>
    public const int ReoptimiseWorkerPerMille = 100;

    /// <summary>
    /// Out of 1000 iterations: ruin a few workers and rebuild them (escapes what one worker cannot). A guided walk
    /// (<see cref="GuidedBelowAllowedShare"/>: the community problems) whose roster keeps every hard rule draws none;
    /// this share (or <see cref="LongRuinAndRecreatePerMille"/> on long horizons) goes to its exact re-optimisation then.
    /// On community-600-28-85-s1 at 60 s (scratch counters, session 59) the ruins took 31 of the walk's 103 CPU-s for a
    /// fifth of the re-optimisations' gain, about a quarter of their gain per millisecond. 120 CPU-s at degree 2, medians
    /// of seeds 1-3 (docs/rostering-journal.md, "District scale at 60 s"): community-600 1,425 -> 1,274, community-300
    /// 90 -> 82, community-60-28 461 -> 456, community-60-14 51 either way, a new community-400-14-60-s2 127 -> 134
    /// (within its seeds' spread). A roster that breaks a hard rule still draws them (they escape what one worker
    /// cannot); the window ruin of long horizons stays.
    /// </summary>
    public const int RuinAndRecreatePerMille = 10;

    /// <summary>
    /// Out of 1000 iterations, on a horizon of at least <see cref="WindowRuinFromDays"/> dates: clear a few workers on one
    /// window of dates and rebuild them (<see cref="WindowRuinMove"/>), half of ruin-and-recreate's share there
    /// (<see cref="LongRuinAndRecreatePerMille"/>). Issue 20, 60 CPU-seconds (docs/rostering.md, long19): Instance20
    /// seeds 1-3 4.9-8.2 % lower, Instance21 1.9 %, Instance23 4.8 %; the same share taken from the block swaps instead
    /// (ruin-and-recreate kept at 10) won less on Instances 20 and 21.
    /// </summary>
    public const int WindowRuinPerMille = 5;

    /// <summary>
    /// Out of 1000 iterations of a search on lanes (<see cref="LanesFromWorkerDays"/>: one search on every core), on a
    /// horizon of at least <see cref="WindowRuinFromDays"/> dates: the window ruin, its rebuild only near the window
    /// (<see cref="WindowRebuildMargin"/>), taken from the block swaps' share: rebuilt near the window a window ruin costs
    /// a quarter of its whole-row rebuild, so the lanes can afford six times as many. Quiet, 60 s, degree 2, seeds 1-3
    /// (docs/rostering.md, session 42): Instance21 22,347 -> 22,246 and Instance23 27,060 -> 26,081 (medians), lower on
    /// every seed; 50 per mille level on Instance21 and worse on Instance23, 80 lost Instance23; Instance20, a portfolio,
    /// keeps the whole-row rebuild at 5 (near, it lost there).
    /// </summary>
    public const int LanesWindowRuinPerMille = 30;

    /// <summary>Out of 1000 iterations, ruin-and-recreate where the window ruin is drawn (elsewhere <see cref="RuinAndRecreatePerMille"/>).</summary>
    public const int LongRuinAndRecreatePerMille = 5;

    /// <summary>
    /// The shortest horizon that draws <see cref="WindowRuinMove"/>; shorter horizons draw exactly as before it existed.
    /// Measured: it lost on 42 dates (Instance14, 2 of 2 seeds, up to 13 %) and 84 (Instance18, 1.4 %) and won on 182 and
    /// 364 (Instances 20, 21, 23); any value in 85-182 gives the same rosters on the benchmark, and 120 (about four months)
    /// sits between the two. Lockdown problems (a few weeks) keep the walk as it was.
    /// </summary>
    public const int WindowRuinFromDays = 120;

    /// <summary>
    /// Out of 1000 iterations, blind draws on a horizon shorter than <see cref="EjectionChainBelowDays"/> dates: an
    /// ejection chain for cover (<see cref="EjectionChainMove"/>), taken from the block swaps' share; drawn only once
    /// the walk has stalled half a plateau (<see cref="SearchEngine.ChainDrawable"/>), a block swap before. Issue 20, 60
    /// CPU-seconds (docs/rostering.md, eject21 and eject22).
    /// </summary>
    public const int EjectionChainPerMille = 20;

    /// <summary>
    /// Horizons shorter than this many dates draw <see cref="EjectionChainMove"/>; longer ones draw exactly as before it
    /// existed (an earlier attempt cost Instance18, 84 dates, 2.4 %). Instances 1-12 have 14 or 28 dates, Instance14 42.
    /// </summary>
    public const int EjectionChainBelowDays = 42;

    /// <summary>Most links of one ejection chain (each re-optimises one worker exactly).</summary>
    public const int EjectionChainLinks = 4;

    /// <summary>
    /// Out of 1000 iterations, blind draws on a horizon of at least <see cref="WindowChainFromDays"/> dates: an ejection
    /// chain on a window (<see cref="WindowChainMove"/>), taken from the blind block swaps' share (all of it). Cheap beside
    /// the whole-row re-optimisation (tens of ms a draw on Instance23 against about 0.4 s), so the share costs the walk
    /// little time. Issue 20, 60 CPU-seconds (docs/rostering.md, chain24): on Instance23 seeds 1-2 100 and 300 both
    /// ended below the base, 300 with 16 attempts a draw 11 % below it.
    /// </summary>
    public const int WindowChainPerMille = 300;

    /// <summary>
    /// Horizons of at least this many dates draw <see cref="WindowChainMove"/>; shorter ones draw exactly as before it
    /// existed. Measured from 42 dates (docs/rostering.md, chain24): it won on 364 dates (Instance23, 3 seeds of 3) and lost
    /// on 42 (Instance14 +18 %), 182 (Instance20 +6 % and +9 %, Instance21 +0.7 % and +3 %); any value in 183-364 gives
    /// the same benchmark rosters, and 273 (three quarters of a year) sits between the two.
    /// </summary>
    public const int WindowChainFromDays = 273;

    /// <summary>
    /// Horizons of at least this many dates price the one-worker re-optimisation's minute window with the secant of the
    /// two nearest rows (<see cref="WorkerScheduleDp"/>, gap31); shorter ones bisect only, as before it. Measured quiet at
    /// degree 2, 60 s, seeds 1-3 (docs/rostering.md, session 33): without it Instances 6 and 12 (28 dates) end on the
    /// rosters they had before it (medians 2,053 and 4,131 against 2,135 and 4,207 with it), Instances 14 and 16 (42
    /// and 56 dates) lose 0.8 % and 0.4 %, 18 (84) is level; it won on 182 and 364 dates (Instances 20, 21, 23).
    /// </summary>
    public const int SecantFromDays = 42;

    /// <summary>Most links of one <see cref="WindowChainMove"/> chain (each changes one worker's row on at most two dates).</summary>
    public const int WindowChainLinks = 3;

    /// <summary>Workers <see cref="WindowChainMove"/> tries per link (from a random one of those the date-slot allows).</summary>
    public const int WindowChainTakers = 8;

    /// <summary>How far (dates) from a duty it takes a <see cref="WindowChainMove"/> link's worker may drop one of theirs.</summary>
    public const int WindowChainRadius = 7;

    /// <summary>
    /// Chains one <see cref="WindowChainMove"/> tries, each from another date-slot under demand, until one lowers the score
    /// (the last is kept whatever it costs, for the walk to judge). Instance23 seeds 1-2 (docs/rostering.md, chain24): 1
    /// lowered the score in 10 % of draws, 4 in 30 %, 16 in 51 % and won on both seeds against 4, at about ten times 4's
    /// time (still about a tenth of the walk's).
    /// </summary>
    public const int WindowChainAttempts = 16;

    /// <summary>Out of 1000 iterations, blind draws: give one random worker-date another random choice (<see cref="ChangeMove"/>).</summary>
    public const int ChangePerMille = 290;

    /// <summary>Out of 1000 iterations, blind draws: swap one date between two random workers (<see cref="SwapBlockMove"/>). The rest swap a block of dates.</summary>
    public const int SwapDatePerMille = 300;

    /// <summary>
    /// Below this share of allowed (worker, date, slot) choices (<see cref="SearchIndex.AllowedShare"/>) most blind
    /// draws are refused, and the walk draws with the guided shares below instead of the blind ones above. Issue 20,
    /// measured 2026-12-02 (docs/rostering.md): on community-300 (share 0.25) 73 % of blind change draws and 81 % of
    /// blind swap draws were refused and the guided moves won the A/B pairs; on Instance14 (share 0.66; 27 % and 49 %
    /// refused) they lost. Every Curtois instance (0.57-0.93) keeps the blind draws and the rosters its seeds gave.
    /// </summary>
    public const double GuidedBelowAllowedShare = 0.5;

    /// <summary>Out of 1000 iterations, guided: a blind change (<see cref="ChangeMove"/>), which the guided moves do not replace entirely.</summary>
    public const int GuidedChangePerMille = 140;

    /// <summary>Out of 1000 iterations, guided: move one person towards a date-slot whose cover is off its demand (<see cref="CoverMove"/>).</summary>
    public const int CoverPerMille = 100;

    /// <summary>Out of 1000 iterations, guided: grant a worker-date a cheaper choice, swapping with a partner (<see cref="RequestMove"/>).</summary>
    public const int RequestPerMille = 100;

    /// <summary>
    /// Out of 1000 iterations, guided: swap one date between a worker on duty and a partner allowed on that duty
    /// (<see cref="GuidedSwapMove"/>). The rest swap a block of dates the same way.
    /// </summary>
    public const int GuidedSwapDatePerMille = 275;

    /// <summary>
    /// Out of 1000 iterations, guided: an ejection chain from a shift request (<see cref="RequestChainMove"/>), taken from
    /// the guided block swaps' share. 60 CPU-s, degree 1, seeds 1-3, with the kick rule (docs/rostering.md, session 38):
    /// community-60-14 54 -> 51 (20) and 52 (100; seed 3 reached CP-SAT's optimum, 50); at 20, community-100-14 43 -> 41,
    /// 150-14 45 -> 43, 300-14 100 -> 84.
    /// </summary>
    public const int RequestChainPerMille = 20;

    /// <summary>How many date-slot cells <see cref="CoverMove"/> reads, from a random one, looking for cover off its demand.</summary>
    public const int CoverScanCells = 512;

    /// <summary>How many random workers <see cref="GuidedSwapMove"/> draws looking for one on duty on the date.</summary>
    public const int OnDutyDraws = 4;

    /// <summary>Longest block of dates two workers swap (the shortest block is 2 dates).</summary>
    public const int LongestSwapBlock = 7;

    /// <summary>Longest window of dates <see cref="WindowRuinMove"/> clears (the shortest is 2 dates), as long as the longest swapped block.</summary>
    public const int LongestRuinWindow = 7;

    /// <summary>
    /// Dates either side of the window <see cref="WindowRuinMove"/> cleared on which its rebuild may also change a ruined
    /// worker's row (the rest of the row is kept). A week: room to move a run of duties or a weekend off next to the
    /// window. Used by the lanes' window ruins (<see cref="LanesWindowRuinPerMille"/>); a whole-row rebuild took 15 ms a
    /// window ruin on Instance21's lanes, 3.8 ms with this margin (docs/rostering.md, session 42).
    /// </summary>
    public const int WindowRebuildMargin = 7;

    /// <summary>Random workers <see cref="WindowRuinMove"/> draws looking for ones on duty in its window.</summary>
    public const int WindowWorkerDraws = 16;

    /// <summary>Most workers one ruin clears (at least 2 are cleared when there are 2).</summary>
    public const int MostRuinedWorkers = 4;

    /// <summary>
    /// After the opening sweep, passes over the workers still breaking their own rules, each re-optimised again (stops
    /// early when none is left). Instance23 (364 dates, seed 1): 15 such workers after the sweep, 6, 2, 2, then 0 after
    /// the fourth pass; twice that leaves room for other seeds at a cost of at most 8 re-optimisations per such worker.
    /// </summary>
    public const int SweepRepairPasses = 8;

    /// <summary>
    /// While the roster breaks a worker's own rule, one re-optimisation draw in this many takes such a worker instead of
    /// any worker (the rest stay blind, so the walk still improves the others). A roster without such violations draws
    /// as before.
    /// </summary>
    public const int HardWorkerDrawOneIn = 2;

    /// <summary>Rebuild passes over the ruined or kicked workers: the second lets the first rebuilt see the later ones.</summary>
    public const int RecreatePasses = 2;

    /// <summary>Iterations without a new record before a kick, at least this many...</summary>
    public const long MinStagnation = 20_000;

    /// <summary>...and this many per worker (a larger roster needs longer to improve once).</summary>
    public const long StagnationPerWorker = 2_000;

    /// <summary>
    /// A guided walk (<see cref="GuidedBelowAllowedShare"/>) waits this many times longer without a record before it kicks:
    /// its short history (<see cref="GuidedWorkerDatesPerHistoryEntry"/>) still finds records slowly where a kick would undo
    /// a quarter of the roster. 60 CPU-s, degree 1, seeds 1-3, medians against 1 (docs/rostering.md, session 38):
    /// community-60-14 56 -> 54, 100-14 47 -> 43, 150-14 47 -> 45, 200-14 75 -> 75, 300-14 102 -> 100; 10 and 1,000
    /// gave the same rosters on 60 and 100 workers (no kick within the minute).
    /// </summary>
    public const int GuidedStagnationFactor = 10;

    /// <summary>A kick clears one worker in this many (at least 2).</summary>
    public const int KickedWorkerShare = 4;

    /// <summary>
    /// A kick aimed at a hole clears the workers who may take it on the dates this far either side of the hole's
    /// (a window, as the window ruin's, so the rest of the roster's cover stays; docs/rostering.md, hole31).
    /// </summary>
    public const int HoleKickRadius = 3;

    /// <summary>
    /// Horizons of at least this many dates aim a kick at a hole (<see cref="HoleKick"/>); shorter ones kick at random, as
    /// before it (their holes are the ejection chain's: <see cref="EjectionChainBelowDays"/>). Measured quiet at degree 2,
    /// 60 s (docs/rostering.md, session 33): on 28 dates with the secant off it left Instance5 at 1,234-1,235 on three
    /// seeds of three (1,148 without it) and Instances 6 and 8 level over three and six seeds; from 42 dates hole31
    /// measured it level or ahead (Instance18 -0.4 %).
    /// </summary>
    public const int HoleKickFromDays = 42;

    /// <summary>
    /// From this many worker-dates a plan with more than one core runs ONE search whose exact re-optimisations (the
    /// opening sweep's, then the walk's re-optimisation and ruin moves) are solved on lanes, one per core, instead of a
    /// portfolio of walks: Instances 21 (182 dates) and 23 (364 dates), whose walks are short of time; every other
    /// benchmark problem (the largest, the 600-worker 28-date community problem, has 16,800) keeps the portfolio
    /// (docs/rostering.md, "One search on both cores", par26 and par28).
    /// </summary>
    public const long LanesFromWorkerDays = 18_000;

    /// <summary>
    /// Horizons shorter than this many dates (and problems below <see cref="WalksPerCoreBelowWorkerDays"/>) walk
    /// <see cref="WalksPerCore"/> searches on each core (in slices of
    /// <see cref="SliceMoves"/>), each with that share of the time or of the moves: their walks settle early which basin
    /// they end in (Instance5 by 3 s of 60, Instances 6 and 8 by 7-15 s), so more, shorter walks find the better basin
    /// more often (docs/rostering.md, "More walks than cores on short horizons"). Longer horizons are short of moves.
    /// </summary>
    public const int WalksPerCoreBelowDays = 42;

    /// <summary>
    /// ...and fewer worker-dates than this: a larger problem's walk needs its whole time itself (Instance12, 60 workers x 28
    /// dates: 4,145-4,168 against 4,112-4,129 with one walk a core; community-300, 4,200 worker-dates: 166-168 against
    /// 106-108, 120 CPU-s). Instances 5, 6 and 8 have 450-840 and gain or stay level.
    /// </summary>
    public const long WalksPerCoreBelowWorkerDays = 1_000;

    /// <summary>Searches a core walks on a short horizon (<see cref="WalksPerCoreBelowDays"/>).</summary>
    public const int WalksPerCore = 2;

    /// <summary>
    /// The share of a walk's moves and time it may spend laying out cover without the preferences before it walks at the
    /// full score (<see cref="SearchEngine.StopsOnceCovered"/>; it ends sooner once nobody is missing). Shift requests make
    /// the full score's landscape rugged: on community-60-28-43-s3 the walk keeps its requests and stays a person short of
    /// CP-SAT, while half a minute without them finds that person on some seeds (docs/rostering.md, "Cover first", session 45).
    /// </summary>
    public const double CoverFirstShare = 0.5;

    /// <summary>
    /// The most of its time limit the diving search spends in <see cref="PriceAndDive"/> (from the plan's start, so the
    /// opening's time counts): a dive stopped there reads every unfixed worker's largest column, and the walk from that
    /// roster gets the rest. On one core Curtois Instance8's dive takes about 10 s, Instance10's and Instance14's about 30 s
    /// (session 56), so a minute's plan finishes them with time to walk.
    /// </summary>
    public const double DiveTimeShare = 0.6;

    /// <summary>
    /// Cover first only below this many dates: below it, community-60-28-43-s3 (28 dates) found a person on three seeds of
    /// six and Instance8 (28) fell from 1,442 to 1,391 in the median; from it, the portfolio is two walks and cover first
    /// lost on every seed measured (Instance14, 42 dates: 1,397 -> 1,419 in the median; Instance18, 84: 4,578 -> 4,627 on
    /// seed 1; docs/rostering.md, "Cover first", session 45).
    /// </summary>
    public const int CoverFirstBelowDays = 42;

    /// <summary>
    /// Moves without a new record of its own (raised) score after which the cover-first walk raises the weight of every hole
    /// it stands on (<see cref="HolePenalties"/>; a fraction of a second on community-60-28-43-s3). A plain walk without
    /// preferences crosses its plateau of equal scores at random and found that problem's last coverable person on 2 seeds of
    /// 10 in 30 s; raising holes every 20,000 moves found it on 9 of 10 (docs/rostering.md, "Holes that weigh more").
    /// </summary>
    public const long HolePenaltyPeriod = 20_000;

    /// <summary>A raise adds this share (per cent) of a hole's own under-cover weight to it (<see cref="HolePenaltyPeriod"/>).</summary>
    public const int HolePenaltyPercent = 10;

    /// <summary>Moves a search walks before the next search on its core takes a turn (a few milliseconds).</summary>
    public const long SliceMoves = 1_000;

    /// <summary>
    /// A re-optimisation drawn as the walk's n-th lane task (or the sweep's n-th worker) is applied when the n + k-th is
    /// drawn, k = this x lanes: so up to k rows are solved at once, each against the roster as it stood when drawn, and a
    /// lane that finishes early takes the next drawn row instead of waiting for a slower lane (the applied order is the
    /// drawn order, whatever the timing).
    /// </summary>
    public const int LaneRowLagPerLane = 2;

    /// <summary>
    /// On lanes the opening sweep passes over every worker this many times before the repair passes. One pass leaves a
    /// worse roster than one after another (rows solved against a cover up to <see cref="LaneRowLagPerLane"/> x lanes rows
    /// stale chase the same missing people: Instance23 about 93,000-97,000 against 52,000); a second pass, against a roster
    /// that has settled, ends the opening at 54,000-55,000 for about 7 more CPU-seconds, and won at 60 CPU-seconds on both
    /// Instance23 seeds without losing Instance21 (docs/rostering.md, lanes23). A lag of lanes instead of 2 x lanes left
    /// 60,000-63,000 with hard violations and ended worse.
    /// </summary>
    public const int LaneSweepPasses = 2;

    /// <summary>
    /// The walk's lag for a lane's re-optimisation, per lane (the sweep keeps <see cref="LaneRowLagPerLane"/>): a row drawn as
    /// the walk's n-th lane task is applied when the n + lanes-th is drawn, against a roster fewer tasks older. 1 x lanes
    /// against 2 x lanes ended Instance23 6-8 % lower at 60 CPU-seconds on seeds 1 and 2, Instance21 level (the lanes idle
    /// more there: 16 % against 2-5 %); 3 x lanes ended worse (docs/rostering.md, lanes23).
    /// </summary>
    public const int LaneWalkRowLagPerLane = 1;

    /// <summary>
    /// A ruin (ruin-and-recreate or the window ruin: 4-8 exact solves, about 7 re-optimisations' time on Instance23) is
    /// applied this many lane tasks later per lane beyond the first, on top of a re-optimisation's lag, so the other lanes
    /// go on solving rows while one rebuilds the ruin.
    /// </summary>
    public const int LaneRuinLagPerOtherLane = 8;
}
