using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Passes.Events;
using OneOf;

namespace CommunityDomain.Passes;

/// <summary>
/// A gate device: verifies pass codes offline with public keys only, records exits and returns, flags late
/// returns and enforces the quota of outings per household. It never reads a clock: every call takes the instant.
/// </summary>
/// <remarks>
/// A code with any change, signed under an unknown, wrong or retired key, used outside its validity window,
/// revoked, already used, or beyond its household's quota of outings in a period never passes
/// <see cref="Exit(string?, Instant)"/>. A return is late exactly when the time out exceeds the pass's maximum.
/// <para>It is an aggregate like the others: each accepted exit, each return and each load that adds a revocation
/// raises <see cref="AggregateRoot.Version"/> by exactly one and one event stamped with the instant the call was
/// given (<see cref="GateExitRecorded"/>, <see cref="GateReturnRecorded"/>, <see cref="GateRevocationsLoaded"/>);
/// a refused scan, a <see cref="Verify"/> and a load of serials already known change nothing.</para>
/// <para>Every pass has exactly one valid code: a signature whose s is above half the P-256 group order (the
/// (r, n - s) twin of a valid one) is refused as <see cref="PassRejection.BadSignature"/>.</para>
/// <para>Who may record at the gate (<see cref="Actor.Check"/>): exits, returns and revocation loads need
/// <see cref="Permission.GateRecords"/> (gate duty, gate devices, compound heads, the office) over the gate's
/// <see cref="Compound"/>; a gate created without a compound is placed in the whole community, so only actors over
/// the whole community may record there. A refused call returns <see cref="NotPermitted"/> and
/// changes nothing. <see cref="Verify"/> records nothing and needs no role.</para>
/// <para>Time moves forward per pass: a return dated before its exit is refused as out of order (the exit itself
/// cannot precede the pass's validity, which starts no earlier than its issue).</para>
/// </remarks>
public sealed partial class PassGate : AggregateRoot
{
    private readonly PassVerificationKeys _keys;
    private readonly PassPolicy _policy;
    private readonly HashSet<PassSerial> _revoked = [];
    private readonly Dictionary<PassSerial, (PassContent Content, Instant At)> _out = [];
    private readonly HashSet<PassSerial> _used = [];
    private readonly Dictionary<Id<Household>, List<Instant>> _exits = [];
    private readonly List<(PassContent Content, Instant At)> _history = [];
    private Instant _latest = NodaConstants.UnixEpoch;

    /// <summary>Creates a gate at version 0, with nothing recorded.</summary>
    /// <param name="keys">The public keys it accepts.</param>
    /// <param name="policy">The policy (for the quota of outings).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PassGate(PassVerificationKeys keys, PassPolicy policy)
        : this(keys, policy, 0)
    {
    }

    /// <summary>Creates a gate of a compound at version 0, with nothing recorded.</summary>
    /// <param name="keys">The public keys it accepts.</param>
    /// <param name="policy">The policy (for the quota of outings).</param>
    /// <param name="compound">The compound whose gate it is: gate duty and devices of that compound may record here.</param>
    /// <exception cref="ArgumentException">An argument is null, or the compound is default.</exception>
    public PassGate(PassVerificationKeys keys, PassPolicy policy, Id<Compound> compound)
        : this(keys, policy, 0, Guard.Against.DefaultId(compound))
    {
    }

    private PassGate(PassVerificationKeys keys, PassPolicy policy, long version, Id<Compound>? compound = null)
        : base(version)
    {
        _keys = Guard.Against.Null(keys);
        _policy = Guard.Against.Null(policy);
        Compound = compound;
    }

    /// <summary>The compound whose gate this is; null for a gate placed in the whole community.</summary>
    public Id<Compound>? Compound { get; }

    /// <summary>Passes out now, with when they went out, earliest first (then by serial).</summary>
    public IReadOnlyList<(PassContent Pass, Instant WentOut)> Out => [.. _out.Values.OrderBy(x => x.At).ThenBy(x => x.Content.Serial.Value)];

    /// <summary>Adds revoked serials, without an instant for the event: use <see cref="LoadRevocations(IEnumerable{PassSerial}, Instant, Actor)"/>.</summary>
    /// <param name="serials">The serials.</param>
    /// <remarks>Kept for hosts written before the gate had versions and events; the load is stamped with the
    /// instant of the latest exit the gate recorded, or <see cref="NodaConstants.UnixEpoch"/> before any.</remarks>
    [Obsolete("Give the instant of the sync: LoadRevocations(serials, at). The gate never reads a clock, and its events carry the instant.")]
    public void LoadRevocations(IEnumerable<PassSerial> serials) => LoadRevocations(serials, _latest, Actor.System);

