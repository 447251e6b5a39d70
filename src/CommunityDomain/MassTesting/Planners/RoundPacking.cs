namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// Orders one site's households so that the site finishes by a target, when its service times share a divisor d (20 s for
/// the typical 20/40/60 s): every start is then the walk-down plus a whole number of rounds of d. Each household is its own
/// call; the queue never delays a start (helper waves14), so the site is a list schedule of its people in calling order,
/// everyone there from the walk-down on, and round r's places are the stations that fall free at round r. A search over
/// household profiles (assisted, typed and QR counts: households of one profile are interchangeable) builds the order
/// household by household, tracking the current round, its free places and the stations that fall free in each later round,
/// memoising the states it has seen fail; inside one round the order of whole households does not matter, so they are taken
/// in profile order there, and only the households that straddle a round boundary are free. A state is pruned when the work or
/// the long services left exceed the stations' time, or when the people left cannot fill the rounds even counted by class, a
/// household whose longest service no longer fits a round having people there only as the one household straddling in (the
/// late check). It proposes an order; the planner replays it (<see cref="SiteQueue"/>) and keeps it only when the replay
/// finishes strictly earlier.
/// </summary>
internal sealed class RoundPacking
{
    /// <summary>Most rounds of d before the target: beyond them a site's finish is set by its work, not by its rounds.</summary>
    internal const int MaxRounds = 16;

    /// <summary>Longest service, in rounds, the search tracks (the stations falling free in each of the next rounds).</summary>
    internal const int MaxLength = 8;

    // Failed states remembered: 200,000 pairs of 64-bit hashes, a few MB.
    private const int MemoLimit = 200_000;

    private readonly int[] _length;
    private readonly int[][] _profiles;
    private readonly int[] _people;
    private readonly int[] _left;
    private readonly long[] _classLeft = new long[3];
    private readonly int _rounds;
    private readonly long _limit;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<(long, long)> _failed = [];

    // The late check (see Late): profiles grouped by their longest service; people left per (group, class).
    private readonly bool _late;
    private readonly int[] _groupOf;
    private readonly int[] _groupLength;
    private readonly long[] _slotLeft;
    private readonly Dictionary<(long, long), bool> _lateMemo = [];
    private readonly List<int> _chosen = [];
    private int _householdsLeft;
    private long _nodes;

    private RoundPacking(int[] length, int[][] profiles, int[] counts, (int Rounds, long Limit, bool Late) how, CancellationToken cancellationToken)
    {
        (_length, _profiles, _left, _rounds, _limit, _late, _cancellationToken) = (length, profiles, counts, how.Rounds, how.Limit, how.Late, cancellationToken);
        _people = [.. profiles.Select(p => p[0] + p[1] + p[2])];
        _groupLength = [.. profiles.Select(p => Longest((p[0], p[1], p[2]), length)).Distinct().Order()];
        _groupOf = [.. profiles.Select(p => Array.IndexOf(_groupLength, Longest((p[0], p[1], p[2]), length)))];
        _slotLeft = new long[_groupLength.Length * 3];
        for (var i = 0; i < profiles.Length; i++)
        {
            _householdsLeft += counts[i];
            for (var c = 0; c < 3; c++)
            {
                _classLeft[c] += (long)profiles[i][c] * counts[i];
                _slotLeft[(_groupOf[i] * 3) + c] += (long)profiles[i][c] * counts[i];
            }
        }
    }

    /// <summary>The largest duration that divides the three service times, in ticks.</summary>
    public static long Divisor(ServiceTimes times) =>
        Gcd(Gcd(times.Assisted.BclCompatibleTicks, times.Typed.BclCompatibleTicks), times.QrCode.BclCompatibleTicks);

