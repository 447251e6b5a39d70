using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// One line of <c>SECTION_SHIFTS</c>: a shift type with its length and the shift types that must not be
/// worked on the day after it.
/// </summary>
/// <remarks>Shift types are referred to by their index in <see cref="CurtoisInstance.Shifts"/>.</remarks>
public sealed class CurtoisShift
{
    /// <summary>Creates a shift type.</summary>
    /// <param name="id">The shift id of the file (<c>D</c>, <c>a1</c> ...); not blank.</param>
    /// <param name="lengthMinutes">The shift length in minutes; positive.</param>
    /// <param name="cannotFollow">Indexes of the shift types forbidden on the next day; no duplicates.</param>
    /// <exception cref="ArgumentException">An argument breaks the rules above.</exception>
    public CurtoisShift(string id, int lengthMinutes, IEnumerable<int> cannotFollow)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        LengthMinutes = Guard.Against.NegativeOrZero(lengthMinutes);
        Guard.Against.Null(cannotFollow);
        var list = cannotFollow.ToArray();
        if (list.Any(i => i < 0) || list.Distinct().Count() != list.Length)
        {
            throw new ArgumentException("Cannot-follow indexes must be non-negative and distinct.", nameof(cannotFollow));
        }

        CannotFollow = Array.AsReadOnly(list);
    }

    /// <summary>The shift id as written in the file.</summary>
    public string Id { get; }

    /// <summary>The length in minutes.</summary>
    public int LengthMinutes { get; }

    /// <summary>Indexes of the shift types that must not be assigned on the day after this one.</summary>
    public IReadOnlyList<int> CannotFollow { get; }

    /// <summary>Returns the id, e.g. <c>D</c>.</summary>
    public override string ToString() => Id;
}
