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

    /// <summary>
    /// The request in one line, ids and times only, in UTC said in words (a request knows no zone), e.g.
    /// <c>Pass for Household#3 (Controlled) from 2022-08-18 10:30 UTC, last negative test 2022-08-17 23:00 UTC</c>;
    /// "from now" and "no negative test known" where those are null.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"Pass for {Household} ({Level}) from {(From is { } f ? LocalTimeText.Utc(f) : "now")}, "
        + (LastNegativeTest is { } t ? "last negative test " + LocalTimeText.Utc(t) : "no negative test known");
}
