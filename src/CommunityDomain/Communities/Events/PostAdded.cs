using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Events;

/// <summary>A duty post was added to a compound.</summary>
/// <param name="OccurredAt">When the command took effect (the community clock).</param>
/// <param name="By">Who issued the command.</param>
/// <param name="Version">The community's version after the change.</param>
/// <param name="Post">The new post.</param>
/// <param name="Compound">Its compound.</param>
/// <param name="Kind">What the post is for.</param>
public sealed record PostAdded(
    Instant OccurredAt,
    Actor By,
    long Version,
    Id<Post> Post,
    Id<Compound> Compound,
    PostKind Kind) : IDomainEvent;
