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
/// weekend maximum bind and the path stays small (the exact budget of <see cref="BoundSetup"/>), those are kept exactly too, with
/// weekends worked and minutes (gcd units) in the state: a tighter relaxation (Instance1 429 -> 558 of 607).
/// Otherwise they are priced, like the weekly and per-shift maxima always are, by non-negative multipliers
/// whose terms are never positive on a valid schedule. Rest across one free date is dropped (a relaxation).</item>
/// <item>Fairness is never negative and is left out.</item>
/// </list>
/// The prices follow deflected subgradient steps (an exponential average of subgradients, Polyak's length) towards
/// the planner's best score. Every iterate gives a
/// valid bound, so stopping early (time limit, cancellation) only weakens it. If a worker's relaxed
/// problem has no path, or a demand's minimum exceeds what its eligible workers can give, no roster can
/// keep every hard rule and the bound is null. Source: Fisher (1981), "The Lagrangian relaxation method
/// for solving integer programming problems", Management Science 27(1); Held, Wolfe and Crowder (1974)
/// for the step rule; Barahona and Anbil (2000), "The volume algorithm", Mathematical Programming 87(3), for
/// averaging the subgradients.
/// </remarks>
internal sealed class LagrangianBound
{
    private const double Infinity = double.PositiveInfinity;

    // Far above any soft score a roster can reach (each point is a person-shift or a wish weight), far below long.MaxValue.
    private const double Unbounded = 1e17;

    // Polyak steps (Held, Wolfe and Crowder 1974): the step scale starts at 2 (zero prices) or 8 (paid prices) and halves
    // after this many iterations without a better bound; below the minimum scale the prices no longer move enough to
    // matter. The paid ascent's longer steps (measured at 800 iterations, target 1.15 x best known, share of best known
    // with 2 / 8): Instance8 88 % / 97 %, Instance14 90 % / 95 %, Instance20 55 % / 85 %, a generated 60-worker community
    // problem 650 / 708 of its proven 727; 8 for both ascents lost Instance12 (96.9 % -> 96.2 %) and a 150-worker community
    // problem (124 -> 69), 16 and 32 were worse everywhere; hence one scale each, so the ascents also differ in step.
    // The longer steps lost below about 500 iterations (Instance14 392 -> 56 at 100, 1106 -> 1024 at 400, 1140 -> 1220
    // at 800) until the paid ascent's stall length followed the budget (StallShare; docs/rostering.md).
    private const double ZeroStartStepScale = 2.0;
    private const double PaidStartStepScale = 8.0;

    // The step direction is an exponential average of the subgradients, 5 % the newest (deflected subgradient, the
    // averaging of Barahona and Anbil's volume algorithm, 2000): plain subgradients zig-zag between the few cover
    // prices a path flips, and averaging them cancels that (Instance10 4474 -> 4630 of 4631, Instance12 3666 -> 3966
    // of 4040 at 800 iterations; 0.2 and 0.02 were each worse on some instance). Starting from 0, the first steps are short
    // (a full first step kept pushing for ~20 iterations through the average and overshot: Instance18 4210 -> 8).
    private const double Deflection = 0.05;

    // The second ascent's start: each demand's cover price pays a duty half its under weight (the price of a person
    // missing, which is the right price where staff are short). Full weight was better on some long horizons
    // (Instance20 87 % vs 75 % at 1,600 iterations) and worse on most others (Instance12 56 % vs 78 % at 400).
    private const double PaidStartShare = 0.5;
    private const int StallIterations = 20;

    // The step scale halves after a fortieth of the budget without a better bound: at least 4 iterations for the paid
    // ascent and StallIterations (20) for the zero one, so 800 iterations keep 20. With few iterations the paid ascent's
    // long first steps need to shorten sooner. Share of best known over instances 1-12 (LowerBound toward best known,
    // fixed 20 / this): 100 iterations 70.5 % / 75.2 %, 200 85.7 % / 86.7 %, 400 94.4 % / 93.5 % (Instance8 89 % -> 79 %;
    // Instance14 80 % -> 93 %, 16 and 18 gain too). Chaotic per instance at so few iterations (Instance14 at 100: stall 4
    // gives 502, 5 gives 56), so the rule follows the budget, not a fit. With many iterations a fixed 20 halved the scale
    // to nothing by about 2,000 steps, wherever the ascent stood: community-60-28-43-s3 at 3,200 iterations gave 231, 386,
    // 429 or 424 as the roster's score given was 446, 448, 450 or 456; with a fortieth, 428-433 (5,000 iterations:
    // Instance20 4,511 -> 4,713, community-300 63 -> 66, none lower; docs/rostering.md, session 49).
    private const int StallShare = 40;

