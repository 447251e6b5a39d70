using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>
/// A named shift: a start time and a duration. A shift may cross midnight; it belongs to the date it
/// starts on.
/// </summary>
/// <remarks><c>default(ShiftDefinition)</c> has no code and is rejected by <see cref="RosterProblem.Create"/>.</remarks>
public readonly record struct ShiftDefinition
{
    /// <summary>Creates a shift definition.</summary>
    /// <param name="code">The shift's code, unique in a problem (e.g. <c>N</c>): not blank, no leading or trailing space, no control or invisible character.</param>
    /// <param name="start">The local time the shift starts.</param>
    /// <param name="duration">The shift's length: positive, at most 24 hours, whole minutes.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    [JsonConstructor]
    public ShiftDefinition(string code, LocalTime start, Duration duration)
    {
        Code = Guard.Against.InvalidInput(Guard.Against.Blank(code), nameof(code), static c => c.Trim() == c && !c.Any(IsHidden),
            "A shift's code is what people read on a roster: no leading or trailing space, no control or invisible character.");
        Start = start;
        Guard.Against.InvalidInput(duration, nameof(duration), static d => d > Duration.Zero && d <= Duration.FromHours(24),
            "A shift lasts more than zero and at most 24 hours.");
        Duration = Guard.Against.InvalidInput(duration, nameof(duration), static d => d.SubsecondNanoseconds == 0 && d.Seconds == 0,
            "A shift lasts whole minutes.");
    }

    // Control, format (zero-width, direction marks) and line or paragraph separators: two codes differing only by one read alike.
    private static bool IsHidden(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>The shift's code.</summary>
    public string Code { get; }

    /// <summary>The local time the shift starts.</summary>
    public LocalTime Start { get; }

    /// <summary>The shift's length.</summary>
    public Duration Duration { get; }

    /// <summary>The length in whole minutes.</summary>
    public int Minutes => (int)Duration.TotalMinutes;

    /// <summary>
    /// The one way a duty is placed in time: it starts at <paramref name="date"/>'s local <see cref="Start"/> in
    /// <paramref name="zone"/> (a start inside a spring-forward gap moves on by the gap; an ambiguous one takes the
    /// earlier instant) and lasts <see cref="Duration"/> of elapsed time, so a 12-hour night across a fall-back
    /// change ends an hour earlier on the clock.
    /// </summary>
    /// <param name="date">The date the duty starts on.</param>
    /// <param name="zone">The time zone the shift times are in.</param>
    /// <returns>The duty's interval of instants, <see cref="Duration"/> long.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is null.</exception>
    public Interval On(LocalDate date, DateTimeZone zone)
    {
        Guard.Against.Null(zone);
        var start = date.At(Start).InZoneLeniently(zone).ToInstant();
        return new Interval(start, start + Duration);
    }

    /// <summary>The code, start and length, e.g. <c>N 22:00+480min</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Code} {Start:HH:mm}+{Minutes}min");
}
