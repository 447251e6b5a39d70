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
/// (largest least own bound), for every k. A station serves whole people, so what it can have done by T is the largest
/// sum of the service times present that fits in T - d_s (not T - d_s itself); the capacities above use that. And a
/// household is served whole at one site, so for every household size w (its work), a site that can have done C by T
/// holds at most floor(C / w) households of work w or more: the households of work at least w must fit that way into
/// the sites where one of them could finish by T. (On single-station sites with households of 1 and 3 people the
/// divisible work bound was 15% under the optimum; this makes it exact there.) And for every service length L present, the
/// people whose service takes L or more each need a station for L: a station of a site usable by T serves at most
/// floor((T - d_s) / L) of them, so they must fit into the sum of those counts (three typed residents on two stations
/// need 2L even when the work alone would fit earlier). And a site serves first come, first served, each household's people
/// one after another (assisted, typed, QR), while a station starts at most one person per shortest service time t_min from
/// its walk-down on: the person at 0-based place j of a site's order starts no earlier than d_s + floor(j / stations_s) *
/// t_min. So a household finishing by T at s must end by a place D(h, s, T); at one site the households with D at most K
/// hold at most K people, and over all sites, for every household profile c, the households whose D is at most c's at
/// every site hold at most the sum of c's D over the sites c can use by T (31 households of QR, QR and typed on 80
/// stations: only 26 start their typed resident in the first round, so the finish is 120 s, not the 100 s of the work).
/// When every household has the same residents (the same QR, typed and assisted counts) and the replays cost at most
/// <see cref="IdenticalSteps"/> person-station steps, the bound is the optimum itself: each site's finish with its first k
/// households is replayed once (calls landing as early as the queue allows, which is best for any order, and all orders
/// are alike), and the smallest T at which the sites can finish all households is the N-th smallest of those finishes
/// (35 such households on 4 sites of 6 stations: 200 s, where the terms above said 180 s).
/// And what a station has served by T is a whole count of assisted, typed and QR residents whose services fit in T - d_s, so
/// for any weights of the three intakes the weighted count of everyone must fit the sum over stations of the best weighted
/// count (<see cref="StationMix"/>; a station with 30 s left of 26, 54 and 32 s services serves one QR or assisted resident
/// and no typed one, which the work term counts as 30 s of anything: 160 s where the terms above said 150 s).
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
        bound = Placement(problem, bound);
        if (q + t + a > 0)
        {
            var mix = new StationMix(times, a, t, q);
            bound = Smallest(at => mix.Fits(problem.Sites, at), bound);
        }

        if (profiles.Count == 1)
        {
            bound = Math.Max(bound, Identical(problem));
        }

        return problem.Start + Duration.FromTicks(bound);
    }

    /// <summary>The intake term alone (<see cref="StationMix"/>): the smallest finish at which every weighting of the assisted,
    /// typed and QR residents fits the stations' best whole counts; for the tests, which check it against proven optima.</summary>
    internal static Instant ByMix(WaveProblem problem)
    {
        var people = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).ToArray();
        var mix = new StationMix(problem.ServiceTimes, people.Sum(h => (long)h.Assisted), people.Sum(h => (long)h.Typed), people.Sum(h => (long)h.QrCode));
        return problem.Start + Duration.FromTicks(people.Length == 0 ? 0 : Smallest(at => mix.Fits(problem.Sites, at), 0));
    }

    /// <summary>Most person-station steps the replays of <see cref="Identical"/> may take (beyond it that term is left out).</summary>
    internal const long IdenticalSteps = 20_000_000;

    // Every household alike: a site's finish with k of them is the replay of k one-household calls each landing as early as
    // the queue allows (all orders are the same, and earliest landing is best for an order), and the first k of a longer
    // replay are that replay (later arrivals never delay earlier people, first come, first served). So the optimum is the
    // smallest T at which the sites' counts of households finished by T add up to all of them: the N-th smallest of the
    // sites' prefix finishes. 0 (no bound) when the replays would cost more than IdenticalSteps.
    private static long Identical(WaveProblem problem)
    {
        var homes = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).ToArray();
        var stations = problem.Sites.Sum(s => (long)s.Stations);
        if (homes.Length == 0 || (long)problem.People * stations > IdenticalSteps)
        {
            return 0;
        }

        var household = homes[0];
        var people = household.People;
        var finishes = new List<long>(homes.Length * problem.Sites.Count);
        var trace = new List<(long Arrival, long Start, long End, int Station)>(problem.People);
        var queue = new SiteQueue(problem.ServiceTimes) { Trace = trace };
        foreach (var site in problem.Sites)
        {
            trace.Clear();
            queue.Reset(site.Stations, site.QueueCapacity);
            var landing = site.WalkDown.BclCompatibleTicks;
            for (var k = 0; k < homes.Length; k++)
            {
                landing = Math.Max(landing, queue.ServeUntilAtMost(site.QueueCapacity - people));
                queue.Arrive(landing, household);
            }

            queue.ServeAll();
            long finish = 0;
            for (var i = 0; i < trace.Count; i++)
            {
                finish = Math.Max(finish, trace[i].End);
                if ((i + 1) % people == 0)
                {
                    finishes.Add(finish);
                }
            }
        }

        finishes.Sort();
        return finishes[homes.Length - 1];
    }

    // The smallest T >= lo at which the hardest-to-place households' work fits the sites they could use by T, and the
    // households of each size fit, whole, into what those sites can do by T.
    private static long Placement(WaveProblem problem, long lo)
    {
        var counts = new Dictionary<(int Q, int T, int A), long>();
        foreach (var h in problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households))
        {
            counts[(h.QrCode, h.Typed, h.Assisted)] = counts.GetValueOrDefault((h.QrCode, h.Typed, h.Assisted)) + 1;
        }

        if (counts.Count == 0)
        {
            return lo;
        }

        var check = new PlacementCheck(problem.Sites, counts, problem.ServiceTimes);
        return Smallest(check.Fits, lo);
    }

    // The smallest T >= lo that fits, for a test that stays true once it holds: doubling steps, then bisection.
    private static long Smallest(Func<long, bool> fits, long lo)
    {
        if (fits(lo))
        {
            return lo;
        }

        // Double the step until it fits (the total work after the latest walk-down and the longest own bound surely does).
        long step = Math.Max(1, lo / 64), hi = lo + step;
        while (!fits(hi))
        {
            lo = hi;
            step *= 2;
            hi = lo + step;
        }

        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            (lo, hi) = fits(mid) ? (lo, mid) : (mid, hi);
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

    /// <summary>
    /// Whether a finish T is possible as far as placement says: the hardest-to-place households' work, the people of each
    /// service length and the households of each size must all fit the sites they could use by T.
    /// </summary>
    private sealed class PlacementCheck
    {
        private readonly IReadOnlyList<SiteSpec> _sites;
        private readonly StationReach _reach;
        private readonly (long[] Own, long Least, Int128 Work, long Each, long Count)[] _profiles;
        private readonly List<(long Work, long Households, long[] Own)> _classes;
        private readonly List<(long Time, long People)> _lengths;
        private readonly Positions _positions;

        public PlacementCheck(IReadOnlyList<SiteSpec> sites, Dictionary<(int Q, int T, int A), long> counts, ServiceTimes times)
        {
            _sites = sites;
            _reach = new StationReach(counts.Keys, times);
            _profiles = [.. counts.Select(x =>
            {
                var own = sites.Select(s => Households([s], [x.Key], times)).ToArray();
                var work = (x.Key.Q * times.QrCode.BclCompatibleTicks) + (x.Key.T * times.Typed.BclCompatibleTicks) + (x.Key.A * times.Assisted.BclCompatibleTicks);
                return (Own: own, Least: own.Min(), Work: (Int128)work * x.Value, Each: work, Count: x.Value);
            }).OrderByDescending(p => p.Least)];
            _classes = SizeClasses(_profiles, sites.Count);
            _lengths = Lengths(counts, times);
            _positions = new Positions(sites, counts, times);
        }

        public bool Fits(long at)
        {
            var usable = new bool[_sites.Count];
            return HardestFit(at, usable) && LengthsFit(at, usable) && ClassesFit(at) && _positions.Fit(at);
        }

        // Size classes, largest household work first: how many households do at least that much work, and the earliest
        // each site could finish any one of them (a household is served only where its own bound is met).
        private static List<(long Work, long Households, long[] Own)> SizeClasses((long[] Own, long Least, Int128 Work, long Each, long Count)[] profiles, int siteCount)
        {
            var bySize = profiles.OrderByDescending(p => p.Each).ToArray();
            var classes = new List<(long Work, long Households, long[] Own)>();
            var earliest = Enumerable.Repeat(long.MaxValue, siteCount).ToArray();
            long households = 0;
            for (var i = 0; i < bySize.Length; i++)
            {
                households += bySize[i].Count;
                for (var s = 0; s < siteCount; s++)
                {
                    earliest[s] = Math.Min(earliest[s], bySize[i].Own[s]);
                }

                if (i == bySize.Length - 1 || bySize[i + 1].Each != bySize[i].Each)
                {
                    classes.Add((bySize[i].Each, households, [.. earliest]));
                }
            }

            return classes;
        }

        // People by service length, longest first: a station serves at most floor(span / L) people whose service takes L or more.
        private static List<(long Time, long People)> Lengths(Dictionary<(int Q, int T, int A), long> counts, ServiceTimes times)
        {
            var kinds = new[] { (Time: times.Assisted.BclCompatibleTicks, People: counts.Sum(x => (long)x.Key.A * x.Value)),
                (Time: times.Typed.BclCompatibleTicks, People: counts.Sum(x => (long)x.Key.T * x.Value)),
                (Time: times.QrCode.BclCompatibleTicks, People: counts.Sum(x => (long)x.Key.Q * x.Value)) }
                .Where(k => k.People > 0).OrderByDescending(k => k.Time).ToArray();
            var lengths = new List<(long Time, long People)>();
            long longer = 0;
            foreach (var kind in kinds)
            {
                longer += kind.People;
                lengths.Add((kind.Time, longer));
            }

            return lengths;
        }

        // The work a site's stations can have done by `at`: each station serves whole people from its walk-down on.
        private Int128 Capacity(int s, long at) => (Int128)_sites[s].Stations * _reach.Within(at - _sites[s].WalkDown.BclCompatibleTicks);

        // The hardest-to-place households first: their work must fit the sites where one of them could finish by `at`
        // (marked in `usable` on the way).
        private bool HardestFit(long at, bool[] usable)
        {
            Int128 work = 0, capacity = 0;
            foreach (var p in _profiles)
            {
                work += p.Work;
                for (var s = 0; s < _sites.Count; s++)
                {
                    if (!usable[s] && p.Own[s] <= at)
                    {
                        usable[s] = true;
                        capacity += Capacity(s, at);
                    }
                }

                if (work > capacity)
                {
                    return false;
                }
            }

            return true;
        }

        // Stations needed per service length: the people whose service takes L or more need that many turns of L or
        // more, and a station of a site that anyone could use by `at` fits floor((at - walk-down) / L) of them.
        private bool LengthsFit(long at, bool[] usable)
        {
            foreach (var (length, many) in _lengths)
            {
                Int128 turns = 0;
                for (var s = 0; s < _sites.Count && turns < many; s++)
                {
                    var span = at - _sites[s].WalkDown.BclCompatibleTicks;
                    if (usable[s] && span > 0)
                    {
                        turns += (Int128)_sites[s].Stations * (span / length);
                    }
                }

                if (turns < many)
                {
                    return false;
                }
            }

            return true;
        }

        // A household is served whole at one site, so a site that can do C work by `at` holds at most C / w households
        // of work w or more; the households of each size class must fit that way.
        private bool ClassesFit(long at)
        {
            foreach (var (each, many, own) in _classes)
            {
                if (each == 0)
                {
                    continue;
                }

                Int128 room = 0;
                for (var s = 0; s < _sites.Count && room < many; s++)
                {
                    if (own[s] <= at)
                    {
                        room += Capacity(s, at) / each;
                    }
                }

                if (room < many)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Whether a finish T leaves every household a place in its site's first-come-first-served order. A site serves people
    /// in the order they arrive, each household's people one after another (assisted, typed, QR), and a station starts at
    /// most one person per shortest service time from its walk-down on; so the person at 0-based place j of a site's order
    /// starts no earlier than walk-down + floor(j / stations) * shortest service. A household finishing by T must therefore
    /// begin at place P(h, s, T) or earlier, i.e. end by place D = P + its people. At one site the households whose D is at
    /// most K end within the first K places, so their people are at most K (the earliest-deadline condition). Over several
    /// sites: for every profile c, the households whose D is at most c's at every site must fit, together, into the sum of
    /// c's D over the sites where c can finish by T. (Many stations and few households: 31 households of QR, QR and typed on
    /// 80 stations cannot all start their typed resident in the first round of 80 places, so they finish a round later.)
    /// </summary>
    private sealed class Positions
    {
        // Pairs of profiles compared per test above which only the whole compound is checked (cost, not validity).
        private const long PairBudget = 4_000_000;
        private readonly IReadOnlyList<SiteSpec> _sites;
        private readonly (int Q, int T, int A, long People, long Count)[] _profiles;
        private readonly long _shortest;
        private readonly long _qr;
        private readonly long _typed;
        private readonly long _assisted;
        private readonly long[] _deadlines;

        public Positions(IReadOnlyList<SiteSpec> sites, Dictionary<(int Q, int T, int A), long> counts, ServiceTimes times)
        {
            _sites = sites;
            _profiles = [.. counts.Select(x => (x.Key.Q, x.Key.T, x.Key.A, (long)x.Key.Q + x.Key.T + x.Key.A, x.Value))];
            (_qr, _typed, _assisted) = (times.QrCode.BclCompatibleTicks, times.Typed.BclCompatibleTicks, times.Assisted.BclCompatibleTicks);
            _shortest = Math.Min(_profiles.Any(p => p.Q > 0) ? _qr : long.MaxValue,
                Math.Min(_profiles.Any(p => p.T > 0) ? _typed : long.MaxValue, _profiles.Any(p => p.A > 0) ? _assisted : long.MaxValue));
            _deadlines = new long[_profiles.Length * sites.Count];
        }

        // Phases: every profile's deadline at every site (none anywhere: no finish by `at`), then either the whole
        // compound at once (too many profile pairs to compare) or each profile against those whose deadlines it covers.
        public bool Fit(long at) =>
            FillDeadlines(at) && ((long)_profiles.Length * _profiles.Length * _sites.Count > PairBudget ? WholeCompoundFits() : EveryProfileFits());

        // Fills _deadlines; false when some profile can finish by `at` at no site.
        private bool FillDeadlines(long at)
        {
            int n = _profiles.Length, sites = _sites.Count;
            for (var c = 0; c < n; c++)
            {
                var anywhere = false;
                for (var s = 0; s < sites; s++)
                {
                    var d = Deadline(c, s, at);
                    _deadlines[(c * sites) + s] = d;
                    anywhere |= d >= 0;
                }

                if (!anywhere)
                {
                    return false;
                }
            }

            return true;
        }

        // All households at once: they must fit into the latest deadline each site offers any of them.
        private bool WholeCompoundFits()
        {
            int n = _profiles.Length, sites = _sites.Count;
            Int128 people = 0, places = 0;
            for (var s = 0; s < sites; s++)
            {
                var latest = -1L;
                for (var c = 0; c < n; c++)
                {
                    latest = Math.Max(latest, _deadlines[(c * sites) + s]);
                }

                places += Math.Max(0, latest);
            }

            foreach (var p in _profiles)
            {
                people += (Int128)p.People * p.Count;
            }

            return people <= places;
        }

        // For every profile c: the households whose deadlines are at most c's at every site fit into c's places.
        private bool EveryProfileFits()
        {
            int n = _profiles.Length, sites = _sites.Count;
            for (var c = 0; c < n; c++)
            {
                Int128 places = 0, people = 0;
                for (var s = 0; s < sites; s++)
                {
                    places += Math.Max(0, _deadlines[(c * sites) + s]);
                }

                for (var o = 0; o < n; o++)
                {
                    if (WithinAtEverySite(o, c))
                    {
                        people += (Int128)_profiles[o].People * _profiles[o].Count;
                    }
                }

                if (people > places)
                {
                    return false;
                }
            }

            return true;
        }

        private bool WithinAtEverySite(int o, int c)
        {
            var sites = _sites.Count;
            var within = true;
            for (var s = 0; s < sites && within; s++)
            {
                within = _deadlines[(o * sites) + s] <= _deadlines[(c * sites) + s];
            }

            return within;
        }

        // The last place (1-based, counted in people) by which a household of profile c must end at site s to finish by
        // `at`; -1 when it cannot finish there by then whatever its place.
        private long Deadline(int c, int s, long at)
        {
            var (q, t, a, people, _) = _profiles[c];
            var site = _sites[s];
            var span = at - site.WalkDown.BclCompatibleTicks;
            var latest = Int128.MaxValue;
            // The binding person of each intake is its last one (its place is the largest); they come assisted, typed, QR.
            latest = Limit(latest, a, a - 1L, _assisted, span, site.Stations);
            latest = Limit(latest, t, a + t - 1L, _typed, span, site.Stations);
            latest = Limit(latest, q, people - 1, _qr, span, site.Stations);
            return latest < 0 ? -1 : (long)Int128.Min(latest + people, long.MaxValue / 4);
        }

        // The latest first place P such that the person at offset `last` (of a run of `count` people of one service length)
        // starts by `span - length`: floor((P + last) / stations) * shortest <= span - length.
        private Int128 Limit(Int128 latest, int count, long last, long length, long span, int stations)
        {
            if (count == 0 || latest < 0)
            {
                return latest;
            }

            if (span < length)
            {
                return -1;
            }

            var rounds = ((span - length) / _shortest) + 1;
            return Int128.Min(latest, ((Int128)stations * rounds) - 1 - last);
        }
    }

    /// <summary>
    /// The most service one station can complete within a span: a station serves whole people, so the work it has done is
    /// a sum of the service times present (QR, typed, assisted), never the span itself when no such sum equals it.
    /// </summary>
    private sealed class StationReach
    {
        // Sums tried before settling for the span rounded down to the times' common divisor (itself a bound: every sum is a multiple).
        private const int SearchBudget = 4096;
        private readonly long[] _times;
        private readonly long _divisor;
        private readonly Dictionary<long, long> _known = [];

        public StationReach(IEnumerable<(int Q, int T, int A)> profiles, ServiceTimes times)
        {
            var present = new SortedSet<long>(Comparer<long>.Create((x, y) => y.CompareTo(x)));
            foreach (var (q, t, a) in profiles)
            {
                if (q > 0 && times.QrCode > Duration.Zero)
                {
                    present.Add(times.QrCode.BclCompatibleTicks);
                }

                if (t > 0 && times.Typed > Duration.Zero)
                {
                    present.Add(times.Typed.BclCompatibleTicks);
                }

                if (a > 0 && times.Assisted > Duration.Zero)
                {
                    present.Add(times.Assisted.BclCompatibleTicks);
                }
            }

            _times = [.. present];
            _divisor = _times.Aggregate(0L, Gcd);
        }

        public long Within(long span)
        {
            if (span <= 0 || _times.Length == 0)
            {
                return 0;
            }

            if (_known.TryGetValue(span, out var known))
            {
                return known;
            }

            var ceiling = span / _divisor * _divisor;
            var best = 0L;
            var budget = SearchBudget;
            Search(0, span, 0);
            var result = budget <= 0 ? ceiling : best;
            _known[span] = result;
            return result;

            // Largest time first; the smallest time fills the rest. Stops at the ceiling (no sum can exceed it).
            void Search(int i, long left, long sum)
            {
                if (best == ceiling || budget <= 0)
                {
                    return;
                }

                if (i == _times.Length - 1)
                {
                    budget--;
                    best = Math.Max(best, sum + (left / _times[i] * _times[i]));
                    return;
                }

                for (var k = left / _times[i]; k >= 0 && best != ceiling && budget > 0; k--)
                {
                    Search(i + 1, left - (k * _times[i]), sum + (k * _times[i]));
                }
            }
        }

        private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
    }
}
