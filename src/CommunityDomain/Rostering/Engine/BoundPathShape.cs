namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// The counters one worker's <see cref="BoundPath"/> carries besides runs: worked weekends, total minutes (gcd units)
/// and duties of chosen shift types, each only when its limit binds. A group is one value of all counters (mixed
/// radix, group 0 = all zero); a limit kept in the path can never be broken by it, a limit left out is priced. Also
/// which open types may follow which (<see cref="Predecessors"/>), and what a group needs to reach the minimum minutes.
/// </summary>
internal sealed class BoundPathShape
{
    private BoundPathShape(int groups, int[] stepTo, int[] weekendUp, bool[] ends)
    {
        Groups = groups;
        StepTo = stepTo;
        WeekendUp = weekendUp;
        Ends = ends;
        UnitsOf = new int[groups];
    }

    /// <summary>Number of groups (product of the counters' sizes; 1 when nothing is tracked).</summary>
    public int Groups { get; }

    /// <summary>Per group * open types + open index: the group after one more duty of that type, -1 past a limit.</summary>
    public int[] StepTo { get; }

    /// <summary>Per group: the group with one more weekend worked, -1 past the maximum (itself when not tracked).</summary>
    public int[] WeekendUp { get; }

    /// <summary>Per group: whether a schedule may end there (total minutes at least the minimum, when tracked).</summary>
    public bool[] Ends { get; }

    /// <summary>Per group: the minute units it counts (0 when minutes are not tracked).</summary>
    public int[] UnitsOf { get; }

    /// <summary>The fewest minute units a schedule must end with (0 when minutes are not tracked).</summary>
    public int MinUnits { get; private init; }

    /// <summary>The most minute units one duty adds (the longest open type's).</summary>
    public int MostUnitsPerDuty { get; private init; }

    /// <summary>The sets of types that may precede each open type, or null when the path sorts predecessors instead.</summary>
    public BoundPredecessors? Predecessors { get; private init; }

    /// <summary>
    /// The shape for a worker with <paramref name="open"/> shift types: <paramref name="weekends"/> counter size (0 =
    /// untracked), <paramref name="units"/> minute units (0 = untracked) and per-type duty counters
    /// (<paramref name="counted"/>: shift type and its maximum). <paramref name="unitsOf"/> holds every shift type's
    /// minute units (so its length is the problem's shift count). <paramref name="nestSets"/> false keeps nested
    /// predecessor sets whole (<see cref="BoundPredecessors.Nested"/>). <paramref name="predecessorSets"/> false makes the path
    /// sort predecessors whatever the sets would cost (tests compare the two).
    /// </summary>
    public static BoundPathShape Of(CompiledRules r, int[] open, int[] unitsOf, int minuteUnit, int weekends, int units, IReadOnlyList<(int Type, int Max)> counted, bool predecessorSets = true, bool nestSets = true)
    {
        // Counter j has size sizes[j] and stride strides[j]; counter 0 is weekends, 1 minutes, 2.. the shift types.
        var sizes = new List<int> { Math.Max(1, weekends), Math.Max(1, units) };
        sizes.AddRange(counted.Select(c => c.Max + 1));
        var strides = new int[sizes.Count];
        var groups = 1;
        for (var j = sizes.Count - 1; j >= 0; j--)
        {
            strides[j] = groups;
            groups *= sizes[j];
        }

        var k = open.Length;
        var shape = new BoundPathShape(groups, new int[groups * k], new int[groups], new bool[groups])
        {
            MinUnits = units == 0 ? 0 : (int)((r.MinMinutes + (long)minuteUnit - 1) / minuteUnit),
            MostUnitsPerDuty = open.Length == 0 ? 0 : open.Max(t => unitsOf[t]),
            Predecessors = predecessorSets ? BoundPredecessors.Of(r, open, unitsOf.Length, nestSets) : null,
        };
        for (var g = 0; g < groups; g++)
        {
            var we = g / strides[0] % sizes[0];
            var u = g / strides[1] % sizes[1];
            shape.WeekendUp[g] = weekends == 0 ? g : we + 1 < sizes[0] ? g + strides[0] : -1;
            shape.Ends[g] = units == 0 || (long)u * minuteUnit >= r.MinMinutes;
            shape.UnitsOf[g] = units == 0 ? 0 : u;
            for (var i = 0; i < k; i++)
            {
                shape.StepTo[(g * k) + i] = Step(g, open[i], unitsOf, units == 0 ? -1 : u, sizes, strides, counted);
            }
        }

        return shape;
    }

    /// <summary>The group after a duty of type <paramref name="t"/> from group <paramref name="g"/> (its units <paramref name="u"/>, -1 untracked), -1 past a limit.</summary>
    private static int Step(int g, int t, int[] unitsOf, int u, List<int> sizes, int[] strides, IReadOnlyList<(int Type, int Max)> counted)
    {
        var to = g;
        if (u >= 0)
        {
            to = u + unitsOf[t] < sizes[1] ? to + (unitsOf[t] * strides[1]) : -1;
        }

        for (var j = 0; j < counted.Count && to >= 0; j++)
        {
            if (counted[j].Type == t)
            {
                to = (g / strides[j + 2] % sizes[j + 2]) + 1 < sizes[j + 2] ? to + strides[j + 2] : -1;
            }
        }

        return to;
    }
}
