namespace CommunityDomain.Communities.State;

/// <summary>A stored building.</summary>
/// <param name="Id">The building id's value.</param>
/// <param name="CompoundId">Its compound's id value.</param>
/// <param name="Name">The building's name.</param>
/// <param name="X">Metres east of the compound's origin.</param>
/// <param name="Y">Metres north of the compound's origin.</param>
public sealed record BuildingState(int Id, int CompoundId, string Name, double X, double Y);
