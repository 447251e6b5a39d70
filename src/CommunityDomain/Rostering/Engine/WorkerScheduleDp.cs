namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// Re-optimises one worker's whole schedule while everyone else stays fixed: a shortest path over days
/// whose state is (shift worked today or off, length of the current run, whether the run touches the
/// first day, weekends worked; on the first date off, the shift worked before it when rest can bind
/// across one date off). Each choice is priced by the worker's wishes plus the marginal cover
/// cost it causes given the other workers, so the path is exactly the best response of this worker.
/// </summary>
/// <remarks>
/// Total minutes are handled with a Lagrangian price per minute, bracketed and bisected, warm-started
/// from the worker's last price; before a row in the window, the price at which the nearest rows below and above it
/// cost the same (the lower hull's secant: a row cheaper there lies between them, none proves no price finds one);
/// weekly minutes with prices raised while broken (one-sided rules); the first per-shift maximum a pass breaks counted in
/// the state from the next pass on (count mode, under a budget; a second one priced). When the price jumps over a narrow [min, max] window, the minutes become part of
/// the state (gcd units) if that stays under a budget; else, when the prices gave a row on each side of the
/// window, a range of dates of one is spliced into the other so that the minutes land inside it
/// (<see cref="Splice"/>); else the nearest row is repaired one day at a time. Every row is judged by the
/// evaluator afterwards; fairness is left to it entirely.
/// </remarks>
internal sealed partial class WorkerScheduleDp
{
    // Most paths one worker's re-optimisation solves while bisecting the minute price (or raising the prices of
    // per-shift and weekly maxima): the bracket halves each round, so 12 rounds pin a price to 1/4096 of its first
    // step; a worker not settled by then keeps the nearest row (repaired) or the exact-minutes path.
    private const int MaxRounds = 12;

    // Most states x days the exact-minutes fallback may cost for one worker (about 10 ms): beyond it, the nearest row
    // is repaired day by day instead.
    private const long ExactBudget = 3_000_000;

    // Most states x days a count-mode pass may cost (about 3 ms; each round of the minute price is one such pass): at
    // 3 M, Instance21 (182 dates, three capped types of 23-46 shifts) lost 2.4 % at 60 CPU-s, its walk short of moves,
    // while Instance18 (84 dates, 40-43) gained (docs/rostering.md, "Count mode").
    private const long CountBudget = 1_000_000;

    // The first step of the minute price, per mean shift length: 50 points per shift; a broken per-shift maximum starts
    // its price at 480 such steps (a shift's worth of minutes at one point per minute), then doubles it each round.
    private const double BaseStepPerShift = 50.0;
    private const double PerShiftFirstPrice = 480;

    // The bisection stops once its bracket is narrower than this share of the first step (12.5 points per mean shift);
    // each finer halving costs one more path per worker.
    private const double BracketResolution = 0.25;

    // Shifts the greedy repair of the nearest row adds or removes at most, one per step; the row it leaves is judged
    // by the evaluator like any other, so a worker still outside the minute window is the search's to mend.
    private const int MaxRepairSteps = 8;

    // A problem without shift types has no minutes to price; any positive length keeps the step finite.
    private const double MinutesWithoutShifts = 60.0;
    private readonly int _maxShiftMinutes;
    private readonly int _unit;
    private readonly int[] _units;
    private readonly CompiledProblem _p;
    private readonly double[] _lambda;
    private readonly double[] _mu;
    private readonly int[] _counts;
    private readonly int[] _weekMinutes;
    private readonly double[] _nu;
    private readonly double[] _bestPrice;
    private readonly int[] _open;
    private readonly double[] _openPrice;
    // Per date: the open shifts' blocked pairs with the date before (and two before); every date shares the usual
    // tables except the few after a clock change (CompiledRules.ChangeDates), which get their own on first use.
    private readonly bool[] _usualOpenBlocked;
    private readonly bool[] _usualOpenBlocked2;
    private readonly bool[][] _openBlocked;
    private readonly bool[][] _openBlocked2;
    private readonly int[] _openMinutes;
    private readonly int[] _openUnits;
    private int _openCount;
    private readonly int[] _bestSlot;
    private readonly double[] _offPrice;
    private readonly int[] _row;
    private readonly int[] _nearest;
    private readonly int[] _scratchAssign;
    private readonly int[] _shiftScratch;
    private readonly int[] _weekScratch;
    private readonly double _baseStep;

