namespace CommunityDomain.MassTesting.Planners;

/// <summary>A site's part of a wave plan.</summary>
/// <param name="Site">The site.</param>
/// <param name="Calls">Its calls, in time order.</param>
/// <param name="ExpectedFinish">When its last person is served, under the planner's queue model.</param>
/// <param name="LowerBound">No plan with this site's calls' people finishes earlier.</param>
/// <param name="People">People assigned.</param>
/// <param name="Work">Total service time assigned.</param>
public sealed record SitePlan(SiteSpec Site, IReadOnlyList<WaveCall> Calls, Instant ExpectedFinish, Instant LowerBound, int People, Duration Work);