    // The two ascents share the first half of the budget; then only the one ahead goes on (DropTheTrailing). Where one
    // start is better it mostly stays better (400 iterations each, share of best known from zero / paid: Instance12 92 % /
    // 78 %, Instance14 31 % / 89 %, Instance20 21 % / 51 %, Instance6 99.1 % / 96.8 %), and the leader's iterations were
    // what Instance12 lacked: one ascent of 800 reached 3,966 of 4,040 where two sharing 800 reached 3,704. Deciding at a
    // third of 800 picked the zero ascent on Instance20, which the paid one overtakes later: 4,218 -> 1,112.
    private const int LeaderShare = 2;

    // On a community-shaped problem (SearchIndex.Guides) the zero-price ascent aims its Polyak steps at this multiple of
    // the roster's score: aimed at the score itself its steps stay too short to move the hundreds of small cover prices
    // within the budget. 1,600 iterations, the planner's roster as target, aimed x1 / x4: community-60-14-43-s1 45 / 50
    // (its proven optimum), 100-14 35 / 37, 150-14 31 / 37, 200-14 45 / 55, 300-14 48 / 63, 60-7-s2 21 / 23 (optimum),
    // 60-7-s1 125 / 125, 60-7-s3 719 / 719, 100-7-s1 441 / 441 (optimum). Both ascents aimed x4 lost 60-7-s1 (125 -> 54)
    // and 60-7-s3; on Curtois instances the zero ascent at x4 lost Instance1 (596 -> 558), so they aim at the score
    // (docs/rostering.md, session 39). The stop (the bound meets the roster) still compares with the score itself.
    internal const double GuidedZeroStartTargetScale = 4.0;

    // Neither ascent is dropped before each has taken this many steps: a pessimistic early time estimate (a slow first
    // step under load) otherwise dropped the paid ascent after one step, and Instance21's bound fell with it.
    internal const int MinStepsBeforeDrop = 5;

    // The step direction starts at 0 and weighs the subgradients in over about 1 / Deflection steps (after k steps it holds
    // 1 - 0.95^k of its full weight): while it forms, the bound lags the prices, and a stall counted then halved the step
    // scale early for good (Instance12 toward 4,040: both ascents halved within their first 20-40 steps and the zero
    // ascent crept on at half its scale, 3,869 at 800 iterations). So a root ascent's scale does not halve before its
    // WarmUpSteps-th step (3 / Deflection: 95 % of the weight), nor, with a small budget, before a quarter of the budget
    // (each ascent's own steps by the race's end, so few iterations still shorten the paid ascent's long steps; 80 steps
    // at any budget lost Instance5 1,015 -> 872 and Instance20 399 -> 200 at 100 iterations). docs/rostering.md, bound12.
    internal const int WarmUpSteps = (int)(3 / Deflection);
    private const int WarmUpBudgetShare = 4;
    private const int MinPaidStallIterations = 4;
    private const double MinStepScale = 1e-4;

    // Without a known roster the step aims this share above the best bound so far (at least one point).
    private const double TargetMargin = 0.05;

    // Scores are whole numbers: a bound within this of an integer rounds to it (floating sums of prices drift).
    private const double RoundingSlack = 1e-6;

    /// <summary>The whole score a fractional bound proves: its ceiling, after the rounding slack.</summary>
    internal static double RoundUp(double bound) => Math.Ceiling(bound - RoundingSlack);

    // An improvement smaller than this is noise, not progress (resets no stall count).
    private const double ImprovementSlack = 1e-9;

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

    // The deflected step direction, one entry per multiplier in Price's flat order (0 before the first step).
    private readonly double[] _direction;

    // Subgradients and the current solution's counts.
    private readonly int[] _count;
    private readonly int[] _y;
    private readonly int[] _minutes;
    private readonly int[] _weekMinutes;
    private readonly int[] _shiftCount;
    private readonly int[] _weekends;
    private readonly int[] _hi;

    // This ascent's progress: the best relaxed value so far, the step scale and the iterations since it improved.
    private double _best = double.NegativeInfinity;
    private double _theta;
    private int _sinceBest;
    private bool _done;
    private readonly bool _paid;

