using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// An independent discrete-event replay of a wave plan: people arrive at call time plus walk-down, wait
/// first come first served, and each station serves one person at a time. Written apart from the planner's
/// lazy queue so the two can check each other.
/// </summary>
public static class QueueReplay
{
    public sealed record SiteReplay(int SiteId, int MaxQueue, Instant Finish, int People);

    public static IReadOnlyList<SiteReplay> Replay(WaveProblem problem, WavePlan plan)
    {
        var result = new List<SiteReplay>();
        var times = problem.ServiceTimes;
        foreach (var site in problem.Sites)
        {
            var calls = plan.Sites.Where(s => s.Site.SiteId == site.SiteId).SelectMany(s => s.Calls).OrderBy(c => c.At).ToList();
            var people = new List<(long Arrival, long Service)>();
            foreach (var call in calls)
            {
                var arrival = (call.At - problem.Start + site.WalkDown).BclCompatibleTicks;
                foreach (var h in call.Households)
                {
                    people.AddRange(Enumerable.Repeat((arrival, times.Assisted.BclCompatibleTicks), h.Assisted));
                    people.AddRange(Enumerable.Repeat((arrival, times.Typed.BclCompatibleTicks), h.Typed));
                    people.AddRange(Enumerable.Repeat((arrival, times.QrCode.BclCompatibleTicks), h.QrCode));
                }
            }

            var waiting = new Queue<long>();
            var busy = new PriorityQueue<long, long>();
            int free = site.Stations, next = 0, maxQueue = 0;
            long finish = 0;
            while (next < people.Count || waiting.Count > 0 || busy.Count > 0)
            {
                var t = Math.Min(next < people.Count ? people[next].Arrival : long.MaxValue, busy.Count > 0 ? busy.Peek() : long.MaxValue);
                while (busy.Count > 0 && busy.Peek() <= t)
                {
                    busy.Dequeue();
                    free++;
                }

                while (next < people.Count && people[next].Arrival <= t)
                {
                    waiting.Enqueue(people[next++].Service);
                }

                while (free > 0 && waiting.Count > 0)
                {
                    var end = t + waiting.Dequeue();
                    busy.Enqueue(end, end);
                    finish = Math.Max(finish, end);
                    free--;
                }

                maxQueue = Math.Max(maxQueue, waiting.Count);
            }

            result.Add(new SiteReplay(site.SiteId, maxQueue, problem.Start + Duration.FromTicks(finish), people.Count));
        }

        return result;
    }

    /// <summary>A random schedule: each building to a random site, all called at the start in a random order.</summary>
    public static WavePlan RandomSchedule(WaveProblem problem, int seed)
    {
        var random = new Random(seed);
        var calls = problem.Buildings.Select(b => (Site: problem.Sites[random.Next(problem.Sites.Count)], Building: b, Key: random.Next()))
            .OrderBy(x => x.Key)
            .Select(x => (x.Site, Call: new WaveCall(problem.Start, x.Site.SiteId, x.Building.BuildingId, null, 0, 0,
                [.. x.Building.Units.SelectMany(u => u.Households)], x.Building.People, "-", "-")))
            .ToList();
        var sites = problem.Sites.Select(s => new SitePlan(s, [.. calls.Where(c => c.Site == s).Select(c => c.Call)], problem.Start, problem.Start, 0, Duration.Zero)).ToList();
        return new WavePlan(problem.Start, sites, problem.Start, problem.Start);
    }
}