    /// <summary>
    /// A calling order of <paramref name="homes"/> (their indices) with which <paramref name="site"/> finishes by
    /// <paramref name="target"/> ticks from the start (empty when there are no households), or null when the target is beyond
    /// <see cref="MaxRounds"/> rounds after the walk-down, the service times have no divisor worth rounds, or the search
    /// proves none or runs out of nodes;
    /// <paramref name="nodes"/> is lowered by the nodes spent. Greedy dives that search only the household straddling each
    /// round's end come first (in three orders of the profiles), then the exhaustive search, which alone proves that no order
    /// exists (see <see cref="Attempts"/>).
    /// </summary>
    public static int[]? Order(SiteSpec site, IReadOnlyList<HouseholdLoad> homes, ServiceTimes times, long target, ref long nodes,
        CancellationToken cancellationToken) => Order(site, homes, times, target, ref nodes, late: true, cancellationToken);

    /// <summary>
    /// <see cref="Order(SiteSpec, IReadOnlyList{HouseholdLoad}, ServiceTimes, long, ref long, CancellationToken)"/> with the
    /// late check on or off: the tests compare the nodes spent with and without it (the same orders found and refused).
    /// </summary>
    internal static int[]? Order(SiteSpec site, IReadOnlyList<HouseholdLoad> homes, ServiceTimes times, long target, ref long nodes,
        bool late, CancellationToken cancellationToken) => Order(site, homes, times, (target, late), ref nodes, out _, cancellationToken);

    /// <summary>
    /// The same search, saying whether a null answer is a proof: <paramref name="none"/> is true only when the exhaustive
    /// search ended within its nodes, so no calling order of <paramref name="homes"/> finishes by the target on this site.
    /// </summary>
    internal static int[]? Order(SiteSpec site, IReadOnlyList<HouseholdLoad> homes, ServiceTimes times, (long Target, bool Late) ask, ref long nodes,
        out bool none, CancellationToken cancellationToken)
    {
        var (target, late) = ask;
        none = false;
        if (homes.Count == 0)
        {
            // Nobody to call: the site is done at the start, and not before it.
            none = target < 0;
            return target >= 0 ? [] : null;
        }

        var divisor = Divisor(times);
        var walk = site.WalkDown.BclCompatibleTicks;
        int[] length = [(int)Math.Min(int.MaxValue, times.Assisted.BclCompatibleTicks / divisor),
            (int)Math.Min(int.MaxValue, times.Typed.BclCompatibleTicks / divisor), (int)Math.Min(int.MaxValue, times.QrCode.BclCompatibleTicks / divisor)];
        if (target < walk || (target - walk) / divisor > MaxRounds || length.Max() > MaxLength || nodes <= 0)
        {
            return null;
        }

        var rounds = (int)((target - walk) / divisor);
        var total = nodes;
        foreach (var (straddlers, kind, part, check) in Attempts)
        {
            var share = Math.Min(nodes, Math.Max(1, total * part / 8));
            var (order, exhausted, spent) = Search(site.Stations, homes, (length, rounds), (straddlers, kind, late && check), share, cancellationToken);
            nodes -= spent;
            if (order is not null || (exhausted && !straddlers))
            {
                none = order is null;
                return order;
            }
        }

        return null;
    }

    // The searches tried, with their eighths of the nodes: first one greedy fill a round, branching only on the household that
    // straddles each round's end, with the profiles in three orders (kind 0: longest single service first, then the slowest
    // per person; 1: longest first, then the quickest per person; 2: the quickest per person first, so a round's QR residents
    // free the next round's places before the long services start), then the exhaustive search over every order of profiles
    // (kinds 1 and 0), which alone can prove that no order exists. The last runs without the late check (Check false): the
    // check spends a node on every class split it tries, and where few profiles fill a round that costs more than it prunes
    // (issue 15's one-site repro, helper waves19b: no order by 100 s proven in 2.84 M nodes with it, 148 k without).
    private static readonly (bool Straddlers, int Kind, long Eighths, bool Check)[] Attempts =
        [(true, 1, 1, true), (true, 0, 1, true), (true, 2, 1, true), (false, 1, 3, true), (false, 0, 2, false)];

