namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// The last step for a small compound still above its bound: a depth-first branch and bound over one-household calls
/// that either finds a plan finishing earlier or proves that none does. Sites are filled one after another, each with
/// households appended in calling order (each call landing at the earliest moment the queue has room, as
/// <see cref="SiteQueue.Run"/> replays it), so every assignment and every calling order is reachable.
/// </summary>
/// <remarks>
/// Pruning, each valid for every completion of a partial plan: a site's partial finish never falls when calls are added
/// (later arrivals never delay earlier people); a later person at the current site starts no earlier than the last start
/// there (first come, first served) nor before a station is free, and at a later site no earlier than its walk-down; so
/// the work left must fit into what the stations can do between those moments and the finish sought, and for every service
/// length L the people left whose service takes L or more must fit floor(window / L) per station. Households of one
/// profile are interchangeable, so one of them is tried per step; a partial plan reached again (same site, households,
/// stations' free times, landing and last start) with no better finish at the sites before is not searched again. Deterministic and bounded: it stops after
/// <see cref="MaxSteps"/> person-station steps, and a search that stopped proves nothing.
/// </remarks>
internal static class WaveBranchAndBound
{
    /// <summary>Most households searched (each becomes its own call; a partial plan's households are a 32-bit mask).</summary>
    internal const int MaxHouseholds = 30;

    /// <summary>Most people searched: every person's start is kept per partial plan, so the search stays for small compounds.</summary>
    internal const int MaxPeople = 400;

    /// <summary>Most stations in all: a replay scans a site's stations for each person, which the step count leaves out.</summary>
    internal const int MaxStations = 100;

    /// <summary>The search's budget in steps: a node costs its site's stations plus the number of sites, a call tried its
    /// people (times the sites looked at). A replay's scan of the stations is not counted, hence <see cref="MaxStations"/>.</summary>
    internal const long MaxSteps = 20_000_000;

    /// <summary>
    /// Searches for a plan finishing before <paramref name="incumbent"/> (ticks from the start) but not before
    /// <paramref name="target"/> is needed. Returns the better assignment or null; <paramref name="proven"/> is true when
    /// the search ran to its end, so that the returned finish (or the incumbent) is the optimum.
    /// </summary>
    public static List<CallGroup>[]? Search(SiteSpec[] sites, List<CallGroup>[] assigned, long incumbent, long target, ServiceTimes times,
        CancellationToken cancellationToken, out long optimum, out bool proven) =>
        Search(sites, assigned, incumbent, target, times, MaxHouseholds, MaxSteps, cancellationToken, out optimum, out proven);

    /// <summary>The same search with its two limits given (the tests measure what larger ones would buy).</summary>
    internal static List<CallGroup>[]? Search(SiteSpec[] sites, List<CallGroup>[] assigned, long incumbent, long target, ServiceTimes times,
        int maxHouseholds, long maxSteps, CancellationToken cancellationToken, out long optimum, out bool proven)
    {
        optimum = incumbent;
        proven = false;
        var calls = OneCallPerHousehold(assigned, times, maxHouseholds);
        if (calls is null || sites.Sum(x => x.Stations) > MaxStations)
        {
            return null;
        }

        var search = new Searcher(sites, calls, incumbent, target, times, maxSteps, cancellationToken);
        search.Run();
        optimum = search.Best;
        proven = search.Steps <= maxSteps;
        return search.BestOrder is null ? null : [.. search.BestOrder.Select(o => o.Select(i => calls[i]).ToList())];
    }

    // Every household its own call, heaviest first (good plans early tighten the pruning); null above MaxHouseholds or MaxPeople.
    private static CallGroup[]? OneCallPerHousehold(List<CallGroup>[] assigned, ServiceTimes times, int maxHouseholds)
    {
        // Counted before any call is built: a larger compound costs nothing here.
        if (assigned.Sum(a => a.Sum(g => (long)g.Households.Length)) > maxHouseholds)
        {
            return null;
        }

        var calls = new List<CallGroup>();
        foreach (var group in assigned.SelectMany(a => a))
        {
            foreach (var h in group.Households)
            {
                if (calls.Count == maxHouseholds)
                {
                    return null;
                }

                var unit = group.Unit ?? group.Building.Units.First(u => u.Households.Any(x => x.HouseholdId == h.HouseholdId));
                calls.Add(CallGroup.Of(group.Building, unit, [h], times));
            }
        }

        return calls.Count < 2 || calls.Sum(c => (long)c.People) > MaxPeople ? null : [.. calls.OrderByDescending(c => c.Work).ThenBy(c => c.Households[0].HouseholdId)];
    }

    private sealed class Searcher
    {
        private readonly SiteSpec[] _sites;
        private readonly CallGroup[] _calls;
        private readonly long[][] _services;
        private readonly long[] _lengths;
        private readonly int[][] _longer;
        private readonly long _target;
        private readonly long _maxSteps;
        private readonly CancellationToken _cancellationToken;
        private readonly bool[] _used;
        private readonly List<int>[] _order;
        private readonly int[] _left;
        private readonly States _seen;
        private readonly SiteState[] _empty;
        private long _nodes;

