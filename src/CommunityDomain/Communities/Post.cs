using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A place in a compound that needs people on duty: a gate, a checkpoint, a testing site or a delivery team.</summary>
public sealed class Post
{
    internal Post(Id<Post> id, Id<Compound> compoundId, PostKind kind, string name)
    {
        Id = id;
        CompoundId = compoundId;
        Kind = kind;
        Name = name;
    }

    /// <summary>The post's id, unique in its community.</summary>
    public Id<Post> Id { get; }

    /// <summary>The compound the post belongs to.</summary>
    public Id<Compound> CompoundId { get; }

    /// <summary>What the post is for.</summary>
    public PostKind Kind { get; }

    /// <summary>The post's name, unique in its compound (e.g. <c>East gate</c>).</summary>
    public string Name { get; }

    /// <summary>Kind, name and id.</summary>
    public override string ToString() => $"{Kind} '{Name}' ({Id})";
}
