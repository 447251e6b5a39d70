using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// An exact branch and bound over one-household calls, written apart from the planner: each site's households in
/// calling order, each call landing at the earliest moment the site's queue has room (the queue model of
/// <see cref="WavePlanner"/>), people served first come first served by the earliest free station. It looks for a plan
/// finishing strictly before an incumbent; pruned by each site's partial finish (later calls never delay earlier
/// people) and by the work left against what the stations can still do before the incumbent. Households of the same
/// profile are interchangeable, so only one of them is tried at each step. Used on compounds of up to a dozen
/// households, where it proves the optimum (or stops at its node budget and says so).
/// </summary>
public static class WaveOracle
{
    public sealed record Result(long Optimum, bool Proven, long Nodes, int[][] Order);

    /// <summary>The best finish (ticks from the start) below <paramref name="incumbent"/>, or the incumbent when none is.</summary>
    public static Result Solve(WaveProblem problem, long incumbent, long lowerBound, long nodeBudget = 200_000_000)
    {
        var times = problem.ServiceTimes;
        var homes = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).ToArray();
        var sites = problem.Sites.ToArray();
        var services = homes.Select(h => Enumerable.Repeat(times.Assisted.BclCompatibleTicks, h.Assisted)
            .Concat(Enumerable.Repeat(times.Typed.BclCompatibleTicks, h.Typed))
            .Concat(Enumerable.Repeat(times.QrCode.BclCompatibleTicks, h.QrCode)).ToArray()).ToArray();
        var work = services.Select(s => s.Sum()).ToArray();
        var profile = homes.Select(h => (h.QrCode, h.Typed, h.Assisted)).ToArray();
        var search = new Search(sites, services, work, profile, incumbent, lowerBound, nodeBudget);
        search.Run();
        return new Result(search.Best, search.Nodes <= nodeBudget, search.Nodes,
            [.. search.BestOrder.Select(o => o.Select(i => homes[i].HouseholdId).ToArray())]);
    }

    private sealed class Search(SiteSpec[] sites, long[][] services, long[] work, (int, int, int)[] profile, long incumbent, long lowerBound, long budget)
    {
        private readonly bool[] _used = new bool[services.Length];
        private readonly List<int>[] _order = [.. sites.Select(_ => new List<int>())];

        public long Best { get; private set; } = incumbent;

        public long Nodes { get; private set; }

        public int[][] BestOrder { get; private set; } = [.. sites.Select(_ => Array.Empty<int>())];

        public void Run()
        {
            if (Best <= lowerBound)
            {
                return;
            }

            var state = new SiteState(sites[0]);
            Go(0, state, work.Sum(), 0);
        }

        private void Go(int s, SiteState state, long workLeft, long finishSoFar)
        {
            if (++Nodes > budget || Best <= lowerBound)
            {
                return;
            }

            if (workLeft == 0)
            {
                Best = Math.Max(finishSoFar, state.Finish);
                BestOrder = [.. _order.Select(o => o.ToArray())];
                return;
            }

            // Capacity left before Best at this site and the later ones.
            var limit = Best - 1;
            long capacity = 0;
            foreach (var f in state.Free)
            {
                capacity += Math.Max(0, limit - Math.Max(f, Math.Max(state.LastArrival, state.LastStart)));
            }

            for (var t = s + 1; t < sites.Length; t++)
            {
                capacity += sites[t].Stations * Math.Max(0, limit - sites[t].WalkDown.BclCompatibleTicks);
            }

            if (capacity < workLeft)
            {
                return;
            }

            var tried = new HashSet<(int, int, int)>();
            for (var h = 0; h < services.Length; h++)
            {
                if (_used[h] || !tried.Add(profile[h]))
                {
                    continue;
                }

                var next = state.With(services[h]);
                if (next is null || next.Finish >= Best)
                {
                    continue;
                }

                _used[h] = true;
                _order[s].Add(h);
                Go(s, next, workLeft - work[h], finishSoFar);
                _order[s].RemoveAt(_order[s].Count - 1);
                _used[h] = false;
            }

            if (s + 1 < sites.Length)
            {
                Go(s + 1, new SiteState(sites[s + 1]), workLeft, Math.Max(finishSoFar, state.Finish));
            }
        }
    }

    /// <summary>A site after some calls: every person's start (non-decreasing), the stations' free times, the last landing.</summary>
    private sealed class SiteState
    {
        private readonly SiteSpec _site;
        private readonly List<long> _starts;

        public SiteState(SiteSpec site)
        {
            _site = site;
            _starts = [];
            Free = new long[site.Stations];
            LastArrival = site.WalkDown.BclCompatibleTicks;
        }

        private SiteState(SiteSpec site, List<long> starts, long[] free, long last, long finish)
        {
            _site = site;
            _starts = starts;
            Free = free;
            LastArrival = last;
            Finish = finish;
        }

        public long[] Free { get; }

        public long LastArrival { get; }

        public long LastStart => _starts.Count == 0 ? 0 : _starts[^1];

        public long Finish { get; }

        /// <summary>The state after one more call of these people (in service order), or null if it can never fit the queue.</summary>
        public SiteState? With(long[] people)
        {
            var room = _site.QueueCapacity - people.Length;
            if (room < 0)
            {
                return null;
            }

            // The queue holds those who have arrived and not started: the call lands once at most `room` of the earlier
            // people start after it.
            var arrival = LastArrival;
            if (_starts.Count > room)
            {
                arrival = Math.Max(arrival, _starts[_starts.Count - room - 1]);
            }

            var starts = new List<long>(_starts.Count + people.Length);
            starts.AddRange(_starts);
            var free = (long[])Free.Clone();
            var finish = Finish;
            foreach (var service in people)
            {
                var k = 0;
                for (var i = 1; i < free.Length; i++)
                {
                    if (free[i] < free[k])
                    {
                        k = i;
                    }
                }

                var start = Math.Max(arrival, free[k]);
                starts.Add(start);
                free[k] = start + service;
                finish = Math.Max(finish, free[k]);
            }

            return new SiteState(_site, starts, free, arrival, finish);
        }
    }
}
