using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Passes.Events;
using OneOf.Types;

namespace CommunityDomain.Passes;

/// <summary>Issues and revokes a community's signed passes under one policy.</summary>
/// <remarks>
/// <para>A sealed household never gets a pass. In any window as long as the policy's period, a household never
/// holds more unrevoked passes starting in it than the quota. Every issued code verifies at a gate holding the
/// current public keys, within its validity window, until revoked.</para>
/// <para>The test window is about instants, not minutes: when the policy asks for a negative test within a window
/// <c>W</c>, a pass is issued exactly when the last negative test lies in <c>[requested - W, requested]</c>, where
/// <c>requested</c> is the real requested instant (the request's <see cref="PassRequest.From"/>, or the clock's
/// now), to the tick: a test exactly 48 h before is accepted, 48 h and 1 s before is refused, a test taken at or
/// before the moment of issue counts. The printed validity starts at <c>requested</c> rounded down to the minute
/// (the code holds whole minutes), so the printed start is never more than <c>W</c> after the test either; it may
/// precede a test taken within that minute.</para>
/// <para>Every command checks <see cref="Permission.Passes"/> at the household's place: the entry points given the
/// <see cref="Community"/> (<see cref="IssueFor(Community, PassRequest, Actor)"/>,
/// <see cref="IssueBatchFor(Community, IEnumerable{PassRequest}, Actor)"/>, <see cref="RevokeFor(Community, PassSerial, string, Actor)"/>)
/// at the household's building, the plain-data ones (which know no compounds) over the whole community. So
/// whoever may issue a pass for a household may also revoke it, and a refused command changes nothing.</para>
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
    public PassIssueResult IssueFor(
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
    public PassIssueResult IssueFor(Community community, PassRequest request, Actor by)
    {
        Guard.Against.Null(community);
        Guard.Against.DefaultId(request.Household, nameof(request));
        var home = community.Get(request.Household);
        if (by.Check(Permission.Passes, home.CompoundId.Value, home.BuildingId.Value) is { } denied)
        {
            return denied;
        }

        return IssueChecked(WithCommunityLevel(community, request, _clock.GetCurrentInstant()), by);
    }

    /// <summary>The request at the stricter of its level and the most restrictive level the community holds for the
    /// household at the pass start or at the start of any order beginning while the pass would be valid.</summary>
    private PassRequest WithCommunityLevel(Community community, PassRequest request, Instant now)
    {
        var start = TruncateToMinute(request.From ?? now);
        var level = request.Level;
        foreach (var at in community.OrdersBeginningWithin(request.Household, start, start + Policy.Validity).Select(o => o.From).Prepend(start))
        {
            var then = community.EffectiveLevel(request.Household, at);
            level = then > level ? then : level;
        }

        return new PassRequest(request.Household, level, request.LastNegativeTest, request.From);
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
    public PassIssueResult Issue(PassRequest request, Actor by = default)
    {
        Guard.Against.DefaultId(request.Household, nameof(request));
        return by.Check(Permission.Passes) is { } denied ? denied : IssueChecked(request, by);
    }

    private PassIssueResult IssueChecked(PassRequest request, Actor by)
    {
        var now = _clock.GetCurrentInstant();
        var result = Decide(request, now);
        if (result.TryPickT0(out var pass, out _))
        {
            Raise(IssuedEvent(pass.Content, now, by, NextVersion()));
        }

        return result;
    }

    /// <summary>Issues passes for many requests, each judged on its own in order (e.g. an evening's 30+ requests),
    /// as one command: when any pass is issued the version rises by exactly one and every
    /// <see cref="PassIssued"/> of the batch carries that version.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="by">Who issues them.</param>
    /// <returns>One result per request, in order (a later request sees the passes issued before it).</returns>
    /// <exception cref="ArgumentException"><paramref name="requests"/> is null or holds a default request (then nothing is issued).</exception>
    /// <remarks>Like <see cref="Issue"/>, only an actor over the whole community may use it; anyone else gets
    /// <see cref="NotPermitted"/> for every request and nothing is issued.</remarks>
    public IReadOnlyList<PassIssueResult> IssueBatch(IEnumerable<PassRequest> requests, Actor by = default)
    {
        List<PassRequest> all = [.. Guard.Against.Null(requests)];
        foreach (var request in all)
        {
            Guard.Against.DefaultId(request.Household, nameof(requests));
        }

        var denied = by.Check(Permission.Passes);
        return Batch(all, by, (_, _) => denied);
    }

    /// <summary>
    /// Issues passes for many requests of households of <paramref name="community"/> (e.g. a compound head's evening of
    /// 30+ requests), each judged on its own in order as <see cref="IssueFor(Community, PassRequest, Actor)"/> would
    /// judge it: the actor's permission at the household's building, then the stricter of the request's level and the
    /// community's. As one command: when any pass is issued the version rises by exactly one and every
    /// <see cref="PassIssued"/> of the batch carries that version.
    /// </summary>
    /// <param name="community">The community that holds the households and their control orders.</param>
    /// <param name="requests">The requests; every household must exist in <paramref name="community"/>.</param>
    /// <param name="by">Who issues them.</param>
    /// <returns>One result per request, in order (a later request sees the passes issued before it). A request outside
    /// the actor's area gets <see cref="NotPermitted"/> and issues nothing; the others are judged as if it were absent.</returns>
    /// <exception cref="ArgumentException">The community is null, <paramref name="requests"/> is null, or a request is
    /// default or names a household not in the community (then nothing is issued).</exception>
    public IReadOnlyList<PassIssueResult> IssueBatchFor(
        Community community, IEnumerable<PassRequest> requests, Actor by = default)
    {
        Guard.Against.Null(community);
        List<PassRequest> all = [.. Guard.Against.Null(requests)];
        var homes = new List<Household>(all.Count);
        foreach (var request in all)
        {
            Guard.Against.DefaultId(request.Household, nameof(requests));
            homes.Add(HouseholdIn(community, request.Household)
                ?? throw new ArgumentException($"Household {request.Household.Value} is not in the community.", nameof(requests)));
        }

        var now = _clock.GetCurrentInstant();
        return Batch(
            [.. all.Select(r => WithCommunityLevel(community, r, now))], by,
            (_, i) => by.Check(Permission.Passes, homes[i].CompoundId.Value, homes[i].BuildingId.Value));
    }

    private List<PassIssueResult> Batch(
        List<PassRequest> all, Actor by, Func<PassRequest, int, NotPermitted?> check)
    {
        var now = _clock.GetCurrentInstant();
        var results = new List<PassIssueResult>(all.Count);
        var issued = new List<PassContent>();
        for (var i = 0; i < all.Count; i++)
        {
            if (check(all[i], i) is { } denied)
            {
                results.Add(denied);
                continue;
            }

            var result = Decide(all[i], now);
            if (result.TryPickT0(out var pass, out _))
            {
                issued.Add(pass.Content);
            }

            results.Add(result);
        }

        if (issued.Count > 0)
        {
            var version = NextVersion();
            foreach (var content in issued)
            {
                Raise(IssuedEvent(content, now, by, version));
            }
        }

        return results;
    }

    private static PassIssued IssuedEvent(PassContent content, Instant now, Actor by, long version) =>
        new(now, by, version, content.Serial, content.Household, content.ValidFrom, content.ValidUntil, content.Key);

    /// <summary>Judges one request and, when it passes, records and signs the pass (no version, no event).</summary>
    private PassIssueResult Decide(PassRequest request, Instant now)
    {
        var requested = request.From ?? now;
        var from = TruncateToMinute(requested);
        if (request.Level == ControlLevel.Sealed)
        {
            return new HouseholdSealed(request.Household);
        }

        if (Policy.NegativeTestWithin is { } within
            // The window is measured between instants, the test and the real requested moment: never from the minute the
            // printed start is rounded down to (that accepted a test up to 59 s too old, and refused one taken within the minute).
            && (request.LastNegativeTest is not { } test || test > requested || requested - test > within))
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

    /// <summary>
    /// Revokes a pass of a household of <paramref name="community"/>, checking the actor's permission where
    /// <see cref="IssueFor(Community, PassRequest, Actor)"/> checks it: at the household's building. So a compound head
    /// revokes the passes of its compound, as it issues them. The entry point to use.
    /// </summary>
    /// <param name="community">The community that holds the pass's household.</param>
    /// <param name="serial">The pass.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="by">Who revokes it.</param>
    /// <returns>Success, or the pass is unknown or already revoked, or <see cref="NotPermitted"/>. A serial the office
    /// never issued, or whose household the community does not hold, has no place: only an actor over the whole
    /// community gets past the permission check for it (and then learns <see cref="UnknownPass"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="community"/> is null, or <paramref name="reason"/> is null or blank.</exception>
    public PassRevokeResult RevokeFor(Community community, PassSerial serial, string reason, Actor by = default)
    {
        Guard.Against.Null(community);
        Guard.Against.Blank(reason);
        var home = serial.Value >= 1 && serial.Value <= _issued.Count ? HouseholdIn(community, _issued[serial.Value - 1].Household) : null;
        return RevokeChecked(serial, reason, by, by.Check(Permission.Passes, home?.CompoundId.Value, home?.BuildingId.Value));
    }

    /// <summary>Revokes a pass; gates reject it once they load <see cref="Revoked"/>. The plain-data entry point: the
    /// office knows no compounds, so only an actor over the whole community may use it (a compound head calls
    /// <see cref="RevokeFor(Community, PassSerial, string, Actor)"/>).</summary>
    /// <param name="serial">The pass.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="by">Who revokes it.</param>
    /// <returns>Success, or the pass is unknown or already revoked, or the actor may not revoke passes over the whole community.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or blank.</exception>
    public PassRevokeResult Revoke(PassSerial serial, string reason, Actor by = default)
    {
        Guard.Against.Blank(reason);
        return RevokeChecked(serial, reason, by, by.Check(Permission.Passes));
    }

    // A pass issued through the plain entry point may name a household the community does not hold: then it has no place.
    private static Household? HouseholdIn(Community community, Id<Household> id) => community.Households.FirstOrDefault(h => h.Id == id);

    private PassRevokeResult RevokeChecked(PassSerial serial, string reason, Actor by, NotPermitted? denied)
    {
        if (denied is not null)
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