    /// <summary>Adds revoked serials (e.g. <see cref="PassOffice.Revoked"/> synced when online).</summary>
    /// <param name="serials">The serials; those the gate already holds are ignored.</param>
    /// <param name="at">The instant of the sync (the device's time; the gate never reads a clock).</param>
    /// <param name="by">Who synced (the device account, or <see cref="Actor.System"/>): <see cref="Permission.GateRecords"/> over the gate's compound.</param>
    /// <returns>How many serials were new: 0 changes nothing (no version, no event); otherwise the version rises
    /// by one and one <see cref="GateRevocationsLoaded"/> lists the new serials, ascending. <see cref="NotPermitted"/> when
    /// <paramref name="by"/> may not record at this gate: nothing is loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serials"/> is null.</exception>
    public OneOf<int, NotPermitted> LoadRevocations(IEnumerable<PassSerial> serials, Instant at, Actor by = default)
    {
        List<PassSerial> added = [.. Guard.Against.Null(serials).Where(s => !_revoked.Contains(s)).Distinct().OrderBy(s => s.Value)];
        if (Check(by) is { } denied)
        {
            return denied;
        }

        if (added.Count == 0)
        {
            return 0;
        }

        _revoked.UnionWith(added);
        Raise(new GateRevocationsLoaded(at, by, NextVersion(), added));
        return added.Count;
    }

    /// <summary>Checks a code at an instant without recording anything: signature, key, revocation and validity.</summary>
    /// <param name="code">The scanned code.</param>
    /// <param name="at">The instant of the scan.</param>
    /// <returns>The pass's content, or why it is refused.</returns>
    /// <remarks>Throws no exception: a null, malformed or forged code is a <see cref="PassRejected"/>.</remarks>
    public PassScanResult Verify(string? code, Instant at)
    {
        var read = Read(code);
        if (read.IsT1)
        {
            return read.AsT1;
        }

        var content = read.AsT0;
        return _revoked.Contains(content.Serial) ? new PassRejected(PassRejection.Revoked, content.Serial)
            : at < content.ValidFrom ? new PassRejected(PassRejection.NotYetValid, content.Serial)
            : at >= content.ValidUntil ? new PassRejected(PassRejection.Expired, content.Serial)
            : content;
    }

    /// <summary>Verifies a code and records the holder going out, by the system (the device itself).</summary>
    /// <param name="code">The scanned code.</param>
    /// <param name="at">When.</param>
    /// <returns>The pass's content, or why it is refused (nothing is recorded then).</returns>
    /// <remarks>Throws no exception: every refusal is in the result.</remarks>
    public PassScanResult Exit(string? code, Instant at) => Exit(code, at, Actor.System).Match<PassScanResult>(
        content => content, rejected => rejected, _ => throw new System.Diagnostics.UnreachableException("The system may record at every gate."));

    /// <summary>Verifies a code and records the holder going out.</summary>
    /// <param name="code">The scanned code.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who is on duty at the gate: <see cref="Permission.GateRecords"/> over the gate's compound.</param>
    /// <returns>The pass's content (the version rises by one and a <see cref="GateExitRecorded"/> is raised), or
    /// why it is refused (nothing is recorded then; <see cref="NotPermitted"/> before the code is even read when
    /// <paramref name="by"/> may not record at this gate).</returns>
    /// <remarks>Throws no exception: every refusal is in the result.</remarks>
    public OneOf<PassContent, PassRejected, NotPermitted> Exit(string? code, Instant at, Actor by)
    {
        if (Check(by) is { } denied)
        {
            return denied;
        }

        var verified = Verify(code, at);
        if (verified.IsT1)
        {
            return verified.AsT1;
        }

        var content = verified.AsT0;
        if (_used.Contains(content.Serial))
        {
            return new PassRejected(PassRejection.AlreadyUsed, content.Serial);
        }

        var exits = _exits.TryGetValue(content.Household, out var list) ? list : _exits[content.Household] = [];
        if (exits.Count(e => at - e < _policy.Period && e - at < _policy.Period) >= _policy.PassesPerPeriod)
        {
            return new PassRejected(PassRejection.OverQuota, content.Serial);
        }

        Record(content, at);
        Raise(new GateExitRecorded(at, by, NextVersion(), content.Serial, content.Household));
        return content;
    }

