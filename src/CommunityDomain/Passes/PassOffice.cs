using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Passes.Events;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.Passes;

/// <summary>Issues and revokes a community's signed passes under one policy.</summary>
/// <remarks>
/// A sealed household never gets a pass. In any window as long as the policy's period, a household never
/// holds more unrevoked passes starting in it than the quota. When the policy asks for a negative test, no
/// pass starts more than that long after the caller's last negative test time, and a test taken at or before the
/// requested moment counts (the pass start is rounded down to the minute, so it may precede a test taken within
/// that minute). Every issued code verifies
/// at a gate holding the current public keys, within its validity window, until revoked.
/// </remarks>
public sealed partial class PassOffice : AggregateRoot
{
    private readonly PassSigningKeys _keys;
    private readonly IClock _clock;
    private readonly List<PassContent> _issued = [];
    private readonly Dictionary<Id<Household>, List<PassContent>> _byHousehold = [];
    private readonly HashSet<PassSerial> _revoked = [];

    private PassOffice(PassPolicy policy, PassSigningKeys keys, IClock clock, long version = 0)
        : base(version)
    {
        Policy = policy;
        _keys = keys;
        _clock = clock;
    }

    /// <summary>The policy.</summary>
    public PassPolicy Policy { get; }

    /// <summary>Every pass issued, in serial order.</summary>
    public IReadOnlyList<PassContent> Issued => _issued;

    /// <summary>The revoked serials, to load into gates.</summary>
    public IReadOnlyCollection<PassSerial> Revoked => _revoked;

    /// <summary>Opens an office.</summary>
    /// <param name="policy">The pass policy.</param>
    /// <param name="keys">The signing keys (the office signs with the current one).</param>
    /// <param name="clock">The clock for default start times and events.</param>
    /// <returns>The office.</returns>
    public static PassOffice Open(PassPolicy policy, PassSigningKeys keys, IClock clock) =>
        new(Guard.Against.Null(policy), Guard.Against.Null(keys), Guard.Against.Null(clock));

    /// <summary>
    /// Issues a pass for a household of <paramref name="community"/>, taking its control level from the community:
    /// the most restrictive level in force at the pass start or at the start of any order that begins while the
    /// pass would be valid (a household sealed an hour from now gets no pass for tonight). The entry point to use.
    /// </summary>
    /// <param name="community">The community that holds the household and its control orders.</param>
    /// <param name="household">The household; must exist in <paramref name="community"/>.</param>
    /// <param name="lastNegativeTest">The household's last negative test, when the policy asks for one.</param>
    /// <param name="from">When the pass starts; null for now.</param>
    /// <param name="by">Who issues it.</param>
    /// <returns>The pass, or why not.</returns>
    /// <exception cref="ArgumentException">The community is null, or the household default or not in it.</exception>
    public OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted> IssueFor(
        Community community, Id<Household> household, Instant? lastNegativeTest = null, Instant? from = null, Actor by = default)
    {
        Guard.Against.DefaultId(household);
        return IssueFor(community, new PassRequest(household, ControlLevel.None, lastNegativeTest, from), by);
    }

    /// <summary>
    /// Issues a pass for a request, judged at the stricter of the request's level and the level
    /// <paramref name="community"/> holds for the household (as in
    /// <see cref="IssueFor(Community, Id{Household}, Instant?, Instant?, Actor)"/>): a caller passing
    /// <see cref="ControlLevel.None"/> for a household the community holds as sealed is refused.
    /// </summary>
    /// <param name="community">The community that holds the household and its control orders.</param>
    /// <param name="request">The request; its household must exist in <paramref name="community"/>.</param>
    /// <param name="by">Who issues it.</param>
    /// <returns>The pass, or why not.</returns>
    /// <exception cref="ArgumentException">The community is null, the request default, or its household not in the community.</exception>
    public OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted> IssueFor(Community community, PassRequest request, Actor by)
    {
        Guard.Against.Null(community);
        Guard.Against.DefaultId(request.Household, nameof(request));
        var home = community.Get(request.Household);
        if (by.Check(Permission.Passes, home.CompoundId.Value, home.BuildingId.Value) is { } denied)
        {
            return denied;
        }

        var start = TruncateToMinute(request.From ?? _clock.GetCurrentInstant());
        var level = request.Level;
        foreach (var at in community.OrdersBeginningWithin(request.Household, start, start + Policy.Validity).Select(o => o.From).Prepend(start))
        {
            var then = community.EffectiveLevel(request.Household, at);
            level = then > level ? then : level;
        }

        return IssueChecked(new PassRequest(request.Household, level, request.LastNegativeTest, request.From), by);
    }

    /// <summary>
    /// Issues a pass if the policy allows it, trusting the control level in <paramref name="request"/>: the
    /// plain-data entry point for hosts whose control levels live outside a <see cref="Community"/> (e.g. a
    /// district system). A host that holds a <see cref="Community"/> calls
    /// <see cref="IssueFor(Community, Id{Household}, Instant?, Instant?, Actor)"/> instead, so no caller can pass a
    /// wrong level by mistake.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="by">Who issues it.</param>
    /// <returns>The pass, or why not.</returns>
    /// <exception cref="ArgumentException">A default request.</exception>
    /// <remarks>The office knows no compounds, so only an actor over the whole community may use this entry point.</remarks>
    public OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted> Issue(PassRequest request, Actor by = default)
    {
        Guard.Against.DefaultId(request.Household, nameof(request));
        return by.Check(Permission.Passes) is { } denied ? denied : IssueChecked(request, by);
    }