    // How far above the roster's score the steps aim (GuidedZeroStartTargetScale or 1).
    private readonly double _targetScale;

    // Steps taken, and whether the step scale waits for the direction to form (WarmUpSteps: root ascents; a branch node's
    // ascent starts from its parent's prices and keeps the plain stall rule).
    private int _steps;
    private readonly bool _warmUp;

    // From the setup both ascents share: the lanes (path solver and scratch, used by one ascent at a time), per worker
    // the open shift types and the path's shape.
    private readonly BoundLane[] _lanes;
    private readonly int[][] _openOf;
    private readonly BoundPathShape[] _shapeOf;

    // Per worker, the value of their path at the current prices (with its constant terms), and per worker * Days + day
    // the demand (day * SlotCount + slot) it takes (-1: off): written by whichever lane solved the worker, read in worker order, so the sum and
    // the counts do not depend on how many lanes ran.
    private readonly double[] _workerValue;
    private readonly int[] _pathSlot;
    private int _nextWorker;

    // Kept only when the branch and bound may follow (BoundBranching): the prices of the best bound so far (its children
    // start there), and per ChoiceIndex cell the exponential average of the paths' use of that choice (the volume
    // algorithm's primal estimate), which picks the choice to branch on.
    private readonly double[]? _bestPrices;
    private readonly double[]? _use;
    private int _averaged;

    private LagrangianBound(BoundSetup setup, double paidShare, bool track = false, double[]? start = null, bool warmUp = true, double targetScale = 1)
    {
        var p = setup.Problem;
        _targetScale = targetScale;
        _p = p;
        _warmUp = warmUp;
        _hi = setup.CoverHigh;
        _paid = paidShare != 0;
        _theta = _paid ? PaidStartStepScale : ZeroStartStepScale;
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
        _direction = new double[_lambda.Length + (3 * p.WorkerCount) + _week.Length + _perShift.Length];
        _count = new int[_days * _s];
        _y = new int[_days * _s];
        _minutes = new int[p.WorkerCount];
        _weekMinutes = new int[p.WorkerCount * p.WeekCount];
        _shiftCount = new int[p.WorkerCount * _t];
        _weekends = new int[p.WorkerCount];
        _lanes = setup.Lanes;
        _openOf = setup.OpenOf;
        _workerValue = new double[p.WorkerCount];
        _pathSlot = new int[p.WorkerCount * _days];
        _shapeOf = setup.ShapeOf;
        StartPrices(paidShare, start);
        if (track)
        {
            _bestPrices = new double[_direction.Length];
            _use = new double[p.WorkerCount * p.Days * p.Choices];
        }
    }

    /// <summary>The first prices: <paramref name="start"/> when given, else cover prices that pay a duty
    /// <paramref name="paidShare"/> of its under weight (0: zero prices).</summary>
    private void StartPrices(double paidShare, double[]? start)
    {
        // Cover prices are negative where a duty is paid (a worker's path pays the price, the count earns it).
        for (var i = 0; i < _lambda.Length; i++)
        {
            _lambda[i] = _p.Required[i] > 0 ? -paidShare * _p.Under[i] : 0;
        }

        if (start is not null)
        {
            for (var j = 0; j < _direction.Length; j++)
            {
                Price(j) = start[j];
            }
        }
    }

    /// <summary>Rough operations per subgradient iteration of the priced path, to size the iteration budget.</summary>
    public static long CostPerIteration(CompiledProblem p) =>
        Math.Max(1L, (long)p.WorkerCount * p.Days * ((long)p.ShiftCount * p.ShiftCount * 2 * RunCap(p) + p.SlotCount + 8));

