using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes;

/// <summary>A request for a household's pass, with the facts the policy needs given as plain data by the caller.</summary>
/// <remarks><c>default(PassRequest)</c> names no household and is rejected.</remarks>
public readonly record struct PassRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="household">The household; not default.</param>
    /// <param name="level">The household's effective control level (e.g. <c>community.EffectiveLevel(id, at)</c>).</param>
    /// <param name="lastNegativeTest">When the going-out member's last negative result was sampled, if known (from the testing records).</param>
    /// <param name="from">When the pass should start; null for the office's current time.</param>
    /// <exception cref="ArgumentException">A default household or an unknown level.</exception>
    public PassRequest(Id<Household> household, ControlLevel level, Instant? lastNegativeTest = null, Instant? from = null)
    {
        Household = Guard.Against.DefaultId(household);
        Level = Guard.Against.EnumOutOfRange(level);
        LastNegativeTest = lastNegativeTest;
        From = from;
    }

    /// <summary>The household.</summary>
    public Id<Household> Household { get; }

    /// <summary>Its effective control level.</summary>
    public ControlLevel Level { get; }

    /// <summary>The last negative test's sampling time, if known.</summary>
    public Instant? LastNegativeTest { get; }

    /// <summary>The requested start, or null for now.</summary>
    public Instant? From { get; }
}
