using System.Globalization;
using CommunityDomain.Communities;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A sampling site as the planner sees it.</summary>
public sealed class SiteSpec
{
    /// <summary>Creates a site.</summary>
    /// <param name="siteId">The site's id (positive).</param>
    /// <param name="name">The name announced.</param>
    /// <param name="position">Where it stands (metres).</param>
    /// <param name="stations">Sampling stations (at least 1).</param>
    /// <param name="queueCapacity">People who fit on the 1-metre markers (at least 1).</param>
    /// <param name="walkDown">How long residents take to come down after a call (not negative).</param>
    public SiteSpec(int siteId, string name, Position position, int stations, int queueCapacity, Duration walkDown)
    {
        SiteId = Guard.Against.NegativeOrZero(siteId);
        Name = Guard.Against.NullOrWhiteSpace(name).Trim();
        Position = position;
        Stations = Guard.Against.OutOfRange(stations, nameof(stations), 1, 10_000);
        QueueCapacity = Guard.Against.OutOfRange(queueCapacity, nameof(queueCapacity), 1, 1_000_000);
        WalkDown = walkDown >= Duration.Zero && walkDown <= Duration.FromHours(2)
            ? walkDown
            : throw new ArgumentException("The walk-down delay is between 0 and 2 hours.", nameof(walkDown));
    }

    /// <summary>The site's id.</summary>
    public int SiteId { get; }

    /// <summary>The announced name.</summary>
    public string Name { get; }

    /// <summary>Where it stands.</summary>
    public Position Position { get; }

    /// <summary>Sampling stations.</summary>
    public int Stations { get; }

    /// <summary>Queue capacity in people.</summary>
    public int QueueCapacity { get; }

    /// <summary>The walk-down delay after a call.</summary>
    public Duration WalkDown { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Site {Name}: {Stations} stations, queue {QueueCapacity}, walk-down {WalkDown.TotalMinutes:0.#} min");
}
