using System.Globalization;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>Plans call waves: which buildings each site calls down, and when.</summary>
/// <remarks>
/// <para>Queue model: a call at time t brings its people to its site's queue at t plus the site's walk-down
/// delay, all at once. People are served first come, first served; within a call in the order of
/// <see cref="WaveCall.Households"/>, each household's assisted residents first (elders are not kept standing), then typed, then QR-code.
/// A station serves one person at a time and takes the next person as soon as it is free. The queue holds the
/// people who have arrived and not yet started service.</para>
/// <para>Guarantees, for every valid problem:
/// every household of the problem is called exactly once, and each call holds households of one building;
/// replayed under the queue model, no site's queue ever holds more people than its capacity;
/// no call is announced before the start, and each site's calls are in time order;
/// the expected finish is the replayed finish (the last service end over all sites);
/// the expected finish is never before <see cref="WaveLowerBound.Of"/>, and each site's finish is never before its own bound;
/// the same problem always gives the same plan.</para>
/// <para>Method: buildings too large for half the smallest queue are split into units, then into bands of
/// floors; groups go to sites by distance while each site's work stays near its share of the water-filling
/// bound, then groups move off the site expected to finish last while that helps; each site then calls its slowest groups first, each at the earliest moment that lands it
/// when the queue has room.</para>
/// </remarks>
public static class WavePlanner
{
    /// <summary>Plans one compound.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="cancellationToken">Cancels a long plan.</param>
    /// <returns>The plan.</returns>
    public static WavePlan Plan(WaveProblem problem, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problem);
        var sites = problem.Sites.OrderBy(s => s.SiteId).ToArray();
        var limit = Math.Max(MaxHousehold(problem), sites.Min(s => s.QueueCapacity) / 2);
        var groups = CallGroup.Form(problem.Buildings, limit, problem.ServiceTimes);
        var assigned = SiteAssignment.Assign(sites, groups);
        var plans = new SitePlan[sites.Length];
        var queue = new SiteQueue(problem.ServiceTimes);
        for (var s = 0; s < sites.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plans[s] = PlanSite(problem, sites[s], assigned[s], queue, cancellationToken);
        }

        var finish = plans.Length == 0 ? problem.Start : plans.Max(p => p.ExpectedFinish);
        if (finish < problem.Start)
        {
            finish = problem.Start;
        }

        return new WavePlan(problem.Start, plans, finish, WaveLowerBound.Of(problem));
    }

    /// <summary>Plans many compounds (a city), reporting how many are done.</summary>
    /// <param name="problems">The compounds' problems.</param>
    /// <param name="progress">Receives the count of compounds planned, every 256 and at the end.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The plans, in problem order.</returns>
    public static IReadOnlyList<WavePlan> PlanAll(IReadOnlyList<WaveProblem> problems, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problems);
        var plans = new WavePlan[problems.Count];
        for (var i = 0; i < plans.Length; i++)
        {
            plans[i] = Plan(problems[i], cancellationToken);
            if ((i + 1) % 256 == 0 || i + 1 == plans.Length)
            {
                progress?.Report(i + 1);
            }
        }

        return plans;
    }

    private static int MaxHousehold(WaveProblem problem)
    {
        var max = 1;
        foreach (var building in problem.Buildings)
        {
            foreach (var unit in building.Units)
            {
                foreach (var h in unit.Households)
                {
                    max = Math.Max(max, h.People);
                }
            }
        }

        return max;
    }

    private static SitePlan PlanSite(WaveProblem problem, SiteSpec site, List<CallGroup> groups, SiteQueue queue, CancellationToken cancellationToken)
    {
        var delay = site.WalkDown.BclCompatibleTicks;
        queue.Reset(site.Stations, site.QueueCapacity);
        var calls = new List<WaveCall>(groups.Count);
        long lastArrival = delay, work = 0, q = 0, t = 0, a = 0;
        var people = 0;
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The queue must drop to capacity - n before the group lands; it can land no earlier than the previous one.
            var roomAt = queue.ServeUntilAtMost(site.QueueCapacity - group.People);
            var arrival = Math.Max(lastArrival, roomAt);
            foreach (var h in group.Households)
            {
                queue.Arrive(arrival, h);
                q += h.QrCode;
                t += h.Typed;
                a += h.Assisted;
            }

            lastArrival = arrival;
            people += group.People;
            work += group.Work;
            calls.Add(Announce(problem.Start + Duration.FromTicks(arrival - delay), site, group));
        }

        var finish = Math.Max(0, queue.ServeAll());
        var bound = WaveLowerBound.Ticks([site], q, t, a, problem.ServiceTimes);
        return new SitePlan(site, calls, problem.Start + Duration.FromTicks(finish), problem.Start + Duration.FromTicks(bound), people, Duration.FromTicks(work));
    }

    private static WaveCall Announce(Instant at, SiteSpec site, CallGroup group)
    {
        var b = group.Building.Name;
        var floors = group.Unit is not null && (group.FirstFloor != Floors(group.Unit).First || group.LastFloor != Floors(group.Unit).Last);
        var zhUnit = group.Unit is null ? string.Empty : $"{group.Unit.Name}单元";
        var zhFloors = !floors ? string.Empty
            : group.FirstFloor == group.LastFloor ? string.Create(CultureInfo.InvariantCulture, $"{group.FirstFloor}层")
            : string.Create(CultureInfo.InvariantCulture, $"{group.FirstFloor}至{group.LastFloor}层");
        var enUnit = group.Unit is null ? string.Empty : $", unit {group.Unit.Name}";
        var enFloors = !floors ? string.Empty
            : group.FirstFloor == group.LastFloor ? string.Create(CultureInfo.InvariantCulture, $", floor {group.FirstFloor}")
            : string.Create(CultureInfo.InvariantCulture, $", floors {group.FirstFloor}-{group.LastFloor}");
        var chinese = $"请{b}号楼{zhUnit}{zhFloors}的居民现在下楼，到{site.Name}做核酸检测，请保持一米间距。";
        var english = $"Residents of building {b}{enUnit}{enFloors}: please come down now to {site.Name} for testing and keep one metre apart.";
        return new WaveCall(at, site.SiteId, group.Building.BuildingId, group.Unit?.UnitId, group.FirstFloor, group.LastFloor,
            group.Households, group.People, chinese, english);
    }

    private static (int First, int Last) Floors(UnitLoad unit)
    {
        int first = int.MaxValue, last = int.MinValue;
        foreach (var h in unit.Households)
        {
            first = Math.Min(first, h.Floor);
            last = Math.Max(last, h.Floor);
        }

        return (first, last);
    }
}
