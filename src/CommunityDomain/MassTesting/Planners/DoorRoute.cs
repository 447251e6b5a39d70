namespace CommunityDomain.MassTesting.Planners;

/// <summary>One team's route: whole buildings in walking order, with a time estimate.</summary>
/// <param name="Team">The team's number (1-based).</param>
/// <param name="Buildings">The buildings, in visiting order.</param>
/// <param name="Visits">The households, building by building.</param>
/// <param name="Estimate">Walk from the depot, the doors, the walks between buildings and the walk back.</param>
public sealed record DoorRoute(int Team, IReadOnlyList<int> Buildings, IReadOnlyList<DoorVisit> Visits, Duration Estimate);
