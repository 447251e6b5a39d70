namespace CommunityDomain.MassTesting.Planners;

/// <summary>Lower bounds on a compound's finish: no plan of any kind can finish earlier.</summary>
/// <remarks>
/// Nobody at site s starts before its walk-down delay d_s after the start, and a station serves one person
/// at a time. So with W the total service work, N the people and t_min / t_max the shortest / longest service
/// time of anyone present, the finish is at least each of: the smallest T with sum over sites of
/// stations_s * max(0, T - d_s) &gt;= W (the stations' capacity after their first arrivals must cover the work);
/// min d + ceil(N / all stations) * t_min (some station serves that many people); min d + t_max.
/// </remarks>
public static class WaveLowerBound
{
    /// <summary>The bound of a whole problem, whatever the assignment of buildings to sites.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The bound.</returns>
    public static Instant Of(WaveProblem problem)
    {
        Guard.Against.Null(problem);
        var times = problem.ServiceTimes;
        int q = 0, t = 0, a = 0;
        foreach (var h in problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households))
        {
            q += h.QrCode;
            t += h.Typed;
            a += h.Assisted;
        }

        return problem.Start + Duration.FromTicks(Ticks(problem.Sites, q, t, a, times));
    }

    internal static long Ticks(IReadOnlyList<SiteSpec> sites, long q, long t, long a, ServiceTimes times)
    {
        var people = q + t + a;
        if (people == 0)
        {
            return 0;
        }

        long tq = times.QrCode.BclCompatibleTicks, tt = times.Typed.BclCompatibleTicks, ta = times.Assisted.BclCompatibleTicks;
        var work = (q * tq) + (t * tt) + (a * ta);
        var minService = Math.Min(q > 0 ? tq : long.MaxValue, Math.Min(t > 0 ? tt : long.MaxValue, a > 0 ? ta : long.MaxValue));
        var maxService = Math.Max(q > 0 ? tq : 0, Math.Max(t > 0 ? tt : 0, a > 0 ? ta : 0));
        var minDelay = sites.Min(s => s.WalkDown.BclCompatibleTicks);
        var stations = sites.Sum(s => (long)s.Stations);
        var byCount = minDelay + ((people + stations - 1) / stations * minService);
        var byLongest = minDelay + maxService;
        return Math.Max(WaterLevel(sites, work), Math.Max(byCount, byLongest));
    }

    // Smallest T with sum stations_s * max(0, T - d_s) >= work: fill sites in delay order.
    internal static long WaterLevel(IReadOnlyList<SiteSpec> sites, long work)
    {
        var ordered = sites.OrderBy(s => s.WalkDown).ToArray();
        long stations = 0, delayedWork = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            stations += ordered[i].Stations;
            delayedWork += ordered[i].Stations * ordered[i].WalkDown.BclCompatibleTicks;
            var level = CeilDiv(work + delayedWork, stations);
            if (i == ordered.Length - 1 || level <= ordered[i + 1].WalkDown.BclCompatibleTicks)
            {
                return level;
            }
        }

        return 0;
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
