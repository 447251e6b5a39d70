namespace CommunityDomain.Kernel;

/// <summary>
/// The one way restoring code reports an inconsistent stored state: an <see cref="ArgumentException"/>
/// whose message never carries personal data.
/// </summary>
/// <remarks>
/// Messages written by this library (and by its guard clauses) name ids, paths and rules only, so they are
/// passed on. A message raised inside the framework is never passed on, nor kept as the inner exception: a
/// dictionary's duplicate-key message quotes the raw key ("Key: 1:3702031987..."), which for the document
/// index is a full ID number. Such a failure is described by its kind alone.
/// </remarks>
internal static class StoredStateError
{
    private static readonly string? Library = typeof(StoredStateError).Assembly.GetName().Name;
    private static readonly string? Guards = typeof(Guard).Assembly.GetName().Name;

    /// <summary>An exception for a failure while restoring <paramref name="what"/>.</summary>
    /// <param name="what">What was being restored, e.g. "community".</param>
    /// <param name="failure">The exception raised while restoring.</param>
    /// <param name="paramName">The parameter to name.</param>
    /// <returns>The exception to throw.</returns>
    internal static ArgumentException Inconsistent(string what, Exception failure, string paramName) =>
        IsOwn(failure)
            ? new ArgumentException($"The stored {what} state is inconsistent: {failure.Message}", paramName, failure)
            : new ArgumentException($"The stored {what} state is inconsistent: {Describe(failure)}", paramName);

    /// <summary>The message of <paramref name="failure"/> when this library wrote it, else a description of its kind.</summary>
    /// <param name="failure">The exception.</param>
    /// <returns>A message free of raw values.</returns>
    internal static string SafeMessage(Exception failure) => IsOwn(failure) ? failure.Message : Describe(failure);

    /// <summary>True when the exception was thrown by this library or its guards (whose messages we control).</summary>
    internal static bool IsOwn(Exception failure)
    {
        // Source is the thrower's assembly name (null when trimming removed the metadata: then the failure is
        // described by kind, the safe side).
        var source = failure.Source;
        return source is not null && (source == Library || source == Guards)
            && (failure.InnerException is null || IsOwn(failure.InnerException));
    }

    private static string Describe(Exception failure) => failure switch
    {
        KeyNotFoundException => "a stored reference names something that does not exist.",
        ArgumentOutOfRangeException => "a stored value is out of range.",
        ArgumentException => "a stored key is used twice or a stored value is not valid.",
        OverflowException => "a stored number is out of range.",
        _ => "the stored items contradict each other.",
    };
}
