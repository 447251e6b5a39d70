namespace CommunityDomain.MassTesting.Planners;

/// <summary>Door-to-door routes for the teams.</summary>
/// <param name="Tour">Every building in tour order; the routes are consecutive parts of it.</param>
/// <param name="Routes">The routes (at most one per team, none empty).</param>
public sealed record DoorToDoorPlan(IReadOnlyList<int> Tour, IReadOnlyList<DoorRoute> Routes)
{
    /// <summary>The longest route's estimate: when the last door is done and its team is back.</summary>
    public Duration Longest => Routes.Count == 0 ? Duration.Zero : Routes.Max(r => r.Estimate);
}
