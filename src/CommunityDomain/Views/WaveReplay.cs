using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Views;

/// <summary>
/// What a wave plan implies over time at one site, recomputed for drawing because <see cref="WavePlan"/> gives
/// only the calls and the finish: everyone of a call arrives at call time + walk-down; people are served first
/// come first served (within a household: assisted, then typed, then QR, as the planner's queue model has it);
/// each person starts at the later of their arrival and the earliest free station. The queue is the people who
/// have arrived and not yet started (the quantity the site's queue capacity limits).
/// </summary>
internal sealed record WaveReplay(
    int SiteId,
    IReadOnlyList<(WaveCall Call, Instant ServedBy)> Waves,
    IReadOnlyList<(Instant At, int Waiting)> Queue,
    int MaxQueue,
    Instant Finish)
{
    public static WaveReplay Of(WaveProblem problem, SitePlan site)
    {
        var times = problem.ServiceTimes;
        var calls = site.Calls.OrderBy(c => c.At).ToList();
        var people = new List<(long Arrival, long Service, int Call)>();
        var walk = site.Site.WalkDown.BclCompatibleTicks;
        for (var c = 0; c < calls.Count; c++)
        {
            var arrival = (calls[c].At - problem.Start).BclCompatibleTicks + walk;
            foreach (var h in calls[c].Households)
            {
                Add(h.Assisted, times.Assisted);
                Add(h.Typed, times.Typed);
                Add(h.QrCode, times.QrCode);
            }

            void Add(int count, Duration service)
            {
                for (var i = 0; i < count; i++)
                {
                    people.Add((arrival, service.BclCompatibleTicks, c));
                }
            }
        }

        // Calls are in time order, so people are already in arrival order (first come, first served).
        var free = new long[site.Site.Stations];
        var servedBy = calls.Select(c => c.At).ToArray();
        var events = new List<(long At, int Delta)>(people.Count * 2);
        long finish = 0;
        foreach (var (arrival, service, call) in people)
        {
            var station = 0;
            for (var s = 1; s < free.Length; s++)
            {
                if (free[s] < free[station])
                {
                    station = s;
                }
            }

            var start = Math.Max(arrival, free[station]);
            free[station] = start + service;
            finish = Math.Max(finish, start + service);
            var end = problem.Start + Duration.FromTicks(start + service);
            servedBy[call] = end > servedBy[call] ? end : servedBy[call];
            if (start > arrival)
            {
                events.Add((arrival, 1));
                events.Add((start, -1));
            }
        }

        events.Sort((a, b) => a.At.CompareTo(b.At));
        var queue = new List<(Instant, int)> { (problem.Start, 0) };
        int waiting = 0, max = 0;
        for (var i = 0; i < events.Count;)
        {
            var at = events[i].At;
            while (i < events.Count && events[i].At == at)
            {
                waiting += events[i++].Delta;
            }

            max = Math.Max(max, waiting);
            queue.Add((problem.Start + Duration.FromTicks(at), waiting));
        }

        return new WaveReplay(site.Site.SiteId, [.. calls.Select((c, i) => (c, servedBy[i]))], queue, max,
            people.Count == 0 ? problem.Start : problem.Start + Duration.FromTicks(finish));
    }
}
