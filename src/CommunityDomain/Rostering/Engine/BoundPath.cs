using System.Runtime.CompilerServices;

namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// The bound's one-worker subproblem (see <see cref="LagrangianBound"/>): the cheapest schedule of one worker under
/// the current prices, solved exactly as a shortest path over the dates.
/// </summary>
/// <remarks>
/// A state is either (open shift i worked today as day <c>run</c> of a run of duties, border flag b) or (day o of a
/// run of days off, b), times a group of counters (<see cref="BoundPathShape"/>: worked weekends, total minutes,
/// duties of chosen types, each only when its limit binds); with no counter there is one group, so one layout serves
/// both the priced and the exact relaxation. b = 1 while the run touches the horizon's start (the score exempts such runs from the
/// minimum lengths). Run lengths count up to the maximum (or saturate at the minimum when only a minimum is set);
/// days off saturate at the minimum that matters. A day's transitions are four phases:
/// <see cref="WorkAfterWork"/>, <see cref="WorkAfterOff"/>, <see cref="OffAfterWork"/>, <see cref="OffAfterOff"/>.
/// A day touches only the groups it reaches: a group is filled with infinity when first written and read only while
/// flagged, a group whose minutes can no longer reach the minimum loses its flag (<see cref="DropHopeless"/>), and the
/// duty states touching the start are skipped once none is left; a run step finds the cheapest predecessor of each type
/// through the shape's <see cref="BoundPredecessors"/> sets. None of these changes a value or a tie: the same states are
/// compared in the same order with the same sums (2026-12-02, bound16: where the path spent its time, before, was the
/// per-(group, run) sort of predecessors and the whole table's fill each day; docs/rostering.md).
/// </remarks>
internal sealed class BoundPath
{
    private const double Infinity = double.PositiveInfinity;

    private readonly CompiledProblem _p;
    private readonly int _t;
    private readonly int _days;

    // Values of yesterday's and today's states, back pointers per day * states + state; grown on first need.
    private double[] _value = [];
    private double[] _next = [];
    private int[] _back = [];

    // One group's finite predecessors (open index) and their values, sorted by value.
    private readonly double[] _keys;
    private readonly int[] _order;

    // The current call's worker, rules, prices and layout.
    private int _w;
    private CompiledRules _r = null!;
    private int[] _open = [];
    private int _k;
    private double[] _slotCost = [];
    private double _weekendPrice;
    private int _runCap;
    private int _offCap;
    private BoundPathShape _shape = null!;
    private int _workStates;
    private int _bases;
    private int _groups;
    private int _states;
    private int _backRow;

    // Per group (worked weekends * units + minute units): whether yesterday's / today's group holds a finite state.
    private bool[] _live = [];
    private bool[] _liveNext = [];

    // Whether yesterday's / today's duty states touching the start (b = 1) hold a finite value: such runs end within
    // the first days when the maximum run is limited, and the phases then skip b = 1 of every duty state.
    private bool _borderWork;
    private bool _borderWorkNext;

    public BoundPath(CompiledProblem p)
    {
        _p = p;
        _t = p.ShiftCount;
        _days = p.Days;
        _keys = new double[_t];
        _order = new int[_t];
    }

    /// <summary>Longest run of duties the path counts for these rules (the maximum, else the minimum that matters).</summary>
    public static int RunCap(CompiledRules r) =>
        r.MaxConsecutive != CompiledRules.Unlimited ? Math.Max(1, r.MaxConsecutive) : Math.Max(1, r.MinConsecutive);

    /// <summary>Longest run of days off the path counts for these rules.</summary>
    public static int OffCap(CompiledRules r) => Math.Max(1, r.MinDaysOff);

    /// <summary>States of the layout before the weekend and minute dimensions: 2 * (open * runCap + offCap).</summary>
    public static long BaseStates(CompiledRules r, int open) => ((long)open * RunCap(r) * 2) + (OffCap(r) * 2);

