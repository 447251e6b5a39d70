namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// What the <see cref="LagrangianBound"/>'s ascents share, found once per bound: each demand's cover range, per worker
/// the open shift types and the path's shape (both depend on the worker only), and the lanes that solve the
/// workers' paths (one scratch set each). The ascents take turns, never run at once, so the lanes serve both.
/// </summary>
internal sealed class BoundSetup
{
    // The exact path's work (states x days x open types) per subgradient iteration, shared by the workers, and
    // each worker's share's limits: 100,000 is about half a millisecond, 4 M keeps one worker from dominating. The
    // minimum was 250,000: above 240 workers it kept paths that the share no longer pays for. On community-300-14-43
    // (300 workers, 200,000 each now) 61 volunteers of 5 open types and 225,000 units were exact and took half the
    // iteration; priced, the bound per CPU-second is higher from about 5 s on (toward 97: 1,600 iterations exact 43 in
    // 18.8 s, priced 40 in 9.7 s, 3,200 priced 51 in 18.8 s; cbound18, docs/rostering.md). Below 240 workers: unchanged.
    private const long ExactWorkPerIteration = 60_000_000;
    private const long ExactWorkPerWorkerMin = 100_000;
    private const long ExactWorkPerWorkerMax = 4_000_000;

    // Below this much path work per iteration (about 0.1 ms) the workers' paths are solved on one thread: handing them
    // to others costs more than it saves.
    private const long ParallelWorkMin = 25_000;

    private readonly bool _priceCounters;
    private readonly int _gcd;
    private readonly int[] _unitsOf;

    /// <summary>Finds the open types and shapes of every worker of <paramref name="p"/>.</summary>
    /// <param name="p">The compiled problem.</param>
    /// <param name="coverHigh">Per day * SlotCount + slot, the most people a demand's count may take in the relaxation.</param>
    /// <param name="degree">The most workers' paths solved at once (one lane each); positive.</param>
    /// <param name="priceCounters">Price every worker's minute and weekend limits instead of keeping any in the path (tests: the priced relaxation on problems small enough to enumerate).</param>
    public BoundSetup(CompiledProblem p, int[] coverHigh, int degree, bool priceCounters = false)
    {
        _priceCounters = priceCounters;
        Problem = p;
        CoverHigh = coverHigh;
        _gcd = Math.Max(1, p.ShiftMinutes.Aggregate(0, (a, b) => b == 0 ? a : Gcd(a, b)));
        _unitsOf = [.. p.ShiftMinutes.Select(m => m / _gcd)];
        OpenOf = new int[p.WorkerCount][];
        ShapeOf = new BoundPathShape[p.WorkerCount];
        var work = 0L;
        for (var w = 0; w < p.WorkerCount; w++)
        {
            OpenOf[w] = OpenShifts(w);
            ShapeOf[w] = Shape(p.Rules[p.WorkerRules[w]], OpenOf[w]);
            work += PathWork(p.Rules[p.WorkerRules[w]], OpenOf[w].Length, ShapeOf[w].Groups);
        }

        var lanes = work < ParallelWorkMin ? 1 : Math.Clamp(degree, 1, p.WorkerCount);
        Lanes = [.. Enumerable.Range(0, lanes).Select(_ => new BoundLane(p))];
    }

    /// <summary>The compiled problem.</summary>
    public CompiledProblem Problem { get; }

    /// <summary>Per day * SlotCount + slot, the most people a demand's count may take in the relaxation.</summary>
    public int[] CoverHigh { get; }

    /// <summary>Per worker, the shift types they can take on some date, in the problem's order.</summary>
    public int[][] OpenOf { get; }

    /// <summary>Per worker, the counters their path keeps exactly.</summary>
    public BoundPathShape[] ShapeOf { get; }

    /// <summary>One scratch set per worker path solved at the same time.</summary>
    public BoundLane[] Lanes { get; }

    /// <summary>
    /// Most states x days x open shift types one exact path may cost: a share of <see cref="ExactWorkPerIteration"/>
    /// between <see cref="ExactWorkPerWorkerMin"/> and <see cref="ExactWorkPerWorkerMax"/>, so a problem of a few dozen
    /// workers tracks nearly everyone exactly and a district of hundreds keeps each path cheap.
    /// </summary>
    private long ExactBudget => Math.Clamp(ExactWorkPerIteration / Math.Max(1, Problem.WorkerCount), ExactWorkPerWorkerMin, ExactWorkPerWorkerMax);

    /// <summary>States x days x open types: one path's work for a worker with <paramref name="open"/> open types and <paramref name="groups"/> counter groups.</summary>
    private long PathWork(CompiledRules r, int open, long groups) =>
        BoundPath.BaseStates(r, open) * groups * Problem.Days * Math.Max(1, open);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// The shift types worker <paramref name="w"/> can take on some date, in the problem's order: the path runs over
    /// them only, so a volunteer eligible for 6 of 85 types costs 6 types, not 85 (a type never open has no finite
    /// state, so leaving it out changes no value).
    /// </summary>
    private int[] OpenShifts(int w)
    {
        var p = Problem;
        var open = new bool[p.ShiftCount];
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                open[p.SlotShift[s]] |= p.Allowed[p.ChoiceIndex(w, d, s + 1)];
            }
        }

        return [.. Enumerable.Range(0, p.ShiftCount).Where(t => open[t])];
    }

    /// <summary>
    /// The counters a worker's path keeps exactly: worked weekends when the weekend maximum binds and
    /// total minutes (gcd units) when a minute limit binds, if the path then fits <see cref="ExactBudget"/>; else none
    /// (every limit priced). Duties per shift type could be counted the same way (<see cref="BoundPathShape.Of"/>
    /// takes them): on Instance8 that raised the bound from 75 % to 85 % of best known, at 4 x the time (not on yet).
    /// </summary>
    private BoundPathShape Shape(CompiledRules r, int[] open)
    {
        var p = Problem;
        var maxShift = open.Length == 0 ? 0 : open.Max(t => p.ShiftMinutes[t]);
        var reachable = (long)p.Days * maxShift;
        var weekends = r.MaxWeekends < p.WeekendCount ? r.MaxWeekends + 1 : 0;
        var units = r.MinMinutes > 0 || r.MaxMinutes < reachable ? (int)(Math.Min(r.MaxMinutes, reachable) / _gcd) + 1 : 0;
        var groups = Math.Max(1, weekends) * (long)Math.Max(1, units);
        return !_priceCounters && PathWork(r, open.Length, groups) <= ExactBudget
            ? BoundPathShape.Of(r, open, _unitsOf, _gcd, weekends, units, [])
            : BoundPathShape.Of(r, open, _unitsOf, _gcd, 0, 0, []);
    }
}
