using System.Runtime.InteropServices;

namespace CommunityDomain.Supplies.Allocation;

/// <summary>
/// Capped divisor apportionment of one tier in O(n): unit k (0-based) of claim i has the key
/// (2k + delta2) / (2 w_i); units go out in increasing key order, ties by household id, at most a claim's need.
/// delta2 = 0 with the claims' weights is weighted max-min (Adams); delta2 = 1 with w_i = need is Webster.
/// </summary>
/// <remarks>
/// The S-th smallest key is found exactly: claims are grouped by (weight, need), a floating-point bisection
/// over the groups gets close, and an exact walk over rational keys settles it. One pass then gives every
/// claim its units below the key and the ties at the key in household-id order.
/// </remarks>
internal static class DivisorApportionment
{
    public static (long Numerator, long Denominator) Apportion(
        ReadOnlySpan<Claim> claims, int tier, bool weightIsNeed, int delta2, long supply, Span<int> result, CancellationToken cancellationToken)
    {
        if (supply <= 0)
        {
            return (0, 1);
        }

        var (gw, gd, gc) = GroupByWeightAndNeed(claims, tier, weightIsNeed, cancellationToken);
        var (a, b) = Threshold(gw, gd, gc, delta2, supply);
        var (given, ties) = GiveUnitsBelowKey(claims, tier, weightIsNeed, delta2, a, b, result);
        var rest = supply - given;
        if (rest > 0)
        {
            GiveTiesBySmallestId(claims, tier, weightIsNeed, delta2, a, b, ties, rest, result);
        }

        return (a, b);
    }

    private static long WeightOf(in Claim c, bool weightIsNeed) => weightIsNeed ? c.Need : c.Weight;

    // The tier's claims with units to give, counted by (weight, need): the key search runs over groups, not claims.
    private static (long[] Weights, long[] Needs, long[] Counts) GroupByWeightAndNeed(
        ReadOnlySpan<Claim> claims, int tier, bool weightIsNeed, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<long, long>(PairKeyComparer.Instance);
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            if (c.Tier == tier && c.Need > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(groups, (WeightOf(c, weightIsNeed) << 32) | (uint)c.Need, out _)++;
            }

            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var gw = new long[groups.Count];
        var gd = new long[groups.Count];
        var gc = new long[groups.Count];
        var n = 0;
        foreach (var (key, count) in groups)
        {
            gw[n] = key >> 32;
            gd[n] = key & 0xFFFFFFFF;
            gc[n] = count;
            n++;
        }

        return (gw, gd, gc);
    }

    // Units below the key go to everyone; returns how many were given and how many claims have a unit at the key.
    private static (long Given, int Ties) GiveUnitsBelowKey(
        ReadOnlySpan<Claim> claims, int tier, bool weightIsNeed, int delta2, long a, long b, Span<int> result)
    {
        long given = 0;
        var ties = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            if (c.Tier != tier)
            {
                continue;
            }

            var w = WeightOf(c, weightIsNeed);
            var lt = CountLt(w, c.Need, a, b, delta2);
            result[i] = (int)lt;
            given += lt;
            ties += CountLe(w, c.Need, a, b, delta2) > lt ? 1 : 0;
        }

