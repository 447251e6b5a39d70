using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.State;

/// <summary>
/// Helpers for restoring stored testing state: every rejection is an <see cref="ArgumentException"/> whose
/// parameter name is the path of the member at fault (<c>state.Rounds[1].Tubes[3].Members[0]</c>).
/// </summary>
/// <remarks>Messages name ids and rules only, never a masked name or an exemption reason.</remarks>
internal static class StoredPath
{
    internal static ArgumentException Fail(string path, string rule) => new($"The stored testing state is inconsistent at {path}: {rule}", path);

    /// <summary>Runs a domain constructor or guard for the member at <paramref name="path"/>, naming that member if it throws.</summary>
    internal static T At<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex) when (ex.ParamName is null || !ex.ParamName.StartsWith(path, StringComparison.Ordinal))
        {
            throw StoredStateError.IsOwn(ex)
                ? new ArgumentException($"The stored testing state is inconsistent at {path}: {ex.Message}", path, ex)
                : new ArgumentException($"The stored testing state is inconsistent at {path}: {StoredStateError.SafeMessage(ex)}", path);
        }
    }

    /// <summary>A list that is present and holds no null item.</summary>
    internal static IReadOnlyList<T> List<T>(IReadOnlyList<T>? list, string path)
    {
        if (list is null)
        {
            throw Fail(path, "the list is missing.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw Fail($"{path}[{i}]", "the item is null.");
            }
        }

        return list;
    }

    /// <summary>A text that is present, not blank and trimmed (as the commands store it).</summary>
    internal static string Text(string? value, string path) =>
        TextGuard.IsBlank(value) || value.Trim() != value ? throw Fail(path, "the text is missing, blank or not trimmed.") : value;

    /// <summary>A positive id value.</summary>
    internal static int Positive(int value, string path) => value >= 1 ? value : throw Fail(path, "an id is positive.");
}
