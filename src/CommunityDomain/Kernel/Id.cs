using System.Globalization;

namespace CommunityDomain.Kernel;

/// <summary>
/// A strongly typed identifier of an entity of type <typeparamref name="TEntity"/>: an
/// <c>Id&lt;Compound&gt;</c> cannot be passed where an <c>Id&lt;Household&gt;</c> is expected.
/// </summary>
/// <typeparam name="TEntity">The kind of entity the id names; used only as a compile-time tag.</typeparam>
/// <remarks>
/// Ids are positive integers assigned by the aggregate that owns the entity, in creation order, so the
/// same commands always produce the same ids. <c>default(Id&lt;T&gt;)</c> has value 0 and names no
/// entity: every public boundary rejects it.
/// </remarks>
public readonly record struct Id<TEntity> : IComparable<Id<TEntity>>
{
    /// <summary>Creates an id from its positive integer value.</summary>
    /// <param name="value">The id's value; must be positive.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is zero or negative.</exception>
    public Id(int value) => Value = Guard.Against.NegativeOrZero(value);

    /// <summary>The id's positive integer value (0 only for <c>default</c>).</summary>
    public int Value { get; }

    /// <summary>True for <c>default(Id&lt;T&gt;)</c>, which names no entity.</summary>
    public bool IsDefault => Value == 0;

    /// <inheritdoc />
    public int CompareTo(Id<TEntity> other) => Value.CompareTo(other.Value);

    /// <summary>Orders ids by value.</summary>
    public static bool operator <(Id<TEntity> left, Id<TEntity> right) => left.Value < right.Value;

    /// <summary>Orders ids by value.</summary>
    public static bool operator >(Id<TEntity> left, Id<TEntity> right) => left.Value > right.Value;

    /// <summary>Orders ids by value.</summary>
    public static bool operator <=(Id<TEntity> left, Id<TEntity> right) => left.Value <= right.Value;

    /// <summary>Orders ids by value.</summary>
    public static bool operator >=(Id<TEntity> left, Id<TEntity> right) => left.Value >= right.Value;

    /// <summary>The entity type's name and the value, e.g. <c>Household#42</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{typeof(TEntity).Name}#{Value}");
}
