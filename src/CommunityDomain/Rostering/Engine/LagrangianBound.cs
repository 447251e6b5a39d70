namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// A lower bound on the soft score of every roster that breaks no hard rule: the Lagrangian relaxation of
/// cover and of the per-worker totals, with the per-worker subproblem solved exactly by a shortest path.
/// </summary>
/// <remarks>
/// For any prices, the relaxed minimum is at most the soft score of every hard-valid roster:
/// <list type="bullet">
/// <item>Cover: each demand's count y is priced by λ (any sign) and chosen freely within its hard range
/// [minimum, min(maximum, eligible workers)]; the workers pay λ for each duty they take, so for the true
/// counts the prices cancel.</item>
/// <item>Per worker, the rules kept exactly in the path are a relaxation of the real ones (eligibility and
/// pins, one choice per date, forbidden successions and rest or overlap between consecutive dates, runs
/// of duties and days off with the score's own border exemptions). When the worker's total-minute limits or
/// weekend maximum bind and the path stays small (<see cref="ExactBudget"/>), those are kept exactly too, with
/// weekends worked and minutes (gcd units) in the state: a tighter relaxation (Instance1 429 -> 558 of 607).
/// Otherwise they are priced, like the weekly and per-shift maxima always are, by non-negative multipliers
/// whose terms are never positive on a valid schedule. Rest across one free date is dropped (a relaxation).</item>
/// <item>Fairness is never negative and is left out.</item>
/// </list>
/// The prices follow Polyak subgradient steps towards the planner's best score. Every iterate gives a
/// valid bound, so stopping early (time limit, cancellation) only weakens it. If a worker's relaxed
/// problem has no path, or a demand's minimum exceeds what its eligible workers can give, no roster can
/// keep every hard rule and the bound is null. Source: Fisher (1981), "The Lagrangian relaxation method
/// for solving integer programming problems", Management Science 27(1); Held, Wolfe and Crowder (1974)
/// for the step rule.
/// </remarks>
internal sealed class LagrangianBound
{
    private const double Infinity = double.PositiveInfinity;

    // Far above any soft score a roster can reach (each point is a person-shift or a wish weight), far below long.MaxValue.
    private const double Unbounded = 1e17;

    private readonly CompiledProblem _p;
    private readonly int _t;
    private readonly int _s;
    private readonly int _days;

    // Minute prices are per mean shift length, so a minute limit's subgradient is in shifts, on the scale of the
    // cover counts' (per hour, it dwarfed them and the cover prices barely moved).
    private readonly double _unit;

    // Prices. Cover: per day * SlotCount + slot. Per worker: minutes (per mean shift length, above the maximum / below the
    // minimum), weekly minutes (same unit, per worker * WeekCount + week), per shift (worker * ShiftCount + t), weekends.
    private readonly double[] _lambda;
    private readonly double[] _overMinutes;
    private readonly double[] _underMinutes;
    private readonly double[] _week;
    private readonly double[] _perShift;
    private readonly double[] _weekend;

    // Subgradients and the current solution's counts.
    private readonly int[] _count;
    private readonly int[] _y;
    private readonly int[] _minutes;
    private readonly int[] _weekMinutes;
    private readonly int[] _shiftCount;
    private readonly int[] _weekends;
    private readonly int[] _hi;

    // Path scratch: per day and shift the cheapest slot and its price; DP values and back pointers.
    private readonly double[] _slotCost;
    private readonly int[] _slotOf;
    private double[] _value;
    private double[] _next;
    private readonly int[] _back;
    private readonly int[] _order;
    private readonly int[] _open;
    private int _openCount;
    private readonly int[] _path;

    // The exact path's scratch (see ExactPath), grown on first use.
    private double[] _xValue = [];
    private double[] _xNext = [];
    private int[] _xBack = [];
    private readonly int _gcd;
    private readonly int[] _units;

    // SortByValue's key, set before each sort: one comparison delegate for the bound's whole life, so sorting the
    // shifts in the per-day loop allocates nothing (a lambda per call allocated a closure, a comparer and a delegate).
    private readonly Comparison<int> _byValue;
    private int _sortRun;
    private int _sortBorder;
    private int _sortRunCap;

