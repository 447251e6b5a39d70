using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>Anonymised counts for one compound: no names, ID numbers, phones or rooms, only numbers of people and households.</summary>
/// <param name="Compound">The compound.</param>
/// <param name="Households">Households registered.</param>
/// <param name="Present">Residents present.</param>
/// <param name="Away">Residents away for a while (still registered).</param>
/// <param name="MovedOut">Residents who moved out (erased or not).</param>
/// <param name="Under3">Current members (present or away) under 3 years old on the date.</param>
/// <param name="Aged3To17">Current members aged 3 to 17.</param>
/// <param name="Aged18To59">Current members aged 18 to 59.</param>
/// <param name="Aged60To79">Current members aged 60 to 79.</param>
/// <param name="Aged80Plus">Current members aged 80 or more.</param>
/// <param name="AgeUnknown">Current members whose birth date is unknown.</param>
/// <param name="SealedHouseholds">Households sealed at the instant.</param>
public sealed record CompoundStatistics(
    Id<Compound> Compound, int Households, int Present, int Away, int MovedOut,
    int Under3, int Aged3To17, int Aged18To59, int Aged60To79, int Aged80Plus, int AgeUnknown, int SealedHouseholds);

/// <summary>
/// Anonymised statistics of a community for the district (PIPL 2021: shareable without personal data):
/// per compound, counts of households and residents by presence and age band, and sealed households.
/// </summary>
/// <param name="At">The instant the counts are taken at (ages on its local date in <see cref="Zone"/>).</param>
/// <param name="Zone">The community's time zone id.</param>
/// <param name="Compounds">One row per compound, in compound order.</param>
public sealed record CommunityStatistics(Instant At, string Zone, IReadOnlyList<CompoundStatistics> Compounds)
{
    /// <summary>True when both hold the same instant, zone and rows.</summary>
    /// <param name="other">The other statistics.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CommunityStatistics? other) =>
        other is not null && At == other.At && Zone == other.Zone && Compounds.SequenceEqual(other.Compounds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(At, Zone, Compounds.Count);

    /// <summary>Totals only.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Statistics at {(DateTimeZoneProviders.Tzdb.GetZoneOrNull(Zone ?? string.Empty) is { } zone ? LocalTimeText.Of(At, zone) : LocalTimeText.Utc(At))}: {Compounds.Count} compounds, {Compounds.Sum(c => c.Households)} households, {Compounds.Sum(c => c.Present + c.Away)} residents");
}
