using System.Globalization;
using CommunityDomain.Kernel;

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
/// the plan's <see cref="WavePlan.LowerBound"/> is <see cref="WaveLowerBound.Of"/>, or, for a tiny compound (at most 6
/// households) that the exact search solved or a compound of at most 30 households (400 people, 100 stations) whose branch and bound ran to its end,
/// the proven optimum, which the plan then reaches: no assignment of households to sites and no calling order finishes earlier;
/// the same problem always gives the same plan.</para>
/// <para>Method: a tiny compound is searched exactly (every household its own call; every site's best order over
/// every subset of households, then the best split between sites). Otherwise buildings are split into units, then
/// bands of floors, small enough for half the smallest queue and, with several sites, for a quarter of a site's
/// share of the people (so one building can be split across sites); groups go to sites by distance while each
/// site's work stays near its share of the water-filling bound, then groups move off the site expected to finish
/// last while that helps; then groups are moved or swapped off the site whose replayed finish is latest while the
/// replay improves, and when nothing does, the latest site's largest call is split so part of it can move. When that
/// search ends above the bound, a second start is searched the same way: calls of at most the largest household's size, each
/// in call order to the site whose replayed finish with it is earliest (so walk-downs and station counts are seen when a
/// household is placed), skipped when placing them alone would spend more than the search's budget; the earlier finish
/// wins, the first plan on a tie. When the plan is still above the bound, a third start gives every household its own
/// call, longest single service first (then the slowest per person), each to the site whose replayed finish with it is
/// earliest (on one site, simply that calling order; each site's replay so far is kept, so a household costs only its own people),
/// then moved and swapped by the improvement search in that calling order; it is taken only when it finishes strictly earlier. The search's
/// cost is bounded by two named values: at most 16 splits, and a budget of 40 whole-compound replays (so its time grows
/// with people times stations, times 40, once per start). Each site calls its slowest groups first, and
/// within a call the households with the longest single service first, each call at the earliest moment that
/// lands it when the queue has room. When the plan is still above the bound and the compound has at most 160 households,
/// a last search gives every household its own call and moves it to another site or another place in a site's calling
/// order, or swaps two, each change replayed, with kicks from a fixed-seed generator when none helps, within a budget of
/// 2,000 whole-compound replays, then, still above the bound, a second pass from its best that also moves another site's
/// call onto an idle station of the latest site and tries chains of two moves, within 2,000 more; its plan is taken only
/// when it finishes strictly earlier (its calling order is then its own, not slowest first). On a compound of at most 30 households
/// still above the bound, a third pass walks from its best and from drawn assignments (48 walks of 3,000 steps, each relocating one
/// household or swapping two anywhere, drawn from a fixed-seed generator, a change kept when the latest finish does not rise, so
/// the walk crosses plateaus); its plan is taken only when strictly earlier. When the plan is still above the bound and the compound has at most 30 households, 400 people and 100 stations, a
/// branch and bound over one-household calls (every assignment and calling order, pruned by each site's partial finish,
/// the work and the long services left against the stations' time, and partial plans already searched) looks for an
/// earlier plan within 5,000,000 person-station steps (its memo of partial plans holds at most 8 MB); when it runs to its end, the finish it leaves is proven optimal
/// and becomes the plan's bound. When the plan is still above the bound and no branch and bound proved it optimal, and the three
/// service times share a divisor d (20 s for 20/40/60 s), a round-packing start looks for targets on the grid of d (a site's
/// walk-down plus at most 16 rounds of d), latest first from just below the plan's finish down to the bound: each site's
/// households, one call each, are ordered by a search over household profiles (which households start in which round of d,
/// and which two straddle each round's end) so that the site finishes by the target; with several sites it also tries sending
/// to each late site the heaviest households it alone can finish by the target (a walk-down w serves only people whose service
/// fits in the target minus w), the rest to the sites of the shortest walk-down. Its nodes are the improvement search's
/// budget / 8, at least 1,000,000 whatever the compound's size (measured at up to about 2 s of CPU); its plan, replayed, is
/// taken only when it finishes strictly earlier, so no plan is later than the
/// planner's without it. On one site, a target its search proves unreachable (every order tried) raises the plan's bound to
/// the next round: any plan starts no one earlier than its calling order with everyone waiting from the walk-down, whose
/// finish lies on the grid. A call that holds only part of a floor says how many households it calls
/// (the staff read them from <see cref="WaveCall.Households"/>).</para>
/// </remarks>
public static class WavePlanner
{
    /// <summary>Plans one compound.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="cancellationToken">Cancels a long plan.</param>
    /// <returns>The plan.</returns>
    public static WavePlan Plan(WaveProblem problem, CancellationToken cancellationToken = default) =>
        PlanWithSteps(problem, WaveBranchAndBound.MaxSteps, cancellationToken);

