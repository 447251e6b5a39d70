using CommunityDomain.Rostering.Coordination;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// Repair options frozen at the start of a date, for the tests whose problems read shift times in UTC: every duty
/// dated before <c>date</c> starts before the freeze instant and every other duty at or after it.
/// </summary>
internal static class FreezeAt
{
    /// <summary>The first instant of <paramref name="date"/> in UTC.</summary>
    public static Instant Midnight(LocalDate date) => date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    /// <summary><see cref="RepairOptions"/> frozen before <paramref name="date"/> (nothing frozen when null).</summary>
    public static RepairOptions Options(long perChangePenalty, LocalDate? date, int seed = 1, long iterationLimit = 5_000) =>
        new(perChangePenalty, date is { } d ? Midnight(d) : null, date is null ? null : DateTimeZone.Utc, seed, iterationLimit);
}
