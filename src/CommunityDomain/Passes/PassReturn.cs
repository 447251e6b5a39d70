using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes;

/// <summary>A holder came back through the gate.</summary>
/// <param name="Serial">The pass.</param>
/// <param name="Household">The household.</param>
/// <param name="WentOut">When the holder went out.</param>
/// <param name="CameBack">When the holder came back.</param>
/// <param name="Allowed">The pass's maximum time out.</param>
public readonly record struct PassReturn(PassSerial Serial, Id<Household> Household, Instant WentOut, Instant CameBack, Duration Allowed)
{
    /// <summary>Time spent out.</summary>
    public Duration TimeOut => CameBack - WentOut;

    /// <summary>True when the holder stayed out longer than allowed.</summary>
    public bool Late => TimeOut > Allowed;

    /// <summary>E.g. <c>P000003 back after 135 min (late, 120 allowed)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Serial} back after {TimeOut.TotalMinutes:0} min ({(Late ? "late" : "on time")}, {Allowed.TotalMinutes:0} allowed)");
}
