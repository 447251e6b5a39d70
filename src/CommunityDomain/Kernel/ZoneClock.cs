using NodaTime.TimeZones;

namespace CommunityDomain.Kernel;

/// <summary>What two places in the library ask of a time zone: whether it is UTC's clock, and whether two zones are one clock.</summary>
internal static class ZoneClock
{
    /// <summary>True when <paramref name="zone"/> is UTC or another zone whose offset is always zero (<c>Etc/UTC</c>).</summary>
    public static bool IsUtc(DateTimeZone zone) => zone.MinOffset == Offset.Zero && zone.MaxOffset == Offset.Zero;

    /// <summary>True when two zones are one clock: equal, or two TZDB names of one zone (<c>US/Eastern</c>, <c>America/New_York</c>).</summary>
    public static bool Same(DateTimeZone a, DateTimeZone b) => a.Equals(b) || Canonical(a.Id) == Canonical(b.Id);

    private static string Canonical(string id) => TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(id, out var canonical) ? canonical : id;
}
