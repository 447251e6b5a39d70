namespace CommunityDomain.Supplies.Allocation;

/// <summary>
/// Capped Huntington-Hill (equal proportions) for one tier: unit k (0-based) of claim i has the key
/// sqrt(k (k + 1)) / need_i; the supply goes to the smallest keys, ties by household id, at most a claim's need.
/// </summary>
/// <remarks>
/// Keys are compared exactly by their squares, k (k + 1) x need_j^2 against k' (k' + 1) x need_i^2, in Int128.
/// A floating-point bisection on the level finds a start that every claim surely reaches (two units below its
/// floating-point count), and an exact priority queue hands out the rest one unit at a time: O(n log n).
/// </remarks>
internal static class HuntingtonHillApportionment
{
    // Keys compared exactly by their squares, then by household id; one comparer for every call (it holds no state).
    private static readonly Comparer<(long K, long Need, int Id)> ByKey = Comparer<(long K, long Need, int Id)>.Create(static (x, y) =>
    {
        var byKey = ((Int128)x.K * (x.K + 1) * y.Need * y.Need).CompareTo((Int128)y.K * (y.K + 1) * x.Need * x.Need);
        return byKey != 0 ? byKey : x.Id.CompareTo(y.Id);
    });

    // Three phases: a floating-point level every claim surely reaches (StartLevel), the units below it given at once
    // (GiveStart), then the exact queue hands out the rest one unit at a time. Named apart because the first is
    // approximate and the last exact: the split is where the remarks' correctness argument changes footing.
    public static void Apportion(ReadOnlySpan<Claim> claims, int tier, long supply, Span<int> result, CancellationToken cancellationToken)
    {
        if (supply <= 0)
        {
            return;
        }

        var (lo, target) = StartLevel(claims, tier, supply);
        cancellationToken.ThrowIfCancellationRequested();

        var queue = new PriorityQueue<int, (long K, long Need, int Id)>(ByKey);
        var given = GiveStart(claims, tier, lo, target, result, queue);
        for (; given < supply && queue.TryDequeue(out var i, out _); given++)
        {
            var x = ++result[i];
            if (x < claims[i].Need)
            {
                queue.Enqueue(i, (x, claims[i].Need, claims[i].Household.Value));
            }
        }
    }

    // Float counts may overshoot the exact ones by one per claim, so aim n below the supply: then the exact
    // number of keys at or below lo is at most the supply, and every start unit is among the S smallest keys.
    private static (double Level, long Target) StartLevel(ReadOnlySpan<Claim> claims, int tier, long supply)
    {
        var n = 0;
        foreach (var c in claims)
        {
            n += c.Tier == tier && c.Need > 0 ? 1 : 0;
        }

        var target = supply - n;
        double lo = 0, hi = 1;
        while (target > 0 && Total(claims, tier, hi) <= target && hi < 1e300)
        {
            hi *= 2;
        }

        for (var iteration = 0; target > 0 && iteration < 200 && hi - lo > 1e-15 * hi; iteration++)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = Total(claims, tier, mid) <= target ? (mid, hi) : (lo, mid);
        }

        return (lo, target);
    }

    // A safe start: two units under the floating-point count at a level whose count is at most the supply. Queues every
    // claim of the tier that can take more; returns the units given.
    private static long GiveStart(ReadOnlySpan<Claim> claims, int tier, double lo, long target, Span<int> result, PriorityQueue<int, (long K, long Need, int Id)> queue)
    {
        long given = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            if (c.Tier != tier)
            {
                continue;
            }

            result[i] = c.Need > 0 && target > 0 ? (int)Math.Max(0, Count(lo, c.Need) - 2) : 0;
            given += result[i];
            if (result[i] < c.Need)
            {
                queue.Enqueue(i, (result[i], c.Need, c.Household.Value));
            }
        }

        return given;
    }

    // Units of a claim whose key is at most level: k (k + 1) <= (level x need)^2, in floating point.
    private static double Count(double level, int need)
    {
        var x = level * need;
        var k = Math.Floor((-1 + Math.Sqrt(1 + (4 * x * x))) / 2) + 1;
        return Math.Min(need, k);
    }

    private static double Total(ReadOnlySpan<Claim> claims, int tier, double level)
    {
        double total = 0;
        foreach (var c in claims)
        {
            total += c.Tier == tier && c.Need > 0 ? Count(level, c.Need) : 0;
        }

        return total;
    }
}
