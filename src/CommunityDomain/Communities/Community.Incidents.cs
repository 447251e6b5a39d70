using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;
using OneOf;

namespace CommunityDomain.Communities;

public sealed partial class Community
{
    private readonly EntityStore<Incident> _incidents = new();

    /// <summary>Every incident, open and resolved, in id order.</summary>
    public IReadOnlyList<Incident> Incidents => _incidents;

    /// <summary>Reports an incident at a duty post; the post needs <paramref name="extraOnDuty"/> more people until it is resolved.</summary>
    /// <param name="post">The post; not default.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="at">When it was reported (the incident is open from then on).</param>
    /// <param name="extraOnDuty">Extra people on duty while it is open (e.g. 1 while a gate is pulled by hand); 0 to 20.</param>
    /// <param name="summary">A short description without personal data; not blank.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The new incident, or <see cref="NotFound{TEntity}"/> for an unknown post.</returns>
    /// <exception cref="ArgumentException"><paramref name="post"/> is default, <paramref name="kind"/> is not a defined kind, <paramref name="extraOnDuty"/> is outside 0 to 20, or <paramref name="summary"/> is null or blank.</exception>
    public OneOf<Incident, NotFound<Post>, NotPermitted> ReportIncident(Id<Post> post, IncidentKind kind, Instant at, int extraOnDuty, string summary, Actor by = default)
    {
        Guard.Against.DefaultId(post);
        Guard.Against.EnumOutOfRange(kind);
        Guard.Against.OutOfRange(extraOnDuty, nameof(extraOnDuty), 0, 20, "An incident asks for 0 to 20 extra people on duty.");
        summary = Guard.Against.Blank(summary).Trim();
        if (!_posts.TryGetValue(post, out var found))
        {
            return new NotFound<Post>(post);
        }

        if (by.Check(Permission.ReportIncidents, found.CompoundId.Value) is { } denied)
        {
            return denied;
        }

        var incident = new Incident(_incidents.NextId, found, kind, at, extraOnDuty, summary, Zone);
        _incidents.Add(incident.Id, incident);
        var version = NextVersion();
        Raise(new IncidentReported(_clock.GetCurrentInstant(), by, version, incident.Id, post, kind, at, extraOnDuty));
        return incident;
    }

    /// <summary>Assigns who repairs an open incident (replacing an earlier assignment); assigning the same again changes nothing.</summary>
    /// <param name="incident">The incident; not default.</param>
    /// <param name="repairer">The repairing party or role (e.g. <c>two resident volunteers</c>), not a personal name; not blank.</param>
    /// <param name="residents">The residents doing the repair, by id; none when null. Duplicates count once.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The incident, or an error (unknown incident or resident, or already resolved).</returns>
    /// <exception cref="ArgumentException"><paramref name="incident"/> or one of <paramref name="residents"/> is default, or <paramref name="repairer"/> is null or blank.</exception>
    public OneOf<Incident, NotFound<Incident>, NotFound<Resident>, IncidentAlreadyResolved, NotPermitted> AssignRepair(
        Id<Incident> incident, string repairer, IEnumerable<Id<Resident>>? residents = null, Actor by = default)
    {
        Guard.Against.DefaultId(incident);
        repairer = Guard.Against.Blank(repairer).Trim();
        var ids = (residents ?? []).Distinct().Order().ToList();
        foreach (var id in ids)
        {
            Guard.Against.DefaultId(id, nameof(residents));
        }

        if (!OpenIncident(incident, by).TryPickT0(out var found, out var refused))
        {
            return refused.Match<OneOf<Incident, NotFound<Incident>, NotFound<Resident>, IncidentAlreadyResolved, NotPermitted>>(n => n, a => a, p => p);
        }

        if (ids.FirstOrDefault(id => !_residents.Contains(id)) is { IsDefault: false } missing)
        {
            return new NotFound<Resident>(missing);
        }

        if (found.SameRepair(repairer, ids))
        {
            return found;
        }

        found.AssignRepair(repairer, ids);
        var version = NextVersion();
        Raise(new IncidentRepairAssigned(_clock.GetCurrentInstant(), by, version, incident, ids));
        return found;
    }

