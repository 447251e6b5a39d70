using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Errors;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.MassTesting;

/// <summary>
/// What a <see cref="TestingRound"/> command that excuses a listed resident from sampling returns: <see cref="Success"/>
/// (done, or already so), or why nothing changed.
/// </summary>
/// <remarks>
/// One named result for <see cref="TestingRound.MarkAway"/> and <see cref="TestingRound.Exempt"/>, hand-written over
/// <see cref="OneOfBase{T0, T1, T2, T3}"/> as <see cref="Supplies.Ledger.StockResult"/> is. It behaves as the <c>OneOf</c>
/// it wraps (<c>IsT0</c>/<c>AsT0</c>, <c>Match</c>, <c>Switch</c>, <c>TryPickT0</c>, <c>Value</c>); each case converts to
/// it implicitly. Cases: <see cref="Success"/>; <see cref="NotOnList"/> (the resident is not on the round's must-test
/// list); <see cref="AlreadySampled"/> (their sample is taken); <see cref="NotPermitted"/> (the actor's role or area does
/// not allow it).
/// </remarks>
public sealed class ExcuseResult : OneOfBase<Success, NotOnList, AlreadySampled, NotPermitted>
{
    private ExcuseResult(OneOf<Success, NotOnList, AlreadySampled, NotPermitted> input)
        : base(input)
    {
    }

    /// <summary>True when the resident is now excused as asked.</summary>
    public bool Succeeded => IsT0;

    /// <summary>The error when nothing changed, else null.</summary>
    public DomainError? Error => Value as DomainError;

    /// <summary>Wraps a success.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator ExcuseResult(Success value) => new(value);

    /// <summary>Wraps a resident who is not on the list.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator ExcuseResult(NotOnList value) => new(value);

    /// <summary>Wraps a resident already sampled.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator ExcuseResult(AlreadySampled value) => new(value);

    /// <summary>Wraps a refusal by role or area.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator ExcuseResult(NotPermitted value) => new(value);

    /// <summary>The case, culture-free: <c>success</c> or the error's <see cref="DomainError.Code"/>.</summary>
    public override string ToString() => Value is DomainError error ? error.Code : "success";
}