    private OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted> IssueChecked(PassRequest request, Actor by)
    {
        var now = _clock.GetCurrentInstant();
        var result = Decide(request, now);
        if (result.TryPickT0(out var pass, out _))
        {
            Raise(IssuedEvent(pass.Content, now, by, NextVersion()));
        }

        return Widen(result);
    }

    private static OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted> Widen(OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired> result) =>
        result.Match<OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted>>(p => p, h => h, q => q, n => n);

    /// <summary>Issues passes for many requests, each judged on its own in order (e.g. an evening's 30+ requests),
    /// as one command: when any pass is issued the version rises by exactly one and every
    /// <see cref="PassIssued"/> of the batch carries that version.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="by">Who issues them.</param>
    /// <returns>One result per request, in order (a later request sees the passes issued before it).</returns>
    /// <exception cref="ArgumentException"><paramref name="requests"/> is null or holds a default request (then nothing is issued).</exception>
    /// <remarks>Like <see cref="Issue"/>, only an actor over the whole community may use it; anyone else gets
    /// <see cref="NotPermitted"/> for every request and nothing is issued.</remarks>
    public IReadOnlyList<OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted>> IssueBatch(IEnumerable<PassRequest> requests, Actor by = default)
    {
        List<PassRequest> all = [.. Guard.Against.Null(requests)];
        foreach (var request in all)
        {
            Guard.Against.DefaultId(request.Household, nameof(requests));
        }

        if (by.Check(Permission.Passes) is { } denied)
        {
            return [.. all.Select(_ => (OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted>)denied)];
        }

        var now = _clock.GetCurrentInstant();
        List<OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired>> results = [.. all.Select(r => Decide(r, now))];
        var issued = results.Where(r => r.IsT0).Select(r => r.AsT0.Content).ToList();
        if (issued.Count > 0)
        {
            var version = NextVersion();
            foreach (var content in issued)
            {
                Raise(IssuedEvent(content, now, by, version));
            }
        }

        return [.. results.Select(Widen)];
    }

    private static PassIssued IssuedEvent(PassContent content, Instant now, Actor by, long version) =>
        new(now, by, version, content.Serial, content.Household, content.ValidFrom, content.ValidUntil, content.Key);

    /// <summary>Judges one request and, when it passes, records and signs the pass (no version, no event).</summary>
    private OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired> Decide(PassRequest request, Instant now)
    {
        var requested = request.From ?? now;
        var from = TruncateToMinute(requested);
        if (request.Level == ControlLevel.Sealed)
        {
            return new HouseholdSealed(request.Household);
        }

        if (Policy.NegativeTestWithin is { } within
            // A test at or before the requested moment counts: compare with the moment, not the minute it is rounded down to.
            && (request.LastNegativeTest is not { } test || test > requested || from - test > within))
        {
            return new NegativeTestRequired(request.Household, within);
        }

        // Starts closer than one period to this one: if the quota of them exist, a window would hold one too many.
        var near = _byHousehold.TryGetValue(request.Household, out var held)
            ? held.Where(p => !_revoked.Contains(p.Serial) && Duration.FromTicks(Math.Abs((p.ValidFrom - from).BclCompatibleTicks)) < Policy.Period).ToList()
            : [];
        if (near.Count >= Policy.PassesPerPeriod)
        {
            return new QuotaUsed(request.Household, near.Max(p => p.ValidFrom) + Policy.Period);
        }

        var content = new PassContent(new PassSerial(_issued.Count + 1), request.Household, from, from + Policy.Validity, Policy.MaxTimeOut, _keys.Current);
        var code = _keys.Sign(content);
        Put(content);
        return new Pass(content, code);
    }

    /// <summary>Revokes a pass; gates reject it once they load <see cref="Revoked"/>.</summary>
    /// <param name="serial">The pass.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="by">Who revokes it.</param>
    /// <returns>Success, or the pass is unknown or already revoked, or the actor may not revoke passes over the whole community.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or blank.</exception>
    public OneOf<Success, UnknownPass, NotPermitted> Revoke(PassSerial serial, string reason, Actor by = default)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        if (by.Check(Permission.Passes) is { } denied)
        {
            return denied;
        }
        if (serial.Value < 1 || serial.Value > _issued.Count)
        {
            return new UnknownPass(serial, false);
        }

        if (!_revoked.Add(serial))
        {
            return new UnknownPass(serial, true);
        }

        Raise(new PassRevoked(_clock.GetCurrentInstant(), by, NextVersion(), serial, reason.Trim()));
        return new Success();
    }

    /// <summary>Counts only; never key material.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"Pass office: {_issued.Count} issued, {_revoked.Count} revoked, signing with {_keys.Current}");

    private static Instant TruncateToMinute(Instant at) => Instant.FromUnixTimeSeconds(Math.DivRem(at.ToUnixTimeSeconds(), 60, out var r) * 60 - (r < 0 ? 60 : 0));
}
