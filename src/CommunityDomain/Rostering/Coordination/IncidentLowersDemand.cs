using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>
/// An incident at a post was resolved: the shifts its open window had raised (see <see cref="IncidentRaisesDemand"/>)
/// but that start after it ended need <see cref="IncidentDemandChange.Extra"/> fewer people again. Feed it to
/// <see cref="RosterRepair.Repair(RosterProblem, IEnumerable{RosterAssignment}, RosterChange?, RepairOptions)"/> on the problem the raise was applied to, as the raise was.
/// </summary>
/// <remarks>
/// A demand of the post with the given qualification (null: the unqualified demands) is lowered exactly when its
/// shift overlaps the window left open (from <see cref="IncidentDemandChange.Window"/>'s start on) but not the closed window: it
/// started at or after the resolution. It loses <see cref="IncidentDemandChange.Extra"/> from its required count and from its hard
/// minimum and maximum when it has them, never going below zero (nor the maximum below the required count); every other demand and field stays as it was. So reporting
/// an incident (an open <see cref="IncidentRaisesDemand"/>) and then resolving it gives the same demands as the
/// closed incident's raise would have: the shifts it overlapped keep the extra people, the later ones are back
/// to their original count.
/// </remarks>
public sealed record IncidentLowersDemand : IncidentDemandChange
{
    /// <summary>Creates the change from the resolved incident's facts.</summary>
    /// <param name="post">The post; not default.</param>
    /// <param name="window">When the incident was open: start inclusive, end exclusive; must have both.</param>
    /// <param name="extra">The extra people its report asked for; 1 to 20.</param>
    /// <param name="zone">The community's time zone, for the shifts' local times.</param>
    /// <param name="qualification">Which demands of the post to lower: those with this qualification, or the unqualified ones when null.</param>
    /// <exception cref="ArgumentException">An argument is default, null or out of range, or the window has no start or no end.</exception>
    public IncidentLowersDemand(Id<Post> post, Interval window, int extra, DateTimeZone zone, string? qualification = null)
        : base(post, window, resolved: true, extra, zone, qualification)
    {
    }

    /// <summary>The change resolving an incident causes: its post, window and extra people.</summary>
    /// <param name="incident">The incident; resolved, with <see cref="Incident.ExtraOnDuty"/> at least 1.</param>
    /// <param name="zone">The community's time zone.</param>
    /// <param name="qualification">Which demands to lower (null: the unqualified ones); the same as the raise's.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">An argument is null, the incident is not resolved, or it needed no extra people.</exception>
    public static IncidentLowersDemand From(Incident incident, DateTimeZone zone, string? qualification = null)
    {
        Guard.Against.InvalidInput(Guard.Against.Null(incident), nameof(incident), static i => i.IsResolved, "The incident is not resolved yet.");

        return new IncidentLowersDemand(incident.PostId, incident.Window, incident.ExtraOnDuty, zone, qualification);
    }

    internal override RosterProblem ApplyTo(RosterProblem problem)
    {
        var open = new Interval(Window.Start, null);
        return ChangeDemands(problem, (date, shift) => Overlaps(open, date, shift) && !Overlaps(Window, date, shift), Lowered);
    }

    private Demand Lowered(Demand d)
    {
        var required = Math.Max(0, d.Required - Extra);
        return new Demand(d.Post, d.Compound, d.Date, d.ShiftCode, required, d.UnderWeight, d.OverWeight,
            d.Minimum is { } m ? Math.Max(0, m - Extra) : null, d.Qualification, d.Maximum is { } x ? Math.Max(required, x - Extra) : null);
    }

    /// <summary>E.g. <c>Post#1 -1 from 2022-08-23T03:00:00Z (resolved)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Post} -{Extra}{(Qualification is null ? "" : " " + Qualification)} from {LocalTimeText.Of(Window.End, Zone)} (resolved)");
}
