using System.Runtime.CompilerServices;

namespace CommunityDomain.Kernel;

/// <summary>Guard clauses for lists whose items are objects, in the Ardalis.GuardClauses style.</summary>
internal static class ListGuard
{
    /// <summary>Throws when <paramref name="list"/> is null or holds a null item (a planner would otherwise meet it as a NullReferenceException).</summary>
    /// <returns><paramref name="list"/>, for assign-and-return style.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is null.</exception>
    /// <exception cref="ArgumentException">An item is null; the message gives its index.</exception>
    public static IReadOnlyList<T> NullItems<T>(
        this IGuardClause guardClause,
        IReadOnlyList<T> list,
        [CallerArgumentExpression(nameof(list))] string? parameterName = null)
        where T : class
    {
        Guard.Against.Null(guardClause);
        Guard.Against.Null(list, parameterName);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException($"Item {i} of {parameterName} is null.", parameterName);
            }
        }

        return list;
    }
}
