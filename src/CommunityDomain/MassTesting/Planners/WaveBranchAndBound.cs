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
/// length L the people left whose service takes L or more must fit floor(window / L) per station, and for two lengths L &gt; M
/// those of M or more plus those of L or more again must fit the most of 2a + b that a people of L and b of M make in each
/// window (waves27: a 235 s window holds one 133 s or two 103 s people, never one of each). Households of one
/// profile are interchangeable, so one of them is tried per step. Sites with the same stations and walk-down, and the same
/// queue or queues the compound can never fill, are interchangeable too: a site's lowest profile is never below that of the
/// latest earlier such site (an empty one is followed by empty ones), since any plan can be relabelled so. A partial plan
/// reached again (same site, households, stations' free times, landing, last start, the starts the queue can still see and
/// the lowest profiles later interchangeable sites are held to) with no better finish at the sites before is not searched
/// again. Sites are searched in the problem's order, then, if that runs out of steps, most stations first. Deterministic
/// and bounded: it stops after <see cref="MaxSteps"/> person-station steps (each order), and a search that stopped
/// proves nothing; it allocates per call tried only what the memo keeps, at most <see cref="MaxMemoLongs"/> longs.
/// </remarks>
internal static class WaveBranchAndBound
{
    /// <summary>Most households searched (each becomes its own call; a partial plan's households are a 64-bit mask).</summary>
    internal const int MaxHouseholds = 30;

    /// <summary>Most people searched: every person's start is kept per site, so the search stays for small compounds.</summary>
    internal const int MaxPeople = 400;

    /// <summary>Most stations in all: a replay scans a site's stations for each person, which the step count leaves out.</summary>
    internal const int MaxStations = 100;

    /// <summary>The search's budget in steps: a node costs its site's stations plus the number of sites, a call tried its
    /// people (times the sites looked at). A replay's scan of the stations is not counted, hence <see cref="MaxStations"/>.
    /// 5 M (20 M until waves10): over the 1,100 compounds of the wave generators the finish/bound figures are those of 20 M
    /// (8 compounds finish up to 2% later, none beyond the targets), at a quarter of the cost; 2 M left a compound at 1.20.</summary>
    internal const long MaxSteps = 5_000_000;

    /// <summary>Most longs the memo of partial plans keeps (8 MB, keys only): a plan's memory is bounded. Past it a partial
    /// plan is searched without being remembered, which costs steps, never a wrong answer.</summary>
    internal const int MaxMemoLongs = 1 << 20;

    /// <summary>
    /// Searches for a plan finishing before <paramref name="incumbent"/> (ticks from the start) but not before
    /// <paramref name="target"/> is needed. Returns the better assignment or null; <paramref name="proven"/> is true when
    /// the search ran to its end, so that the returned finish (or the incumbent) is the optimum.
    /// </summary>
    public static List<CallGroup>[]? Search(SiteSpec[] sites, List<CallGroup>[] assigned, long incumbent, long target, ServiceTimes times,
        CancellationToken cancellationToken, out long optimum, out bool proven) =>
        Search(sites, assigned, incumbent, target, times, MaxHouseholds, MaxSteps, cancellationToken, out optimum, out proven);

