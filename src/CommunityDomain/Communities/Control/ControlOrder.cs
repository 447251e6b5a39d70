using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Control;

/// <summary>An issued control order: a level over a scope from a start, until a planned end or until lifted.</summary>
/// <remarks>
/// The order is in force at instant t when <see cref="From"/> &lt;= t and t is before <see cref="EffectiveEnd"/>
/// (the earlier of the planned end and the lift time; none means open-ended). An order lifted at or
/// before its start was never in force.
/// </remarks>
public sealed class ControlOrder
{
    // The community's zone, only for ToString: a developer reading an order sees the office's local times.
    private readonly DateTimeZone _zone;

    internal ControlOrder(Id<ControlOrder> id, ControlOrderRequest request, Actor issuedBy, Instant issuedAt, DateTimeZone zone)
    {
        Id = id;
        _zone = zone;
        Level = request.Level;
        Scope = request.Scope;
        From = request.From;
        Until = request.Until;
        Reason = request.Reason;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
    }

    /// <summary>The order's id, unique in its community.</summary>
    public Id<ControlOrder> Id { get; }

    /// <summary>The level imposed.</summary>
    public ControlLevel Level { get; }

    /// <summary>The area covered.</summary>
    public ControlScope Scope { get; }

    /// <summary>When the order takes effect (inclusive).</summary>
    public Instant From { get; }

    /// <summary>The planned end (exclusive), or null for open-ended.</summary>
    public Instant? Until { get; }

    /// <summary>Why the order was issued.</summary>
    public string Reason { get; }

    /// <summary>Who issued it.</summary>
    public Actor IssuedBy { get; }

    /// <summary>When it was issued (the community clock's time).</summary>
    public Instant IssuedAt { get; }

    /// <summary>When it was lifted early, or null.</summary>
    public Instant? LiftedAt { get; private set; }

    /// <summary>Who lifted it, when lifted.</summary>
    public Actor? LiftedBy { get; private set; }

    /// <summary>Why it was lifted, when lifted.</summary>
    public string? LiftReason { get; private set; }

    /// <summary>The end of the order's force: the earlier of the planned end and the lift time, or null if open-ended.</summary>
    public Instant? EffectiveEnd => (Until, LiftedAt) switch
    {
        ({ } until, { } lifted) => until < lifted ? until : lifted,
        ({ } until, null) => until,
        (null, { } lifted) => lifted,
        _ => null,
    };

    /// <summary>True when the order is in force at <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant to test.</param>
    /// <returns>Whether <see cref="From"/> &lt;= instant &lt; <see cref="EffectiveEnd"/>.</returns>
    public bool IsInForceAt(Instant instant) => From <= instant && (EffectiveEnd is not { } end || instant < end);

    internal void Lift(Instant at, Actor by, string reason)
    {
        LiftedAt = at;
        LiftedBy = by;
        LiftReason = reason;
    }

    /// <summary>
    /// Level, scope, interval in the community's local time with its zone named, and id, e.g.
    /// <c>Sealed over Compound#3 from 2022-08-18 05:00 (Asia/Shanghai) (open-ended) (ControlOrder#2)</c>; never a UTC instant.
    /// </summary>
    public override string ToString() =>
        $"{Level} over {Scope} {LocalTimeText.Span(From, EffectiveEnd, _zone, "(open-ended)")} ({Id})";
}
