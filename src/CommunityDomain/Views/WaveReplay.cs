using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Views;

/// <summary>
/// What a wave plan implies over time at one site, replayed for drawing (because <see cref="WavePlan"/> gives
/// only the calls and the finish) with the planner's own queue model, <see cref="SitePlan.Replay"/>: everyone of a
/// call arrives at call time + walk-down and is served first come first served at the earliest free station. The queue is the people who
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
        var calls = site.Calls.OrderBy(c => c.At).ToList();
        var callOf = new List<int>();
        foreach (var (call, c) in calls.Select((call, c) => (call, c)))
        {
            callOf.AddRange(Enumerable.Repeat(c, call.Households.Sum(h => h.Assisted + h.Typed + h.QrCode)));
        }

        // The planner's own queue model, fed every call in time order (first come, first served).
        var model = site.Replay(problem);
        var servedBy = calls.Select(c => c.At).ToArray();
        var events = new List<(long At, int Delta)>(callOf.Count * 2);
        long finish = 0;
        foreach (var (arrival, start, end, call) in model.Services.Select(p =>
            ((p.Arrival - problem.Start).BclCompatibleTicks, (p.Start - problem.Start).BclCompatibleTicks, (p.End - problem.Start).BclCompatibleTicks, p.Call)))
        {
            finish = Math.Max(finish, end);
            var done = problem.Start + Duration.FromTicks(end);
            servedBy[call] = done > servedBy[call] ? done : servedBy[call];
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
            callOf.Count == 0 ? problem.Start : problem.Start + Duration.FromTicks(finish));
    }
}
