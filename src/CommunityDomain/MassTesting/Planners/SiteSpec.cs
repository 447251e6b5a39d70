using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

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
        Name = Guard.Against.Blank(name).Trim();
        Position = position;
        Stations = Guard.Against.OutOfRange(stations, nameof(stations), 1, 10_000, "A site has 1 to 10,000 stations.");
        QueueCapacity = Guard.Against.OutOfRange(queueCapacity, nameof(queueCapacity), 1, 1_000_000, "A queue holds 1 to 1,000,000 people.");
        WalkDown = Guard.Against.InvalidInput(walkDown, nameof(walkDown), static w => w >= Duration.Zero && w <= Duration.FromHours(2),
            "The walk-down delay is between 0 and 2 hours.");
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
