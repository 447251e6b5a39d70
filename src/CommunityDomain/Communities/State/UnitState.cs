namespace CommunityDomain.Communities.State;

/// <summary>A stored unit.</summary>
/// <param name="Id">The unit id's value.</param>
/// <param name="BuildingId">Its building's id value.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Floors">Its number of floors.</param>
public sealed record UnitState(int Id, int BuildingId, string Name, int Floors);
