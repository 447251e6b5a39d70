using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A site's part of a wave plan.</summary>
/// <param name="Site">The site.</param>
/// <param name="Calls">Its calls, in time order.</param>
/// <param name="ExpectedFinish">When its last person is served, under the planner's queue model.</param>
/// <param name="LowerBound">No plan with this site's calls' people finishes earlier.</param>
/// <param name="People">People assigned.</param>
/// <param name="Work">Total service time assigned.</param>
public sealed record SitePlan(SiteSpec Site, IReadOnlyList<WaveCall> Calls, Instant ExpectedFinish, Instant LowerBound, int People, Duration Work)
{
    /// <summary>
    /// Replays this site's calls over time under the planner's queue model (see <see cref="WavePlanner"/>): everyone of a
    /// call arrives at the call's time plus the site's walk-down delay, and is served first come, first served (each
    /// household assisted, then typed, then QR-code) at the free station with the lowest number. The queue is not limited
    /// here, so a plan edited by hand replays too; for a plan from <see cref="WavePlanner.Plan"/> the replay's finish is
    /// <see cref="ExpectedFinish"/>.
    /// </summary>
    /// <param name="problem">The problem the plan is for (its start and service times).</param>
    /// <returns>Who is served at which station, and when.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public SiteReplay Replay(WaveProblem problem) => SiteReplay.Of(Guard.Against.Null(problem), this);

    /// <summary>
    /// The site's figures with times in UTC said in words (a plan knows no zone), e.g.
    /// <c>Site 1 (north square): 12 calls, 540 people, work 1440 min, finish 2022-08-18 02:10 UTC, bound 2022-08-18 01:58 UTC</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Site {Site.SiteId} ({Site.Name}): {Calls.Count} calls, {People} people, work {Work.TotalMinutes:0.#} min, finish {LocalTimeText.Utc(ExpectedFinish)}, bound {LocalTimeText.Utc(LowerBound)}");
}
