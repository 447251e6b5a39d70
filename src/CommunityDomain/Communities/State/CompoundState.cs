namespace CommunityDomain.Communities.State;

/// <summary>A stored compound.</summary>
/// <param name="Id">The compound id's value.</param>
/// <param name="Name">The compound's name.</param>
public sealed record CompoundState(int Id, string Name);