    /// <summary>
    /// The bound (rounded up: scores are whole numbers), or null when the relaxation proves that no roster
    /// keeps every hard rule. <paramref name="upper"/> is the soft score of a hard-valid roster when one is known.
    /// </summary>
    /// <remarks>
    /// Two ascents share the <paramref name="iterations"/>, one step each in turn until half the budget, then only the
    /// one ahead goes on (<see cref="DropTheTrailing"/>), and the better bound wins (every iterate of either is valid):
    /// one from zero prices, one from cover prices that pay a duty
    /// <see cref="PaidStartShare"/> of its demand's under weight. Neither start is best everywhere (measured at
    /// 400 iterations each; share of best known): Instance14 31 % from zero, 89 % paid; Instance20 21 % / 51 %;
    /// Instance12 92 % / 78 %; Instance6 99.1 % / 96.8 %.
    /// </remarks>
    /// <param name="p">The compiled problem.</param>
    /// <param name="upper">The soft score of a hard-valid roster, or null.</param>
    /// <param name="iterations">The most subgradient iterations, both ascents together.</param>
    /// <param name="degree">The most threads that solve workers' paths at once (positive); the bound does not depend on it.</param>
    /// <param name="stop">Asked before each iteration after the first; true ends the ascent with the best bound so far.</param>
    /// <param name="expected">Given the iterations done, the iterations expected in all (a time limit's estimate); <paramref name="iterations"/> when null.</param>
    /// <param name="priceCounters">Price every worker's minute and weekend limits (tests; see <see cref="BoundSetup"/>).</param>
    /// <param name="guided">The problem is community-shaped (<see cref="Search.SearchIndex.Guides"/>): the zero-price ascent aims at <see cref="GuidedZeroStartTargetScale"/> x <paramref name="upper"/>.</param>
    public static long? Compute(CompiledProblem p, long? upper, int iterations, int degree, Func<bool> stop, Func<int, int>? expected = null, bool priceCounters = false, bool guided = false)
    {
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return EmptyRoster(p);
        }

        var hi = CoverRange(p);
        if (hi is null)
        {
            return null;
        }

        // Turns alternate while both run; once one has stalled or trails at half the budget the other takes every
        // turn, and a bound that meets the roster's score ends both.
        var setup = new BoundSetup(p, hi, degree, priceCounters);
        var branch = upper is not null && BoundBranching.Fits(p);
        var ascents = Ascents(setup, branch, guided);
        var turn = 0;
        for (var k = 0; k < Math.Max(ascents.Length, iterations); k++)
        {
            if (k > 0 && stop())
            {
                break;
            }

            DropTheTrailing(ascents, k, expected, iterations);
            turn = ascents[turn]._done ? 1 - turn : turn;
            var ascent = ascents[turn];
            if (ascent._done)
            {
                break;
            }

            if (!ascent.Iterate(upper, () => expected?.Invoke(k) ?? iterations))
            {
                return null;
            }

            if (upper is { } ub && RoundUp(ascent._best) >= ub)
            {
                break;
            }

            turn = 1 - turn;
        }