    /// <summary>The same search with its limits given (the tests measure what larger ones would buy, and check that a memo
    /// that keeps nothing changes the steps, not the answer).</summary>
    internal static List<CallGroup>[]? Search(SiteSpec[] sites, List<CallGroup>[] assigned, long incumbent, long target, ServiceTimes times,
        int maxHouseholds, long maxSteps, CancellationToken cancellationToken, out long optimum, out bool proven, int maxMemoLongs = MaxMemoLongs)
    {
        optimum = incumbent;
        proven = false;
        var calls = OneCallPerHousehold(assigned, times, maxHouseholds);
        if (calls is null || sites.Sum(x => x.Stations) > MaxStations)
        {
            return null;
        }

        // In the problem's site order first; when that runs out of steps, once more with the sites most stations first (then
        // the shortest walk-down, so twins stay adjacent) from what the first found. Issue 15's 12-household repro (a one-station
        // site first) needed 10-20 M steps in the problem's order and is proven within 5 M in the second; neither order wins
        // every compound, so the second only adds: it keeps the first's plan unless it finds an earlier one.
        var natural = Enumerable.Range(0, sites.Length).ToArray();
        var found = Run(sites, calls, natural, incumbent, target, times, maxSteps, maxMemoLongs, cancellationToken, out optimum, out proven);
        int[] wide = [.. natural.OrderByDescending(t => sites[t].Stations).ThenBy(t => sites[t].WalkDown).ThenBy(t => t)];
        if (!proven && optimum > target && !wide.SequenceEqual(natural))
        {
            found = Run(sites, calls, wide, optimum, target, times, maxSteps, maxMemoLongs, cancellationToken, out optimum, out proven) ?? found;
        }

        return found;
    }

    /// <summary>The most of 2a + b over a people of <paramref name="longer"/> ticks and b of <paramref name="shorter"/>
    /// (longer &gt; shorter) that fit <paramref name="window"/>: 2a + (window - a longer) / shorter is linear in a, so over
    /// 0..window / longer its floor peaks at an end (either none of the longer, or as many as fit).</summary>
    internal static long PairTurns(long window, long longer, long shorter) => PairTurns(window, longer, shorter, window / longer, window / shorter);

    // The same with the window's quotients by each length given (the search divides each once per window and shares it).
    private static long PairTurns(long window, long longer, long shorter, long most, long fewest) =>
        Math.Max(fewest, (2 * most) + ((window - (most * longer)) / shorter));

