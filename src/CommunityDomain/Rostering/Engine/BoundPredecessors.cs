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
    private BoundPredecessors(int[] setOf, int[] start, int[] members, bool nested)
    {
        SetOf = setOf;
        Start = start;
        Members = members;
        Nested = nested;
    }

    /// <summary>Per open index (today's type): its set, or -1 when no duty may precede it.</summary>
    public int[] SetOf { get; }

    /// <summary>Per set, where its members begin in <see cref="Members"/>; one entry more, the end of the last set.</summary>
    public int[] Start { get; }

    /// <summary>The sets' members: open indexes (yesterday's type), ascending within a set; when <see cref="Nested"/>, only those not in the set before.</summary>
    public int[] Members { get; }

    /// <summary>
    /// Whether each set holds the one before it (smallest first), as shift patterns' sets do (every worker of Instances
    /// 8, 12, 14 and the community problems): then <see cref="Members"/> keep only each set's new members, and a run step
    /// finds set s's cheapest from set s - 1's and the new ones, k reads for all sets instead of their sizes' sum
    /// (community-300's 20-type workers: 20 instead of 45).
    /// </summary>
    public bool Nested { get; }

    /// <summary>Number of distinct sets.</summary>
    public int Count => Start.Length - 1;

    /// <summary>
    /// The sets for a worker with rules <paramref name="r"/> and open types <paramref name="open"/> (of
    /// <paramref name="shiftCount"/>), or null when their members together outnumber k (2 + log2 k) for k open types:
    /// then sorting each run's predecessors once and scanning them is cheaper (many distinct sets).
    /// </summary>
    /// <param name="r">The worker's rules.</param>
    /// <param name="open">The worker's open shift types, in the problem's order.</param>
    /// <param name="shiftCount">The problem's shift types.</param>
    /// <param name="nest">False keeps every set whole even when they nest (tests compare the two).</param>
    public static BoundPredecessors? Of(CompiledRules r, int[] open, int shiftCount, bool nest = true)
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
                key[j] = r.Forbidden[pair] || r.LooseTiming[pair] != 0 ? '0' : '1';
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

        return nest && Chain(sets) is { } chain ? Layered(setOf, sets, chain) : Flat(setOf, sets);
    }

    /// <summary>The sets whole, in order of first use.</summary>
    private static BoundPredecessors Flat(int[] setOf, List<int[]> sets)
    {
        var start = new int[sets.Count + 1];
        for (var s = 0; s < sets.Count; s++)
        {
            start[s + 1] = start[s] + sets[s].Length;
        }

        return new BoundPredecessors(setOf, start, [.. sets.SelectMany(s => s)], nested: false);
    }

    /// <summary>The sets' indexes smallest first when each holds the one before (distinct sets, so sizes differ), else null.</summary>
    private static int[]? Chain(List<int[]> sets)
    {
        int[] order = [.. Enumerable.Range(0, sets.Count).OrderBy(s => sets[s].Length)];
        for (var c = 1; c < order.Length; c++)
        {
            if (sets[order[c - 1]].Except(sets[order[c]]).Any())
            {
                return null;
            }
        }

        return order;
    }

    /// <summary>The nested sets smallest first, each with only its members not in the set before (ascending).</summary>
    private static BoundPredecessors Layered(int[] setOf, List<int[]> sets, int[] chain)
    {
        var rank = new int[sets.Count];
        var start = new int[sets.Count + 1];
        var members = new List<int>();
        for (var c = 0; c < chain.Length; c++)
        {
            rank[chain[c]] = c;
            members.AddRange(c == 0 ? sets[chain[c]] : sets[chain[c]].Except(sets[chain[c - 1]]));
            start[c + 1] = members.Count;
        }

        return new BoundPredecessors([.. setOf.Select(s => s < 0 ? -1 : rank[s])], start, [.. members], nested: true);
    }
}