    /// <summary>
    /// Fills <paramref name="path"/> (per day: shift type, or -1 for a day off) with the cheapest schedule and returns its
    /// priced cost, or infinity when no schedule keeps the rules the path keeps.
    /// </summary>
    /// <param name="w">The worker (for the day-off choice's eligibility and soft cost).</param>
    /// <param name="r">The worker's rules.</param>
    /// <param name="open">The shift types the worker can take on some date, in the problem's order.</param>
    /// <param name="slotCost">Per day * ShiftCount + type: the cheapest priced slot of that type (infinity: none).</param>
    /// <param name="weekendPrice">Added once per weekend worked.</param>
    /// <param name="shape">The worker's counters (one group for the priced relaxation).</param>
    /// <param name="path">Receives the schedule; length Days.</param>
    public double Solve(int w, CompiledRules r, int[] open, double[] slotCost, double weekendPrice, BoundPathShape shape, int[] path)
    {
        Prepare(w, r, open, slotCost, weekendPrice, shape);
        Start();
        for (var d = 1; d < _days; d++)
        {
            // Today's groups start unreached (their flags clear); a group is filled with infinity when first written.
            Array.Clear(_liveNext, 0, _groups);
            _borderWorkNext = false;
            _backRow = d * _states;
            WorkAfterWork(d);
            WorkAfterOff(d);
            var offCi = _p.ChoiceIndex(w, d, 0);
            if (_p.Allowed[offCi])
            {
                OffAfterWork(_p.ChoiceSoft[offCi]);
                OffAfterOff(_p.ChoiceSoft[offCi]);
            }

            DropHopeless(_liveNext, d);

            // Today's values become yesterday's without copying them.
            (_value, _next) = (_next, _value);
            (_live, _liveNext) = (_liveNext, _live);
            _borderWork = _borderWorkNext;
        }

        return End(path);
    }

    /// <summary>Takes the call's worker, rules, prices and shape, and grows the scratch to fit.</summary>
    private void Prepare(int w, CompiledRules r, int[] open, double[] slotCost, double weekendPrice, BoundPathShape shape)
    {
        (_w, _r, _open, _k, _slotCost, _weekendPrice) = (w, r, open, open.Length, slotCost, weekendPrice);
        (_runCap, _offCap, _shape) = (RunCap(r), OffCap(r), shape);
        _workStates = _k * _runCap * 2;
        _bases = _workStates + (_offCap * 2);
        _groups = shape.Groups;
        _states = _bases * _groups;
        if (_value.Length < _states)
        {
            _value = new double[_states];
            _next = new double[_states];
        }

        if (_back.Length < _states * _days)
        {
            _back = new int[_states * _days];
        }

        if (_live.Length < _groups)
        {
            _live = new bool[_groups];
            _liveNext = new bool[_groups];
        }
    }

    /// <summary>
    /// Clears the flag of each group of day <paramref name="d"/> whose minute units cannot reach the minimum by the last
    /// day even with the longest open type on every day left: every successor of such a group is as hopeless (it gains
    /// at most that much a day), so no group that can still end loses a predecessor and the values are unchanged.
    /// </summary>
    private void DropHopeless(bool[] live, int d)
    {
        var need = _shape.MinUnits - ((long)(_days - 1 - d) * _shape.MostUnitsPerDuty);
        if (need <= 0)
        {
            return;
        }

        var unitsOf = _shape.UnitsOf;
        for (var g = 0; g < _groups; g++)
        {
            live[g] &= unitsOf[g] >= need;
        }
    }

    /// <summary>Fills group <paramref name="g"/> of today with infinity the first time the day writes to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Touch(double[] next, bool[] liveNext, int g, int bases)
    {
        if (!liveNext[g])
        {
            next.AsSpan(g * bases, bases).Fill(Infinity);
            liveNext[g] = true;
        }
    }

    /// <summary>
    /// Today's state <paramref name="to"/> (in group <paramref name="g"/>, touched first) takes <paramref name="candidate"/>
    /// from yesterday's state <paramref name="from"/> when strictly cheaper; true when it did.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Relax(int g, int to, double candidate, int from)
    {
        Touch(_next, _liveNext, g, _bases);
        if (candidate < _next[to])
        {
            _next[to] = candidate;
            _back[_backRow + to] = from;
            return true;
        }

        return false;
    }

    // State index = group * bases + base: a group's states are contiguous, and a group nobody reached (most of them,
    // when minutes are tracked) is skipped by its flag.
    private static int WorkBase(int i, int run, int b, int runCap) => (((i * runCap) + run - 1) * 2) + b;

