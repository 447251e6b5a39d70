using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>
/// An incident at a post (e.g. a gate pulled by hand) needs more people on duty while it is open: every
/// shift of that post whose time overlaps the incident's window gets <see cref="IncidentDemandChange.Extra"/> more required people.
/// </summary>
/// <remarks>
/// A shift on date d runs from d at its start time in <see cref="IncidentDemandChange.Zone"/> for its duration (it may cross
/// midnight); it overlaps the window when it starts before the window ends (never, while the incident is
/// open, so up to the horizon's end) and ends after the window starts. Each overlapping demand of the post
/// with the given qualification (null: the unqualified demands) gets <see cref="IncidentDemandChange.Extra"/> added to its
/// required count, and to its hard minimum and maximum when it has them; shifts without such a demand, other
/// posts and every other demand field stay as they were. <see cref="IncidentLowersDemand"/> undoes it for the
/// shifts after the incident is resolved.
/// </remarks>
public sealed record IncidentRaisesDemand : IncidentDemandChange
{
    /// <summary>Creates the change from the incident's facts.</summary>
    /// <param name="post">The post; not default.</param>
    /// <param name="window">When the incident is open: start inclusive, end exclusive or unbounded while unresolved; must have a start.</param>
    /// <param name="extra">Extra people on duty; 1 to 20.</param>
    /// <param name="zone">The community's time zone, for the shifts' local times.</param>
    /// <param name="qualification">Which demands of the post to raise: those with this qualification, or the unqualified ones when null.</param>
    /// <exception cref="ArgumentException">An argument is default, null or out of range.</exception>
    public IncidentRaisesDemand(Id<Post> post, Interval window, int extra, DateTimeZone zone, string? qualification = null)
        : base(post, window, resolved: false, extra, zone, qualification)
    {
    }

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

    internal override RosterProblem ApplyTo(RosterProblem problem) =>
        ChangeDemands(problem, Overlaps, d => new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, d.Required + Extra, d.UnderWeight, d.OverWeight,
            d.Minimum + Extra, d.Qualification, d.Maximum + Extra));

    /// <summary>
    /// The window in <see cref="IncidentDemandChange.Zone"/>'s local time with the zone named, never a UTC instant, e.g.
    /// <c>Post#1 +1 from 2022-08-21 09:00 (Asia/Shanghai) (open)</c>.
    /// </summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Post} +{Extra}{(Qualification is null ? "" : " " + Qualification)} {LocalTimeText.Span(Window.Start, Window.HasEnd ? Window.End : null, Zone, "(open)")}");
}
