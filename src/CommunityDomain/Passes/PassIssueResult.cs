using CommunityDomain.Kernel;
using CommunityDomain.Passes.Errors;
using OneOf;

namespace CommunityDomain.Passes;

/// <summary>
/// What a <see cref="PassOffice"/> issue command returns for one request: the signed <see cref="Pass"/>, or why none
/// was issued (nothing changed).
/// </summary>
/// <remarks>
/// One named result for every issue entry point (<see cref="PassOffice.IssueFor(Communities.Community, PassRequest, Actor)"/>,
/// <see cref="PassOffice.Issue"/>, and per request of the batches), hand-written over
/// <see cref="OneOfBase{T0, T1, T2, T3, T4}"/> as <see cref="Supplies.Ledger.StockResult"/> is (OneOf's source generator
/// is not available), so the five cases are spelt once. It behaves as the <c>OneOf</c> it wraps: <c>IsT0</c>/<c>AsT0</c>,
/// <c>Match</c>, <c>Switch</c>, <c>TryPickT0</c>, <c>Value</c>; each case converts to it implicitly. Cases:
/// <see cref="Pass"/>; <see cref="HouseholdSealed"/> (a sealed household never gets a pass); <see cref="QuotaUsed"/> (the
/// household's passes in the policy's period are used); <see cref="NegativeTestRequired"/> (no negative test inside the
/// policy's window); <see cref="NotPermitted"/> (the actor's role or area does not allow it).
/// </remarks>
public sealed class PassIssueResult : OneOfBase<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted>
{
    private PassIssueResult(OneOf<Pass, HouseholdSealed, QuotaUsed, NegativeTestRequired, NotPermitted> input)
        : base(input)
    {
    }

    /// <summary>True when a pass was issued.</summary>
    public bool Succeeded => IsT0;

    /// <summary>The error when no pass was issued, else null.</summary>
    public DomainError? Error => Value as DomainError;

    /// <summary>Wraps an issued pass.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassIssueResult(Pass value) => new(value);

    /// <summary>Wraps a refusal for a sealed household.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassIssueResult(HouseholdSealed value) => new(value);

    /// <summary>Wraps a refusal for a used quota.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassIssueResult(QuotaUsed value) => new(value);

    /// <summary>Wraps a refusal for a missing negative test.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassIssueResult(NegativeTestRequired value) => new(value);

    /// <summary>Wraps a refusal by role or area.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PassIssueResult(NotPermitted value) => new(value);

    /// <summary>The case, culture-free: <c>issued</c> or the error's <see cref="DomainError.Code"/> (never the pass code).</summary>
    public override string ToString() => Value is DomainError error ? error.Code : "issued";
}
