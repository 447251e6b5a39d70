using System.Globalization;

namespace CommunityDomain.Kernel;

/// <summary>
/// Instants as a developer text shows them: local date and time in the community's zone with the zone named,
/// e.g. <c>2022-08-18 05:00 (Asia/Shanghai)</c>. Never a UTC instant (<c>2022-08-17T21:00:00Z</c>), which a person
/// reading a log or a debugger next to the office's own times takes for the wrong day.
/// </summary>
internal static class LocalTimeText
{
    /// <summary>
    /// The instant in <paramref name="zone"/> as <c>uuuu-MM-dd HH:mm</c> (seconds only when not whole) and the zone id,
    /// with the offset when that local time happens twice (<c>2022-11-06 01:30 (America/New_York, UTC-04:00)</c>).
    /// </summary>
    public static string Of(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        var pattern = local.Second == 0 && local.NanosecondOfSecond == 0 ? "uuuu-MM-dd HH:mm" : "uuuu-MM-dd HH:mm:ss";
        // In the repeated hour of a fall-back the wall time names two instants: the offset says which one.
        var ambiguous = zone.MapLocal(local).Count > 1;
        return local.ToString(pattern, CultureInfo.InvariantCulture) + " (" + zone.Id
            + (ambiguous ? ", UTC" + instant.InZone(zone).Offset.ToString("m", CultureInfo.InvariantCulture) : string.Empty) + ")";
    }

    /// <summary>
    /// An instant for a type that knows no zone: plain ISO date and time with "UTC" said in words
    /// (<c>2022-08-18 05:00 UTC</c>), never the bare <c>2022-08-18T05:00:00Z</c> a person takes for local time.
    /// </summary>
    public static string Utc(Instant instant)
    {
        var utc = instant.InUtc().LocalDateTime;
        var pattern = utc.Second == 0 && utc.NanosecondOfSecond == 0 ? "uuuu-MM-dd HH:mm" : "uuuu-MM-dd HH:mm:ss";
        return utc.ToString(pattern, CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>
    /// An interval's start and end for a type that knows no zone: "from A UTC until B UTC", or "from A UTC" and
    /// <paramref name="open"/> without an end (the words of <see cref="Utc"/>, never a bare <c>Z</c>).
    /// </summary>
    public static string UtcSpan(Instant from, Instant? until, string open) =>
        "from " + Utc(from) + (until is { } end ? " until " + Utc(end) : " " + open);

    /// <summary>An interval's start and end in <paramref name="zone"/>: "from A until B", or "from A (open)" without an end.</summary>
    public static string Span(Instant from, Instant? until, DateTimeZone zone, string open) =>
        "from " + Of(from, zone) + (until is { } end ? " until " + Of(end, zone) : " " + open);
}