    /// <summary>Resolves an open incident: the post's extra demand ends at <paramref name="at"/>.</summary>
    /// <param name="incident">The incident; not default.</param>
    /// <param name="at">When it was resolved; after it was reported.</param>
    /// <param name="cost">What the repair cost and who bore it.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The incident, or an error (unknown, already resolved, or resolved before it was reported).</returns>
    /// <exception cref="ArgumentException"><paramref name="incident"/> is default.</exception>
    public OneOf<Incident, NotFound<Incident>, IncidentAlreadyResolved, ResolvedBeforeReported, NotPermitted> ResolveIncident(
        Id<Incident> incident, Instant at, IncidentCost cost, Actor by = default)
    {
        Guard.Against.DefaultId(incident);
        if (!OpenIncident(incident, by).TryPickT0(out var found, out var refused))
        {
            return refused.Match<OneOf<Incident, NotFound<Incident>, IncidentAlreadyResolved, ResolvedBeforeReported, NotPermitted>>(n => n, a => a, p => p);
        }

        if (at <= found.ReportedAt)
        {
            return new ResolvedBeforeReported(incident, found.ReportedAt, at);
        }

        found.Resolve(at, cost);
        var version = NextVersion();
        Raise(new IncidentResolved(_clock.GetCurrentInstant(), by, version, incident, found.PostId, at, cost.Yuan));
        return found;
    }

    /// <summary>The checks AssignRepair and ResolveIncident share, in their order: the incident exists, the actor manages its compound, it is still open.</summary>
    private OneOf<Incident, NotFound<Incident>, IncidentAlreadyResolved, NotPermitted> OpenIncident(Id<Incident> incident, Actor by)
    {
        if (!_incidents.TryGetValue(incident, out var found))
        {
            return new NotFound<Incident>(incident);
        }

        if (by.Check(Permission.ManageIncidents, _posts[found.PostId].CompoundId.Value) is { } denied)
        {
            return denied;
        }

        return found.ResolvedAt is { } resolved ? new IncidentAlreadyResolved(incident, resolved) : found;
    }

    /// <summary>The incident with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The incident.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Incident Get(Id<Incident> id) => Require(_incidents, id, nameof(id));

    /// <summary>The incidents open at an instant, in id order.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The incidents reported at or before <paramref name="at"/> and not resolved by then.</returns>
    public IReadOnlyList<Incident> IncidentsOpenAt(Instant at) => [.. _incidents.Where(i => i.IsOpenAt(at))];

    /// <summary>
    /// The extra people a post needs over an interval because of its open incidents: the largest sum of
    /// <see cref="Incident.ExtraOnDuty"/> over the incidents open at any one instant of the interval.
    /// </summary>
    /// <param name="post">The post; must exist.</param>
    /// <param name="interval">The interval (start inclusive, end exclusive; either may be unbounded).</param>
    /// <returns>The peak extra demand; 0 when no incident is open during the interval.</returns>
    /// <exception cref="ArgumentException">The post id is default or unknown.</exception>
    /// <remarks>The sum only rises when an incident is reported, so the peak is at the interval's start or at a report inside it.</remarks>
    public int ExtraDemand(Id<Post> post, Interval interval)
    {
        Require(_posts, post, nameof(post));
        if (interval.HasStart && interval.HasEnd && interval.Start == interval.End)
        {
            return 0;
        }

        var onPost = _incidents.Where(i => i.PostId == post && i.ExtraOnDuty > 0 && Overlaps(i.Window, interval)).ToList();
        var peak = 0;
        foreach (var at in onPost.Select(i => interval.HasStart && i.ReportedAt < interval.Start ? interval.Start : i.ReportedAt).Distinct())
        {
            peak = Math.Max(peak, onPost.Where(i => i.IsOpenAt(at)).Sum(i => i.ExtraOnDuty));
        }

        return peak;
    }

    private static bool Overlaps(Interval a, Interval b) =>
        (!a.HasEnd || !b.HasStart || b.Start < a.End) && (!b.HasEnd || !a.HasStart || a.Start < b.End);

    private void LoadIncidents(State.CommunityState state)
    {
        foreach (var i in state.Incidents ?? [])
        {
            Guard.Against.Null(i, nameof(state));
            var incident = new Incident(
                new Id<Incident>(i.Id), _posts[Existing(_posts, i.PostId)], Guard.Against.EnumOutOfRange(i.Kind), i.ReportedAt,
                Guard.Against.OutOfRange(i.ExtraOnDuty, nameof(i.ExtraOnDuty), 0, 20, $"Incident {i.Id} asks for {i.ExtraOnDuty} extra people on duty; 0 to 20 are allowed."), Guard.Against.Blank(i.Summary).Trim(), Zone);
            if (i.Repairer is not null)
            {
                incident.AssignRepair(Guard.Against.Blank(i.Repairer).Trim(), [.. (i.Repairers ?? []).Select(r => Existing(_residents, r))]);
            }

            if (i.ResolvedAt is { } resolved)
            {
                Guard.Against.InvalidInput(resolved, nameof(state), r => r > i.ReportedAt, "An incident is resolved after it is reported.");
                incident.Resolve(resolved, new IncidentCost(i.CostYuan ?? 0m, i.CostBorneBy ?? "unknown"));
            }

            _incidents.Add(incident.Id, incident);
        }
    }
}
