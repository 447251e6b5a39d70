using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.Rostering;

/// <summary>A hard violation amount and a soft penalty, added together part by part.</summary>
/// <remarks><c>default</c> is zero on both.</remarks>
public readonly record struct ScorePart : IComparable<ScorePart>
{
    /// <summary>Creates a part.</summary>
    /// <param name="hard">Hard violation amount; zero or more.</param>
    /// <param name="soft">Soft penalty.</param>
    /// <exception cref="ArgumentException"><paramref name="hard"/> is negative.</exception>
    [JsonConstructor]
    public ScorePart(int hard, long soft)
    {
        Hard = Guard.Against.Negative(hard);
        Soft = soft;
    }

    /// <summary>Hard violation amount.</summary>
    public int Hard { get; }

    /// <summary>Soft penalty.</summary>
    public long Soft { get; }

    /// <summary>Part-wise sum.</summary>
    /// <param name="left">A part.</param>
    /// <param name="right">Another part.</param>
    /// <returns>The sum.</returns>
    public static ScorePart operator +(ScorePart left, ScorePart right) => new(left.Hard + right.Hard, left.Soft + right.Soft);

    /// <summary>Lexicographic: fewer hard violations first, then lower soft penalty.</summary>
    /// <param name="other">The other part.</param>
    /// <returns>Negative when this part is better.</returns>
    public int CompareTo(ScorePart other) => Hard != other.Hard ? Hard.CompareTo(other.Hard) : Soft.CompareTo(other.Soft);

    /// <summary>Lexicographically better.</summary>
    /// <param name="left">A part.</param>
    /// <param name="right">Another part.</param>
    /// <returns>True when <paramref name="left"/> is better.</returns>
    public static bool operator <(ScorePart left, ScorePart right) => left.CompareTo(right) < 0;

    /// <summary>Lexicographically worse.</summary>
    /// <param name="left">A part.</param>
    /// <param name="right">Another part.</param>
    /// <returns>True when <paramref name="left"/> is worse.</returns>
    public static bool operator >(ScorePart left, ScorePart right) => left.CompareTo(right) > 0;

    /// <summary>Lexicographically not worse.</summary>
    /// <param name="left">A part.</param>
    /// <param name="right">Another part.</param>
    /// <returns>True when <paramref name="left"/> is not worse.</returns>
    public static bool operator <=(ScorePart left, ScorePart right) => left.CompareTo(right) <= 0;

    /// <summary>Lexicographically not better.</summary>
    /// <param name="left">A part.</param>
    /// <param name="right">Another part.</param>
    /// <returns>True when <paramref name="left"/> is not better.</returns>
    public static bool operator >=(ScorePart left, ScorePart right) => left.CompareTo(right) >= 0;

    /// <summary>E.g. <c>0hard/607soft</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hard}hard/{Soft}soft");
}