    private LagrangianBound(CompiledProblem p)
    {
        _p = p;
        _t = p.ShiftCount;
        _s = p.SlotCount;
        _days = p.Days;
        _unit = p.ShiftCount == 0 ? 1.0 : Math.Max(1.0, p.ShiftMinutes.Average());
        _lambda = new double[_days * _s];
        _overMinutes = new double[p.WorkerCount];
        _underMinutes = new double[p.WorkerCount];
        _week = new double[p.WorkerCount * p.WeekCount];
        _perShift = new double[p.WorkerCount * _t];
        _weekend = new double[p.WorkerCount];
        _count = new int[_days * _s];
        _y = new int[_days * _s];
        _minutes = new int[p.WorkerCount];
        _weekMinutes = new int[p.WorkerCount * p.WeekCount];
        _shiftCount = new int[p.WorkerCount * _t];
        _weekends = new int[p.WorkerCount];
        _hi = new int[_days * _s];
        _slotCost = new double[_days * _t];
        _slotOf = new int[_days * _t];
        var states = 0;
        for (var w = 0; w < p.WorkerCount; w++)
        {
            states = Math.Max(states, States(p.Rules[p.WorkerRules[w]]));
        }

        _value = new double[states];
        _next = new double[states];
        _back = new int[_days * states];
        _order = new int[_t];
        _open = new int[_t];
        _path = new int[_days];
        _gcd = Math.Max(1, p.ShiftMinutes.Aggregate(0, (a, b) => b == 0 ? a : Gcd(a, b)));
        _units = p.ShiftMinutes.Select(m => m / _gcd).ToArray();
        _byValue = (x, y) => _value[WorkState(x, _sortRun, _sortBorder, _sortRunCap)].CompareTo(_value[WorkState(y, _sortRun, _sortBorder, _sortRunCap)]);
    }

    /// <summary>Rough operations per subgradient iteration, to size the iteration budget.</summary>
    public static long CostPerIteration(CompiledProblem p) =>
        Math.Max(1L, (long)p.WorkerCount * p.Days * ((long)p.ShiftCount * p.ShiftCount * 2 * RunCap(p) + p.SlotCount + 8));

    /// <summary>
    /// The bound (rounded up: scores are whole numbers), or null when the relaxation proves that no roster
    /// keeps every hard rule. <paramref name="upper"/> is the soft score of a hard-valid roster when one is known.
    /// </summary>
    public static long? Compute(CompiledProblem p, long? upper, int iterations, Func<bool> stop)
    {
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            // Nobody to place: the only roster is empty (its cover cost is the bound, exactly).
            return EmptyRoster(p);
        }

