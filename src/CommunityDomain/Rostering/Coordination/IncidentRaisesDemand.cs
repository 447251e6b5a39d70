using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>
/// An incident at a post (e.g. a gate pulled by hand) needs more people on duty while it is open: every
/// shift of that post whose time overlaps the incident's window gets <see cref="Extra"/> more required people.
/// </summary>
/// <remarks>
/// A shift on date d runs from d at its start time in <see cref="Zone"/> for its duration (it may cross
/// midnight); it overlaps the window when it starts before the window ends (never, while the incident is
/// open, so up to the horizon's end) and ends after the window starts. Each overlapping demand of the post
/// with the given qualification (null: the unqualified demands) gets <see cref="Extra"/> added to its
/// required count, and to its hard minimum and maximum when it has them; shifts without such a demand, other
/// posts and every other demand field stay as they were. <see cref="IncidentLowersDemand"/> undoes it for the
/// shifts after the incident is resolved.
/// </remarks>
public sealed record IncidentRaisesDemand : RosterChange
{
    /// <summary>Creates the change from the incident's facts.</summary>
    /// <param name="post">The post; not default.</param>
    /// <param name="window">When the incident is open: start inclusive, end exclusive or unbounded while unresolved; must have a start.</param>
    /// <param name="extra">Extra people on duty; 1 to 20.</param>
    /// <param name="zone">The community's time zone, for the shifts' local times.</param>
    /// <param name="qualification">Which demands of the post to raise: those with this qualification, or the unqualified ones when null.</param>
    /// <exception cref="ArgumentException">An argument is default, null or out of range.</exception>
    public IncidentRaisesDemand(Id<Post> post, Interval window, int extra, DateTimeZone zone, string? qualification = null)
    {
        Post = Guard.Against.DefaultId(post);
        Guard.Against.Expression(w => !w.HasStart, window, "An incident's window has a start.", nameof(window));
        Window = window;
        Extra = Guard.Against.OutOfRange(extra, nameof(extra), 1, 20);
        Zone = Guard.Against.Null(zone);
        Qualification = qualification is null ? null : Guard.Against.NullOrWhiteSpace(qualification);
    }

    /// <summary>The post.</summary>
    public Id<Post> Post { get; }

    /// <summary>When the incident is open (end unbounded while unresolved).</summary>
    public Interval Window { get; }

    /// <summary>Extra people on duty while it is open.</summary>
    public int Extra { get; }

    /// <summary>The time zone the shifts' local times are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The qualification of the demands raised, or null for the unqualified ones.</summary>
    public string? Qualification { get; }

    /// <summary>The change an incident causes: its post, window and extra people.</summary>
    /// <param name="incident">The incident; its <see cref="Incident.ExtraOnDuty"/> must be at least 1.</param>
    /// <param name="zone">The community's time zone.</param>
    /// <param name="qualification">Which demands to raise (null: the unqualified ones).</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">An argument is null or the incident needs no extra people.</exception>
    public static IncidentRaisesDemand From(Incident incident, DateTimeZone zone, string? qualification = null)
    {
        Guard.Against.Null(incident);
        return new IncidentRaisesDemand(incident.PostId, incident.Window, incident.ExtraOnDuty, zone, qualification);
    }

    /// <summary>The shift's time window on a date, in the zone (lenient across clock changes).</summary>
    /// <param name="date">The date the shift starts on.</param>
    /// <param name="shift">The shift.</param>
    /// <returns>The shift's interval.</returns>
    public Interval ShiftWindow(LocalDate date, ShiftDefinition shift)
    {
        var start = date.At(shift.Start).InZoneLeniently(Zone).ToInstant();
        return new Interval(start, start + shift.Duration);
    }

    /// <summary>True when a shift on a date overlaps the incident's window.</summary>
    /// <param name="date">The date the shift starts on.</param>
    /// <param name="shift">The shift.</param>
    /// <returns>Whether the two intervals share an instant.</returns>
    public bool Overlaps(LocalDate date, ShiftDefinition shift)
    {
        var s = ShiftWindow(date, shift);
        return s.Start < (Window.HasEnd ? Window.End : Instant.MaxValue) && Window.Start < s.End;
    }

    internal override RosterProblem ApplyTo(RosterProblem problem)
    {
        var shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        return problem.With(demands: problem.Demands.Select(d =>
            d.Post == Post && d.Qualification == Qualification && Overlaps(d.Date, shifts[d.ShiftCode])
                ? new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, d.Required + Extra, d.UnderWeight, d.OverWeight, d.Minimum + Extra, d.Qualification, d.Maximum + Extra)
                : d));
    }

    /// <summary>
    /// The window in <see cref="Zone"/>'s local time with the zone named, never a UTC instant, e.g.
    /// <c>Post#1 +1 from 2022-08-21 09:00 (Asia/Shanghai) (open)</c>.
    /// </summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Post} +{Extra}{(Qualification is null ? "" : " " + Qualification)} {LocalTimeText.Span(Window.Start, Window.HasEnd ? Window.End : null, Zone, "(open)")}");
}
