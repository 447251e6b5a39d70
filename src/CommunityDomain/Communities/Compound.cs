using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A gated residential estate (小区): holds buildings and duty posts.</summary>
public sealed class Compound
{
    private readonly List<Id<Building>> _buildings = [];
    private readonly List<Id<Post>> _posts = [];

    internal Compound(Id<Compound> id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The compound's id, unique in its community.</summary>
    public Id<Compound> Id { get; }

    /// <summary>The compound's name, unique in its community (e.g. <c>Dongfang</c>).</summary>
    public string Name { get; }

    /// <summary>The compound as an actor's area (e.g. for <see cref="Actor.CompoundHead"/>).</summary>
    public Area Area => new(AreaKind.Compound, Id.Value);

    /// <summary>The compound's buildings, in the order they were added.</summary>
    public IReadOnlyList<Id<Building>> Buildings => _buildings;

    /// <summary>The compound's duty posts (gates, checkpoints, testing sites, delivery teams).</summary>
    public IReadOnlyList<Id<Post>> Posts => _posts;

    internal void AddBuilding(Id<Building> building) => _buildings.Add(building);

    internal void AddPost(Id<Post> post) => _posts.Add(post);

    /// <summary>Name and id.</summary>
    public override string ToString() => $"Compound '{Name}' ({Id})";
}
