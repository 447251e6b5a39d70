using System.Numerics;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// Whether the stations can have served everyone by a finish T, intake by intake (helper waves19). A station of site s serves
/// whole people one at a time, none before the walk-down d_s, so by T it has served a count (a, t, q) of assisted, typed and
/// QR residents with a * t_a + t * t_t + q * t_q &lt;= T - d_s. For any weights w &gt;= 0, the weighted count of everyone is
/// then at most the sum over stations of the best weighted count that fits (an integer knapsack over the three service
/// times); the weights (w_a, w_t, w_q) = (t_a, t_t, t_q) give the work term, and others see what the work hides: with 26 s,
/// 54 s and 32 s a station with 30 s left serves one QR or assisted resident and no typed one, and with 118 s left two typed
/// residents or one typed and two QR, never three typed. A plan finishing by T has such counts, so failing for any w proves
/// no plan finishes by T (the dual of the configuration linear programme, one weight vector at a time).
/// </summary>
internal sealed class StationMix
{
    /// <summary>Largest weight per intake in the family tried: every vector of 0-4 per intake present (91 vectors for three
    /// intakes once multiples are dropped), enough for service times up to four times one another (a cost choice: each vector
    /// costs one knapsack per site).</summary>
    internal const int MaxWeight = 4;

    /// <summary>(a, t) counts enumerated per site and finish before a site's knapsack is replaced by its fractional bound,
    /// span * max w / time (still at least the best whole count, so still a bound; cost, not validity).</summary>
    internal const long PatternBudget = 4096;

    private readonly long[] _times;
    private readonly long[] _people;
    private readonly int[][] _weights;

    /// <summary>Intakes in the order assisted, typed, QR; an intake nobody needs gets no weight and no place in a knapsack.</summary>
    public StationMix(ServiceTimes times, long assisted, long typed, long qr)
    {
        _times = [times.Assisted.BclCompatibleTicks, times.Typed.BclCompatibleTicks, times.QrCode.BclCompatibleTicks];
        _people = [assisted, typed, qr];
        var weights = new List<int[]>();
        var top = _people.Select(n => n > 0 ? MaxWeight : 0).ToArray();
        for (var a = 0; a <= top[0]; a++)
        {
            for (var t = 0; t <= top[1]; t++)
            {
                for (var q = 0; q <= top[2]; q++)
                {
                    if (BigInteger.GreatestCommonDivisor(BigInteger.GreatestCommonDivisor(a, t), q) == 1)
                    {
                        weights.Add([a, t, q]);
                    }
                }
            }
        }

        _weights = [.. weights];
    }

    /// <summary>Whether every weight vector's count of everyone fits the stations' best counts by <paramref name="at"/>.</summary>
    public bool Fits(IReadOnlyList<SiteSpec> sites, long at)
    {
        var patterns = sites.Select(s => Patterns(at - s.WalkDown.BclCompatibleTicks)).ToArray();
        foreach (var w in _weights)
        {
            var need = (w[0] * _people[0]) + (w[1] * _people[1]) + (w[2] * _people[2]);
            Int128 have = 0;
            for (var s = 0; s < sites.Count && have < need; s++)
            {
                have += (Int128)sites[s].Stations * Best(patterns[s], at - sites[s].WalkDown.BclCompatibleTicks, w);
            }

            if (have < need)
            {
                return false;
            }
        }

        return true;
    }

    // Every (a, t) count that fits the span, with as many QR residents as fit the rest (the best count for any weights is one
    // of them); null when there would be more than PatternBudget (the fractional bound stands in) and empty for no span.
    private long[][]? Patterns(long span)
    {
        if (span <= 0)
        {
            return [];
        }

        var most = _times.Select((time, k) => _people[k] > 0 ? span / time : 0).ToArray();
        // Compared one factor at a time first: spans of days over millisecond services would overflow the product.
        if (most[0] >= PatternBudget || most[1] >= PatternBudget || (most[0] + 1) * (most[1] + 1) > PatternBudget)
        {
            return null;
        }

        var patterns = new List<long[]>();
        for (long a = 0; a <= most[0]; a++)
        {
            for (long t = 0; t <= most[1] && (a * _times[0]) + (t * _times[1]) <= span; t++)
            {
                var rest = span - (a * _times[0]) - (t * _times[1]);
                patterns.Add([a, t, most[2] > 0 ? rest / _times[2] : 0]);
            }
        }

        return [.. patterns];
    }

    // The best weighted count one station can serve in the span: the best pattern, or the fractional bound without patterns.
    private long Best(long[][]? patterns, long span, int[] w)
    {
        if (span <= 0)
        {
            return 0;
        }

        var best = 0L;
        if (patterns is null)
        {
            for (var k = 0; k < 3; k++)
            {
                best = Math.Max(best, _people[k] > 0 ? (long)((Int128)span * w[k] / _times[k]) : 0);
            }

            return best;
        }

        foreach (var p in patterns)
        {
            best = Math.Max(best, (w[0] * p[0]) + (w[1] * p[1]) + (w[2] * p[2]));
        }

        return best;
    }
}
