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

    /// <summary>Issues a pass if the policy allows it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="by">Who issues it.</param>
    /// <returns>The pass, or why not.</returns>
    /// <exception cref="ArgumentException">A default request.</exception>
    public OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired> Issue(PassRequest request, Actor by = default)
    {
        Guard.Against.DefaultId(request.Household, nameof(request));
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
    public IReadOnlyList<OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired>> IssueBatch(IEnumerable<PassRequest> requests, Actor by = default)
    {
        List<PassRequest> all = [.. Guard.Against.Null(requests)];
        foreach (var request in all)
        {
            Guard.Against.DefaultId(request.Household, nameof(requests));
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

        return results;
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
    /// <returns>Success, or the pass is unknown or already revoked.</returns>
    public OneOf<Success, UnknownPass> Revoke(PassSerial serial, string reason, Actor by = default)
    {
        Guard.Against.NullOrWhiteSpace(reason);
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
