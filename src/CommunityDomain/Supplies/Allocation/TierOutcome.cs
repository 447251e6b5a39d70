using System.Globalization;

namespace CommunityDomain.Supplies.Allocation;

/// <summary>How one priority tier fared.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Need">The tier's total need.</param>
/// <param name="Supplied">Units it received.</param>
/// <param name="LevelNumerator">The rationing level as an exact fraction's numerator (0 when not rationed).</param>
/// <param name="LevelDenominator">The fraction's denominator (1 when not rationed).</param>
/// <remarks>
/// For <see cref="AllocationPolicy.MaxMin"/> the level is the water level in units per weight unit: a rationed
/// household got min(need, ceil(weight x level)) units, and where weight x level is whole some of them one more
/// (ties go to the smaller household ids). For the proportional policies it is the fraction of need supplied (supply / need).
/// </remarks>
public readonly record struct TierOutcome(int Tier, long Need, long Supplied, long LevelNumerator, long LevelDenominator)
{
    /// <summary>True when the tier got its whole need.</summary>
    public bool FullyServed => Supplied == Need;

    /// <summary>The level as a number.</summary>
    public double Level => LevelDenominator == 0 ? 0 : (double)LevelNumerator / LevelDenominator;

    /// <summary>E.g. <c>tier 1: 300 of 420</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"tier {Tier}: {Supplied} of {Need}, level {Level:0.###}");
}