    // One search with the sites in the order given (indices into sites); its plan mapped back to the caller's sites.
    private static List<CallGroup>[]? Run(SiteSpec[] sites, CallGroup[] calls, int[] perm, long incumbent, long target, ServiceTimes times,
        long maxSteps, int maxMemoLongs, CancellationToken cancellationToken, out long optimum, out bool proven)
    {
        var search = new Searcher([.. perm.Select(t => sites[t])], calls, incumbent, target, times, maxSteps, maxMemoLongs, cancellationToken);
        search.Run();
        optimum = search.Best;
        proven = search.Steps <= maxSteps;
        var order = search.BestOrder;
        if (order is null)
        {
            return null;
        }

        var result = new List<CallGroup>[sites.Length];
        for (var i = 0; i < perm.Length; i++)
        {
            result[perm[i]] = [.. order[i].Select(h => calls[h])];
        }

        return result;
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
        private readonly long[][] _services;
        private readonly long[] _work;
        private readonly int[] _profile;
        private readonly byte[] _fitsByProfile;
        private readonly long[][] _alone;
        private readonly long[] _lengths;
        private readonly int[][] _longer;
        private readonly bool[] _queueCanFill;
        private readonly long _target;
        private readonly long _maxSteps;
        private readonly CancellationToken _cancellationToken;
        private readonly bool[] _used;
        private readonly List<int>[] _order;
        private readonly int[] _left;
        private readonly long[][] _starts;
        private readonly long[][] _free;
        private readonly long[] _scratch;
        private readonly long[] _key;
        private readonly Memo _seen;
        private readonly int[] _twin;
        private readonly int[] _minProfile;
        private readonly int[] _twinsAhead;
        private readonly int[] _bestCalls;
        private int[]? _bestCounts;
        private long _nodes;
        private long _mask;

        public Searcher(SiteSpec[] sites, CallGroup[] calls, long incumbent, long target, ServiceTimes times, long maxSteps, int maxMemo, CancellationToken cancellationToken)
        {
            (_sites, _target, _maxSteps, _cancellationToken, Best) = (sites, target, maxSteps, cancellationToken, incumbent);
            long qr = times.QrCode.BclCompatibleTicks, typed = times.Typed.BclCompatibleTicks, assisted = times.Assisted.BclCompatibleTicks;
            _services = [.. calls.Select(c => c.Households[0]).Select(h =>
                Enumerable.Repeat(assisted, h.Assisted).Concat(Enumerable.Repeat(typed, h.Typed)).Concat(Enumerable.Repeat(qr, h.QrCode)).ToArray())];
            _work = [.. _services.Select(s => s.Sum())];

            // Households of one profile are interchangeable: the first unused one of each profile is tried.
            var profiles = new Dictionary<(int, int, int), int>();
            _profile = [.. calls.Select(c => c.Households[0]).Select(h =>
                profiles.TryGetValue((h.QrCode, h.Typed, h.Assisted), out var p) ? p : profiles[(h.QrCode, h.Typed, h.Assisted)] = profiles.Count)];
            _fitsByProfile = new byte[profiles.Count];

            // Service lengths, longest first; _longer[h][l]: household h's people whose service takes _lengths[l] or more.
            _lengths = [.. new[] { qr, typed, assisted }.Distinct().OrderDescending()];
            _longer = [.. _services.Select(s => _lengths.Select(l => s.Count(x => x >= l)).ToArray())];
            _used = new bool[calls.Length];
            _bestCalls = new int[calls.Length];
            _order = [.. sites.Select(_ => new List<int>())];
            _left = new int[_lengths.Length];
            var people = calls.Sum(c => c.People);
            var stations = sites.Max(x => x.Stations);
            _queueCanFill = [.. sites.Select(x => people > x.QueueCapacity)];

            // Per site the starts of its calls so far (a child appends past its parent's count, so one buffer serves the
            // whole depth-first search of a site); per depth the stations' free times.
            _starts = [.. sites.Select(_ => new long[people])];
            _free = [.. Enumerable.Range(0, calls.Length + sites.Length + 1).Select(_ => new long[stations])];
            _scratch = new long[stations];
            _key = new long[4 + stations + people + sites.Length];
            _seen = new Memo(maxMemo);

            _twin = Twins(sites, _queueCanFill);
            _minProfile = [.. sites.Select(_ => int.MaxValue)];
            _twinsAhead = new int[sites.Length];

            // Each household alone, first at each empty site: its finish there (long.MaxValue when it never fits the queue).
            _alone = [.. _services.Select(s => sites.Select((site, t) =>
                FinishWith(t, new Node(0, site.WalkDown.BclCompatibleTicks, site.WalkDown.BclCompatibleTicks, 0), new long[site.Stations], s)).ToArray())];
        }

        public long Best { get; private set; }

        // Interchangeable sites (same stations and walk-down, and the same queue or queues that never fill): a site's twin
        // is the latest earlier one (-1 when none), and a site's lowest profile is never below its twin's (see MinProfile).
        private static int[] Twins(SiteSpec[] sites, bool[] queueCanFill)
        {
            var kinds = sites.Select((x, t) => (x.Stations, x.WalkDown, Queue: queueCanFill[t] ? x.QueueCapacity : -1)).ToArray();
            var twin = new int[sites.Length];
            for (var t = 0; t < sites.Length; t++)
            {
                twin[t] = -1;
                for (var u = t - 1; u >= 0 && twin[t] < 0; u--)
                {
                    twin[t] = kinds[u] == kinds[t] ? u : -1;
                }
            }

            return twin;
        }

        public long Steps { get; private set; }

        /// <summary>The calls of the best complete plan seen, per site in calling order; null when none was.</summary>
        public int[][]? BestOrder => _bestCounts is null ? null : Unpack();

        public void Run()
        {
            long work = 0;
            for (var h = 0; h < _services.Length; h++)
            {
                work += _work[h];
                for (var l = 0; l < _lengths.Length; l++)
                {
                    _left[l] += _longer[h][l];
                }
            }

            if (Best > _target)
            {
                Go(0, 0, Empty(0, 0), work, _services.Length, 0);
            }
        }

        private Node Empty(int s, int depth)
        {
            Array.Clear(_free[depth]);
            var walkDown = _sites[s].WalkDown.BclCompatibleTicks;
            return new Node(0, walkDown, walkDown, 0);
        }

        private void Go(int s, int depth, Node node, long work, int households, long finished)
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
                Best = Math.Max(finished, node.Finish);
                Record();
                return;
            }

