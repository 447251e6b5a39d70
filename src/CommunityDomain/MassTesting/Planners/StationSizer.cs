using CommunityDomain.MassTesting.Errors;
using OneOf;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>Inverse sizing: the fewest stations per site (and samplers) that finish a compound by a deadline.</summary>
/// <remarks>
/// Guarantees: the returned plan is the call-wave planner's plan with that many stations at every site and
/// finishes by the deadline; with one station fewer per site the planner's plan would not (or the count is 1);
/// samplers are stations times sites times the number of shifts of at most <c>shift</c> that cover the round;
/// when no count up to the limit finishes in time, the result says so with the best finish reached.
/// </remarks>
public static class StationSizer
{
    /// <summary>Sizes the stations.</summary>
    /// <param name="problem">The compound; its sites' station counts are ignored.</param>
    /// <param name="deadline">When the last person must be served.</param>
    /// <param name="maxStations">The most stations a site can hold (default 50).</param>
    /// <param name="shift">A sampler's longest shift (default 4 hours); at least a minute.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The sizing, or why none exists.</returns>
    /// <exception cref="ArgumentException">A null problem, a station limit outside 1-10,000, or a shift shorter than a minute.</exception>
    public static OneOf<StationSizing, DeadlineUnreachable> StationsToFinishBy(WaveProblem problem, Instant deadline, int maxStations = 50,
        Duration? shift = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problem);
        Guard.Against.OutOfRange(maxStations, nameof(maxStations), 1, 10_000, "A site holds 1 to 10,000 stations.");
        // Shorter shifts are a unit mistake (seconds for hours); they would also overflow the sampler count.
        var shiftLength = Guard.Against.InvalidInput(shift ?? Duration.FromHours(4), nameof(shift), static s => s >= Duration.FromMinutes(1), "A shift is at least a minute.");

        // The bound only falls as stations grow, so start from the smallest count whose bound meets the deadline.
        int lo = 1, hi = maxStations;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (WaveLowerBound.Of(With(problem, mid)) <= deadline)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        WavePlan? plan = null;
        for (var stations = lo; stations <= maxStations; stations++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plan = WavePlanner.Plan(With(problem, stations), cancellationToken);
            if (plan.ExpectedFinish <= deadline)
            {
                // In 64 bits: a finish of up to 1,141 years over one-minute shifts times 10,000 stations stays far below long.MaxValue.
                var shifts = Math.Max(1L, (long)Math.Ceiling((plan.ExpectedFinish - problem.Start) / shiftLength));
                return new StationSizing(stations, stations * (long)problem.Sites.Count * shifts, plan);
            }
        }

        plan ??= WavePlanner.Plan(With(problem, maxStations), cancellationToken);
        return new DeadlineUnreachable(deadline, maxStations, plan.ExpectedFinish);
    }

    private static WaveProblem With(WaveProblem problem, int stations) => new(problem.Start, problem.ServiceTimes,
        [.. problem.Sites.Select(s => new SiteSpec(s.SiteId, s.Name, s.Position, stations, s.QueueCapacity, s.WalkDown))], problem.Buildings);
}
