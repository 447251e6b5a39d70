namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// When a worker can serve, as a rule about moments rather than dates (one implementation for the
/// compiler and every coordination path).
/// </summary>
/// <remarks>
/// A worker cannot serve at any moment of an unavailable date. A date on which one of the worker's
/// availability windows starts is restricted: on it the worker can serve only inside the windows (any
/// of them, however they join). Other dates are free. A duty is allowed when the worker can serve at
/// every moment of [start, end), so a night shift that runs into an unavailable or restricted date is
/// judged on that date too.
/// </remarks>
internal static class AvailabilityRule
{
    /// <summary>True when <paramref name="worker"/> can serve at every moment of [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static bool CanServe(Worker worker, LocalDateTime from, LocalDateTime to)
    {
        for (var date = from.Date; date.AtMidnight() < to; date = date.PlusDays(1))
        {
            if (worker.UnavailableDates.Contains(date))
            {
                return false;
            }

            if (!IsRestricted(worker, date))
            {
                continue;
            }

            var pieceStart = Max(from, date.AtMidnight());
            var pieceEnd = Min(to, date.PlusDays(1).AtMidnight());
            if (!Covered(worker.Availability, pieceStart, pieceEnd))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRestricted(Worker worker, LocalDate date)
    {
        foreach (var window in worker.Availability)
        {
            if (window.Start.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the union of the windows covers [from, to).</summary>
    private static bool Covered(IReadOnlyList<AvailabilityWindow> windows, LocalDateTime from, LocalDateTime to)
    {
        var cursor = from;
        while (cursor < to)
        {
            var reach = cursor;
            foreach (var window in windows)
            {
                if (window.Start <= cursor && window.End > reach)
                {
                    reach = window.End;
                }
            }

            if (reach == cursor)
            {
                return false;
            }

            cursor = reach;
        }

        return true;
    }

    private static LocalDateTime Max(LocalDateTime a, LocalDateTime b) => a > b ? a : b;

    private static LocalDateTime Min(LocalDateTime a, LocalDateTime b) => a < b ? a : b;
}
