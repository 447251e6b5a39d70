using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>A sampling site of a round: a compound's place with stations and a queue on 1-metre markers.</summary>
public sealed class SamplingSite
{
    internal SamplingSite(Id<SamplingSite> id, Id<Compound> compound, string name, int stations, int queueCapacity, Position position, Duration walkDown)
    {
        Position = position;
        WalkDown = walkDown;
        Id = id;
        Compound = compound;
        Name = name;
        Stations = stations;
        QueueCapacity = queueCapacity;
    }

    /// <summary>The site's id within its round.</summary>
    public Id<SamplingSite> Id { get; }

    /// <summary>The compound it serves.</summary>
    public Id<Compound> Compound { get; }

    /// <summary>The site's name.</summary>
    public string Name { get; }

    /// <summary>Sampling stations.</summary>
    public int Stations { get; }

    /// <summary>People who fit on the 1-metre markers.</summary>
    public int QueueCapacity { get; }

    /// <summary>Where it stands (metres, in the compound's frame).</summary>
    public Position Position { get; }

    /// <summary>How long residents take to come down after a call.</summary>
    public Duration WalkDown { get; }

    /// <summary>When the site closed, if it has.</summary>
    public Instant? ClosedAt { get; private set; }

    internal void Close(Instant at) => ClosedAt = at;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Site '{Name}' ({Stations} stations, queue {QueueCapacity})");
}
