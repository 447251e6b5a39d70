namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// Orders one site's households so that the site finishes by a target, when its service times share a divisor d (20 s for
/// the typical 20/40/60 s): every start is then the walk-down plus a whole number of rounds of d. Each household is its own
/// call; the queue never delays a start (helper waves14), so the site is a list schedule of its people in calling order,
/// everyone there from the walk-down on, and round r's places are the stations that fall free at round r. A search over
/// household profiles (assisted, typed and QR counts: households of one profile are interchangeable) builds the order
/// household by household, tracking the current round, its free places and the stations that fall free in each later round,
/// memoising the states it has seen fail; inside one round the order of whole households does not matter, so they are taken
/// in profile order there, and only the households that straddle a round boundary are free. It proposes an order; the
/// planner replays it (<see cref="SiteQueue"/>) and keeps it only when the replay finishes strictly earlier.
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
    private readonly List<int> _chosen = [];
    private int _householdsLeft;
    private long _nodes;

    private RoundPacking(int[] length, int[][] profiles, int[] counts, int rounds, long limit, CancellationToken cancellationToken)
    {
        (_length, _profiles, _left, _rounds, _limit, _cancellationToken) = (length, profiles, counts, rounds, limit, cancellationToken);
        _people = [.. profiles.Select(p => p[0] + p[1] + p[2])];
        for (var i = 0; i < profiles.Length; i++)
        {
            _householdsLeft += counts[i];
            for (var c = 0; c < 3; c++)
            {
                _classLeft[c] += (long)profiles[i][c] * counts[i];
            }
        }
    }

    /// <summary>The largest duration that divides the three service times, in ticks.</summary>
    public static long Divisor(ServiceTimes times) =>
        Gcd(Gcd(times.Assisted.BclCompatibleTicks, times.Typed.BclCompatibleTicks), times.QrCode.BclCompatibleTicks);

    /// <summary>
    /// A calling order of <paramref name="homes"/> (their indices) with which <paramref name="site"/> finishes by
    /// <paramref name="target"/> ticks from the start, or null when the search proves none or runs out of nodes;
    /// <paramref name="nodes"/> is lowered by the nodes spent. Profiles are tried longest single service first, then the
    /// slowest per person first (typed-only households before typed ones with QR residents); when that search runs out of
    /// half the nodes, again with the quickest per person first among equal longest services (the QR residents of round 0
    /// free the places of round 1).
    /// </summary>
    public static int[]? Order(SiteSpec site, IReadOnlyList<HouseholdLoad> homes, ServiceTimes times, long target, ref long nodes,
        CancellationToken cancellationToken)
    {
        var divisor = Divisor(times);
        var walk = site.WalkDown.BclCompatibleTicks;
        int[] length = [(int)Math.Min(int.MaxValue, times.Assisted.BclCompatibleTicks / divisor),
            (int)Math.Min(int.MaxValue, times.Typed.BclCompatibleTicks / divisor), (int)Math.Min(int.MaxValue, times.QrCode.BclCompatibleTicks / divisor)];
        if (target < walk || (target - walk) / divisor > MaxRounds || length.Max() > MaxLength || nodes <= 0)
        {
            return null;
        }

        var rounds = (int)((target - walk) / divisor);
        foreach (var quickFirst in (bool[])[false, true])
        {
            var share = quickFirst ? nodes : nodes / 2;
            var (order, exhausted, spent) = Search(site.Stations, homes, length, rounds, quickFirst, share, cancellationToken);
            nodes -= spent;
            if (order is not null || exhausted)
            {
                return order;
            }
        }

        return null;
    }

    // One search with the profiles in one order; `Exhausted` when it ended within its nodes (so no order exists).
    private static (int[]? Order, bool Exhausted, long Spent) Search(int stations, IReadOnlyList<HouseholdLoad> homes, int[] length, int rounds,
        bool quickFirst, long limit, CancellationToken cancellationToken)
    {
        var sorted = homes.Select((h, i) => (Home: h, Index: i)).GroupBy(x => (x.Home.Assisted, x.Home.Typed, x.Home.QrCode))
            .OrderByDescending(g => Longest(g.Key, length));
        var bySpeed = quickFirst
            ? sorted.ThenBy(g => Work(g.Key, length) / (double)(g.Key.Assisted + g.Key.Typed + g.Key.QrCode))
            : sorted.ThenByDescending(g => Work(g.Key, length) / (double)(g.Key.Assisted + g.Key.Typed + g.Key.QrCode));
        var byProfile = bySpeed.ThenByDescending(g => g.Key).Select(g => g.Select(x => x.Index).ToArray()).ToArray();
        int[][] profiles = [.. byProfile.Select(g => new[] { homes[g[0]].Assisted, homes[g[0]].Typed, homes[g[0]].QrCode })];
        var search = new RoundPacking(length, profiles, [.. byProfile.Select(g => g.Length)], rounds, limit, cancellationToken);
        var state = new int[length.Max() + 1];
        state[0] = stations;
        if (!search.Go(0, state, 0))
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

        return true;
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

        return ((long)a, (long)b);
    }

    private static void Mix(ref ulong a, ref ulong b, int value)
    {
        a = ulong.RotateLeft(a ^ (uint)value, 27) * 0x9E3779B97F4A7C15UL;
        b = ((b + (uint)value) * 0xFF51AFD7ED558CCDUL) ^ (b >> 29);
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