        return (given, ties);
    }

    // The rest of the supply goes to the claims tied at the key, smallest household ids first.
    private static void GiveTiesBySmallestId(
        ReadOnlySpan<Claim> claims, int tier, bool weightIsNeed, int delta2, long a, long b, int ties, long rest, Span<int> result)
    {
        var tieIds = new int[ties];
        var t = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            if (c.Tier == tier && CountLe(WeightOf(c, weightIsNeed), c.Need, a, b, delta2) > result[i])
            {
                tieIds[t++] = c.Household.Value;
            }
        }

        Array.Sort(tieIds);
        var lastId = tieIds[(int)rest - 1];
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            if (c.Tier == tier && c.Household.Value <= lastId && CountLe(WeightOf(c, weightIsNeed), c.Need, a, b, delta2) > result[i])
            {
                result[i]++;
            }
        }
    }

    // A (weight, need) pair packed in a long. long.GetHashCode XORs its two halves, so with weight = need (Webster,
    // Jefferson, Adams) every pair hashed to 0 and the grouping was quadratic: 100,000 distinct needs took tens of
    // seconds, six times the unit-by-unit reference (issue 15). A Fibonacci multiply spreads the pairs.
    internal sealed class PairKeyComparer : IEqualityComparer<long>
    {
        public static readonly PairKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long obj) => unchecked((int)(((ulong)obj * 0x9E3779B97F4A7C15UL) >> 32));
    }

    // Needs and weights up to int.MaxValue make a and b up to ~2^32, so 2 a w reaches ~2^64: Int128 keeps it exact.
    internal static long CountLe(long w, long d, long a, long b, int delta2)
    {
        var t = (2 * (Int128)a * w) - (delta2 * b);
        return t < 0 ? 0 : (long)Int128.Min(d, (t / (2 * b)) + 1);
    }

    internal static long CountLt(long w, long d, long a, long b, int delta2)
    {
        var t = (2 * (Int128)a * w) - (delta2 * b);
        return t <= 0 ? 0 : (long)Int128.Min(d, ((t - 1) / (2 * b)) + 1);
    }

    // a / b < c / d for positive denominators, exactly.
    private static bool Less(long a, long b, long c, long d) => (Int128)a * d < (Int128)c * b;

    // The S-th smallest key: close in doubles, then settled exactly over rational keys.
    private static (long A, long B) Threshold(long[] gw, long[] gd, long[] gc, int delta2, long supply)
    {
        var hi = Bisect(gw, gd, gc, delta2, supply);
        var (a, b) = LargestKeyAtOrBelow(gw, gd, delta2, hi);
        while (true)
        {
            if (Total(gw, gd, gc, a, b, delta2, orEqual: true) < supply)
            {
                (a, b) = Next(gw, gd, a, b, delta2);
            }
            else if (Total(gw, gd, gc, a, b, delta2, orEqual: false) >= supply)
            {
                (a, b) = Previous(gw, gd, a, b, delta2);
            }
            else
            {
                return (a, b);
            }
        }
    }

    // Bisection in doubles: the smallest value whose count of keys at or below reaches the supply.
    private static double Bisect(long[] gw, long[] gd, long[] gc, int delta2, long supply)
    {
        double lo = 0, hi = 0;
        for (var k = 0; k < gw.Length; k++)
        {
            hi = Math.Max(hi, ((2.0 * (gd[k] - 1)) + delta2) / (2.0 * gw[k]));
        }

        for (var iteration = 0; iteration < 100 && hi - lo > 1e-12 * Math.Max(1, hi); iteration++)
        {
            var mid = (lo + hi) / 2;
            double count = 0;
            for (var k = 0; k < gw.Length; k++)
            {
                var t = (2 * mid * gw[k]) - delta2;
                count += t < 0 ? 0 : gc[k] * Math.Min(gd[k], Math.Floor(t / 2) + 1);
            }

            if (count >= supply)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    // The walk starts from the largest key at or below hi. A group with no key at or below hi is skipped: clamping it to
    // its first key started the walk far above the threshold when needs are populations (a claim of 50,000 among claims
    // of millions), and the walk took thousands of O(groups) steps.
    private static (long A, long B) LargestKeyAtOrBelow(long[] gw, long[] gd, int delta2, double hi)
    {
        long a = 0, b = 1;
        var found = false;
        for (var k = 0; k < gw.Length; k++)
        {
            var below = Math.Floor(((2 * hi * gw[k]) - delta2) / 2);
            if (below < 0)
            {
                continue;
            }

            var j = (long)Math.Min(below, gd[k] - 1);
            var (ka, kb) = ((2 * j) + delta2, 2 * gw[k]);
            if (!found || Less(a, b, ka, kb))
            {
                (a, b, found) = (ka, kb, true);
            }
        }

        return (a, b);
    }

    private static long Total(long[] gw, long[] gd, long[] gc, long a, long b, int delta2, bool orEqual)
    {
        long total = 0;
        for (var k = 0; k < gw.Length; k++)
        {
            total += gc[k] * (orEqual ? CountLe(gw[k], gd[k], a, b, delta2) : CountLt(gw[k], gd[k], a, b, delta2));
        }

        return total;
    }

    private static (long A, long B) Next(long[] gw, long[] gd, long a, long b, int delta2)
    {
        (long A, long B)? best = null;
        for (var k = 0; k < gw.Length; k++)
        {
            var j = CountLe(gw[k], gd[k], a, b, delta2);
            if (j < gd[k])
            {
                var key = ((2 * j) + delta2, 2 * gw[k]);
                best = best is { } x && !Less(key.Item1, key.Item2, x.A, x.B) ? x : key;
            }
        }

        return best ?? throw new System.Diagnostics.UnreachableException("No key above the threshold: the supply exceeds the need.");
    }

    private static (long A, long B) Previous(long[] gw, long[] gd, long a, long b, int delta2)
    {
        (long A, long B)? best = null;
        for (var k = 0; k < gw.Length; k++)
        {
            var j = CountLt(gw[k], gd[k], a, b, delta2) - 1;
            if (j >= 0)
            {
                var key = ((2 * j) + delta2, 2 * gw[k]);
                best = best is { } x && !Less(x.A, x.B, key.Item1, key.Item2) ? x : key;
            }
        }

        return best ?? throw new System.Diagnostics.UnreachableException("No key below the threshold: the supply is zero.");
    }
}
