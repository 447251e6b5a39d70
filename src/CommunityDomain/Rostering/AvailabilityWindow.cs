using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.Rostering;

/// <summary>
/// A time window in which a worker can serve. A worker's windows restrict only the dates they start on:
/// on such a date, a shift is allowed only when it lies wholly inside one of that date's windows.
/// </summary>
/// <remarks><c>default(AvailabilityWindow)</c> is an empty window and is rejected by <see cref="Worker"/>.</remarks>
public readonly record struct AvailabilityWindow
{
    /// <summary>Creates a window; it may end on a later date than it starts.</summary>
    /// <param name="start">The first moment the worker is available.</param>
    /// <param name="end">The moment availability ends; after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    [JsonConstructor]
    public AvailabilityWindow(LocalDateTime start, LocalDateTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException("An availability window must end after it starts.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>The first moment the worker is available.</summary>
    public LocalDateTime Start { get; }

    /// <summary>The moment availability ends.</summary>
    public LocalDateTime End { get; }

    /// <summary>True when the span [<paramref name="from"/>, <paramref name="to"/>) lies inside the window.</summary>
    /// <param name="from">The span's start.</param>
    /// <param name="to">The span's end.</param>
    /// <returns>Whether the window covers the span.</returns>
    public bool Covers(LocalDateTime from, LocalDateTime to) => Start <= from && to <= End;

    /// <summary>The window in ISO format.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd'T'HH:mm}/{End:yyyy-MM-dd'T'HH:mm}");
}
