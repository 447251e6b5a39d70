namespace CommunityDomain.MassTesting.Planners;

/// <summary>Lower bounds on a compound's finish: no plan of any kind can finish earlier.</summary>
/// <remarks>
/// Nobody at site s starts before its walk-down delay d_s after the start, and a station serves one person
/// at a time. So with W the total service work, N the people and t_min / t_max the shortest / longest service
/// time of anyone present, the finish is at least each of: the smallest T with sum over sites of
/// stations_s * max(0, T - d_s) &gt;= W (the stations' capacity after their first arrivals must cover the work);
/// min d + ceil(N / all stations) * t_min (some station serves that many people); min d + t_max.
/// A household comes down together to one site, so the finish is also at least, for every household h, the least over
/// sites s of d_s + max(t_max(h), ceil(n_h / stations_s) * t_min(h), ceil(work_h / stations_s)) (its own bound there).
/// And by T, a household can only be served at a site where its own bound is at most T; so for any set J of
/// households, the work of J must fit into sum over the sites where some member of J could finish by T of
/// stations_s * (T - d_s). The bound is the smallest T passing this for J = the k households hardest to place
/// (largest least own bound), for every k.
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
        var profiles = new HashSet<(int, int, int)>();
        foreach (var h in problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households))
        {
            q += h.QrCode;
            t += h.Typed;
            a += h.Assisted;
            profiles.Add((h.QrCode, h.Typed, h.Assisted));
        }

        var bound = Math.Max(Ticks(problem.Sites, q, t, a, times), Households(problem.Sites, profiles, times));
        return problem.Start + Duration.FromTicks(Placement(problem, bound));
    }

    // The smallest T >= lo at which the hardest-to-place households' work fits the sites they could use by T.
    private static long Placement(WaveProblem problem, long lo)
    {
        var times = problem.ServiceTimes;
        var counts = new Dictionary<(int Q, int T, int A), long>();
        foreach (var h in problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households))
        {
            counts[(h.QrCode, h.Typed, h.Assisted)] = counts.GetValueOrDefault((h.QrCode, h.Typed, h.Assisted)) + 1;
        }

        if (counts.Count == 0)
        {
            return lo;
        }

        var sites = problem.Sites;
        var profiles = counts.Select(x =>
        {
            var own = sites.Select(s => Households([s], [x.Key], times)).ToArray();
            var work = (x.Key.Q * times.QrCode.BclCompatibleTicks) + (x.Key.T * times.Typed.BclCompatibleTicks) + (x.Key.A * times.Assisted.BclCompatibleTicks);
            return (Own: own, Least: own.Min(), Work: (Int128)work * x.Value);
        }).OrderByDescending(p => p.Least).ToArray();

        bool Fits(long at)
        {
            var usable = new bool[sites.Count];
            Int128 work = 0, capacity = 0;
            foreach (var p in profiles)
            {
                work += p.Work;
                for (var s = 0; s < sites.Count; s++)
                {
                    if (!usable[s] && p.Own[s] <= at)
                    {
                        usable[s] = true;
                        capacity += (Int128)sites[s].Stations * (at - sites[s].WalkDown.BclCompatibleTicks);
                    }
                }

                if (work > capacity)
                {
                    return false;
                }
            }

            return true;
        }

        if (Fits(lo))
        {
            return lo;
        }

        // Double the step until it fits (the total work after the latest walk-down and the longest own bound surely does).
        long step = Math.Max(1, lo / 64), hi = lo + step;
        while (!Fits(hi))
        {
            lo = hi;
            step *= 2;
            hi = lo + step;
        }

        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            (lo, hi) = Fits(mid) ? (lo, mid) : (mid, hi);
        }

        return hi;
    }

    // The household term: max over households (by distinct profile) of the least over sites of that household's own bound there.
    internal static long Households(IReadOnlyList<SiteSpec> sites, IEnumerable<(int Q, int T, int A)> profiles, ServiceTimes times)
    {
        long tq = times.QrCode.BclCompatibleTicks, tt = times.Typed.BclCompatibleTicks, ta = times.Assisted.BclCompatibleTicks;
        long result = 0;
        foreach (var (q, t, a) in profiles)
        {
            long people = (long)q + t + a;
            var work = (q * tq) + (t * tt) + (a * ta);
            var minService = Math.Min(q > 0 ? tq : long.MaxValue, Math.Min(t > 0 ? tt : long.MaxValue, a > 0 ? ta : long.MaxValue));
            var maxService = Math.Max(q > 0 ? tq : 0, Math.Max(t > 0 ? tt : 0, a > 0 ? ta : 0));
            var least = long.MaxValue;
            foreach (var site in sites)
            {
                var m = site.Stations;
                var here = site.WalkDown.BclCompatibleTicks + Math.Max(maxService, Math.Max((people + m - 1) / m * minService, CeilDiv(work, m)));
                least = Math.Min(least, here);
            }

            result = Math.Max(result, least);
        }

        return result;
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