        public Searcher(SiteSpec[] sites, CallGroup[] calls, long incumbent, long target, ServiceTimes times, long maxSteps, CancellationToken cancellationToken)
        {
            (_sites, _calls, _target, _maxSteps, _cancellationToken, Best) = (sites, calls, target, maxSteps, cancellationToken, incumbent);
            long qr = times.QrCode.BclCompatibleTicks, typed = times.Typed.BclCompatibleTicks, assisted = times.Assisted.BclCompatibleTicks;
            _services = [.. calls.Select(c => c.Households[0]).Select(h =>
                Enumerable.Repeat(assisted, h.Assisted).Concat(Enumerable.Repeat(typed, h.Typed)).Concat(Enumerable.Repeat(qr, h.QrCode)).ToArray())];

            // Service lengths, longest first; _longer[h][l]: household h's people whose service takes _lengths[l] or more.
            _lengths = [.. new[] { qr, typed, assisted }.Distinct().OrderDescending()];
            _longer = [.. _services.Select(s => _lengths.Select(l => s.Count(x => x >= l)).ToArray())];
            _used = new bool[calls.Length];
            _order = [.. sites.Select(_ => new List<int>())];
            _left = new int[_lengths.Length];
            var people = calls.Sum(c => (long)c.People);
            _seen = new States(sites.Select(x => people > x.QueueCapacity).ToArray());
            _empty = [.. sites.Select(x => new SiteState(x))];
        }

        public long Best { get; private set; }

        public long Steps { get; private set; }

        public int[][]? BestOrder { get; private set; }

        public void Run()
        {
            long work = 0;
            for (var h = 0; h < _calls.Length; h++)
            {
                work += _services[h].Sum();
                for (var l = 0; l < _lengths.Length; l++)
                {
                    _left[l] += _longer[h][l];
                }
            }

            if (Best > _target)
            {
                Go(0, new SiteState(_sites[0]), work, _calls.Length, 0);
            }
        }

        private void Go(int s, SiteState state, long work, int households, long finished)
        {
            Steps += _sites[s].Stations + _sites.Length;
            if (Steps > _maxSteps || Best <= _target)
            {
                return;
            }

            if ((++_nodes & 1023) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (households == 0)
            {
                Best = Math.Max(finished, state.Finish);
                BestOrder = [.. _order.Select(o => o.ToArray())];
                return;
            }

            if (!Fits(s, state, work) || !Placeable(s, state) || !_seen.FirstVisit(s, Mask(), state, finished))
            {
                return;
            }

            Extend(s, state, work, households, finished);
            if (s + 1 < _sites.Length)
            {
                Go(s + 1, new SiteState(_sites[s + 1]), work, households, Math.Max(finished, state.Finish));
            }
        }

        // One more call at site s: each unused household (one per profile), when the site's partial finish stays below Best.
        private void Extend(int s, SiteState state, long work, int households, long finished)
        {
            var tried = new HashSet<(int, int, int)>();
            for (var h = 0; h < _calls.Length; h++)
            {
                var home = _calls[h].Households[0];
                if (_used[h] || !tried.Add((home.QrCode, home.Typed, home.Assisted)))
                {
                    continue;
                }

                var next = state.With(_services[h]);
                Steps += _services[h].Length;
                if (next is null || next.Finish >= Best)
                {
                    continue;
                }

                Take(h, +1);
                _order[s].Add(h);
                Go(s, next, work - _services[h].Sum(), households - 1, finished);
                _order[s].RemoveAt(_order[s].Count - 1);
                Take(h, -1);
            }
        }

        private int Mask()
        {
            var mask = 0;
            for (var h = 0; h < _used.Length; h++)
            {
                mask |= _used[h] ? 1 << h : 0;
            }

            return mask;
        }

        // Every household left must still finish before Best somewhere: called next here, or first at a later site (a call
        // placed later here only lands later and finds the stations busier).
        private bool Placeable(int s, SiteState state)
        {
            for (var h = 0; h < _calls.Length; h++)
            {
                if (_used[h])
                {
                    continue;
                }

                var here = state.With(_services[h]);
                var fits = here is not null && here.Finish < Best;
                for (var t = s + 1; t < _sites.Length && !fits; t++)
                {
                    var there = _empty[t].With(_services[h]);
                    fits = there is not null && there.Finish < Best;
                }

                Steps += _services[h].Length * (_sites.Length - s);

                if (!fits)
                {
                    return false;
                }
            }

            return true;
        }

        private void Take(int h, int sign)
        {
            _used[h] = sign > 0;
            for (var l = 0; l < _lengths.Length; l++)
            {
                _left[l] -= sign * _longer[h][l];
            }
        }

        // The work and the people of each service length left must fit the stations' windows before Best.
        private bool Fits(int s, SiteState state, long work)
        {
            // Int128: a site may have many stations and a window many hours.
            var last = Best - 1;
            Int128 capacity = 0;
            Span<Int128> turns = stackalloc Int128[_lengths.Length];
            foreach (var free in state.Free)
            {
                Add(last - Math.Max(free, state.From), 1, turns, ref capacity);
            }

            for (var t = s + 1; t < _sites.Length; t++)
            {
                Add(last - _sites[t].WalkDown.BclCompatibleTicks, _sites[t].Stations, turns, ref capacity);
            }

            if (capacity < work)
            {
                return false;
            }

            for (var l = 0; l < _lengths.Length; l++)
            {
                if (turns[l] < _left[l])
                {
                    return false;
                }
            }

            return true;
        }

        private void Add(long window, long stations, Span<Int128> turns, ref Int128 capacity)
        {
            if (window <= 0)
            {
                return;
            }

            capacity += (Int128)stations * window;
            for (var l = 0; l < _lengths.Length; l++)
            {
                turns[l] += (Int128)stations * (window / _lengths[l]);
            }
        }
    }

