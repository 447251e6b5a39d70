using System.Runtime.CompilerServices;

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
/// from the worker's last price; per-shift maxima and weekly minutes with prices raised while broken
/// (one-sided rules). When the price jumps over a narrow [min, max] window, the minutes become part of
/// the state (gcd units) if that stays under a budget, else the nearest row is repaired one day at a
/// time. Every row is judged by the evaluator afterwards; fairness is left to it entirely.
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
    private readonly bool[] _openBlocked;
    private readonly bool[] _openBlocked2;
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
    private double[] _value = [];
    private int[] _back = [];

    public WorkerScheduleDp(CompiledProblem p)
    {
        _p = p;
        _lambda = new double[p.WorkerCount];
        _mu = new double[p.ShiftCount];
        _counts = new int[p.ShiftCount];
        _weekMinutes = new int[Math.Max(1, p.WeekCount)];
        _nu = new double[Math.Max(1, p.WeekCount)];
        _bestPrice = new double[p.Days * p.ShiftCount];
        _open = new int[p.ShiftCount];
        _openPrice = new double[p.Days * p.ShiftCount];
        _openBlocked = new bool[p.ShiftCount * p.ShiftCount];
        _openBlocked2 = new bool[p.ShiftCount * p.ShiftCount];
        _openMinutes = new int[p.ShiftCount];
        _openUnits = new int[p.ShiftCount];
        _bestSlot = new int[p.Days * p.ShiftCount];
        _offPrice = new double[p.Days];
        _row = new int[p.Days];
        _nearest = new int[p.Days];
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

    /// <summary>Finds the best row for worker <paramref name="w"/> into <paramref name="result"/>; false when none satisfies the minute and count rules.</summary>
    /// <remarks>
    /// With <paramref name="rng"/>, every price gets a random nudge below 1 / days in total, so among
    /// rows of equal integer cost a random one wins: the search can walk plateaus instead of
    /// returning the same tie forever.
    /// </remarks>
    public bool Solve(RosterEvaluator ev, int w, int[] result, Random? rng = null)
    {
        var r = _p.Rules[_p.WorkerRules[w]];
        Price(ev, w, rng);
        OpenShifts(r);
        Array.Clear(_mu);
        Array.Clear(_nu);
        if (SearchMinutePrice(w, r, result, out var nearestMiss))
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

        // Too large to track exactly: repair the row nearest the minute window one day at a time;
        // the evaluator judges the result like any move.
        if (nearestMiss != int.MaxValue)
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
    /// the window in <see cref="_nearest"/> (<paramref name="nearestMiss"/> minutes away, int.MaxValue when none).
    /// </summary>
    private bool SearchMinutePrice(int w, CompiledRules r, int[] result, out int nearestMiss)
    {
        // Phases per round: the priced shortest path (Run), the count and week check, then Judge keeps the row and
        // narrows the bracket; the bracket picks the next price.
        var lambda = _lambda[w];
        var bracket = new MinutePriceBracket(Math.Max(_baseStep, Math.Abs(lambda)));
        var rounds = new MinuteRounds();
        for (var round = 0; round < MaxRounds; round++)
        {
            if (!Run(r, lambda, 0, out var trueCost))
            {
                break;
            }

            if (!RespectsCountsAndWeeks(r, out var minutes))
            {
                continue;
            }

            if (!Judge(r, lambda, trueCost, minutes, result, ref rounds, ref bracket) || !bracket.Next(_baseStep, ref lambda))
            {
                break;
            }
        }

        if (rounds.Found)
        {
            _lambda[w] = bracket.Feasible;
        }

        nearestMiss = rounds.NearestMiss;
        return rounds.Found;
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
            bracket.TooHigh = lambda;
            return true;
        }

        if (minutes > r.MaxMinutes)
        {
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

    /// <summary>What the rounds of <see cref="SearchMinutePrice"/> found so far: a row in the window and its cost, and the nearest miss.</summary>
    private struct MinuteRounds()
    {
        public bool Found;
        public double BestTrue = double.PositiveInfinity;
        public int NearestMiss = int.MaxValue;
        public double NearestCost = double.PositiveInfinity;
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

    /// <summary>One shortest-path pass with the given minute price and the current shift prices; fills <see cref="_row"/>.</summary>
    /// <remarks>With <paramref name="unitCount"/> &gt; 0, total minutes (in gcd units) are part of the state and the bounds are exact.</remarks>
    private bool Run(CompiledRules r, double lambda, int unitCount, out double trueCost)
    {
        var layout = StateLayout.Of(_p, r, unitCount, _openCount);
        var cells = layout.Count * _p.Days;
        if (_value.Length < cells)
        {
            _value = new double[cells];
            _back = new int[cells];
        }

        Array.Fill(_value, double.PositiveInfinity, 0, cells);
        StartFirstDay(layout, lambda);
        for (var d = 1; d < _p.Days; d++)
        {
            ExtendDay(layout, r, lambda, d);
        }

        var best = BestLastState(layout, r);
        trueCost = 0;
        if (best < 0)
        {
            return false;
        }

        trueCost = ReadBack(layout, best);
        return true;
    }

    /// <summary>Day 0: off, or any shift as the first day of a run that touches the start (border 1).</summary>
    private void StartFirstDay(in StateLayout layout, double lambda)
    {
        var p = _p;
        if (!double.IsPositiveInfinity(_offPrice[0]))
        {
            Relax(_value, _back, layout.Index(layout.Off(0, 1), 0, 0), _offPrice[0], -1);
        }

        var weekends = p.WeekendOfDay[0] >= 0 && layout.TrackWeekends ? 1 : 0;
        var minutePrice = lambda + _nu[p.WeekOfDay[0]];
        for (var t = 0; t < layout.Shifts; t++)
        {
            var price = _openPrice[t];
            var units = layout.Exact ? _openUnits[t] : 0;
            if (double.IsPositiveInfinity(price) || weekends >= layout.WeekendCounts || units >= layout.MinuteUnits)
            {
                continue;
            }

            Relax(_value, _back, layout.Index(layout.Work(t, 0, 1), weekends, units), price + (minutePrice * _openMinutes[t]) + _mu[_open[t]], -1);
        }
    }

    /// <summary>Day <paramref name="d"/> from day d - 1: every reached state goes off or works each allowed shift.</summary>
    private void ExtendDay(in StateLayout layout, CompiledRules r, double lambda, int d)
    {
        var p = _p;
        var n = layout.Count;
        var row = d * n;
        var prevRow = (d - 1) * n;
        var offPrice = _offPrice[d];
        var weekend = p.WeekendOfDay[d];
        var sameWeekend = weekend >= 0 && p.WeekendOfDay[d - 1] == weekend;
        var minutePrice = lambda + _nu[p.WeekOfDay[d]];
        for (var ps = 0; ps < n; ps++)
        {
            var v = _value[prevRow + ps];
            if (double.IsPositiveInfinity(v))
            {
                continue;
            }

            var from = layout.Decode(ps);
            if (!double.IsPositiveInfinity(offPrice))
            {
                OffToday(layout, r, from, row, v + offPrice, ps);
            }

            WorkToday(layout, r, from, d, v, minutePrice, weekend >= 0 && !(from.IsWork && sameWeekend), ps);
        }
    }

    /// <summary>Off today: a run of duties closes (long enough unless it touched the start), or the off run grows.</summary>
    private void OffToday(in StateLayout layout, CompiledRules r, in DayState from, int row, double candidate, int ps)
    {
        int to;
        if (from.IsWork)
        {
            if (from.Border == 0 && from.Run + 1 < r.MinConsecutive)
            {
                return;
            }

            to = layout.TrackAfterOff ? layout.AfterOff(from.Shift) : layout.Off(0, 0);
        }
        else
        {
            to = layout.Off(Math.Min(from.Off + 1, layout.OffCap - 1), from.Border);
        }

        Relax(_value, _back, row + layout.Index(to, from.Weekends, from.Units), candidate, ps);
    }

    /// <summary>
    /// A shift today: the run grows (cut at the maximum, or saturating when only a minimum counts) or a new run starts
    /// after enough days off; a new weekend counts once; forbidden successions and rest across one date off are kept.
    /// </summary>
    private void WorkToday(in StateLayout layout, CompiledRules r, in DayState from, int d, double v, double minutePrice, bool newWeekend, int ps)
    {
        if (!NextWorkState(layout, r, from, newWeekend, out var weekends, out var run, out var border))
        {
            return;
        }

        var shifts = layout.Shifts;
        var row = d * layout.Count;
        for (var t = 0; t < shifts; t++)
        {
            var price = _openPrice[(d * shifts) + t];
            if (double.IsPositiveInfinity(price)
                || (from.IsWork && _openBlocked[(from.Shift * shifts) + t])
                || (from.BeforeOff >= 0 && _openBlocked2[(from.BeforeOff * shifts) + t]))
            {
                continue;
            }

            var units = layout.Exact ? from.Units + _openUnits[t] : 0;
            if (units >= layout.MinuteUnits)
            {
                continue;
            }

            Relax(_value, _back, row + layout.Index(layout.Work(t, run, border), weekends, units), v + price + (minutePrice * _openMinutes[t]) + _mu[_open[t]], ps);
        }
    }

    /// <summary>
    /// The weekends, run and border of a working day after <paramref name="from"/>, whatever the shift; false when no shift
    /// may be worked (a weekend too many, a run at its maximum, or too few days off since the last run).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextWorkState(in StateLayout layout, CompiledRules r, in DayState from, bool newWeekend, out int weekends, out int run, out int border)
    {
        (weekends, run, border) = (from.Weekends, 0, 0);
        if (newWeekend && layout.TrackWeekends && ++weekends >= layout.WeekendCounts)
        {
            return false;
        }

        if (from.IsWork)
        {
            run = layout.LimitedMax ? from.Run + 1 : Math.Min(from.Run + 1, layout.RunCap - 1);
            border = from.Border;
            return !(layout.LimitedMax && from.Run + 2 > r.MaxConsecutive);
        }

        return !(from.Border == 0 && from.Off + 1 < r.MinDaysOff);
    }

    /// <summary>The cheapest state of the last day (within the minute window in exact mode), or -1 when none is reached.</summary>
    private int BestLastState(in StateLayout layout, CompiledRules r)
    {
        var n = layout.Count;
        var lastRow = (_p.Days - 1) * n;
        var best = -1;
        for (var s = 0; s < n; s++)
        {
            if (layout.Exact)
            {
                var minutes = s % layout.MinuteUnits * _unit;
                if (minutes < r.MinMinutes || minutes > r.MaxMinutes)
                {
                    continue;
                }
            }

            if (!double.IsPositiveInfinity(_value[lastRow + s]) && (best < 0 || _value[lastRow + s] < _value[lastRow + best]))
            {
                best = s;
            }
        }

        return best;
    }

    /// <summary>Walks the back pointers from <paramref name="state"/> on the last day into <see cref="_row"/>; returns the row's unpriced cost.</summary>
    private double ReadBack(in StateLayout layout, int state)
    {
        var shifts = _p.ShiftCount;
        var trueCost = 0.0;
        for (var d = _p.Days - 1; d >= 0; d--)
        {
            if (layout.IsWork(state))
            {
                var t = _open[layout.ShiftOf(state)];
                _row[d] = _bestSlot[(d * shifts) + t];
                trueCost += _bestPrice[(d * shifts) + t];
            }
            else
            {
                _row[d] = -1;
                trueCost += _offPrice[d];
            }

            state = _back[(d * layout.Count) + state];
        }

        return trueCost;
    }

    private static void Relax(double[] value, int[] back, int index, double candidate, int from)
    {
        if (candidate < value[index])
        {
            value[index] = candidate;
            back[index] = from;
        }
    }
}