    /// <summary>Records a holder coming back, by the system (the device itself); flags a late return.</summary>
    /// <param name="code">The scanned code.</param>
    /// <param name="at">When.</param>
    /// <returns>The return with its late flag, or why the scan is refused.</returns>
    /// <remarks>Throws no exception: every refusal is in the result.</remarks>
    public OneOf<PassReturn, PassRejected> Return(string? code, Instant at) => Return(code, at, Actor.System).Match<OneOf<PassReturn, PassRejected>>(
        back => back, rejected => rejected, _ => throw new System.Diagnostics.UnreachableException("The system may record at every gate."));

    /// <summary>Records a holder coming back; flags a late return. An expired or revoked pass may still come back.</summary>
    /// <param name="code">The scanned code.</param>
    /// <param name="at">When; not before the holder went out.</param>
    /// <param name="by">Who is on duty at the gate: <see cref="Permission.GateRecords"/> over the gate's compound.</param>
    /// <returns>The return with its late flag (the version rises by one and a <see cref="GateReturnRecorded"/> is
    /// raised), or why the scan is refused (nothing changes then; <see cref="PassRejection.OutOfOrder"/> when dated before
    /// the exit, and the pass stays out; <see cref="NotPermitted"/> when <paramref name="by"/> may not record at this gate).</returns>
    /// <remarks>Throws no exception: every refusal is in the result.</remarks>
    public OneOf<PassReturn, PassRejected, NotPermitted> Return(string? code, Instant at, Actor by)
    {
        if (Check(by) is { } denied)
        {
            return denied;
        }

        var read = Read(code);
        if (read.IsT1)
        {
            return read.AsT1;
        }

        var content = read.AsT0;
        if (!_out.TryGetValue(content.Serial, out var went))
        {
            return new PassRejected(PassRejection.NotOut, content.Serial);
        }

        // A pass's facts at the gate run forward: the return follows the exit it closes.
        if (at < went.At)
        {
            return new PassRejected(PassRejection.OutOfOrder, content.Serial);
        }

        _out.Remove(content.Serial);
        var back = new PassReturn(content.Serial, content.Household, went.At, at, content.MaxTimeOut);
        Raise(new GateReturnRecorded(at, by, NextVersion(), content.Serial, content.Household, went.At, back.Late));
        return back;
    }

    /// <summary>Passes out longer than allowed at an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The overdue passes, earliest out first (then by serial).</returns>
    public IReadOnlyList<PassContent> Overdue(Instant at) =>
        [.. Out.Where(x => at - x.WentOut > x.Pass.MaxTimeOut).Select(x => x.Pass)];

    /// <summary>The gate's key ids and counts.</summary>
    public override string ToString() => $"Pass gate v{Version}: {_keys}, {_out.Count} out, {_revoked.Count} revocation(s) loaded";

    /// <summary>Checks that an actor may record at this gate: <see cref="Permission.GateRecords"/> over its <see cref="Compound"/>.</summary>
    /// <param name="by">The actor.</param>
    /// <returns>Null when permitted, otherwise why not.</returns>
    public NotPermitted? Check(Actor by) => by.Check(Permission.GateRecords, Compound?.Value);

    private void Record(PassContent content, Instant at)
    {
        var exits = _exits.TryGetValue(content.Household, out var list) ? list : _exits[content.Household] = [];
        exits.Add(at);
        _used.Add(content.Serial);
        _out[content.Serial] = (content, at);
        _history.Add((content, at));
        _latest = Max(_latest, at);
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    /// <summary>Decodes and checks the signature; the content is trusted only after this.</summary>
    internal OneOf<PassContent, PassRejected> Read(string? code)
    {
        Span<byte> bytes = stackalloc byte[PassContent.Length + 64];
        if (code is null || !Base32.TryDecode(code, bytes) || PassContent.Read(bytes[..PassContent.Length]) is not { } content)
        {
            return new PassRejected(PassRejection.Malformed, null);
        }

        var ok = _keys.TryVerify(content.Key, bytes[..PassContent.Length], bytes[PassContent.Length..], out var known);
        return !known ? new PassRejected(PassRejection.UnknownKey, null)
            : !ok ? new PassRejected(PassRejection.BadSignature, null)
            : content;
    }
}
