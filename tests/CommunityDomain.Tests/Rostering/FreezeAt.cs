using CommunityDomain.Rostering.Coordination;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// Repair options frozen at the start of a date in the problem's zone (UTC unless told): every duty dated before
/// <c>date</c> starts before the freeze instant and every other duty at or after it.
/// </summary>
internal static class FreezeAt
{
    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/> (UTC when null).</summary>
    public static Instant Midnight(LocalDate date, DateTimeZone? zone = null) => date.AtStartOfDayInZone(zone ?? DateTimeZone.Utc).ToInstant();

    /// <summary><see cref="RepairOptions"/> frozen before <paramref name="date"/> (nothing frozen when null) in <paramref name="zone"/>, the problem's.</summary>
    public static RepairOptions Options(long perChangePenalty, LocalDate? date, int seed = 1, long iterationLimit = 5_000, DateTimeZone? zone = null) =>
        new(perChangePenalty, date is { } d ? Midnight(d, zone) : null, date is null ? null : zone ?? DateTimeZone.Utc, seed, iterationLimit);
}