    /// <summary>
    /// Plans one compound with the branch and bound's step budget given: the tests that check a plan's validity,
    /// replay or determinism (not its quality) lower it so as not to pay 5,000,000 steps a compound; the public
    /// overload always uses <see cref="WaveBranchAndBound.MaxSteps"/>.
    /// </summary>
    internal static WavePlan PlanWithSteps(WaveProblem problem, long branchAndBoundSteps, CancellationToken cancellationToken = default) =>
        PlanWithSteps(problem, branchAndBoundSteps, roundStart: true, cancellationToken);

    /// <summary>
    /// Plans one compound with the branch and bound's step budget given and the round-packing start on or off: the tests
    /// compare the plan with and without it (never later with it).
    /// </summary>
    internal static WavePlan PlanWithSteps(WaveProblem problem, long branchAndBoundSteps, bool roundStart, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problem);
        Guard.Against.NegativeOrZero(branchAndBoundSteps);
        var sites = problem.Sites.OrderBy(s => s.SiteId).ToArray();
        var queue = new SiteQueue(problem.ServiceTimes);
        var bound = WaveLowerBound.Of(problem);
        if (WaveExactSearch.TryPlan(sites, problem.Buildings, problem.ServiceTimes, queue, cancellationToken, out var assigned, out var optimum))
        {
            // Proven optimal: no plan finishes earlier, so the optimum is itself a lower bound.
            var proven = problem.Start + Duration.FromTicks(optimum);
            bound = proven > bound ? proven : bound;
        }
        else
        {
            assigned = Search(problem, sites, queue, bound, (branchAndBoundSteps, roundStart), cancellationToken, out var searched);
            bound = searched > bound ? searched : bound;
        }

        var plans = new SitePlan[sites.Length];
        for (var s = 0; s < sites.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plans[s] = PlanSite(problem, sites[s], assigned[s], queue);
        }

        var finish = plans.Length == 0 ? problem.Start : plans.Max(p => p.ExpectedFinish);
        if (finish < problem.Start)
        {
            finish = problem.Start;
        }

        return new WavePlan(problem.Start, plans, finish, bound);
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

    // The heuristic path: call groups assigned and improved, a second and a third start, the household search, the branch and
    // bound on a small compound, then the round-packing start; `optimum` is the finish the branch and bound proved optimal (the
    // start when it proved none).
    private static List<CallGroup>[] Search(WaveProblem problem, SiteSpec[] sites, SiteQueue queue, Instant bound, (long Steps, bool RoundStart) options,
        CancellationToken cancellationToken, out Instant optimum)
    {
        optimum = problem.Start;
        var groups = CallGroup.Form(problem.Buildings, GroupLimit(problem, sites), problem.ServiceTimes);
        var target = (bound - problem.Start).BclCompatibleTicks;
        var budget = ImprovementBudget(problem, sites);
        var assigned = SiteAssignment.Assign(sites, groups);
        WaveImprovement.Improve(sites, assigned, target, queue, budget, problem.ServiceTimes, cancellationToken);
        var reached = Finish(sites, assigned, queue);
        if (sites.Length > 1 && reached > target)
        {
            (assigned, reached) = SecondStart(problem, sites, queue, target, budget, (assigned, reached), cancellationToken);
        }

        if (reached > target)
        {
            (assigned, reached) = LongestFirstStart(problem, sites, queue, (target, budget), (assigned, reached), cancellationToken);
        }

        (assigned, reached, var proven) = Polish(problem, sites, queue, target, options.Steps, (assigned, reached), cancellationToken);
        optimum = proven ? problem.Start + Duration.FromTicks(reached) : optimum;
        if (reached > target && !proven && options.RoundStart)
        {
            // Still short and not proven optimal: each site's households packed into rounds of the service times' common
            // divisor. Last, and taken only when strictly earlier, so no plan is later than the searches before it left it.
            (assigned, reached) = RoundStart.Try(problem, sites, queue, (target, budget), (assigned, reached), out var floor, cancellationToken);
            var floorAt = problem.Start + Duration.FromTicks(floor);
            optimum = floorAt > optimum ? floorAt : optimum;
        }

        return assigned;
    }