            var free = _free[depth];
            if (!Fits(s, node, free, work) || !Placeable(s, node, free) || !FirstVisit(s, node, free, finished))
            {
                return;
            }

            Extend(s, depth, node, work, households, finished);
            if (s + 1 < _sites.Length)
            {
                Go(s + 1, depth + 1, Empty(s + 1, depth + 1), work, households, Math.Max(finished, node.Finish));
            }
        }

        // One more call at site s: each unused household (one per profile), when the site's partial finish stays below Best.
        private void Extend(int s, int depth, Node node, long work, int households, long finished)
        {
            var tried = 0L;
            var floor = _twin[s] < 0 ? 0 : _minProfile[_twin[s]];
            var free = _free[depth];
            var child = _free[depth + 1];
            for (var h = 0; h < _services.Length; h++)
            {
                if (_used[h] || (tried & (1L << _profile[h])) != 0 || _profile[h] < floor)
                {
                    continue;
                }

                tried |= 1L << _profile[h];
                Steps += _services[h].Length;
                if (!TryAppend(s, node, free, _services[h], child, out var next) || next.Finish >= Best)
                {
                    continue;
                }

                Take(h, +1);
                _order[s].Add(h);
                var lowest = _minProfile[s];
                _minProfile[s] = Math.Min(lowest, _profile[h]);
                Go(s, depth + 1, next, work - _work[h], households - 1, finished);
                _minProfile[s] = lowest;
                _order[s].RemoveAt(_order[s].Count - 1);
                Take(h, -1);
            }
        }

        // Every household left must still finish before Best somewhere: called next here, or first at a later site (a call
        // placed later here only lands later and finds the stations busier).
        // Whether a household fits depends only on its profile, so each profile is replayed once per node, and only when no
        // later site takes it alone (waves28: the same answer and the same steps counted, fewer replays).
        private bool Placeable(int s, Node node, long[] free)
        {
            Array.Clear(_fitsByProfile);
            for (var h = 0; h < _services.Length; h++)
            {
                if (_used[h])
                {
                    continue;
                }

                var known = _fitsByProfile[_profile[h]];
                var fits = known == 1;
                if (known == 0)
                {
                    for (var t = s + 1; t < _sites.Length && !fits; t++)
                    {
                        fits = _alone[h][t] < Best;
                    }

                    fits = fits || FinishWith(s, node, free, _services[h]) < Best;
                    _fitsByProfile[_profile[h]] = (byte)(fits ? 1 : 2);
                }

                Steps += _services[h].Length * (_sites.Length - s);
                if (!fits)
                {
                    return false;
                }
            }

            return true;
        }

        // The complete plan just reached, copied into one reused buffer: a search can reach many complete plans of the
        // incumbent's finish (each kept, the last one wins, as before), and copying each into new arrays allocated more
        // than the memo (20 MB of compound 30's 33 MB, issue 15).
        private void Record()
        {
            _bestCounts ??= new int[_sites.Length];
            var at = 0;
            for (var s = 0; s < _order.Length; s++)
            {
                _bestCounts[s] = _order[s].Count;
                _order[s].CopyTo(_bestCalls, at);
                at += _order[s].Count;
            }
        }

        private int[][] Unpack()
        {
            var order = new int[_sites.Length][];
            var at = 0;
            for (var s = 0; s < order.Length; s++)
            {
                order[s] = _bestCalls.AsSpan(at, _bestCounts![s]).ToArray();
                at += order[s].Length;
            }

            return order;
        }

        private bool FirstVisit(int s, Node node, long[] free, long finished)
        {
            // The key: site, households used, last landing, the moment no later person starts before, the stations' free
            // times as a sorted multiset, when the queue can fill the last starts a later call's landing can depend on (one
            // queue's worth; a start before the last landing counts as the landing, as Arrival reads it), and the lowest
            // profiles that later interchangeable sites are held to.
            var stations = _sites[s].Stations;
            var kept = _queueCanFill[s] ? Math.Min(node.Count, _sites[s].QueueCapacity) : 0;
            var length = 4 + stations + kept;
            var twins = 0;
            for (var u = s + 1; u < _sites.Length; u++)
            {
                // A later site whose twin is this one or an earlier one: that twin's lowest profile limits its calls.
                if (_twin[u] >= 0 && _twin[u] <= s)
                {
                    _twinsAhead[twins++] = _minProfile[_twin[u]];
                }
            }

            var key = _key.AsSpan(0, length + twins);
            for (var i = 0; i < twins; i++)
            {
                key[length + i] = _twinsAhead[i];
            }

            (key[0], key[1], key[2], key[3]) = (s, _mask, node.Last, node.From);
            free.AsSpan(0, stations).CopyTo(key[4..]);
            key.Slice(4, stations).Sort();
            var starts = _starts[s];
            for (var i = 0; i < kept; i++)
            {
                var start = starts[node.Count - kept + i];
                key[4 + stations + i] = Math.Max(start, node.Last);
            }

            return _seen.FirstVisit(key, finished);
        }

        private void Take(int h, int sign)
        {
            // The households used as a mask, kept as they are taken (waves28: a memo key no longer scans them all).
            _used[h] = sign > 0;
            _mask = sign > 0 ? _mask | (1L << h) : _mask & ~(1L << h);
            for (var l = 0; l < _lengths.Length; l++)
            {
                _left[l] -= sign * _longer[h][l];
            }
        }

        // The work, the people of each service length and those of each pair of lengths left must fit the stations' windows
        // before Best. The pairs are counted only once the work and the lengths fit (waves28: they cost most of the divisions,
        // and a node the cheaper counts prune needs none; the answer is the same conjunction).
        private bool Fits(int s, Node node, long[] free, long work)
        {
            // Int128: a site may have many stations and a window many hours.
            var last = Best - 1;
            Int128 capacity = 0;
            Span<Int128> turns = stackalloc Int128[_lengths.Length];
            for (var k = 0; k < _sites[s].Stations; k++)
            {
                Add(last - Math.Max(free[k], node.From), 1, turns, ref capacity);
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

            return _lengths.Length < 2 || PairsFit(s, node, free);
        }

        // For two lengths L > M the people of M or more plus those of L or more again must fit the windows' pair counts.
        private bool PairsFit(int s, Node node, long[] free)
        {
            var last = Best - 1;
            Span<Int128> pairs = stackalloc Int128[_lengths.Length * _lengths.Length];
            pairs.Clear();
            for (var k = 0; k < _sites[s].Stations; k++)
            {
                AddPairs(last - Math.Max(free[k], node.From), 1, pairs);
            }

            for (var t = s + 1; t < _sites.Length; t++)
            {
                AddPairs(last - _sites[t].WalkDown.BclCompatibleTicks, _sites[t].Stations, pairs);
            }

            for (var l = 0; l < _lengths.Length; l++)
            {
                for (var m = l + 1; m < _lengths.Length; m++)
                {
                    if (pairs[(l * _lengths.Length) + m] < _left[l] + _left[m])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        // A station's window counted two ways: its length, and the people of each service length L or more it can serve.
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

        // A window's pair counts: for two lengths L > M the people of M or more plus those of L or more again (weights 2 and 1):
        // the counts alone let a window of 235 s take one 133 s and one 103 s person, the pair does not (at most 2). Each length's
        // quotient is divided once and shared by its pairs.
        private void AddPairs(long window, long stations, Span<Int128> pairs)
        {
            if (window <= 0)
            {
                return;
            }

            Span<long> most = stackalloc long[3];
            for (var l = 0; l < _lengths.Length; l++)
            {
                most[l] = window / _lengths[l];
            }

            for (var l = 0; l < _lengths.Length; l++)
            {
                for (var m = l + 1; m < _lengths.Length; m++)
                {
                    pairs[(l * _lengths.Length) + m] += (Int128)stations * PairTurns(window, _lengths[l], _lengths[m], most[l], most[m]);
                }
            }
        }

        // The call lands once at most `room` of the people before it are still waiting (starts are in arrival order).
        private long Arrival(int s, Node node, int people)
        {
            var room = _sites[s].QueueCapacity - people;
            var starts = _starts[s];
            return node.Count > room ? Math.Max(node.Last, starts[node.Count - room - 1]) : node.Last;
        }

        /// <summary>Site s after one more call of these people (in service order): the child's free times in
        /// <paramref name="childFree"/>, its starts appended after the node's; false when the call never fits the queue.</summary>
        private bool TryAppend(int s, Node node, long[] free, long[] people, long[] childFree, out Node next)
        {
            next = default;
            if (_sites[s].QueueCapacity < people.Length)
            {
                return false;
            }

            var arrival = Arrival(s, node, people.Length);
            var stations = _sites[s].Stations;
            var starts = _starts[s];
            Array.Copy(free, childFree, stations);
            var finish = node.Finish;
            var start = 0L;
            for (var p = 0; p < people.Length; p++)
            {
                var k = Earliest(childFree, stations);
                start = Math.Max(arrival, childFree[k]);
                starts[node.Count + p] = start;
                childFree[k] = start + people[p];
                finish = Math.Max(finish, childFree[k]);
            }

            var count = node.Count + people.Length;
            next = new Node(count, arrival, Math.Max(arrival, count == 0 ? 0 : starts[count - 1]), finish);
            return true;
        }

        /// <summary>The site's finish after one more call of these people, without keeping it; long.MaxValue when the call
        /// never fits the queue.</summary>
        private long FinishWith(int s, Node node, long[] free, long[] people)
        {
            if (_sites[s].QueueCapacity < people.Length)
            {
                return long.MaxValue;
            }

            var arrival = Arrival(s, node, people.Length);
            var stations = _sites[s].Stations;
            Array.Copy(free, _scratch, stations);
            var finish = node.Finish;
            for (var p = 0; p < people.Length; p++)
            {
                var k = Earliest(_scratch, stations);
                _scratch[k] = Math.Max(arrival, _scratch[k]) + people[p];
                finish = Math.Max(finish, _scratch[k]);
            }

            return finish;
        }

        // The first station free earliest.
        private static int Earliest(long[] free, int stations)
        {
            var k = 0;
            for (var i = 1; i < stations; i++)
            {
                k = free[i] < free[k] ? i : k;
            }

            return k;
        }
    }

    /// <summary>A site after some calls: how many people it has started (their starts in the site's buffer), the last
    /// landing, the moment no later person starts before (the last landing and the last start), and its finish so far.
    /// The stations' free times live in the search's buffer of the node's depth.</summary>
    private readonly record struct Node(int Count, long Last, long From, long Finish);

    /// <summary>
    /// Partial plans already searched, by site, households used and the current site's state: reaching one again with a
    /// previous-sites finish no better cannot lead anywhere the first visit did not. Each entry is kept inline in an arena
    /// of chunks (its length, its finish, its key) and found by open addressing over slots that name it, so a visit
    /// allocates nothing. The arena starts at <see cref="FirstLongs"/> and grows only as entries arrive: its first chunk
    /// doubles up to <see cref="ChunkLongs"/>, then whole chunks are added and never copied, so what a search allocates is
    /// what it keeps (plus the slots, which double). At most <c>maxLongs</c> longs of keys are kept (a plan's memory is
    /// bounded: past it a new partial plan is searched without being remembered, which costs steps, never a wrong answer).
    /// </summary>
    private sealed class Memo(int maxLongs)
    {
        /// <summary>The arena's first size in longs (8 KB): a search that remembers little allocates little.</summary>
        internal const int FirstLongs = 1 << 10;

        /// <summary>A full chunk (512 KB): past it the arena adds chunks instead of copying itself into a larger array.</summary>
        internal const int ChunkLongs = 1 << 16;

        private const int Header = 2;

        private readonly List<long[]> _chunks = [];
        private long[] _tail = [];
        private int _tailUsed;
        private int _keyLongs;
        private int[] _slots = new int[1024];
        private int[] _entries = new int[512];
        private int _count;

        public bool FirstVisit(ReadOnlySpan<long> key, long finished)
        {
            var hash = Hash(key);
            var mask = _slots.Length - 1;
            for (var i = hash & mask; ; i = (i + 1) & mask)
            {
                var e = _slots[i] - 1;
                if (e < 0)
                {
                    Insert(i, key, finished);
                    return true;
                }

                var at = _entries[e];
                var chunk = _chunks[at >>> 16];
                var offset = at & (ChunkLongs - 1);
                if (chunk[offset] == key.Length && chunk.AsSpan(offset + Header, key.Length).SequenceEqual(key))
                {
                    if (chunk[offset + 1] <= finished)
                    {
                        return false;
                    }

                    chunk[offset + 1] = finished;
                    return true;
                }
            }
        }

        private void Insert(int slot, ReadOnlySpan<long> key, long finished)
        {
            if (_keyLongs + key.Length > maxLongs)
            {
                return;
            }

            var need = key.Length + Header;
            if (_tailUsed + need > _tail.Length && !Grow(need))
            {
                return;
            }

            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, _count * 2);
            }

            var offset = _tailUsed;
            (_tail[offset], _tail[offset + 1]) = (key.Length, finished);
            key.CopyTo(_tail.AsSpan(offset + Header));
            _tailUsed += need;
            _keyLongs += key.Length;
            _entries[_count] = ((_chunks.Count - 1) << 16) | offset;
            _slots[slot] = ++_count;
            if (_count * 2 > _slots.Length)
            {
                Rehash();
            }
        }

        // Room for an entry of `need` longs: the first chunk doubles (copied; it is small), later ones are whole chunks.
        // False for a key longer than a chunk, which is then not remembered (never met: a key is at most 4 + 100 + 400 + 30).
        private bool Grow(int need)
        {
            if (need > ChunkLongs)
            {
                return false;
            }

            if (_chunks.Count <= 1 && _tail.Length < ChunkLongs)
            {
                var size = Math.Max(_tail.Length, FirstLongs);
                while (size < _tailUsed + need)
                {
                    size *= 2;
                }

                Array.Resize(ref _tail, Math.Min(size, ChunkLongs));
                if (_chunks.Count == 0)
                {
                    _chunks.Add(_tail);
                }
                else
                {
                    _chunks[0] = _tail;
                }

                if (_tailUsed + need <= _tail.Length)
                {
                    return true;
                }
            }

            _tail = new long[ChunkLongs];
            _tailUsed = 0;
            _chunks.Add(_tail);
            return true;
        }

        private void Rehash()
        {
            _slots = new int[_slots.Length * 2];
            var mask = _slots.Length - 1;
            for (var e = 0; e < _count; e++)
            {
                var at = _entries[e];
                var chunk = _chunks[at >>> 16];
                var offset = at & (ChunkLongs - 1);
                var i = Hash(chunk.AsSpan(offset + Header, (int)chunk[offset])) & mask;
                while (_slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = e + 1;
            }
        }

        private static int Hash(ReadOnlySpan<long> key)
        {
            var hash = default(HashCode);
            foreach (var x in key)
            {
                hash.Add(x);
            }

            return hash.ToHashCode() & int.MaxValue;
        }
    }
}
