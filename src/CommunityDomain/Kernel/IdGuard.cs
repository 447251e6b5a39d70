using System.Runtime.CompilerServices;

namespace CommunityDomain.Kernel;

/// <summary>Guard clauses for the library's own types, in the Ardalis.GuardClauses style.</summary>
public static class IdGuard
{
    /// <summary>Throws when <paramref name="id"/> is <c>default</c>, which names no entity.</summary>
    /// <typeparam name="TEntity">The entity type the id names.</typeparam>
    /// <param name="guardClause">The guard clause entry point.</param>
    /// <param name="id">The id to check.</param>
    /// <param name="parameterName">Filled in by the compiler with the argument expression.</param>
    /// <returns><paramref name="id"/>, for assign-and-return style.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    public static Id<TEntity> DefaultId<TEntity>(
        this IGuardClause guardClause,
        Id<TEntity> id,
        [CallerArgumentExpression(nameof(id))] string? parameterName = null)
    {
        Guard.Against.Null(guardClause);
        if (id.IsDefault)
        {
            throw new ArgumentException(
                $"The {typeof(TEntity).Name} id is default and names no entity.", parameterName);
        }

        return id;
    }
}
