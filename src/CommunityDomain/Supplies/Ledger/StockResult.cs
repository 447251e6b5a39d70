using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Errors;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.Supplies.Ledger;

/// <summary>
/// What a <see cref="StockLedger"/> command returns: <see cref="Success"/> (done, or a replay of a command already
/// done), or why nothing changed.
/// </summary>
/// <remarks>
/// One named result for the whole family of stock commands, hand-written over <see cref="OneOfBase{T0, T1, T2, T3, T4, T5}"/>
/// (OneOf's source generator is not available), so the six cases are spelt once instead of at every command. It
/// behaves as the <c>OneOf</c> it wraps: <c>IsT0</c>/<c>AsT0</c>, <c>Match</c>, <c>Switch</c>, <c>TryPickT0</c>,
/// <c>Value</c>; each case converts to it implicitly. Cases: <see cref="Success"/>; <see cref="ConflictingReplay"/> (the id
/// was used with another payload); <see cref="ShortOfStock"/> (not enough units available); <see cref="UnknownCommand"/>
/// (a referenced allocation, delivery or receipt does not exist); <see cref="ExceedsOutstanding"/> (more than the
/// allocation, delivery or lot still holds); <see cref="NotPermitted"/> (the actor's role or area does not allow it).
/// </remarks>
public sealed class StockResult : OneOfBase<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding, NotPermitted>
{
    private StockResult(OneOf<Success, ConflictingReplay, ShortOfStock, UnknownCommand, ExceedsOutstanding, NotPermitted> input)
        : base(input)
    {
    }

    /// <summary>True when the command was done (or was a replay of one already done).</summary>
    public bool Succeeded => IsT0;

    /// <summary>The error when the command changed nothing, else null.</summary>
    public DomainError? Error => Value as DomainError;

    /// <summary>Wraps a success.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator StockResult(Success value) => new(value);

    /// <summary>Wraps a conflicting replay.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator StockResult(ConflictingReplay value) => new(value);

    /// <summary>Wraps a shortage.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator StockResult(ShortOfStock value) => new(value);

    /// <summary>Wraps an unknown reference.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator StockResult(UnknownCommand value) => new(value);

    /// <summary>Wraps a quantity above what is outstanding.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator StockResult(ExceedsOutstanding value) => new(value);

    /// <summary>Wraps a refusal by role or area.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator StockResult(NotPermitted value) => new(value);

    /// <summary>The case, culture-free: <c>success</c> or the error's <see cref="DomainError.Code"/>.</summary>
    public override string ToString() => Value is DomainError error ? error.Code : "success";
}
