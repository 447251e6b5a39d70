namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// Which of a worker's open shift types may be worked the date before which (neither a forbidden succession nor too
/// little rest or an overlap), for the run step of the bound's path (<see cref="BoundPath"/>): the types that accept
/// the same predecessors share one set, so a day's step finds each set's cheapest member once and every type of the set
/// reads it. Shift patterns make few distinct sets (Instance12's ten types: four, nested: mornings after mornings,
/// days after mornings or days, ...), where sorting each run's predecessors and scanning them per type cost
/// k log k + k scans.
/// </summary>
internal sealed class BoundPredecessors
{
    private BoundPredecessors(int[] setOf, int[] start, int[] members)
    {
        SetOf = setOf;
        Start = start;
        Members = members;
    }

    /// <summary>Per open index (today's type): its set, or -1 when no duty may precede it.</summary>
    public int[] SetOf { get; }

    /// <summary>Per set, where its members begin in <see cref="Members"/>; one entry more, the end of the last set.</summary>
    public int[] Start { get; }

    /// <summary>The sets' members: open indexes (yesterday's type), ascending within a set.</summary>
    public int[] Members { get; }

    /// <summary>Number of distinct sets.</summary>
    public int Count => Start.Length - 1;

    /// <summary>
    /// The sets for a worker with rules <paramref name="r"/> and open types <paramref name="open"/> (of
    /// <paramref name="shiftCount"/>), or null when their members together outnumber k (2 + log2 k) for k open types:
    /// then sorting each run's predecessors once and scanning them is cheaper (many distinct sets).
    /// </summary>
    public static BoundPredecessors? Of(CompiledRules r, int[] open, int shiftCount)
    {
        var k = open.Length;
        var setOf = new int[k];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<int[]>();
        var key = new char[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var pair = (open[j] * shiftCount) + open[i];
                key[j] = r.Forbidden[pair] || r.Timing[pair] != 0 ? '0' : '1';
            }

            var text = new string(key);
            if (!text.Contains('1', StringComparison.Ordinal))
            {
                setOf[i] = -1;
                continue;
            }

            if (!index.TryGetValue(text, out var set))
            {
                set = sets.Count;
                index.Add(text, set);
                sets.Add([.. Enumerable.Range(0, k).Where(j => key[j] == '1')]);
            }

            setOf[i] = set;
        }

        var total = sets.Sum(s => s.Length);
        if (total > k * (2 + Math.Log2(Math.Max(1, k))))
        {
            return null;
        }

        var start = new int[sets.Count + 1];
        for (var s = 0; s < sets.Count; s++)
        {
            start[s + 1] = start[s] + sets[s].Length;
        }

        return new BoundPredecessors(setOf, start, [.. sets.SelectMany(s => s)]);
    }
}