    // The household search on a compound of at most 160 households, then the branch and bound on one of at most 30; `Proven`
    // when the branch and bound ran to its end, so `Reached` is optimal.
    private static (List<CallGroup>[] Assigned, long Reached, bool Proven) Polish(WaveProblem problem, SiteSpec[] sites, SiteQueue queue, long target,
        long branchAndBoundSteps, (List<CallGroup>[] Assigned, long Reached) best, CancellationToken cancellationToken)
    {
        var (assigned, reached) = best;
        if (reached > target)
        {
            // Still short of the bound on a small compound: one call a household, moved, reordered and swapped (the search
            // returns the finish it replayed).
            var polished = HouseholdSearch.Improve(sites, (assigned, reached), target, queue, problem.People, problem.ServiceTimes, cancellationToken);
            (assigned, reached) = polished ?? (assigned, reached);
        }

        if (reached <= target)
        {
            return (assigned, reached, false);
        }

        // Still short on a compound of at most 30 households: search every assignment and order, or prove none is earlier.
        var exact = WaveBranchAndBound.Search(sites, assigned, reached, target, problem.ServiceTimes,
            WaveBranchAndBound.MaxHouseholds, branchAndBoundSteps, cancellationToken, out var finish, out var proven);
        return (exact ?? assigned, proven ? finish : (exact is null ? reached : Finish(sites, exact, queue)), proven);
    }

    // People per call group: small enough that every site's share holds several, so one building can be split across sites.
    private static int GroupLimit(WaveProblem problem, SiteSpec[] sites)
    {
        var limit = Math.Max(MaxHousehold(problem), sites.Min(s => s.QueueCapacity) / 2);
        if (sites.Length > 1)
        {
            limit = Math.Max(MaxHousehold(problem), Math.Min(limit, (int)Math.Ceiling(problem.People / (4.0 * sites.Length))));
        }

        return limit;
    }

    // Short of the bound: a second start from the replay itself, on calls of at most one household's size (the finest the
    // building allows), searched with its own budget; the earlier finish wins, the first on a tie.
    private static (List<CallGroup>[] Assigned, long Reached) SecondStart(WaveProblem problem, SiteSpec[] sites, SiteQueue queue,
        long target, long budget, (List<CallGroup>[] Assigned, long Reached) first, CancellationToken cancellationToken)
    {
        var fine = CallGroup.Form(problem.Buildings, MaxHousehold(problem), problem.ServiceTimes);
        var second = ReplayInsertion.Assign(sites, fine, queue, budget, cancellationToken);
        if (second is null)
        {
            return first;
        }

        WaveImprovement.Improve(sites, second, target, queue, budget, problem.ServiceTimes, cancellationToken);
        var secondFinish = Finish(sites, second, queue);
        return secondFinish < first.Reached ? (second, secondFinish) : first;
    }

    // Still short of the bound: a third start with one call a household, longest single service first (then the slowest per
    // person), each to the site whose replayed finish with it is earliest (one site: that order). Calls by floor put the QR
    // residents of one band ahead of the elders and typed residents of the next, which a site of many stations pays for
    // in a later round (issue 15's many-station compounds). Placed by the incremental replay (a household costs its own
    // people), so it runs on every compound (waves21: it was skipped above 160 households on several sites), then improved
    // with the search's budget in its own calling order; taken only when strictly earlier.
    private static (List<CallGroup>[] Assigned, long Reached) LongestFirstStart(WaveProblem problem, SiteSpec[] sites, SiteQueue queue,
        (long Target, long Budget) limits, (List<CallGroup>[] Assigned, long Reached) best, CancellationToken cancellationToken)
    {
        var (target, budget) = limits;
        var calls = new List<CallGroup>();
        foreach (var building in problem.Buildings)
        {
            foreach (var unit in building.Units)
            {
                calls.AddRange(unit.Households.Select(h => CallGroup.Of(building, unit, [h], problem.ServiceTimes)));
            }
        }

        var order = CallGroup.LongestFirst(problem.ServiceTimes);
        calls.Sort(order);
        var placed = sites.Length == 1 ? [calls] : ReplayInsertion.Assign(sites, calls, queue, 2 * budget, cancellationToken, order);
        if (placed is null)
        {
            return best;
        }

        // Still short of the bound: households moved and swapped off the latest site, each site keeping this calling order.
        WaveImprovement.Improve(sites, placed, target, queue, budget, problem.ServiceTimes, cancellationToken, order);
        var finish = Finish(sites, placed, queue);
        return finish < best.Reached ? (placed, finish) : best;
    }