    private int OffBase(int o, int b) => _workStates + ((o - 1) * 2) + b;

    /// <summary>Day 0: a run of duties or of days off that touches the start (b = 1).</summary>
    private void Start()
    {
        Array.Fill(_value, Infinity, 0, _states);
        Array.Clear(_live, 0, _groups);
        _borderWork = false;
        var weekend = _p.WeekendOfDay[0] >= 0;
        for (var i = 0; i < _k; i++)
        {
            var t = _open[i];
            var g = _shape.StepTo[i];
            g = g >= 0 && weekend ? _shape.WeekendUp[g] : g;
            if (_slotCost[t] < Infinity && g >= 0)
            {
                _value[(g * _bases) + WorkBase(i, 1, 1, _runCap)] = _slotCost[t] + (weekend ? _weekendPrice : 0);
                _live[g] = true;
                _borderWork = true;
            }
        }

        var off = _p.ChoiceIndex(_w, 0, 0);
        if (_p.Allowed[off])
        {
            _value[OffBase(1, 1)] = _p.ChoiceSoft[off];
            _live[0] = true;
        }

        DropHopeless(_live, 0);
    }

    // The phases copy fields into locals: a store into an array makes the JIT reload every field read after it.

    /// <summary>
    /// A duty today after a duty yesterday: the run grows (saturating when only a minimum is counted). Per group of
    /// predecessors (minutes, weekends, run, b) each shift takes the cheapest one that may precede it: through the
    /// shape's predecessor sets (each set's cheapest member found once), or else by scanning the group sorted by value
    /// (most pairs are compatible, so the scan stops early: k log k per group, not k^2).
    /// </summary>
    private void WorkAfterWork(int d)
    {
        var (value, keys, order, k, runCap, bases, live) = (_value, _keys, _order, _k, _runCap, _bases, _live);
        var newWeekend = _p.WeekendOfDay[d] >= 0 && _p.WeekendOfDay[d - 1] != _p.WeekendOfDay[d];
        var unlimited = _r.MaxConsecutive == CompiledRules.Unlimited;
        var predecessors = _shape.Predecessors;
        var borders = _borderWork ? 2 : 1;
        for (var g = 0; g < _groups; g++)
        {
            if (!live[g])
            {
                continue;
            }

            for (var b = 0; b < borders; b++)
            {
                for (var run = 1; run <= runCap; run++)
                {
                    var grown = unlimited ? Math.Min(run + 1, runCap) : run + 1;
                    if (grown > runCap)
                    {
                        continue;
                    }

                    if (predecessors is not null)
                    {
                        ExtendRunBySets(d, g, b, run, grown, newWeekend, predecessors);
                        continue;
                    }

                    var n = SortedPredecessors(value, g * bases, run, b, runCap, k, keys, order);
                    if (n > 0)
                    {
                        ExtendRun(d, g, b, run, grown, n, newWeekend);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Each open shift today after the cheapest duty of yesterday's (group, run, b) that may precede it, through the
    /// predecessor sets: each set's cheapest member (lowest open index among equals, as the stable sort of
    /// <see cref="SortedPredecessors"/> gives; nested sets build on the set before) into <see cref="_keys"/> and
    /// <see cref="_order"/>, then one read per shift.
    /// </summary>
    private void ExtendRunBySets(int d, int g, int b, int run, int grown, bool newWeekend, BoundPredecessors sets)
    {
        var (value, setValue, setArg, start, members, runCap, nested) = (_value, _keys, _order, sets.Start, sets.Members, _runCap, sets.Nested);
        var groupBase = g * _bases;
        var any = false;
        var (best, arg) = (Infinity, -1);
        for (var s = 0; s < sets.Count; s++)
        {
            // Nested sets carry the cheapest over (the lowest index among equals, so the same member as a whole set's scan).
            (best, arg) = nested ? (best, arg) : (Infinity, -1);
            for (var m = start[s]; m < start[s + 1]; m++)
            {
                var v = value[groupBase + WorkBase(members[m], run, b, runCap)];
                if (v < best || (v == best && members[m] < arg))
                {
                    (best, arg) = (v, members[m]);
                }
            }

            (setValue[s], setArg[s]) = (best, arg);
            any |= arg >= 0;
        }

        if (any)
        {
            ExtendFromSets(d, g, b, grown, run, newWeekend, sets.SetOf);
        }
    }

    /// <summary>The second half of <see cref="ExtendRunBySets"/>: each open shift today from its set's cheapest member.</summary>
    private void ExtendFromSets(int d, int g, int b, int grown, int run, bool newWeekend, int[] setOf)
    {
        var (open, cost, setValue, setArg) = (_open, _slotCost, _keys, _order);
        var (k, runCap, bases, stepTo, weekendUp) = (_k, _runCap, _bases, _shape.StepTo, _shape.WeekendUp);
        var price = newWeekend ? _weekendPrice : 0;
        var row = d * _t;
        for (var i = 0; i < k; i++)
        {
            var s = setOf[i];
            if (s < 0 || setArg[s] < 0)
            {
                continue;
            }

            var c = cost[row + open[i]];
            if (!DutyStep(stepTo, weekendUp, (g * k) + i, newWeekend, c, out var g2))
            {
                continue;
            }

            var to = (g2 * bases) + WorkBase(i, grown, b, runCap);
            if (Relax(g2, to, setValue[s] + c + price, (g * bases) + WorkBase(setArg[s], run, b, runCap)))
            {
                _borderWorkNext |= b == 1;
            }
        }
    }

    /// <summary>
    /// The finite values of one (group, run, b) of yesterday's duty states into <paramref name="keys"/> with their open
    /// shift indexes in <paramref name="order"/>, sorted by value; returns how many.
    /// </summary>
    private static int SortedPredecessors(double[] value, int groupBase, int run, int b, int runCap, int k, double[] keys, int[] order)
    {
        var n = 0;
        for (var i = 0; i < k; i++)
        {
            var v = value[groupBase + WorkBase(i, run, b, runCap)];
            if (v < Infinity)
            {
                keys[n] = v;
                order[n++] = i;
            }
        }

        keys.AsSpan(0, n).Sort(order.AsSpan(0, n));
        return n;
    }

    /// <summary>
    /// Each open shift today after the cheapest of the <paramref name="n"/> sorted predecessors it may follow (neither
    /// forbidden nor timed apart): most pairs are compatible, so the scan stops at the first that is.
    /// </summary>
    private void ExtendRun(int d, int g, int b, int run, int grown, int n, bool newWeekend)
    {
        var (open, cost, keys, order) = (_open, _slotCost, _keys, _order);
        var (k, t, runCap, bases) = (_k, _t, _runCap, _bases);
        var (forbidden, timing, stepTo, weekendUp) = (_r.Forbidden, _r.LooseTiming, _shape.StepTo, _shape.WeekendUp);
        var price = newWeekend ? _weekendPrice : 0;
        var row = d * t;
        for (var i = 0; i < k; i++)
        {
            var t2 = open[i];
            var c = cost[row + t2];
            if (!DutyStep(stepTo, weekendUp, (g * k) + i, newWeekend, c, out var g2))
            {
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                var pair = (open[order[j]] * t) + t2;
                if (forbidden[pair] || timing[pair] != 0)
                {
                    continue;
                }

                var to = (g2 * bases) + WorkBase(i, grown, b, runCap);
                if (Relax(g2, to, keys[j] + c + price, (g * bases) + WorkBase(order[j], run, b, runCap)))
                {
                    _borderWorkNext |= b == 1;
                }

                break;
            }
        }
    }

    /// <summary>
    /// The group a duty of open shift i today leads to from group g (<paramref name="stepIndex"/> = g * k + i): the
    /// counters' step (<see cref="BoundPathShape.StepTo"/>), then one weekend more when <paramref name="newWeekend"/>;
    /// false when a counter would pass its limit or no slot of the shift is priced today (<paramref name="cost"/> infinite).
    /// Shared by the run steps and <see cref="WorkAfterOff"/>; inlined into their inner loops.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool DutyStep(int[] stepTo, int[] weekendUp, int stepIndex, bool newWeekend, double cost, out int group)
    {
        group = stepTo[stepIndex];
        group = group >= 0 && newWeekend ? weekendUp[group] : group;
        return cost != Infinity && group >= 0;
    }

    /// <summary>A duty today after a day off: a new run (b = 0); the off run must be long enough unless it touched the start.</summary>
    private void WorkAfterOff(int d)
    {
        var (value, live) = (_value, _live);
        var weekendToday = _p.WeekendOfDay[d] >= 0;
        for (var g = 0; g < _groups; g++)
        {
            if (!live[g])
            {
                continue;
            }

            for (var o = 1; o <= _offCap; o++)
            {
                for (var b = 0; b < 2; b++)
                {
                    var from = (g * _bases) + OffBase(o, b);
                    if (value[from] != Infinity && (b == 1 || o >= _r.MinDaysOff))
                    {
                        StartRun(d, g, from, weekendToday);
                    }
                }
            }
        }
    }

    /// <summary>Each open shift today as the first duty of a run after yesterday's off state <paramref name="from"/> (in group <paramref name="g"/>).</summary>
    private void StartRun(int d, int g, int from, bool weekendToday)
    {
        var (open, cost, v) = (_open, _slotCost, _value[from]);
        var (k, runCap, bases, stepTo, weekendUp) = (_k, _runCap, _bases, _shape.StepTo, _shape.WeekendUp);
        var price = weekendToday ? _weekendPrice : 0;
        var row = d * _t;
        for (var i = 0; i < k; i++)
        {
            var c = cost[row + open[i]];
            if (!DutyStep(stepTo, weekendUp, (g * k) + i, weekendToday, c, out var g2))
            {
                continue;
            }

            Relax(g2, (g2 * bases) + WorkBase(i, 1, 0, runCap), v + c + price, from);
        }
    }

    /// <summary>A day off after a duty: the run closes; it must be long enough unless it touched the start.</summary>
    private void OffAfterWork(double offCost)
    {
        var (value, live) = (_value, _live);
        var (k, runCap, bases, minRun, borders) = (_k, _runCap, _bases, _r.MinConsecutive, _borderWork ? 2 : 1);
        for (var g = 0; g < _groups; g++)
        {
            if (!live[g])
            {
                continue;
            }

            // The cheapest closing run, first among equals in (shift, run, b) order as the target's running minimum was.
            var (best, bestFrom) = (Infinity, -1);
            for (var i = 0; i < k; i++)
            {
                for (var run = 1; run <= runCap; run++)
                {
                    for (var b = 0; b < borders; b++)
                    {
                        var from = (g * bases) + WorkBase(i, run, b, runCap);
                        if ((b == 1 || run >= minRun) && value[from] + offCost < best)
                        {
                            (best, bestFrom) = (value[from] + offCost, from);
                        }
                    }
                }
            }

            if (bestFrom >= 0)
            {
                Relax(g, (g * bases) + OffBase(1, 0), best, bestFrom);
            }
        }
    }

    /// <summary>A day off after a day off: the off run grows, saturating at the minimum that matters.</summary>
    private void OffAfterOff(double offCost)
    {
        var (value, next, back, row0, live, liveNext) = (_value, _next, _back, _backRow, _live, _liveNext);
        for (var g = 0; g < _groups; g++)
        {
            if (!live[g])
            {
                continue;
            }

            for (var o = 1; o <= _offCap; o++)
            {
                for (var b = 0; b < 2; b++)
                {
                    var from = (g * _bases) + OffBase(o, b);
                    var to = (g * _bases) + OffBase(Math.Min(o + 1, _offCap), b);
                    if (value[from] + offCost < Infinity)
                    {
                        Touch(next, liveNext, g, _bases);
                    }

                    if (value[from] + offCost < next[to])
                    {
                        next[to] = value[from] + offCost;
                        back[row0 + to] = from;
                    }
                }
            }
        }
    }

    /// <summary>The cheapest final state (in a group reached on the last day where a schedule may end), walked back.</summary>
    private double End(int[] path)
    {
        var end = -1;
        var endValue = Infinity;
        for (var s = 0; s < _states; s++)
        {
            if (_value[s] < endValue && _live[s / _bases] && _shape.Ends[s / _bases])
            {
                endValue = _value[s];
                end = s;
            }
        }

        if (end < 0)
        {
            return Infinity;
        }

        for (var d = _days - 1; d >= 0; d--)
        {
            var baseState = end % _bases;
            path[d] = baseState < _workStates ? _open[baseState / (_runCap * 2)] : -1;
            if (d > 0)
            {
                end = _back[(d * _states) + end];
            }
        }

        return endValue;
    }
}
