using CommunityDomain.Kernel;
using CommunityDomain.Passes.Errors;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.Passes;

/// <summary>
/// What a <see cref="PassOffice"/> revoke command returns: <see cref="Success"/>, or why nothing changed.
/// </summary>
/// <remarks>
/// One named result for both revoke entry points (<see cref="PassOffice.RevokeFor(Communities.Community, PassSerial, string, Actor)"/>
/// and <see cref="PassOffice.Revoke"/>), hand-written over <see cref="OneOfBase{T0, T1, T2}"/> as
/// <see cref="Supplies.Ledger.StockResult"/> is. It behaves as the <c>OneOf</c> it wraps (<c>IsT0</c>/<c>AsT0</c>,
/// <c>Match</c>, <c>Switch</c>, <c>Value</c>); each case converts to it implicitly. Cases: <see cref="Success"/>;
/// <see cref="UnknownPass"/> (never issued, or already revoked); <see cref="NotPermitted"/> (the actor's role or area
/// does not allow it).
/// </remarks>
public sealed class PassRevokeResult : OneOfBase<Success, UnknownPass, NotPermitted>
{
    private PassRevokeResult(OneOf<Success, UnknownPass, NotPermitted> input)
        : base(input)
    {
    }

    /// <summary>True when the pass was revoked.</summary>
    public bool Succeeded => IsT0;

    /// <summary>The error when nothing changed, else null.</summary>
    public DomainError? Error => Value as DomainError;

    /// <summary>Wraps a success.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassRevokeResult(Success value) => new(value);

    /// <summary>Wraps an unknown or already revoked pass.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassRevokeResult(UnknownPass value) => new(value);

    /// <summary>Wraps a refusal by role or area.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassRevokeResult(NotPermitted value) => new(value);

    /// <summary>The case, culture-free: <c>success</c> or the error's <see cref="DomainError.Code"/>.</summary>
    public override string ToString() => Value is DomainError error ? error.Code : "success";
}
