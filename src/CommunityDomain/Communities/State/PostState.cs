namespace CommunityDomain.Communities.State;

/// <summary>A stored duty post.</summary>
/// <param name="Id">The post id's value.</param>
/// <param name="CompoundId">Its compound's id value.</param>
/// <param name="Kind">What the post is for.</param>
/// <param name="Name">The post's name.</param>
public sealed record PostState(int Id, int CompoundId, PostKind Kind, string Name);
