using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Control;

/// <summary>What a control order should say, before the community issues it and gives it an id.</summary>
/// <remarks>
/// Guarded on construction: the level is above <see cref="ControlLevel.None"/>, the scope is not default,
/// the reason is not blank, and a planned end, when given, is after the start.
/// </remarks>
public sealed record ControlOrderRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="level">The level; above <see cref="ControlLevel.None"/>.</param>
    /// <param name="scope">The area covered; not default.</param>
    /// <param name="from">When the order takes effect.</param>
    /// <param name="reason">Why (e.g. <c>medium-risk area designation</c>); not blank.</param>
    /// <param name="until">The planned end (exclusive), or null for open-ended.</param>
    /// <exception cref="ArgumentException">An argument breaks the rules in the remarks.</exception>
    public ControlOrderRequest(ControlLevel level, ControlScope scope, Instant from, string reason, Instant? until = null)
    {
        Level = Guard.Against.InvalidInput(level, nameof(level), static l => l is > ControlLevel.None and <= ControlLevel.Sealed,
            "A control order's level must be Precaution, Controlled or Sealed.");
        Scope = Guard.Against.InvalidInput(scope, nameof(scope), static s => !s.IsDefault, "The scope is default and covers nothing.");
        From = from;
        Reason = Guard.Against.Blank(reason).Trim();
        Until = until is { } end && end <= from
            ? throw new ArgumentException("The planned end must be after the start.", nameof(until))
            : until;
    }

    /// <summary>The level.</summary>
    public ControlLevel Level { get; }

    /// <summary>The area covered.</summary>
    public ControlScope Scope { get; }

    /// <summary>When the order takes effect (inclusive).</summary>
    public Instant From { get; }

    /// <summary>The planned end (exclusive), or null for open-ended.</summary>
    public Instant? Until { get; }

    /// <summary>Why the order is issued.</summary>
    public string Reason { get; }

    /// <summary>
    /// The request in one line, ids and times only: level, scope and the span in UTC said in words (a request knows no
    /// zone), e.g. <c>Sealed over Compound#3 from 2022-08-17 21:00 UTC (open-ended), requested</c>. The reason is left out:
    /// it is the office's free text (as in <see cref="ControlOrder.ToString"/>).
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Level} over {Scope} {LocalTimeText.UtcSpan(From, Until, "(open-ended)")}, requested";

    /// <summary>A sealed-control order (封控).</summary>
    /// <param name="scope">The area covered.</param>
    /// <param name="from">When it takes effect.</param>
    /// <param name="reason">Why.</param>
    /// <param name="until">The planned end, or null for open-ended.</param>
    /// <returns>The request.</returns>
    public static ControlOrderRequest Sealed(ControlScope scope, Instant from, string reason, Instant? until = null) =>
        new(ControlLevel.Sealed, scope, from, reason, until);

    /// <summary>A controlled-area order (管控).</summary>
    /// <param name="scope">The area covered.</param>
    /// <param name="from">When it takes effect.</param>
    /// <param name="reason">Why.</param>
    /// <param name="until">The planned end, or null for open-ended.</param>
    /// <returns>The request.</returns>
    public static ControlOrderRequest Controlled(ControlScope scope, Instant from, string reason, Instant? until = null) =>
        new(ControlLevel.Controlled, scope, from, reason, until);

    /// <summary>A precaution-area order (防范).</summary>
    /// <param name="scope">The area covered.</param>
    /// <param name="from">When it takes effect.</param>
    /// <param name="reason">Why.</param>
    /// <param name="until">The planned end, or null for open-ended.</param>
    /// <returns>The request.</returns>
    public static ControlOrderRequest Precaution(ControlScope scope, Instant from, string reason, Instant? until = null) =>
        new(ControlLevel.Precaution, scope, from, reason, until);
}