    // False: every weekend count of every base state is extended (the plain formulation; the tests' and the benchmark's
    // baseline). True: dominated and saturated counts are skipped (see ExtendDay), the same optimum.
    private readonly bool _weekendPruning;

    // False: the bracket's bisection alone picks the prices (main's rounds, the tests' baseline). True: before a row in the
    // window, the secant of the two nearest rows (see NextPrice).
    private readonly bool _secant;

    // False: per-shift maxima by prices alone, as before count mode (for A/B builds). True: the first one a pass breaks
    // is counted in the state from the next pass when that fits the budget (count mode, see TryCount).
    private readonly bool _countMode;

    // Count mode this solve: the shift type counted (-1 none) and its units (its maximum + 1; 0 none).
    private int _countedShift = -1;
    private int _countUnits;

    // Per date, this pass: the weekends with a date after it on which the worker can take a duty (saturation: a count that
    // all of them cannot push over the maximum).
    private readonly int[] _weekendsAfter;

    public WorkerScheduleDp(CompiledProblem p, bool weekendPruning = true, bool secant = true, bool fusedDay = true, bool countMode = true)
    {
        _p = p;
        _countMode = countMode;
        _fusedDay = fusedDay;
        _dayMinuteCost = new double[p.ShiftCount];
        _dayShiftPrice = new double[p.ShiftCount];
        _weekendPruning = weekendPruning;
        _secant = secant;
        _weekendsAfter = new int[p.Days];
        _lambda = new double[p.WorkerCount];
        _mu = new double[p.ShiftCount];
        _counts = new int[p.ShiftCount];
        _weekMinutes = new int[Math.Max(1, p.WeekCount)];
        _nu = new double[Math.Max(1, p.WeekCount)];
        _bestPrice = new double[p.Days * p.ShiftCount];
        _open = new int[p.ShiftCount];
        _openPrice = new double[p.Days * p.ShiftCount];
        _usualOpenBlocked = new bool[p.ShiftCount * p.ShiftCount];
        _usualOpenBlocked2 = new bool[p.ShiftCount * p.ShiftCount];
        _openBlocked = new bool[p.Days][];
        _openBlocked2 = new bool[p.Days][];
        Array.Fill(_openBlocked, _usualOpenBlocked);
        Array.Fill(_openBlocked2, _usualOpenBlocked2);
        _openMinutes = new int[p.ShiftCount];
        _openUnits = new int[p.ShiftCount];
        _bestSlot = new int[p.Days * p.ShiftCount];
        _offPrice = new double[p.Days];
        _row = new int[p.Days];
        _nearest = new int[p.Days];
        _below = new int[p.Days];
        _above = new int[p.Days];
        _minutePrefix = new int[p.Days + 1];
        _costPrefix = new double[p.Days + 1];
        _cleanCut = new bool[p.Days + 1];
        _need = new int[p.Days];
        _scratchAssign = new int[p.WorkerCount * p.Days];
        _shiftScratch = new int[Math.Max(1, p.ShiftCount)];
        _weekScratch = new int[Math.Max(1, p.WeekCount)];
        var avgMinutes = p.ShiftMinutes.Length == 0 ? MinutesWithoutShifts : p.ShiftMinutes.Average();
        _baseStep = BaseStepPerShift / avgMinutes;
        _maxShiftMinutes = p.ShiftMinutes.Length == 0 ? 1 : p.ShiftMinutes.Max();
        _unit = p.ShiftMinutes.Aggregate(0, Gcd);
        if (_unit == 0)
        {
            _unit = 1;
        }

        _units = p.ShiftMinutes.Select(m => m / _unit).ToArray();
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// Worker <paramref name="w"/>'s warm-start minute price (the one the last solve that found a row settled on). A lane
    /// solves with the price the search held when the row was drawn and hands the new one back with the row, so a row never
    /// depends on which lane solved the worker before.
    /// </summary>
    public double MinutePrice(int w) => _lambda[w];

    /// <summary>Sets worker <paramref name="w"/>'s warm-start minute price (<see cref="MinutePrice"/>).</summary>
    public void SetMinutePrice(int w, double price) => _lambda[w] = price;

    /// <summary>Copies every worker's warm-start minute price into <paramref name="target"/>.</summary>
    public void CopyMinutePricesTo(double[] target) => Array.Copy(_lambda, target, _lambda.Length);

    /// <summary>Takes every worker's warm-start minute price from <paramref name="source"/>.</summary>
    public void LoadMinutePrices(double[] source) => Array.Copy(source, _lambda, _lambda.Length);

    /// <summary>Finds the best row for worker <paramref name="w"/> into <paramref name="result"/>; false when none satisfies the minute and count rules.</summary>
    /// <remarks>
    /// With <paramref name="rng"/>, every price gets a random nudge below 1 / days in total, so among
    /// rows of equal integer cost a random one wins: the search can walk plateaus instead of
    /// returning the same tie forever.
    /// </remarks>
    public bool Solve(ICoverView ev, int w, int[] result, Random? rng = null)
    {
        Price(ev, w, rng);
        return SolvePriced(ev, w, result);
    }

    /// <summary>
    /// As <see cref="Solve"/>, with worker <paramref name="w"/> forced onto slot <paramref name="slot"/> on date
    /// <paramref name="date"/> (every other choice of that date, a day off included, priced out): the best row that takes
    /// that duty, into <paramref name="result"/>. False when no row takes it (the slot is not allowed there, or every row
    /// through it breaks the minute and count rules the DP enforces). A row returned always has the duty: the fallbacks
    /// (exact minutes, splice, repair) only combine or edit rows priced this way, and the repair never clears a date whose
    /// day off is priced out. The ejection chain's link (<see cref="Search.EjectionChainMove"/>).
    /// </summary>
    public bool SolveTaking(ICoverView ev, int w, int date, int slot, int[] result, Random? rng = null)
    {
        Price(ev, w, rng, date, slot);
        return SolvePriced(ev, w, result) && result[date] == slot;
    }

    /// <summary>
    /// As <see cref="Solve"/>, with worker <paramref name="w"/>'s row kept as it stands outside the dates
    /// [<paramref name="from"/>, <paramref name="to"/>) (every other choice there priced out): the best row that changes
    /// only that window, into <paramref name="result"/>, its rules (runs, rest, minutes, counts) judged over the whole
    /// horizon as ever. The worker's warm-start minute price is left as it was (a window's price is not the row's).
    /// False when no such row keeps the rules the DP enforces. The window ruin's rebuild (<see cref="Search.WindowRuinMove"/>).
    /// </summary>
    public bool SolveWindow(ICoverView ev, int w, int from, int to, int[] result, Random? rng = null)
    {
        var price = _lambda[w];
        Price(ev, w, rng, windowFrom: from, windowTo: to);
        var found = SolvePriced(ev, w, result);
        _lambda[w] = price;
        return found;
    }

    /// <summary>The rest of <see cref="Solve"/> once <see cref="Price"/> has priced worker <paramref name="w"/>'s choices.</summary>
    private bool SolvePriced(ICoverView ev, int w, int[] result)
    {
        var r = _p.Rules[_p.WorkerRules[w]];
        OpenShifts(r);
        Array.Clear(_mu);
        Array.Clear(_nu);
        if (SearchMinutePrice(w, r, result, out var rounds))
        {
            return true;
        }

        // Minute prices can jump over a narrow [min, max] window (mixed shift lengths): fall back to
        // tracking minutes exactly when the state space is small enough.
        var exact = ExactUnits(r);
        if (exact > 0)
        {
            Array.Clear(_mu);
            Array.Clear(_nu);
            if (SolveExact(r, exact, result))
            {
                return true;
            }
        }

        // Too large to track exactly: when the prices gave rows on both sides of the window, splice them; else repair
        // the row nearest the window one day at a time. The evaluator judges the result like any move.
        if (rounds.BelowMinutes >= 0 && rounds.AboveMinutes >= 0 && Splice(ev, w, r, result))
        {
            return true;
        }

        if (rounds.NearestMiss != int.MaxValue)
        {
            Repair(w, r);
            Array.Copy(_nearest, result, _p.Days);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The first phase: shortest paths under a price per minute worked, bisected (at most <see cref="MaxRounds"/>
    /// passes, warm-started from the price that worked last time for this worker) until the row's minutes fall in
    /// the worker's window; the cheapest such row goes to <paramref name="result"/>. Otherwise keeps the row nearest
    /// the window in <see cref="_nearest"/> and the nearest on each side in <see cref="_below"/> and <see cref="_above"/>
    /// (<paramref name="rounds"/> says how far, and at what price).
    /// </summary>
    private bool SearchMinutePrice(int w, CompiledRules r, int[] result, out MinuteRounds rounds)
    {
        // Phases per round: the priced shortest path (Run), the count and week check, then Judge keeps the row and
        // narrows the bracket; the bracket picks the next price.
        var lambda = _lambda[w];
        var bracket = new MinutePriceBracket(Math.Max(_baseStep, Math.Abs(lambda)));
        rounds = new MinuteRounds();
        var tie = double.NaN;
        var pricesRaised = false;
        for (var round = 0; round < MaxRounds; round++)
        {
            if (!Run(r, lambda, _countUnits, out var trueCost))
            {
                break;
            }

            if (!RespectsCountsAndWeeks(r, mayCount: true, out var minutes))
            {
                (pricesRaised, tie) = (true, double.NaN);
                continue;
            }

            // At the secant price no row below the line through the two nearest rows: no price puts one between them.
            var edge = !double.IsNaN(tie) && trueCost + (lambda * minutes) >= tie - (1e-9 * (1 + Math.Abs(tie)));
            if (!Judge(r, lambda, trueCost, minutes, result, ref rounds, ref bracket) || (edge && !rounds.Found) || !NextPrice(ref bracket, rounds, !pricesRaised, ref lambda, out tie))
            {
                break;
            }
        }

        LeaveCountMode();
        if (rounds.Found)
        {
            _lambda[w] = bracket.Feasible;
        }

        return rounds.Found;
    }

    /// <summary>
    /// The next price into <paramref name="lambda"/>. Before any row in the window, once the nearest rows below and above
    /// it are known under the same prices (<paramref name="samePrices"/>: no per-shift or weekly price raised), the price at
    /// which they cost the same (the secant of the lower hull of cost against minutes; their tied priced cost into
    /// <paramref name="tie"/>): a row cheaper there lies strictly between them, and none proves no price finds one.
    /// Else the bracket's bisection (<paramref name="tie"/> NaN). False when the bracket is done.
    /// </summary>
    private bool NextPrice(ref MinutePriceBracket bracket, in MinuteRounds rounds, bool samePrices, ref double lambda, out double tie)
    {
        tie = double.NaN;
        if (_secant && samePrices && !rounds.Found && rounds.BelowMinutes >= 0 && rounds.AboveMinutes >= 0)
        {
            var price = (rounds.BelowCost - rounds.AboveCost) / (rounds.AboveMinutes - rounds.BelowMinutes);
            if (price > bracket.TooLow && price < bracket.TooHigh)
            {
                lambda = price;
                tie = rounds.BelowCost + (price * rounds.BelowMinutes);
                return true;
            }
        }

        return bracket.Next(_baseStep, ref lambda);
    }

    /// <summary>
    /// One round's row (<see cref="_row"/>, <paramref name="minutes"/> worked at <paramref name="trueCost"/>): kept in
    /// <see cref="_nearest"/> when it misses the minute window by less than any before (ties: cheaper), or in
    /// <paramref name="result"/> when it lies in the window and is the cheapest so far; the price goes to the bracket's
    /// side it showed. False when the price 0 already fits (nothing cheaper exists).
    /// </summary>
    private bool Judge(CompiledRules r, double lambda, double trueCost, int minutes, int[] result, ref MinuteRounds rounds, ref MinutePriceBracket bracket)
    {
        var miss = minutes < r.MinMinutes ? r.MinMinutes - minutes : minutes > r.MaxMinutes ? minutes - r.MaxMinutes : 0;
        if (miss > 0 && (miss < rounds.NearestMiss || (miss == rounds.NearestMiss && trueCost < rounds.NearestCost)))
        {
            rounds.NearestMiss = miss;
            rounds.NearestCost = trueCost;
            Array.Copy(_row, _nearest, _p.Days);
        }

        if (minutes < r.MinMinutes)
        {
            KeepSide(_below, minutes, trueCost, minutes > rounds.BelowMinutes, ref rounds.BelowMinutes, ref rounds.BelowCost);
            bracket.TooHigh = lambda;
            return true;
        }

        if (minutes > r.MaxMinutes)
        {
            KeepSide(_above, minutes, trueCost, rounds.AboveMinutes < 0 || minutes < rounds.AboveMinutes, ref rounds.AboveMinutes, ref rounds.AboveCost);
            bracket.TooLow = lambda;
            return true;
        }

        if (trueCost < rounds.BestTrue)
        {
            rounds.BestTrue = trueCost;
            Array.Copy(_row, result, _p.Days);
            rounds.Found = true;
        }

        bracket.Feasible = lambda;
        return lambda != 0;
    }

    /// <summary>
    /// Keeps this round's row in <paramref name="side"/> (<see cref="_below"/> or <see cref="_above"/>) when it is
    /// <paramref name="nearer"/> the window than the side's row so far, or as near and cheaper.
    /// </summary>
    private void KeepSide(int[] side, int minutes, double trueCost, bool nearer, ref int sideMinutes, ref double sideCost)
    {
        if (nearer || (minutes == sideMinutes && trueCost < sideCost))
        {
            sideMinutes = minutes;
            sideCost = trueCost;
            Array.Copy(_row, side, _p.Days);
        }
    }

    /// <summary>
    /// What the rounds of <see cref="SearchMinutePrice"/> found so far: a row in the window and its cost, the nearest
    /// miss, and the minutes and cost of the nearest row below and above the window (-1 minutes: none yet).
    /// </summary>
    private struct MinuteRounds()
    {
        public bool Found;
        public double BestTrue = double.PositiveInfinity;
        public int NearestMiss = int.MaxValue;
        public double NearestCost = double.PositiveInfinity;
        public int BelowMinutes = -1;
        public double BelowCost = double.PositiveInfinity;
        public int AboveMinutes = -1;
        public double AboveCost = double.PositiveInfinity;
    }

    /// <summary>
    /// The minute price's bisection: prices known to give too few minutes (too high), too many (too low) and a
    /// feasible one (NaN when not seen). Doubles its step outward until both sides are known, then halves.
    /// </summary>
    private struct MinutePriceBracket(double step)
    {
        public double TooHigh = double.NaN;
        public double TooLow = double.NaN;
        public double Feasible = double.NaN;
        private double _step = step;

        /// <summary>The next price to try into <paramref name="lambda"/>; false when a feasible price is within a quarter step of the other side.</summary>
        public bool Next(double baseStep, ref double lambda)
        {
            if (!double.IsNaN(Feasible))
            {
                // Move the price back towards zero: the closer to zero, the closer to the true optimum.
                var other = Feasible < 0 ? TooHigh : TooLow;
                if (double.IsNaN(other))
                {
                    other = 0;
                }

                if (Math.Abs(other - Feasible) < baseStep * BracketResolution)
                {
                    return false;
                }

                lambda = (Feasible + other) / 2;
            }
            else if (!double.IsNaN(TooHigh) && !double.IsNaN(TooLow))
            {
                lambda = (TooHigh + TooLow) / 2;
            }
            else if (!double.IsNaN(TooHigh))
            {
                lambda = TooHigh - _step;
                _step *= 2;
            }
            else
            {
                lambda = TooLow + _step;
                _step *= 2;
            }

            return true;
        }
    }
}
