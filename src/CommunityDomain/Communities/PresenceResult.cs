using CommunityDomain.Communities.Errors;
using CommunityDomain.Kernel;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.Communities;

/// <summary>
/// What a <see cref="Community"/> presence command returns: <see cref="Success"/> (done, or already so), or why nothing
/// changed.
/// </summary>
/// <remarks>
/// One named result for the three commands that change where a resident is (<see cref="Community.MarkAway"/>,
/// <see cref="Community.MarkPresent"/>, <see cref="Community.MoveOut"/>), hand-written over
/// <see cref="OneOfBase{T0, T1, T2, T3, T4}"/> as <see cref="Supplies.Ledger.StockResult"/> is. It behaves as the
/// <c>OneOf</c> it wraps (<c>IsT0</c>/<c>AsT0</c>, <c>Match</c>, <c>Switch</c>, <c>TryPickT0</c>, <c>Value</c>); each case
/// converts to it implicitly. Cases: <see cref="Success"/>; <see cref="NotFound{TEntity}"/> of <see cref="Resident"/> (no
/// such resident); <see cref="AlreadyMovedOut"/> (they left the community); <see cref="ChangeOutOfOrder"/> (the time is
/// before their last recorded change); <see cref="NotPermitted"/> (the actor's role or area does not allow it).
/// </remarks>
public sealed class PresenceResult : OneOfBase<Success, NotFound<Resident>, AlreadyMovedOut, ChangeOutOfOrder, NotPermitted>
{
    private PresenceResult(OneOf<Success, NotFound<Resident>, AlreadyMovedOut, ChangeOutOfOrder, NotPermitted> input)
        : base(input)
    {
    }

    /// <summary>True when the resident's presence is now the one asked for.</summary>
    public bool Succeeded => IsT0;

    /// <summary>The error when nothing changed, else null.</summary>
    public DomainError? Error => Value as DomainError;

    /// <summary>Wraps a success.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PresenceResult(Success value) => new(value);

    /// <summary>Wraps an unknown resident.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PresenceResult(NotFound<Resident> value) => new(value);

    /// <summary>Wraps a resident who already moved out.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PresenceResult(AlreadyMovedOut value) => new(value);

    /// <summary>Wraps a change dated before the resident's last one.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PresenceResult(ChangeOutOfOrder value) => new(value);

    /// <summary>Wraps a refusal by role or area.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PresenceResult(NotPermitted value) => new(value);

    /// <summary>The case, culture-free: <c>success</c> or the error's <see cref="DomainError.Code"/>.</summary>
    public override string ToString() => Value is DomainError error ? error.Code : "success";
}