    /// <summary>
    /// Partial plans already searched, by site, households used and the current site's state (its stations' free times as
    /// a multiset, the moment no later person starts before, and its starts when the queue can fill): reaching one again
    /// with a previous-sites finish no better cannot lead anywhere the first visit did not.
    /// </summary>
    private sealed class States(bool[] queueCanFill)
    {
        private readonly Dictionary<long[], long> _best = new(new KeyComparer());

        public bool FirstVisit(int s, int mask, SiteState state, long finished)
        {
            var key = state.Key(s, mask, queueCanFill[s]);
            if (_best.TryGetValue(key, out var before) && before <= finished)
            {
                return false;
            }

            _best[key] = finished;
            return true;
        }

        private sealed class KeyComparer : IEqualityComparer<long[]>
        {
            public bool Equals(long[]? x, long[]? y) => x.AsSpan().SequenceEqual(y);

            public int GetHashCode(long[] obj)
            {
                var hash = default(HashCode);
                foreach (var x in obj)
                {
                    hash.Add(x);
                }

                return hash.ToHashCode();
            }
        }
    }

    /// <summary>A site after some calls: every start so far (non-decreasing), the stations' free times, the last landing.</summary>
    private sealed class SiteState
    {
        private readonly SiteSpec _site;
        private readonly long[] _starts;
        private readonly long _last;

        public SiteState(SiteSpec site)
        {
            _site = site;
            _starts = [];
            Free = new long[site.Stations];
            _last = site.WalkDown.BclCompatibleTicks;
            From = _last;
        }

        private SiteState(SiteSpec site, long[] starts, long[] free, long last, long finish)
        {
            (_site, _starts, Free, _last, Finish) = (site, starts, free, last, finish);
            From = Math.Max(last, starts.Length == 0 ? 0 : starts[^1]);
        }

        public long[] Free { get; }

        /// <summary>No later person here starts before this: the last landing and the last start.</summary>
        public long From { get; }

        public long Finish { get; }

        /// <summary>A key of <see cref="States"/>: site, households used, last landing, the moment no later person starts
        /// before, the stations' free times as a sorted multiset, and every start when the queue can fill.</summary>
        public long[] Key(int s, int mask, bool withStarts)
        {
            var key = new long[4 + Free.Length + (withStarts ? _starts.Length : 0)];
            (key[0], key[1], key[2], key[3]) = (s, mask, _last, From);
            Free.CopyTo(key, 4);
            Array.Sort(key, 4, Free.Length);
            if (withStarts)
            {
                _starts.CopyTo(key, 4 + Free.Length);
            }

            return key;
        }

        /// <summary>The state after one more call of these people (in service order), or null when it never fits the queue.</summary>
        public SiteState? With(long[] people)
        {
            var room = _site.QueueCapacity - people.Length;
            if (room < 0)
            {
                return null;
            }

            // The call lands once at most `room` of the people before it are still waiting (starts are in arrival order).
            var arrival = _starts.Length > room ? Math.Max(_last, _starts[_starts.Length - room - 1]) : _last;
            var starts = new long[_starts.Length + people.Length];
            Array.Copy(_starts, starts, _starts.Length);
            var free = (long[])Free.Clone();
            var finish = Finish;
            for (var p = 0; p < people.Length; p++)
            {
                var k = 0;
                for (var i = 1; i < free.Length; i++)
                {
                    k = free[i] < free[k] ? i : k;
                }

                var start = Math.Max(arrival, free[k]);
                starts[_starts.Length + p] = start;
                free[k] = start + people[p];
                finish = Math.Max(finish, free[k]);
            }

            return new SiteState(_site, starts, free, arrival, finish);
        }
    }
}