    // Whole-compound replays the improvement search may spend: its cost bound (its time grows with people times stations,
    // times this). 40 keeps a 150-community city's waves within CI's time while the measured set stays at mean 1.003.
    internal const int ImprovementReplays = 40;

    // Replays allowed to the improvement search, in person-station steps.
    private static long ImprovementBudget(WaveProblem problem, SiteSpec[] sites) =>
        (long)ImprovementReplays * problem.People * ((sites.Sum(s => (long)s.Stations) / sites.Length) + 4);

    internal static long Finish(SiteSpec[] sites, List<CallGroup>[] assigned, SiteQueue queue)
    {
        long finish = 0;
        for (var s = 0; s < sites.Length; s++)
        {
            finish = Math.Max(finish, queue.Run(sites[s], assigned[s]));
        }

        return finish;
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

    private static SitePlan PlanSite(WaveProblem problem, SiteSpec site, List<CallGroup> groups, SiteQueue queue)
    {
        var delay = site.WalkDown.BclCompatibleTicks;
        var arrivals = new long[groups.Count];
        var finish = queue.Run(site, groups, arrivals);
        var calls = new List<WaveCall>(groups.Count);
        long work = 0, q = 0, t = 0, a = 0;
        var people = 0;
        var profiles = new HashSet<(int, int, int)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            foreach (var h in group.Households)
            {
                q += h.QrCode;
                t += h.Typed;
                a += h.Assisted;
                profiles.Add((h.QrCode, h.Typed, h.Assisted));
            }

            people += group.People;
            work += group.Work;
            calls.Add(Announce(problem.Start + Duration.FromTicks(arrivals[g] - delay), site, group));
        }

        var bound = Math.Max(WaveLowerBound.Ticks([site], q, t, a, problem.ServiceTimes), WaveLowerBound.Households([site], profiles, problem.ServiceTimes));
        return new SitePlan(site, calls, problem.Start + Duration.FromTicks(finish), problem.Start + Duration.FromTicks(bound), people, Duration.FromTicks(work));
    }

    private static WaveCall Announce(Instant at, SiteSpec site, CallGroup group)
    {
        // Names are stored as given: a control character (a newline pasted into a building's name) becomes a space here,
        // so a call is one line in the planner's log text.
        var b = TextGuard.Flat(group.Building.Name);
        var unitName = group.Unit is null ? string.Empty : TextGuard.Flat(group.Unit.Name);
        var siteName = TextGuard.Flat(site.Name);
        var unitFloors = group.Unit is null ? default : Floors(group.Unit);
        var floors = group.Unit is not null && (group.FirstFloor != unitFloors.First || group.LastFloor != unitFloors.Last);
        var zhUnit = group.Unit is null ? string.Empty : $"{unitName}单元";
        var zhFloors = !floors ? string.Empty
            : group.FirstFloor == group.LastFloor ? string.Create(CultureInfo.InvariantCulture, $"{group.FirstFloor}层")
            : string.Create(CultureInfo.InvariantCulture, $"{group.FirstFloor}至{group.LastFloor}层");
        var enUnit = group.Unit is null ? string.Empty : $", unit {unitName}";
        var enFloors = !floors ? string.Empty
            : group.FirstFloor == group.LastFloor ? string.Create(CultureInfo.InvariantCulture, $", floor {group.FirstFloor}")
            : string.Create(CultureInfo.InvariantCulture, $", floors {group.FirstFloor}-{group.LastFloor}");

        // A call that holds only some households of its floors says so: the staff call them from the call's list.
        var onFloors = group.Unit?.Households.Count(h => h.Floor >= group.FirstFloor && h.Floor <= group.LastFloor) ?? 0;
        var partial = group.Unit is not null && onFloors > group.Households.Length;
        var zhPartial = partial ? string.Create(CultureInfo.InvariantCulture, $"（名单上{group.Households.Length}户）") : string.Empty;
        var enPartial = !partial ? string.Empty
            : group.Households.Length == 1 ? " (1 household on the list)"
            : string.Create(CultureInfo.InvariantCulture, $" ({group.Households.Length} households on the list)");
        var chinese = $"请{b}号楼{zhUnit}{zhFloors}{zhPartial}的居民现在下楼，到{siteName}做核酸检测，请保持一米间距。";
        var english = $"Residents of building {b}{enUnit}{enFloors}{enPartial}: please come down now to {siteName} for testing and keep one metre apart.";
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
