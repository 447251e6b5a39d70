using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Incidents;

/// <summary>
/// Something that went wrong at a duty post (a failed gate motor, a hazard): when it was reported, how many
/// extra people the post needs on duty while it is unresolved, who repairs it, what it cost and who bore it.
/// </summary>
/// <remarks>
/// The incident is open at instant t when <see cref="ReportedAt"/> &lt;= t and it is unresolved or t is
/// before <see cref="ResolvedAt"/>. It holds no resident's personal data: repairers are a free-text party
/// or role plus resident ids.
/// </remarks>
public sealed class Incident
{
    private Id<Resident>[] _repairers = [];

    // The community's zone, only for ToString (local times, never UTC).
    private readonly DateTimeZone _zone;

    internal Incident(Id<Incident> id, Post post, IncidentKind kind, Instant reportedAt, int extraOnDuty, string summary, DateTimeZone zone)
    {
        Id = id;
        _zone = zone;
        PostId = post.Id;
        CompoundId = post.CompoundId;
        Kind = kind;
        ReportedAt = reportedAt;
        ExtraOnDuty = extraOnDuty;
        Summary = summary;
    }

    /// <summary>The incident's id, unique in its community.</summary>
    public Id<Incident> Id { get; }

    /// <summary>The post it happened at.</summary>
    public Id<Post> PostId { get; }

    /// <summary>The post's compound.</summary>
    public Id<Compound> CompoundId { get; }

    /// <summary>What went wrong.</summary>
    public IncidentKind Kind { get; }

    /// <summary>A short description (e.g. <c>gate motor failed, gate pulled by hand</c>).</summary>
    public string Summary { get; }

    /// <summary>When it was reported (the incident is open from then on).</summary>
    public Instant ReportedAt { get; }

    /// <summary>How many more people the post needs on duty while the incident is open (0 when none).</summary>
    public int ExtraOnDuty { get; }

    /// <summary>Who repairs it (a party or role such as <c>two resident volunteers</c>), or null before a repair is assigned.</summary>
    public string? Repairer { get; private set; }

    /// <summary>The residents doing the repair, by id (empty when none or not residents).</summary>
    public IReadOnlyList<Id<Resident>> Repairers => _repairers;

    /// <summary>When it was resolved (exclusive end of its window), or null while open.</summary>
    public Instant? ResolvedAt { get; private set; }

    /// <summary>What the repair cost and who bore it, once resolved.</summary>
    public IncidentCost? Cost { get; private set; }

    /// <summary>True once resolved.</summary>
    public bool IsResolved => ResolvedAt is not null;

    /// <summary>The time the incident is open: from <see cref="ReportedAt"/> to <see cref="ResolvedAt"/>, open-ended while unresolved.</summary>
    public Interval Window => new(ReportedAt, ResolvedAt);

    /// <summary>True when the incident is open at <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant to test.</param>
    /// <returns>Whether <see cref="ReportedAt"/> &lt;= instant and it is unresolved or instant &lt; <see cref="ResolvedAt"/>.</returns>
    public bool IsOpenAt(Instant instant) => ReportedAt <= instant && (ResolvedAt is not { } end || instant < end);

    internal bool SameRepair(string repairer, IReadOnlyList<Id<Resident>> residents) =>
        Repairer == repairer && _repairers.SequenceEqual(residents);

    internal void AssignRepair(string repairer, IReadOnlyList<Id<Resident>> residents)
    {
        Repairer = repairer;
        _repairers = [.. residents];
    }

    internal void Resolve(Instant at, IncidentCost cost)
    {
        ResolvedAt = at;
        Cost = cost;
    }

    /// <summary>
    /// Kind, post, window in the community's local time with its zone named, and id; no personal data, never a UTC
    /// instant, e.g. <c>GateFailure at Post#2 from 2022-08-23 07:30 (Asia/Shanghai) (open), +1 on duty (Incident#1)</c>.
    /// </summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind} at {PostId} {LocalTimeText.Span(ReportedAt, ResolvedAt, _zone, "(open)")}, +{ExtraOnDuty} on duty ({Id})");
}
