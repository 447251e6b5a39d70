namespace CommunityDomain.MassTesting.State;

/// <summary>A stored sampling site.</summary>
/// <param name="Id">The site id's value within its round (1, 2, ... in set-up order).</param>
/// <param name="CompoundId">Its compound's id value.</param>
/// <param name="Name">The site's name.</param>
/// <param name="Stations">Sampling stations (at least 1).</param>
/// <param name="QueueCapacity">People who fit on the queue markers (at least 1).</param>
/// <param name="X">Metres east of the compound's origin.</param>
/// <param name="Y">Metres north of the compound's origin.</param>
/// <param name="WalkDown">How long residents take to come down after a call (0-2 hours).</param>
/// <param name="ClosedAt">When the site closed, if it has.</param>
public sealed record SamplingSiteState(int Id, int CompoundId, string Name, int Stations, int QueueCapacity, double X, double Y, Duration WalkDown, Instant? ClosedAt);