        return new LagrangianBound(p).Run(upper, iterations, stop);
    }

    private static long? EmptyRoster(CompiledProblem p)
    {
        long sum = 0;
        for (var i = 0; i < p.Required.Length; i++)
        {
            if (p.Required[i] >= 0)
            {
                if (p.Minimum[i] > 0)
                {
                    return null;
                }

                sum += p.CoverCostSoft(i, 0);
            }
        }

        return sum;
    }

    private static int RunCap(CompiledProblem p)
    {
        var cap = 1;
        foreach (var r in p.Rules)
        {
            cap = Math.Max(cap, RunCap(r));
        }

        return cap;
    }

    private static int RunCap(CompiledRules r) =>
        r.MaxConsecutive != CompiledRules.Unlimited ? Math.Max(1, r.MaxConsecutive) : Math.Max(1, r.MinConsecutive);

    private static int OffCap(CompiledRules r) => Math.Max(1, r.MinDaysOff);

    private int States(CompiledRules r) => (_t * RunCap(r) * 2) + (OffCap(r) * 2);

    private long? Run(long? upper, int iterations, Func<bool> stop)
    {
        var eligible = EligibleWorkers();
        for (var i = 0; i < _hi.Length; i++)
        {
            _hi[i] = _p.Required[i] < 0 ? 0 : Math.Min(_p.Maximum[i], eligible[i]);
            if (_p.Required[i] >= 0 && _p.Minimum[i] > _hi[i])
            {
                return null;
            }
        }

        var best = double.NegativeInfinity;
        var theta = 2.0;
        var sinceBest = 0;
        for (var k = 0; k < Math.Max(1, iterations); k++)
        {
            if (k > 0 && stop())
            {
                break;
            }

            var value = Evaluate();
            if (double.IsPositiveInfinity(value) || value >= Unbounded)
            {
                return null;
            }

            if (double.IsNaN(value))
            {
                break;
            }

            if (value > best + 1e-9)
            {
                best = value;
                sinceBest = 0;
            }
            else if (++sinceBest >= 20)
            {
                theta /= 2;
                sinceBest = 0;
            }

            var target = upper is { } u && u > best ? u : best + Math.Max(1.0, Math.Abs(best) * 0.05);
            if ((upper is { } ub && Math.Ceiling(best - 1e-6) >= ub) || theta < 1e-4)
            {
                break;
            }

            Step(theta * (target - value));
        }

        // Soft scores are non-negative, so 0 is always valid. A relaxed value beyond any score a roster can have
        // means the prices grew without limit: the dual is unbounded, so no roster keeps every hard rule.
        if (double.IsNaN(best) || best <= 0)
        {
            return 0;
        }

        return best >= Unbounded ? null : (long)Math.Ceiling(best - 1e-6);
    }

    /// <summary>Per day * SlotCount + slot, how many workers may take it: one pass over the workers' choices in storage order.</summary>
    private int[] EligibleWorkers()
    {
        var eligible = new int[_days * _s];
        for (var w = 0; w < _p.WorkerCount; w++)
        {
            for (var d = 0; d < _days; d++)
            {
                for (var s = 0; s < _s; s++)
                {
                    if (_p.Allowed[_p.ChoiceIndex(w, d, s + 1)])
                    {
                        eligible[(d * _s) + s]++;
                    }
                }
            }
        }

        return eligible;
    }

    /// <summary>The relaxed minimum at the current prices; fills the counts the subgradient needs.</summary>
    private double Evaluate()
    {
        var total = 0.0;
        Array.Clear(_count);
        for (var w = 0; w < _p.WorkerCount; w++)
        {
            var worker = Worker(w);
            if (double.IsPositiveInfinity(worker))
            {
                return Infinity;
            }

            total += worker;
        }

        for (var i = 0; i < _lambda.Length; i++)
        {
            var req = _p.Required[i];
            if (req < 0)
            {
                continue;
            }

            // Convex piecewise-linear in y: the minimum is at an end of the range or at the requirement.
            var lo = _p.Minimum[i];
            var hi = _hi[i];
            var bestY = lo;
            var bestV = _p.CoverCostSoft(i, lo) - (_lambda[i] * lo);
            foreach (var y in (ReadOnlySpan<int>)[Math.Clamp(req, lo, hi), hi])
            {
                var v = _p.CoverCostSoft(i, y) - (_lambda[i] * y);
                if (v < bestV)
                {
                    bestV = v;
                    bestY = y;
                }
            }

            _y[i] = bestY;
            total += bestV;
        }

        return total;
    }

    /// <summary>One worker's exact best path under the prices, plus the constant terms of their multipliers.</summary>
    private double Worker(int w)
    {
        var p = _p;
        var r = p.Rules[p.WorkerRules[w]];
        var perHour = _overMinutes[w] - _underMinutes[w];

        // The cheapest slot per day and shift, with every price that depends on the choice alone.
        for (var d = 0; d < _days; d++)
        {
            var week = _week[(w * p.WeekCount) + p.WeekOfDay[d]];
            for (var t = 0; t < _t; t++)
            {
                _slotCost[(d * _t) + t] = Infinity;
                _slotOf[(d * _t) + t] = -1;
            }

            for (var s = 0; s < _s; s++)
            {
                var ci = p.ChoiceIndex(w, d, s + 1);
                if (!p.Allowed[ci])
                {
                    continue;
                }

                var t = p.SlotShift[s];
                var c = p.ChoiceSoft[ci] + _lambda[(d * _s) + s] + ((perHour + week) * p.ShiftMinutes[t] / _unit) + _perShift[(w * _t) + t];
                if (c < _slotCost[(d * _t) + t])
                {
                    _slotCost[(d * _t) + t] = c;
                    _slotOf[(d * _t) + t] = s;
                }
            }
        }

        OpenShifts();

        var cost = ExactStates(r) is { } exact ? ExactPath(w, r, exact) : PricedPath(w, r);
        if (double.IsPositiveInfinity(cost))
        {
            return Infinity;
        }

        var minutes = 0;
        var weekends = 0;
        var lastWeekend = -1;
        Array.Clear(_shiftCount, w * _t, _t);
        Array.Clear(_weekMinutes, w * p.WeekCount, p.WeekCount);
        for (var d = 0; d < _days; d++)
        {
            var t = _path[d];
            if (t < 0)
            {
                continue;
            }

            _count[(d * _s) + _slotOf[(d * _t) + t]]++;
            minutes += p.ShiftMinutes[t];
            _weekMinutes[(w * p.WeekCount) + p.WeekOfDay[d]] += p.ShiftMinutes[t];
            _shiftCount[(w * _t) + t]++;
            var we = p.WeekendOfDay[d];
            if (we >= 0 && we != lastWeekend)
            {
                weekends++;
                lastWeekend = we;
            }
        }

        _minutes[w] = minutes;
        _weekends[w] = weekends;

        // The multipliers' constant terms: each is a price times a limit, so the sum is never positive on a valid schedule.
        var constant = (-_overMinutes[w] * Limit(r.MaxMinutes) / _unit) + (_underMinutes[w] * r.MinMinutes / _unit) - (_weekend[w] * Limit(r.MaxWeekends));
        for (var k = 0; k < p.WeekCount; k++)
        {
            constant -= _week[(w * p.WeekCount) + k] * Limit(r.MaxWeekMinutes) / _unit;
        }

        for (var t = 0; t < _t; t++)
        {
            constant -= _perShift[(w * _t) + t] * Limit(r.MaxPerShift[t]);
        }

        return cost + constant;
    }

    // An unlimited rule keeps its price at 0, so its limit never enters the sum.
    /// <summary>
    /// Most states x days x open shift types one exact path may cost: a share of 60 M per iteration, between 250,000
    /// (about a millisecond) and 4 M, so a problem of a few dozen workers tracks nearly everyone exactly and a district
    /// of hundreds keeps each path cheap.
    /// </summary>
    private long ExactBudget => Math.Clamp(60_000_000 / Math.Max(1, _p.WorkerCount), 250_000, 4_000_000);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// The sizes of the exact path's extra state (worked weekends, total minutes in gcd units) when the worker's weekend
    /// maximum or minute limits bind and the path fits <see cref="ExactBudget"/>; else null (the priced path).
    /// </summary>
    private (int Weekends, int Units)? ExactStates(CompiledRules r)
    {
        var p = _p;
        var maxShift = 0;
        for (var i = 0; i < _openCount; i++)
        {
            maxShift = Math.Max(maxShift, p.ShiftMinutes[_open[i]]);
        }

        var reachable = (long)_days * maxShift;
        var minutesBind = r.MinMinutes > 0 || r.MaxMinutes < reachable;
        var weekendsBind = r.MaxWeekends < p.WeekendCount;
        if (!minutesBind && !weekendsBind)
        {
            return null;
        }

        var weekends = weekendsBind ? r.MaxWeekends + 1 : 1;
        var units = minutesBind ? (int)(Math.Min(r.MaxMinutes, reachable) / _gcd) + 1 : 1;
        var baseStates = ((long)_openCount * RunCap(r) * 2) + (OffCap(r) * 2);
        var cost = baseStates * weekends * units * _days * Math.Max(1, _openCount);
        return cost <= ExactBudget ? (weekends, units) : null;
    }

    /// <summary>
    /// The path with worked weekends and total minutes (gcd units) in the state, so the weekend maximum and the
    /// minute limits hold exactly instead of by prices (a tighter relaxation: a valid roster keeps them). Otherwise
    /// the same rules as <see cref="PricedPath"/>: runs of duties and days off with the border exemptions,
    /// successions and rest between consecutive dates, eligibility and pins. States: ((base * weekends) + worked
    /// weekends) * units + units so far; base = open shift i worked today as day run of a run with border flag b
    /// (((i * runCap) + run - 1) * 2 + b), or day o of a run of days off (work bases + ((o - 1) * 2) + b).
    /// Fills <see cref="_path"/>; returns the priced cost, or infinity when no path exists.
    /// </summary>
    private double ExactPath(int w, CompiledRules r, (int Weekends, int Units) size)
    {
        var p = _p;
        var k = _openCount;
        var runCap = RunCap(r);
        var offCap = OffCap(r);
        var (wc, uc) = size;
        var workBases = k * runCap * 2;
        var states = (workBases + (offCap * 2)) * wc * uc;
        if (_xValue.Length < states)
        {
            _xValue = new double[states];
            _xNext = new double[states];
        }

        if (_xBack.Length < states * _days)
        {
            _xBack = new int[states * _days];
        }

        var trackWeekends = wc > 1;
        var trackUnits = uc > 1;
        int Index(int baseState, int weekends, int units) => (((baseState * wc) + weekends) * uc) + units;
        int WorkBase(int i, int run, int b) => (((i * runCap) + run - 1) * 2) + b;
        int OffBase(int o, int b) => workBases + ((o - 1) * 2) + b;

        var value = _xValue;
        var next = _xNext;
        Array.Fill(value, Infinity, 0, states);
        var weekend0 = p.WeekendOfDay[0] >= 0;
        for (var i = 0; i < k; i++)
        {
            var t = _open[i];
            var c = _slotCost[t];
            var u = trackUnits ? _units[t] : 0;
            var we = trackWeekends && weekend0 ? 1 : 0;
            if (c < Infinity && u < uc && we < wc)
            {
                value[Index(WorkBase(i, 1, 1), we, u)] = c + (weekend0 ? _weekend[w] : 0);
            }
        }

        if (p.Allowed[p.ChoiceIndex(w, 0, 0)])
        {
            value[Index(OffBase(1, 1), 0, 0)] = p.ChoiceSoft[p.ChoiceIndex(w, 0, 0)];
        }

        for (var d = 1; d < _days; d++)
        {
            Array.Fill(next, Infinity, 0, states);
            var back = d * states;
            var offCi = p.ChoiceIndex(w, d, 0);
            var offAllowed = p.Allowed[offCi];
            var offCost = p.ChoiceSoft[offCi];
            var weekendToday = p.WeekendOfDay[d] >= 0;
            var sameWeekend = weekendToday && p.WeekendOfDay[d - 1] == p.WeekendOfDay[d];
            for (var from = 0; from < states; from++)
            {
                var v = value[from];
                if (v == Infinity)
                {
                    continue;
                }

                var units = from % uc;
                var weekends = from / uc % wc;
                var baseState = from / uc / wc;
                if (baseState < workBases)
                {
                    var b = baseState & 1;
                    var run = ((baseState >> 1) % runCap) + 1;
                    var t1 = _open[(baseState >> 1) / runCap];
                    var grown = r.MaxConsecutive != CompiledRules.Unlimited ? run + 1 : Math.Min(run + 1, runCap);
                    if (grown <= runCap)
                    {
                        var newWeekend = weekendToday && !sameWeekend;
                        var we = weekends + (trackWeekends && newWeekend ? 1 : 0);
                        for (var i = 0; i < k && we < wc; i++)
                        {
                            var t2 = _open[i];
                            var c = _slotCost[(d * _t) + t2];
                            var pair = (t1 * _t) + t2;
                            var u = units + (trackUnits ? _units[t2] : 0);
                            if (c == Infinity || r.Forbidden[pair] || r.Timing[pair] != 0 || u >= uc)
                            {
                                continue;
                            }

                            Relax(next, back, Index(WorkBase(i, grown, b), we, u), v + c + (newWeekend ? _weekend[w] : 0), from);
                        }
                    }

                    if (offAllowed && (b == 1 || run >= r.MinConsecutive))
                    {
                        Relax(next, back, Index(OffBase(1, 0), weekends, units), v + offCost, from);
                    }
                }
                else
                {
                    var off = baseState - workBases;
                    var b = off & 1;
                    var o = (off >> 1) + 1;
                    if (b == 1 || o >= r.MinDaysOff)
                    {
                        var we = weekends + (trackWeekends && weekendToday ? 1 : 0);
                        for (var i = 0; i < k && we < wc; i++)
                        {
                            var t2 = _open[i];
                            var c = _slotCost[(d * _t) + t2];
                            var u = units + (trackUnits ? _units[t2] : 0);
                            if (c == Infinity || u >= uc)
                            {
                                continue;
                            }

                            Relax(next, back, Index(WorkBase(i, 1, 0), we, u), v + c + (weekendToday ? _weekend[w] : 0), from);
                        }
                    }

                    if (offAllowed)
                    {
                        Relax(next, back, Index(OffBase(Math.Min(o + 1, offCap), b), weekends, units), v + offCost, from);
                    }
                }
            }

            (value, next) = (next, value);
        }

        (_xValue, _xNext) = (value, next);
        var end = -1;
        var endValue = Infinity;
        for (var s = 0; s < states; s++)
        {
            // Minutes below the minimum are too few for a valid roster (above the maximum was never reached).
            if (value[s] < endValue && (!trackUnits || s % uc * _gcd >= r.MinMinutes))
            {
                endValue = value[s];
                end = s;
            }
        }

        if (end < 0)
        {
            return Infinity;
        }

        for (var d = _days - 1; d >= 0; d--)
        {
            var baseState = end / uc / wc;
            _path[d] = baseState < workBases ? _open[(baseState >> 1) / runCap] : -1;
            if (d > 0)
            {
                end = _xBack[(d * states) + end];
            }
        }

        return endValue;

        void Relax(double[] to, int back, int index, double candidate, int from)
        {
            if (candidate < to[index])
            {
                to[index] = candidate;
                _xBack[back + index] = from;
            }
        }
    }

    /// <summary>
    /// The path with total minutes and worked weekends priced (the general case): fills <see cref="_path"/> and returns
    /// its priced cost, or infinity when no path keeps the rules the path keeps.
    /// </summary>
    private double PricedPath(int w, CompiledRules r)
    {
        var p = _p;
        var runCap = RunCap(r);
        var offCap = OffCap(r);
        var workStates = _t * runCap * 2;
        var states = workStates + (offCap * 2);
        // Day 0: a run of duties or of days off that touches the start (border flag b = 1).
        Array.Fill(_value, Infinity, 0, states);
        var off0 = p.ChoiceIndex(w, 0, 0);
        for (var i = 0; i < _openCount; i++)
        {
            var t = _open[i];
            var c = _slotCost[t];
            if (c < Infinity)
            {
                _value[WorkState(t, 1, 1, runCap)] = c + (p.WeekendOfDay[0] >= 0 ? _weekend[w] : 0);
            }
        }

        if (p.Allowed[off0])
        {
            _value[workStates + OffIndex(1, 1)] = p.ChoiceSoft[off0];
        }

        for (var d = 1; d < _days; d++)
        {
            Array.Fill(_next, Infinity, 0, states);
            var backRow = d * _back.Length / _days;
            var offCi = p.ChoiceIndex(w, d, 0);
            var weekendToday = p.WeekendOfDay[d] >= 0;
            var sameWeekend = weekendToday && p.WeekendOfDay[d - 1] == p.WeekendOfDay[d];

            // Duty today after a duty yesterday: the run grows (saturating when only a minimum is counted).
            for (var b = 0; b < 2; b++)
            {
                for (var run = 1; run <= runCap; run++)
                {
                    var grown = r.MaxConsecutive != CompiledRules.Unlimited ? run + 1 : Math.Min(run + 1, runCap);
                    if (grown > runCap)
                    {
                        continue;
                    }

                    SortByValue(run, b, runCap);
                    for (var i = 0; i < _openCount; i++)
                    {
                        var t2 = _open[i];
                        var c = _slotCost[(d * _t) + t2];
                        if (c == Infinity)
                        {
                            continue;
                        }

                        // The cheapest compatible predecessor: scan the sorted shifts until one may precede t2.
                        for (var k = 0; k < _openCount; k++)
                        {
                            var t1 = _order[k];
                            var from = WorkState(t1, run, b, runCap);
                            var v = _value[from];
                            if (v == Infinity)
                            {
                                break;
                            }

                            var pair = (t1 * _t) + t2;
                            if (r.Forbidden[pair] || r.Timing[pair] != 0)
                            {
                                continue;
                            }

                            var to = WorkState(t2, grown, b, runCap);
                            var total = v + c + (weekendToday && !sameWeekend ? _weekend[w] : 0);
                            if (total < _next[to])
                            {
                                _next[to] = total;
                                _back[backRow + to] = from;
                            }

                            break;
                        }
                    }
                }
            }

            // Duty today after a day off: a new run (not touching the start); the off run must be long enough
            // unless it touched the start.
            for (var o = 1; o <= offCap; o++)
            {
                for (var b = 0; b < 2; b++)
                {
                    var from = workStates + OffIndex(o, b);
                    var v = _value[from];
                    if (v == Infinity || (b == 0 && o < r.MinDaysOff))
                    {
                        continue;
                    }

                    for (var i = 0; i < _openCount; i++)
                    {
                        var t2 = _open[i];
                        var c = _slotCost[(d * _t) + t2];
                        var to = WorkState(t2, 1, 0, runCap);
                        var total = v + c + (weekendToday ? _weekend[w] : 0);
                        if (total < _next[to])
                        {
                            _next[to] = total;
                            _back[backRow + to] = from;
                        }
                    }
                }
            }

            if (p.Allowed[offCi])
            {
                var offCost = p.ChoiceSoft[offCi];

                // Off today after a duty: the run closes; it must be long enough unless it touched the start.
                for (var i = 0; i < _openCount; i++)
                {
                    var t1 = _open[i];
                    for (var run = 1; run <= runCap; run++)
                    {
                        for (var b = 0; b < 2; b++)
                        {
                            var from = WorkState(t1, run, b, runCap);
                            var v = _value[from];
                            if (v == Infinity || (b == 0 && run < r.MinConsecutive))
                            {
                                continue;
                            }

                            var to = workStates + OffIndex(1, 0);
                            if (v + offCost < _next[to])
                            {
                                _next[to] = v + offCost;
                                _back[backRow + to] = from;
                            }
                        }
                    }
                }

                // Off after off: the off run grows (saturating at the minimum that matters).
                for (var o = 1; o <= offCap; o++)
                {
                    for (var b = 0; b < 2; b++)
                    {
                        var from = workStates + OffIndex(o, b);
                        var v = _value[from];
                        var to = workStates + OffIndex(Math.Min(o + 1, offCap), b);
                        if (v < Infinity && v + offCost < _next[to])
                        {
                            _next[to] = v + offCost;
                            _back[backRow + to] = from;
                        }
                    }
                }
            }

            (_value, _next) = (_next, _value); // today's values become yesterday's without copying them
        }

        var end = -1;
        var endValue = Infinity;
        for (var i = 0; i < states; i++)
        {
            if (_value[i] < endValue)
            {
                endValue = _value[i];
                end = i;
            }
        }

        if (end < 0)
        {
            return Infinity;
        }

        // Walk back to read the path's choices, for the subgradient.
        for (var d = _days - 1; d >= 0; d--)
        {
            _path[d] = end < workStates ? end / (runCap * 2) : -1;
            if (d > 0)
            {
                end = _back[(d * _back.Length / _days) + end];
            }
        }

        return endValue;
    }

    private static double Limit(int value) => value == CompiledRules.Unlimited ? 0 : value;

    private static int WorkState(int t, int run, int b, int runCap) => (((t * runCap) + run - 1) * 2) + b;

    private static int OffIndex(int o, int b) => ((o - 1) * 2) + b;

    /// <summary>
    /// The shift types this worker can take on some date (a finite slot cost), in the problem's order: the path's
    /// loops and sorts run over them only, so a volunteer eligible for 6 of 85 types costs 6 types, not 85 (a
    /// type never open has no finite state, so leaving it out changes no value).
    /// </summary>
    private void OpenShifts()
    {
        _openCount = 0;
        for (var t = 0; t < _t; t++)
        {
            for (var d = 0; d < _days; d++)
            {
                if (_slotCost[(d * _t) + t] < Infinity)
                {
                    _open[_openCount++] = t;
                    break;
                }
            }
        }
    }

    private void SortByValue(int run, int b, int runCap)
    {
        for (var i = 0; i < _openCount; i++)
        {
            _order[i] = _open[i];
        }

        // The same introspective sort Array.Sort runs with a comparer, so ties keep the order they had before.
        (_sortRun, _sortBorder, _sortRunCap) = (run, b, runCap);
        _order.AsSpan(0, _openCount).Sort(_byValue);
    }

    /// <summary>A Polyak step of length <paramref name="gap"/> / |g|^2 along the subgradient, keeping sign constraints.</summary>
    private void Step(double gap)
    {
        var p = _p;
        double norm = 0;
        for (var i = 0; i < _lambda.Length; i++)
        {
            if (p.Required[i] >= 0)
            {
                double g = _count[i] - _y[i];
                norm += g * g;
            }
        }

        for (var w = 0; w < p.WorkerCount; w++)
        {
            var r = p.Rules[p.WorkerRules[w]];
            norm += Sq(Positive(r.MaxMinutes, _overMinutes[w], (_minutes[w] - (double)r.MaxMinutes) / _unit));
            norm += Sq(Positive(r.MinMinutes > 0 ? 0 : CompiledRules.Unlimited, _underMinutes[w], (r.MinMinutes - (double)_minutes[w]) / _unit));
            norm += Sq(Positive(r.MaxWeekends, _weekend[w], _weekends[w] - (double)r.MaxWeekends));
            for (var k = 0; k < p.WeekCount; k++)
            {
                norm += Sq(Positive(r.MaxWeekMinutes, _week[(w * p.WeekCount) + k], (_weekMinutes[(w * p.WeekCount) + k] - (double)r.MaxWeekMinutes) / _unit));
            }

            for (var t = 0; t < _t; t++)
            {
                norm += Sq(Positive(r.MaxPerShift[t], _perShift[(w * _t) + t], _shiftCount[(w * _t) + t] - (double)r.MaxPerShift[t]));
            }
        }

        if (norm <= 0 || gap <= 0)
        {
            return;
        }

        var step = gap / norm;
        for (var i = 0; i < _lambda.Length; i++)
        {
            if (p.Required[i] >= 0)
            {
                _lambda[i] += step * (_count[i] - _y[i]);
            }
        }

        for (var w = 0; w < p.WorkerCount; w++)
        {
            var r = p.Rules[p.WorkerRules[w]];
            _overMinutes[w] = Move(r.MaxMinutes, _overMinutes[w], step * (_minutes[w] - (double)r.MaxMinutes) / _unit);
            _underMinutes[w] = Move(r.MinMinutes > 0 ? 0 : CompiledRules.Unlimited, _underMinutes[w], step * (r.MinMinutes - (double)_minutes[w]) / _unit);
            _weekend[w] = Move(r.MaxWeekends, _weekend[w], step * (_weekends[w] - (double)r.MaxWeekends));
            for (var k = 0; k < p.WeekCount; k++)
            {
                var i = (w * p.WeekCount) + k;
                _week[i] = Move(r.MaxWeekMinutes, _week[i], step * (_weekMinutes[i] - (double)r.MaxWeekMinutes) / _unit);
            }

            for (var t = 0; t < _t; t++)
            {
                var i = (w * _t) + t;
                _perShift[i] = Move(r.MaxPerShift[t], _perShift[i], step * (_shiftCount[i] - (double)r.MaxPerShift[t]));
            }
        }
    }

    private static double Sq(double x) => x * x;

    // The component of a non-negative multiplier's subgradient that can move it: none for an unlimited rule,
    // and none downwards when it is already 0.
    private static double Positive(int limit, double price, double g) =>
        limit == CompiledRules.Unlimited || (price <= 0 && g < 0) ? 0 : g;

    private static double Move(int limit, double price, double delta) =>
        limit == CompiledRules.Unlimited ? 0 : Math.Max(0, price + delta);
}