    // One search with the profiles in one order; `Exhausted` when it ended within its nodes (so no order exists).
    private static (int[]? Order, bool Exhausted, long Spent) Search(int stations, IReadOnlyList<HouseholdLoad> homes, (int[] Length, int Rounds) grid,
        (bool Straddlers, int Kind, bool Late) how, long limit, CancellationToken cancellationToken)
    {
        var (length, rounds) = grid;
        var groups = homes.Select((h, i) => (Home: h, Index: i)).GroupBy(x => (x.Home.Assisted, x.Home.Typed, x.Home.QrCode));
        var sorted = how.Kind == 2 ? groups.OrderBy(_ => 0) : groups.OrderByDescending(g => Longest(g.Key, length));
        var bySpeed = how.Kind == 0
            ? sorted.ThenByDescending(g => Work(g.Key, length) / (double)(g.Key.Assisted + g.Key.Typed + g.Key.QrCode))
            : sorted.ThenBy(g => Work(g.Key, length) / (double)(g.Key.Assisted + g.Key.Typed + g.Key.QrCode));
        var byProfile = bySpeed.ThenByDescending(g => g.Key).Select(g => g.Select(x => x.Index).ToArray()).ToArray();
        int[][] profiles = [.. byProfile.Select(g => new[] { homes[g[0]].Assisted, homes[g[0]].Typed, homes[g[0]].QrCode })];
        var search = new RoundPacking(length, profiles, [.. byProfile.Select(g => g.Length)], (rounds, limit, how.Late), cancellationToken);
        var state = new int[length.Max() + 1];
        state[0] = stations;
        if (!(how.Straddlers ? search.Straddle(0, state) : search.Go(0, state, 0)))
        {
            return (null, search._nodes <= limit, Math.Min(search._nodes, limit));
        }

        var next = new int[byProfile.Length];
        return ([.. search._chosen.Select(p => byProfile[p][next[p]++])], true, search._nodes);
    }

