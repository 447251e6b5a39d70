using System.Globalization;

using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.State;

/// <summary>
/// A must-test list as plain data: what a host stores, and what <see cref="MustTestList.Restore"/> rebuilds the
/// list from.
/// </summary>
/// <remarks>
/// Entries keep the list's order (household then resident); the scope is the compound id values ascending,
/// and may name a compound without entries. Names are stored masked only, as the list holds them. Two states
/// are equal when their lists hold equal items in the same order.
/// </remarks>
public sealed record MustTestListState
{
    /// <summary>When the list was derived (the round's start).</summary>
    public required Instant At { get; init; }

    /// <summary>The id values of the compounds in scope, ascending.</summary>
    public required IReadOnlyList<int> Scope { get; init; }

    /// <summary>Every entry, in the list's order.</summary>
    public required IReadOnlyList<MustTestEntryState> Entries { get; init; }

    /// <inheritdoc />
    public bool Equals(MustTestListState? other) =>
        other is not null && At == other.At && Scope.SequenceEqual(other.Scope) && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(At, Scope.Count, Entries.Count);

    /// <summary>Instant and counts; no names, no reasons.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"MustTestListState at {LocalTimeText.Utc(At)}: {Scope.Count} compounds, {Entries.Count} entries");
}
