using CommunityDomain.MassTesting.Planners;
using NodaTime;

namespace CommunityDomain.Benchmarks.MassTesting;

/// <summary>
/// The named baseline: each building goes whole to its nearest site, and a site calls its buildings in id
/// order as soon as the queue has room, counting everyone called and not yet served (it ignores the walk-down
/// delay, so stations idle while each building walks down). A building larger than the queue is called once
/// the queue is empty. Same queue model as the planner (elders first within a household).
/// </summary>
public static class IdOrderBaseline
{
    /// <summary>The baseline's finish.</summary>
    public static Instant Finish(WaveProblem problem)
    {
        var times = problem.ServiceTimes;
        var finish = 0L;
        foreach (var site in problem.Sites)
        {
            var mine = problem.Buildings.Where(b => Nearest(problem, b) == site).OrderBy(b => b.BuildingId).ToList();
            var free = new long[site.Stations];
            var waiting = new Queue<(long Arrival, long Service)>();
            long lastCall = 0, delay = site.WalkDown.BclCompatibleTicks;
            foreach (var building in mine)
            {
                var room = Math.Max(0, site.QueueCapacity - building.People);
                long roomAt = 0;
                while (waiting.Count > room)
                {
                    roomAt = Start(free, waiting.Dequeue());
                }

                var call = Math.Max(lastCall, roomAt);
                foreach (var h in building.Units.SelectMany(u => u.Households))
                {
                    for (var i = 0; i < h.Assisted; i++)
                    {
                        waiting.Enqueue((call + delay, times.Assisted.BclCompatibleTicks));
                    }

                    for (var i = 0; i < h.Typed; i++)
                    {
                        waiting.Enqueue((call + delay, times.Typed.BclCompatibleTicks));
                    }

                    for (var i = 0; i < h.QrCode; i++)
                    {
                        waiting.Enqueue((call + delay, times.QrCode.BclCompatibleTicks));
                    }
                }

                lastCall = call;
            }

            while (waiting.Count > 0)
            {
                Start(free, waiting.Dequeue());
            }

            finish = Math.Max(finish, free.Max());
        }

        return problem.Start + Duration.FromTicks(finish);
    }

    private static long Start(long[] free, (long Arrival, long Service) person)
    {
        var best = 0;
        for (var s = 1; s < free.Length; s++)
        {
            if (free[s] < free[best])
            {
                best = s;
            }
        }

        var start = Math.Max(free[best], person.Arrival);
        free[best] = start + person.Service;
        return start;
    }

    private static SiteSpec Nearest(WaveProblem problem, BuildingLoad building) =>
        problem.Sites.OrderBy(s => s.Position.DistanceTo(building.Position)).ThenBy(s => s.SiteId).First();
}