    // Depth-first over the next household's profile. `free[0]` is the places left in round r, `free[k]` the stations that fall
    // free at round r + k; a household placed wholly inside the round may not come before a lower profile index (minIndex).
    private bool Go(int r, int[] free, int minIndex)
    {
        if (_householdsLeft == 0)
        {
            return true;
        }

        r = Advance(r, free);
        if (++_nodes > _limit || r >= _rounds || !Fits(r, free))
        {
            return false;
        }

        if ((_nodes & 4095) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        var key = Key(r, free, minIndex);
        if (_failed.Contains(key))
        {
            return false;
        }

        for (var i = 0; i < _profiles.Length; i++)
        {
            if (_left[i] == 0 || (i < minIndex && _people[i] <= free[0]))
            {
                continue;
            }

            if (TryChild(i, r, free) || _nodes > _limit)
            {
                return _nodes <= _limit;
            }
        }

        if (_failed.Count < MemoLimit)
        {
            _failed.Add(key);
        }

        return false;
    }

    // A round at a time: one household (profile s, or none) is kept aside to straddle the round's end leaving `head` of its
    // people in it; the round's other places are filled greedily with whole households in profile order; then the straddler.
    // Only the straddler and its head are searched (a dive with few discrepancies, for orders the greedy fill nearly finds).
    private bool Straddle(int r, int[] free)
    {
        if (_householdsLeft == 0)
        {
            return true;
        }

        r = Advance(r, free);
        _nodes += _profiles.Length;
        if (_nodes > _limit || r >= _rounds || !Fits(r, free))
        {
            return false;
        }

        var key = Key(r, free, -1);
        if (_failed.Contains(key))
        {
            return false;
        }

        for (var s = -1; s < _profiles.Length; s++)
        {
            var heads = s < 0 ? 0 : Math.Min(_people[s] - 1, free[0]);
            for (var head = s < 0 ? 0 : 1; head <= heads && (s < 0 || _left[s] > 0); head++)
            {
                if (TryRound(s, head, r, free) || _nodes > _limit)
                {
                    return _nodes <= _limit;
                }
            }
        }

        if (_failed.Count < MemoLimit)
        {
            _failed.Add(key);
        }

        return false;
    }

    private bool TryRound(int s, int head, int r, int[] free)
    {
        var next = (int[])free.Clone();
        var mark = _chosen.Count;
        var room = next[0] - head;
        _left[s < 0 ? 0 : s] -= s < 0 ? 0 : 1;
        for (var i = 0; i < _profiles.Length; i++)
        {
            var deadline = r + Longest((_profiles[i][0], _profiles[i][1], _profiles[i][2]), _length) <= _rounds;
            while (deadline && _left[i] > 0 && _people[i] <= room)
            {
                var round = r;
                Place(_profiles[i], ref round, next);
                room -= _people[i];
                Take(i, -1);
            }
        }

        _left[s < 0 ? 0 : s] += s < 0 ? 0 : 1;
        var end = r;
        var placed = s < 0 ? _chosen.Count > mark : Place(_profiles[s], ref end, next);
        if (placed && s >= 0)
        {
            Take(s, -1);
        }

        if (placed && Straddle(end, next))
        {
            return true;
        }

        while (_chosen.Count > mark)
        {
            Take(_chosen[^1], +1);
        }

        return false;
    }

    private bool TryChild(int i, int r, int[] free)
    {
        var next = (int[])free.Clone();
        var round = r;
        if (!Place(_profiles[i], ref round, next))
        {
            return false;
        }

        // Inside the round (and the round not yet full): the next whole household of this round comes in profile order.
        var nextMin = round == r && next[0] > 0 ? i : 0;
        Take(i, -1);
        if (Go(round, next, nextMin))
        {
            return true;
        }

        Take(i, +1);
        return false;
    }

    private void Take(int i, int sign)
    {
        _left[i] += sign;
        _householdsLeft += sign;
        for (var c = 0; c < 3; c++)
        {
            _classLeft[c] += sign * (long)_profiles[i][c];
            _slotLeft[(_groupOf[i] * 3) + c] += sign * (long)_profiles[i][c];
        }

        if (sign < 0)
        {
            _chosen.Add(i);
        }
        else
        {
            _chosen.RemoveAt(_chosen.Count - 1);
        }
    }

    // The household's people in queue order (assisted, typed, QR), each on a place of the earliest round with one free.
    private bool Place(int[] profile, ref int r, int[] free)
    {
        for (var c = 0; c < 3; c++)
        {
            for (var k = 0; k < profile[c]; k++)
            {
                r = Advance(r, free);
                if (r + _length[c] > _rounds)
                {
                    return false;
                }

                free[0]--;
                free[_length[c]]++;
            }
        }

        return true;
    }

    // Moves to the next round while the current one has no place left.
    private int Advance(int r, int[] free)
    {
        while (free[0] == 0 && r < _rounds)
        {
            Array.Copy(free, 1, free, 0, free.Length - 1);
            free[^1] = 0;
            r++;
        }

        return r;
    }

    // What is left must fit the stations' time before the target: all its work, and for every service length L the people
    // whose service takes L or more (a station free at round f serves at most (rounds - f) / L of them).
    private bool Fits(int r, int[] free)
    {
        long work = 0, capacity = 0;
        for (var c = 0; c < 3; c++)
        {
            work += _classLeft[c] * _length[c];
        }

        for (var k = 0; k < free.Length; k++)
        {
            capacity += free[k] * (long)Math.Max(0, _rounds - r - k);
        }

        if (work > capacity)
        {
            return false;
        }

        for (var c = 0; c < 3; c++)
        {
            if (_classLeft[c] > 0 && AtLeast(_length[c]) > Places(r, free, _length[c]))
            {
                return false;
            }
        }

        return !_late || Late(r, free);
    }

    // The late check, a relaxation that forgets which household a person belongs to except for one thing: a household is late
    // for round q when its longest service no longer fits (q + longest > rounds), and then only the one household straddling
    // into q (already begun in q - 1) can have people there, a run of its people whose services fit q. So the people left,
    // counted per (longest service of their household, class), must fill every round's places while anyone is left (a list
    // schedule: everyone waits from the walk-down) with at most that run of late people in each later round and none in this
    // one (the household straddling into it is already placed). Without it, a site that must never idle (compound 1: 1,920 s of
    // work on 24 stations x 80 s) was searched for 1.41 M nodes before an order of four rounds; with it, far fewer (docs).
    private bool Late(int r, int[] free)
    {
        var caps = new int[_rounds + 1];
        for (var q = r + 1; q < _rounds; q++)
        {
            for (var i = 0; i < _profiles.Length; i++)
            {
                if (_left[i] > 0 && q + _groupLength[_groupOf[i]] > _rounds)
                {
                    caps[q] = Math.Max(caps[q], Run(_profiles[i], _rounds - q));
                }
            }
        }

        return Relaxed(r, (int[])free.Clone(), (long[])_slotLeft.Clone(), caps);
    }

    // The longest run of a profile's people (assisted, typed, QR) whose services take at most `room` rounds.
    private int Run(int[] profile, int room)
    {
        int best = 0, run = 0;
        for (var c = 0; c < 3; c++)
        {
            run = _length[c] <= room ? run + profile[c] : 0;
            best = profile[c] > 0 ? Math.Max(best, run) : best;
        }

        return best;
    }

    // Whether the people left (per group and class) can fill the rounds from r on; each state and each split costs one node.
    private bool Relaxed(int r, int[] free, long[] slots, int[] caps)
    {
        long total = 0;
        foreach (var n in slots)
        {
            total += n;
        }

        if (total == 0)
        {
            return true;
        }

        r = Advance(r, free);
        if (r >= _rounds)
        {
            return false;
        }

        var key = LateKey(r, free, slots, caps);
        if (_lateMemo.TryGetValue(key, out var known))
        {
            return known;
        }

        if (++_nodes > _limit)
        {
            return false;
        }

        var found = FillRound(r, free, slots, caps, (int)Math.Min(free[0], total));
        if (_nodes <= _limit && _lateMemo.Count < MemoLimit)
        {
            _lateMemo[key] = found;
        }

        return found;
    }

    // Round r's places filled by every count of assisted and typed people (QR the rest), each split tried.
    private bool FillRound(int r, int[] free, long[] slots, int[] caps, int places)
    {
        long[] byClass = [0, 0, 0], lateByClass = [0, 0, 0];
        for (var s = 0; s < slots.Length; s++)
        {
            byClass[s % 3] += slots[s];
            lateByClass[s % 3] += r + _groupLength[s / 3] > _rounds ? slots[s] : 0;
        }

        var found = false;
        for (var a = (int)Math.Min(byClass[0], places); a >= 0 && !found; a--)
        {
            for (var t = (int)Math.Min(byClass[1], places - a); t >= 0 && !found; t--)
            {
                var q = places - a - t;
                if (q > byClass[2] || (a > 0 && r + _length[0] > _rounds) || (t > 0 && r + _length[1] > _rounds) || (q > 0 && r + _length[2] > _rounds))
                {
                    continue;
                }

                // Every split tried costs a node too, so a round of many places cannot spend time the budget does not see.
                if (++_nodes > _limit)
                {
                    break;
                }

                found = Split(r, free, slots, caps, [a, t, q], (lateByClass, byClass));
            }
        }

        return found;
    }

    // One round's class counts split between late people (at most caps[r] in all, every split tried) and the others (taken
    // from the group whose longest service is greatest first: it turns late soonest, so taking it now is never worse).
    private bool Split(int r, int[] free, long[] slots, int[] caps, int[] take, (long[] Late, long[] All) left)
    {
        for (var la = (int)Math.Min(Math.Min(take[0], left.Late[0]), caps[r]); la >= 0; la--)
        {
            for (var lt = (int)Math.Min(Math.Min(take[1], left.Late[1]), caps[r] - la); lt >= 0; lt--)
            {
                var lq = (int)Math.Min(Math.Min(take[2], left.Late[2]), caps[r] - la - lt);
                int[] late = [la, lt, lq];
                if (take[0] - la > left.All[0] - left.Late[0] || take[1] - lt > left.All[1] - left.Late[1] || take[2] - lq > left.All[2] - left.Late[2])
                {
                    continue;
                }

                var next = (long[])slots.Clone();
                for (var c = 0; c < 3; c++)
                {
                    long fromLate = late[c], fromOthers = take[c] - late[c];
                    for (var g = _groupLength.Length - 1; g >= 0; g--)
                    {
                        var isLate = r + _groupLength[g] > _rounds;
                        ref var n = ref next[(g * 3) + c];
                        var k = Math.Min(n, isLate ? fromLate : fromOthers);
                        n -= k;
                        fromLate -= isLate ? k : 0;
                        fromOthers -= isLate ? 0 : k;
                    }
                }

                var nextFree = (int[])free.Clone();
                nextFree[0] -= take[0] + take[1] + take[2];
                for (var c = 0; c < 3; c++)
                {
                    nextFree[_length[c]] += take[c];
                }

                if (Relaxed(r, nextFree, next, caps))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static (long, long) LateKey(int r, int[] free, long[] slots, int[] caps)
    {
        ulong a = 0x2545F4914F6CDD1DUL, b = 0x9E3779B97F4A7C15UL;
        Mix(ref a, ref b, r);
        foreach (var f in free)
        {
            Mix(ref a, ref b, f);
        }

        foreach (var n in slots)
        {
            Mix(ref a, ref b, (int)n);
        }

        foreach (var c in caps)
        {
            Mix(ref a, ref b, c);
        }

        return (unchecked((long)a), unchecked((long)b));
    }

    private long AtLeast(int length)
    {
        long people = 0;
        for (var c = 0; c < 3; c++)
        {
            people += _length[c] >= length ? _classLeft[c] : 0;
        }

        return people;
    }

    private long Places(int r, int[] free, int length)
    {
        long places = 0;
        for (var k = 0; k < free.Length; k++)
        {
            places += free[k] * (long)(Math.Max(0, _rounds - r - k) / length);
        }

        return places;
    }

    // Two independent 64-bit hashes of the state (round, places, profiles left, the order restriction): a collision could only
    // skip an order, never accept a wrong one, since the planner replays what the search proposes.
    private (long, long) Key(int r, int[] free, int minIndex)
    {
        ulong a = 0x9E3779B97F4A7C15UL, b = 0xC2B2AE3D27D4EB4FUL;
        Mix(ref a, ref b, r);
        Mix(ref a, ref b, minIndex);
        foreach (var f in free)
        {
            Mix(ref a, ref b, f);
        }

        foreach (var left in _left)
        {
            Mix(ref a, ref b, left);
        }

        return (unchecked((long)a), unchecked((long)b));
    }

    private static void Mix(ref ulong a, ref ulong b, int value)
    {
        // Hashing wraps on purpose (the project checks arithmetic).
        a = unchecked(ulong.RotateLeft(a ^ (uint)value, 27) * 0x9E3779B97F4A7C15UL);
        b = unchecked(((b + (uint)value) * 0xFF51AFD7ED558CCDUL) ^ (b >> 29));
    }

    private static int Longest((int Assisted, int Typed, int QrCode) p, int[] length) =>
        Math.Max(p.Assisted > 0 ? length[0] : 0, Math.Max(p.Typed > 0 ? length[1] : 0, p.QrCode > 0 ? length[2] : 0));

    private static long Work((int Assisted, int Typed, int QrCode) p, int[] length) =>
        ((long)p.Assisted * length[0]) + ((long)p.Typed * length[1]) + ((long)p.QrCode * length[2]);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
