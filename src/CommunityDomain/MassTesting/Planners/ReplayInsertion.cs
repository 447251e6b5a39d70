namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// A second starting assignment, built by the replay itself: groups in call order (slowest per person first), each to
/// the site whose replayed finish with it is earliest (list scheduling on the queue model). Unlike the distance-and-share
/// assignment it sees each site's walk-down and station count at the moment a group is placed, so an elder's household
/// goes to the site that finishes it soonest rather than the nearest one with room (issue 15's nine-household case).
/// </summary>
/// <remarks>
/// A group placed last in a site's calls changes nothing before it: first come, first served, the people already called
/// start when they did. So each site keeps its replay so far (<see cref="Tail"/>) and a candidate costs only the group's
/// people, not a replay of the site (helper waves21: the whole-site replays made the placing cost households times people,
/// which skipped the longest-first start on every multi-site compound above 160 households).
/// </remarks>
internal static class ReplayInsertion
{
    /// <summary>Assigns the groups, or returns null when placing them would replay more than <paramref name="budget"/>
    /// person-station steps (each candidate costs its group's people). Groups are placed, and each site calls them,
    /// in <paramref name="order"/> (<see cref="CallGroup.CompareCallOrder"/> when null).</summary>
    public static List<CallGroup>[]? Assign(SiteSpec[] sites, List<CallGroup> groups, SiteQueue queue, long budget, CancellationToken cancellationToken,
        Comparison<CallGroup>? order = null)
    {
        var ordered = groups.ToList();
        ordered.Sort(order ?? CallGroup.CompareCallOrder);
        var result = new List<CallGroup>[sites.Length];
        var tails = new Tail[sites.Length];
        for (var s = 0; s < sites.Length; s++)
        {
            result[s] = [];
            tails[s] = new Tail(sites[s], queue);
        }

        long spent = 0;
        foreach (var group in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var choice = -1;
            var best = long.MaxValue;
            for (var s = 0; s < sites.Length; s++)
            {
                spent += WaveImprovement.Cost(sites[s], group.People);
                if (spent > budget)
                {
                    return null;
                }

                // The group is last in call order so far: it goes at the end of the site's calls.
                var here = tails[s].With(group, commit: false);

                // Earliest finish with it; on a tie the site that was finishing earlier, then the lower id.
                if (choice < 0 || here < best || (here == best && tails[s].Finish < tails[choice].Finish))
                {
                    best = here;
                    choice = s;
                }
            }

            result[choice].Add(group);
            tails[choice].With(group, commit: true);
        }

        return result;
    }

    /// <summary>
    /// A site's replay of its calls so far, as <see cref="SiteQueue.Run"/> plays them. Starts are taken at once rather than
    /// lazily: first come, first served, a person's start (the earliest free station, lowest index on a tie, not before the
    /// arrival) depends only on the people ahead, so it is the start the lazy queue gives when it gets to them.
    /// </summary>
    private sealed class Tail(SiteSpec site, SiteQueue queue)
    {
        private readonly long[] _free = new long[site.Stations];
        private readonly long[] _scratch = new long[site.Stations];
        private readonly List<long> _starts = [];
        private int _started;
        private long _lastArrival = site.WalkDown.BclCompatibleTicks;

        /// <summary>The last service end so far (0 with no calls).</summary>
        public long Finish { get; private set; }

        /// <summary>The site's finish with <paramref name="group"/> called last; kept when <paramref name="commit"/>.</summary>
        public long With(CallGroup group, bool commit)
        {
            // The lazy queue lands a group once enough people ahead have started to leave it room: the last of those starts.
            var waiting = _starts.Count - _started;
            var mustStart = Math.Max(0, waiting - (site.QueueCapacity - group.People));
            var arrival = mustStart == 0 ? _lastArrival : Math.Max(_lastArrival, _starts[_started + mustStart - 1]);
            var free = commit ? _free : _scratch;
            if (!commit)
            {
                Array.Copy(_free, _scratch, _free.Length);
            }

            var finish = Finish;
            foreach (var h in group.Households)
            {
                finish = Math.Max(finish, Serve(free, arrival, queue.Assisted, h.Assisted, commit));
                finish = Math.Max(finish, Serve(free, arrival, queue.Typed, h.Typed, commit));
                finish = Math.Max(finish, Serve(free, arrival, queue.QrCode, h.QrCode, commit));
            }

            if (commit)
            {
                _started += mustStart;
                _lastArrival = arrival;
                Finish = finish;
            }

            return finish;
        }

        // Starts `people` arrivals of one service; returns the last end (0 for none).
        private long Serve(long[] free, long arrival, long service, int people, bool commit)
        {
            long end = 0;
            for (var i = 0; i < people; i++)
            {
                var station = 0;
                for (var k = 1; k < free.Length; k++)
                {
                    if (free[k] < free[station])
                    {
                        station = k;
                    }
                }

                var start = Math.Max(free[station], arrival);
                free[station] = end = start + service;
                if (commit)
                {
                    _starts.Add(start);
                }
            }

            return end;
        }
    }
}