        return Result(Branched(p, ascents, branch, upper, stop), MostSoft(p, hi));
    }

    /// <summary>The two ascents of <see cref="Compute"/>: from zero prices (aimed higher on a guided problem) and from paid ones.</summary>
    private static LagrangianBound[] Ascents(BoundSetup setup, bool branch, bool guided) =>
    [
        new(setup, paidShare: 0, branch, targetScale: guided ? GuidedZeroStartTargetScale : 1), new(setup, PaidStartShare, branch),
    ];

    /// <summary>
    /// The better ascent's best value, raised by <see cref="BoundBranching"/> when <paramref name="branch"/> and it lies
    /// below the roster's score: on small problems the relaxation's own limit can lie below the optimum (Instance1: 558
    /// of 607, the column LP's optimum).
    /// </summary>
    private static double Branched(CompiledProblem p, LagrangianBound[] ascents, bool branch, long? upper, Func<bool> stop)
    {
        var leader = ascents[0]._best >= ascents[1]._best ? ascents[0] : ascents[1];
        var best = leader._best;
        return branch && upper is { } u && !double.IsNegativeInfinity(best) && RoundUp(best) < u && !stop()
            ? Math.Max(best, BoundBranching.Raise(p, leader.Node(), u, stop))
            : best;
    }

    /// <summary>
    /// One ascent on <paramref name="p"/> (a node's restricted problem) from the prices <paramref name="start"/> (null:
    /// zero), at most <paramref name="iterations"/> steps on one thread, aiming at <paramref name="upper"/>: its best
    /// relaxed value with the prices and averaged choices there, or null when the relaxation proves that no roster of
    /// the node keeps every hard rule.
    /// </summary>
    internal static NodeBound? Ascend(CompiledProblem p, double[]? start, long? upper, int iterations, Func<bool> stop)
    {
        var hi = CoverRange(p);
        if (hi is null)
        {
            return null;
        }

        var ascent = new LagrangianBound(new BoundSetup(p, hi, degree: 1), paidShare: 0, track: true, start, warmUp: false);
        for (var k = 0; k < iterations && !ascent._done; k++)
        {
            if (k > 0 && stop())
            {
                break;
            }

            if (!ascent.Iterate(upper, () => iterations))
            {
                return null;
            }
        }

        return ascent.Node();
    }

    /// <summary>This ascent's best value, its prices and the averaged use of each choice (only when it tracks them).</summary>
    private NodeBound Node() => new(_best, _bestPrices!, _use!);

    /// <summary>
    /// Once <paramref name="k"/> iterations are a <see cref="LeaderShare"/>th of the budget (a time limit's estimate when
    /// <paramref name="expected"/> is given) and each ascent has taken <see cref="MinStepsBeforeDrop"/> steps, the ascent
    /// with the lower bound so far stops (the zero ascent wins a tie), so the leader gets the rest of the iterations
    /// instead of half of them.
    /// </summary>
    private static void DropTheTrailing(LagrangianBound[] ascents, int k, Func<int, int>? expected, int iterations)
    {
        if (!ascents[0]._done && !ascents[1]._done && k >= ascents.Length * MinStepsBeforeDrop
            && (long)k * LeaderShare >= (expected?.Invoke(k) ?? iterations))
        {
            ascents[ascents[0]._best >= ascents[1]._best ? 1 : 0]._done = true;
        }
    }

    /// <summary>Per day * SlotCount + slot, the most people a demand's count may take in the relaxation (its maximum, at most its eligible workers); null when a minimum exceeds it.</summary>
    private static int[]? CoverRange(CompiledProblem p)
    {
        var eligible = EligibleWorkers(p);
        var hi = new int[eligible.Length];
        for (var i = 0; i < hi.Length; i++)
        {
            hi[i] = p.Required[i] < 0 ? 0 : Math.Min(p.Maximum[i], eligible[i]);
            if (p.Required[i] >= 0 && p.Minimum[i] > hi[i])
            {
                return null;
            }
        }

        return hi;
    }

    private static int RunCap(CompiledProblem p) => p.Rules.Aggregate(1, (cap, r) => Math.Max(cap, BoundPath.RunCap(r)));

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

    /// <summary>
    /// One subgradient step of this ascent; false when it proves that no roster keeps every hard rule (a worker without
    /// a path, or prices growing without limit). Sets <see cref="_done"/> when the bound meets the roster's score or
    /// the steps have become too small to matter.
    /// </summary>
    private bool Iterate(long? upper, Func<int> budget)
    {
        _steps++;
        var value = Evaluate();
        if (double.IsPositiveInfinity(value) || value >= Unbounded)
        {
            return false;
        }

        if (double.IsNaN(value))
        {
            _done = true;
            return true;
        }

        Average();
        if (value > _best + ImprovementSlack)
        {
            _best = value;
            _sinceBest = 0;
            if (_bestPrices is not null)
            {
                for (var j = 0; j < _bestPrices.Length; j++)
                {
                    _bestPrices[j] = Price(j);
                }
            }
        }
        else if (++_sinceBest >= StallLength(budget) && !Forming(budget))
        {
            _theta /= 2;
            _sinceBest = 0;
        }

        var target = upper is { } u && u > _best ? u * _targetScale : _best + Math.Max(1.0, Math.Abs(_best) * TargetMargin);
        if ((upper is { } ub && RoundUp(_best) >= ub) || _theta < MinStepScale)
        {
            _done = true;
            return true;
        }

        Step(_theta * (target - value));
        return true;
    }

    /// <summary>
    /// Folds the paths just solved into <see cref="_use"/> (when tracked): a plain mean over the first iterations, then an
    /// exponential average with <see cref="Deflection"/>, the weight of the step direction's.
    /// </summary>
    private void Average()
    {
        if (_use is null)
        {
            return;
        }

        var weight = Math.Max(Deflection, 1.0 / ++_averaged);
        var choices = _p.Choices;
        for (var cell = 0; cell < _pathSlot.Length; cell++)
        {
            var taken = _pathSlot[cell] < 0 ? 0 : (_pathSlot[cell] % _s) + 1;
            for (var c = 0; c < choices; c++)
            {
                ref var use = ref _use[(cell * choices) + c];
                use += weight * ((c == taken ? 1 : 0) - use);
            }
        }
    }

    /// <summary>Whether the step direction is still forming (<see cref="WarmUpSteps"/>; at most a <see cref="WarmUpBudgetShare"/>th of the budget), so a stall does not halve the step scale yet.</summary>
    private bool Forming(Func<int> budget) => _warmUp && _steps < WarmUpSteps && _steps < budget() / WarmUpBudgetShare;

    /// <summary>Iterations without a better bound after which the step scale halves, given the iterations expected in all (<see cref="StallShare"/>; a time limit's estimate reads the clock).</summary>
    private int StallLength(Func<int> budget) =>
        Math.Max(_paid && _sinceBest >= MinPaidStallIterations ? MinPaidStallIterations : StallIterations, budget() / StallShare);

    /// <summary>
    /// The bound from the best relaxed value: soft scores are non-negative, so 0 is always valid; a value above
    /// <paramref name="mostSoft"/> (<see cref="MostSoft(CompiledProblem)"/>: the most any roster keeping every hard rule can score) proves
    /// that no roster keeps every hard rule, as an unbounded dual does. Without that test an infeasible problem's prices
    /// climbed for hundreds of iterations first, and a short ascent reported their value (2.6e15 on one worker and three
    /// minimums, 200 iterations) as the bound.
    /// </summary>
    private static long? Result(double best, double mostSoft)
    {
        if (double.IsNaN(best) || best <= 0)
        {
            return 0;
        }

        return best >= Unbounded || best > mostSoft + 1 ? null : (long)RoundUp(best);
    }

    /// <summary>
    /// An upper limit on the soft score of any roster that keeps every hard rule: each demand at the dearer end of its
    /// count range (0, or its most people: the maximum or the eligible workers), each worker-date at its dearest choice (wishes and own
    /// compound), each fairness group at a spread no roster exceeds (weight x size x (dates x the longest shift)² / 3,600).
    /// Infinite when a minimum is more than its eligible workers can meet (no such roster).
    /// </summary>
    internal static double MostSoft(CompiledProblem p) => CoverRange(p) is { } hi ? MostSoft(p, hi) : double.PositiveInfinity;

    /// <summary><see cref="MostSoft(CompiledProblem)"/> given the demands' count ranges (<see cref="CoverRange"/>, already computed by <see cref="Compute"/>).</summary>
    private static double MostSoft(CompiledProblem p, int[] hi)
    {
        double most = 0;
        for (var daySlot = 0; daySlot < hi.Length; daySlot++)
        {
            most += Math.Max(p.CoverCostSoft(daySlot, 0), p.CoverCostSoft(daySlot, hi[daySlot]));
        }

        for (var cell = 0; cell < p.WorkerCount * p.Days; cell++)
        {
            var dearest = 0;
            for (var c = 0; c < p.Choices; c++)
            {
                dearest = Math.Max(dearest, p.ChoiceSoft[(cell * p.Choices) + c]);
            }

            most += dearest;
        }

        var longest = (double)p.Days * (p.ShiftMinutes.Length == 0 ? 0 : p.ShiftMinutes.Max());
        foreach (var size in p.GroupSize)
        {
            most += (double)p.FairnessWeight * size * longest * longest / 3600;
        }

        return most;
    }

    /// <summary>Per day * SlotCount + slot, how many workers may take it: one pass over the workers' choices in storage order.</summary>
    private static int[] EligibleWorkers(CompiledProblem p)
    {
        var eligible = new int[p.Days * p.SlotCount];
        for (var w = 0; w < p.WorkerCount; w++)
        {
            for (var d = 0; d < p.Days; d++)
            {
                for (var s = 0; s < p.SlotCount; s++)
                {
                    if (p.Allowed[p.ChoiceIndex(w, d, s + 1)])
                    {
                        eligible[p.DaySlot(d, s)]++;
                    }
                }
            }
        }

        return eligible;
    }

    /// <summary>The relaxed minimum at the current prices; fills the counts the subgradient needs.</summary>
    /// <remarks>Phases: the workers' paths and their sum, the cover counts of those paths, then each cover term added to
    /// the same running total (in that order, so the sum is the same double as before the split).</remarks>
    private double Evaluate()
    {
        SolveWorkers();
        var total = 0.0;
        for (var w = 0; w < _p.WorkerCount; w++)
        {
            var worker = _workerValue[w];
            if (double.IsPositiveInfinity(worker))
            {
                return Infinity;
            }

            total += worker;
        }

        CountPathSlots();
        return AddCoverTerms(total);
    }

    /// <summary>How many workers' paths take each day-slot, into <see cref="_count"/>.</summary>
    private void CountPathSlots()
    {
        Array.Clear(_count);
        foreach (var slot in _pathSlot)
        {
            if (slot >= 0)
            {
                _count[slot]++;
            }
        }
    }

    /// <summary>Adds each day-slot's cover term at its best relaxed count (into <see cref="_y"/>) to <paramref name="total"/>.</summary>
    private double AddCoverTerms(double total)
    {
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

    /// <summary>Every worker's exact best path under the prices, into <see cref="_workerValue"/> and <see cref="_pathSlot"/>: one lane alone in worker order, or the lanes at once, each taking the next worker not yet taken.</summary>
    private void SolveWorkers()
    {
        if (_lanes.Length == 1)
        {
            for (var w = 0; w < _p.WorkerCount; w++)
            {
                _workerValue[w] = Worker(w, _lanes[0]);
            }

            return;
        }

        _nextWorker = -1;
        Parallel.For(0, _lanes.Length, new ParallelOptions { MaxDegreeOfParallelism = _lanes.Length }, lane =>
        {
            int w;
            while ((w = Interlocked.Increment(ref _nextWorker)) < _p.WorkerCount)
            {
                _workerValue[w] = Worker(w, _lanes[lane]);
            }
        });
    }

    /// <summary>One worker's exact best path under the prices, plus the constant terms of their multipliers; records what the path uses.</summary>
    private double Worker(int w, BoundLane lane)
    {
        var r = _p.Rules[_p.WorkerRules[w]];
        CheapestSlots(w, lane);
        var cost = lane.Solver.Solve(w, r, _openOf[w], lane.SlotCost, _weekend[w], _shapeOf[w], lane.Path);
        if (double.IsPositiveInfinity(cost))
        {
            return Infinity;
        }

        RecordPath(w, lane);
        return cost + ConstantTerms(w, r);
    }

    /// <summary>The cheapest slot per day and shift type for worker <paramref name="w"/>, with every price that depends on the choice alone (into the lane's <see cref="BoundLane.SlotCost"/> and <see cref="BoundLane.SlotOf"/>).</summary>
    private void CheapestSlots(int w, BoundLane lane)
    {
        var p = _p;
        var slotCost = lane.SlotCost;
        var slotOf = lane.SlotOf;
        var perHour = _overMinutes[w] - _underMinutes[w];
        for (var d = 0; d < _days; d++)
        {
            var week = _week[(w * p.WeekCount) + p.WeekOfDay[d]];
            for (var t = 0; t < _t; t++)
            {
                slotCost[(d * _t) + t] = Infinity;
                slotOf[(d * _t) + t] = -1;
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
                if (c < slotCost[(d * _t) + t])
                {
                    slotCost[(d * _t) + t] = c;
                    slotOf[(d * _t) + t] = s;
                }
            }
        }
    }

    /// <summary>What worker <paramref name="w"/>'s path (the lane's <see cref="BoundLane.Path"/>) uses, for the subgradient: slots taken, minutes, week minutes, duties per type, weekends (only this worker's entries, so lanes never share one).</summary>
    private void RecordPath(int w, BoundLane lane)
    {
        var p = _p;
        var path = lane.Path;
        var minutes = 0;
        var weekends = 0;
        var lastWeekend = -1;
        Array.Clear(_shiftCount, w * _t, _t);
        Array.Clear(_weekMinutes, w * p.WeekCount, p.WeekCount);
        for (var d = 0; d < _days; d++)
        {
            var t = path[d];
            if (t < 0)
            {
                _pathSlot[(w * _days) + d] = -1;
                continue;
            }

            _pathSlot[(w * _days) + d] = (d * _s) + lane.SlotOf[(d * _t) + t];
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
    }

    /// <summary>The multipliers' constant terms for worker <paramref name="w"/>: each is a price times a limit, so the sum is never positive on a valid schedule.</summary>
    private double ConstantTerms(int w, CompiledRules r)
    {
        var p = _p;
        var constant = (-_overMinutes[w] * Limit(r.MaxMinutes) / _unit) + (_underMinutes[w] * r.MinMinutes / _unit) - (_weekend[w] * Limit(r.MaxWeekends));
        for (var k = 0; k < p.WeekCount; k++)
        {
            constant -= _week[(w * p.WeekCount) + k] * Limit(r.MaxWeekMinutes) / _unit;
        }

        for (var t = 0; t < _t; t++)
        {
            constant -= _perShift[(w * _t) + t] * Limit(r.MaxPerShift[t]);
        }

        return constant;
    }

    // An unlimited rule keeps its price at 0, so its limit never enters the sum.
    private static double Limit(int value) => value == CompiledRules.Unlimited ? 0 : value;

    /// <summary>A step of length <paramref name="gap"/> / |g|^2 along the deflected direction, keeping sign constraints.</summary>
    private void Step(double gap)
    {
        // One pass: each multiplier's subgradient and the deflected direction, both projected on its sign constraint.
        // Polyak's length is measured on the subgradient itself (the averaged direction is shorter where it cancels).
        double norm = 0;
        for (var j = 0; j < _direction.Length; j++)
        {
            var (limit, g) = Subgradient(j);
            var nonNegative = j >= _lambda.Length;
            g = limit == CompiledRules.Unlimited || (nonNegative && Price(j) <= 0 && g < 0) ? 0 : g;
            norm += g * g;
            var d = (Deflection * g) + ((1 - Deflection) * _direction[j]);
            _direction[j] = limit == CompiledRules.Unlimited || (nonNegative && Price(j) <= 0 && d < 0) ? 0 : d;
        }

        if (norm <= 0 || gap <= 0)
        {
            return;
        }

        var step = gap / norm;
        for (var j = 0; j < _direction.Length; j++)
        {
            ref var price = ref Price(j);
            price = j < _lambda.Length ? price + (step * _direction[j]) : Math.Max(0, price + (step * _direction[j]));
        }
    }

    /// <summary>
    /// Multiplier <paramref name="j"/> in one flat order: cover (day * SlotCount + slot), then per worker over-minutes,
    /// under-minutes, weekends, week minutes (per worker * WeekCount + week), per shift (per worker * ShiftCount + t).
    /// </summary>
    private ref double Price(int j)
    {
        var w = _p.WorkerCount;
        if (j < _lambda.Length)
        {
            return ref _lambda[j];
        }

        j -= _lambda.Length;
        if (j < 3 * w)
        {
            return ref (j < w ? ref _overMinutes[j] : ref j < 2 * w ? ref _underMinutes[j - w] : ref _weekend[j - (2 * w)]);
        }

        j -= 3 * w;
        return ref (j < _week.Length ? ref _week[j] : ref _perShift[j - _week.Length]);
    }

    /// <summary>Multiplier <paramref name="j"/>'s limit (Unlimited: the price stays 0) and its subgradient at the last path.</summary>
    private (int Limit, double G) Subgradient(int j)
    {
        var p = _p;
        if (j < _lambda.Length)
        {
            return (p.Required[j] >= 0 ? 0 : CompiledRules.Unlimited, _count[j] - _y[j]);
        }

        j -= _lambda.Length;
        var workers = p.WorkerCount;
        if (j < 3 * workers)
        {
            var w = j % workers;
            var r = p.Rules[p.WorkerRules[w]];
            return (j / workers) switch
            {
                0 => (r.MaxMinutes, (_minutes[w] - (double)r.MaxMinutes) / _unit),
                1 => (r.MinMinutes > 0 ? 0 : CompiledRules.Unlimited, (r.MinMinutes - (double)_minutes[w]) / _unit),
                _ => (r.MaxWeekends, _weekends[w] - (double)r.MaxWeekends),
            };
        }

        j -= 3 * workers;
        if (j < _week.Length)
        {
            var r = p.Rules[p.WorkerRules[j / Math.Max(1, p.WeekCount)]];
            return (r.MaxWeekMinutes, (_weekMinutes[j] - (double)r.MaxWeekMinutes) / _unit);
        }

        j -= _week.Length;
        var rules = p.Rules[p.WorkerRules[j / _t]];
        return (rules.MaxPerShift[j % _t], _shiftCount[j] - (double)rules.MaxPerShift[j % _t]);
    }

    /// <summary>A node's ascent: its best relaxed value (a valid bound on the node's rosters), the prices there, and per <see cref="CompiledProblem.ChoiceIndex"/> cell the averaged use of that choice.</summary>
    internal sealed record NodeBound(double Value, double[] Prices, double[] Use);
}
