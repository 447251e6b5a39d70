using CommunityDomain.Kernel;
using CommunityDomain.Passes.Errors;
using OneOf;

namespace CommunityDomain.Passes;

/// <summary>
/// What a <see cref="PassGate"/> answers to a scanned code: the pass's <see cref="PassContent"/>, or why it is refused.
/// </summary>
/// <remarks>
/// One named result for <see cref="PassGate.Verify"/> and the device's own <see cref="PassGate.Exit(string?, Instant)"/>,
/// hand-written over <see cref="OneOfBase{T0, T1}"/> as <see cref="Supplies.Ledger.StockResult"/> is. It behaves as the
/// <c>OneOf</c> it wraps (<c>IsT0</c>/<c>AsT0</c>, <c>Match</c>, <c>Switch</c>, <c>TryPickT0</c>, <c>Value</c>); each case
/// converts to it implicitly. Cases: <see cref="PassContent"/> (a valid pass); <see cref="PassRejected"/> (malformed,
/// forged, unknown key, revoked, not yet valid or expired). An exit by a named actor can also be refused by role or area,
/// so <see cref="PassGate.Exit(string?, Instant, Actor)"/> keeps its own three cases.
/// </remarks>
public sealed class PassScanResult : OneOfBase<PassContent, PassRejected>
{
    private PassScanResult(OneOf<PassContent, PassRejected> input)
        : base(input)
    {
    }

    /// <summary>True when the pass is valid (and, for an exit, the exit was recorded).</summary>
    public bool Succeeded => IsT0;

    /// <summary>The refusal, else null.</summary>
    public DomainError? Error => Value as DomainError;

    /// <summary>Wraps a valid pass's content.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassScanResult(PassContent value) => new(value);

    /// <summary>Wraps a refusal.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassScanResult(PassRejected value) => new(value);

    /// <summary>The case, culture-free: <c>valid</c> or the refusal's <see cref="DomainError.Code"/>, never a pass code or serial.</summary>
    public override string ToString() => Value is DomainError error ? error.Code : "valid";
}
