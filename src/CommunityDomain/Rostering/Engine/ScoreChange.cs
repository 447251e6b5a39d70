namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// The change of a score by a move: hard amount and soft penalty, each of either sign, ordered hard first (a move that
/// removes one hard violation beats any soft gain). <see cref="ScorePart"/> holds scores, never negative in hard.
/// </summary>
internal readonly record struct ScoreChange(int Hard, long Soft) : IComparable<ScoreChange>
{
    /// <summary>Larger than any change a move can make: the starting point of a search for the smallest.</summary>
    public static ScoreChange Worst => new(int.MaxValue, long.MaxValue);

    /// <summary>True when the move makes the score strictly better (hard first, then soft).</summary>
    public bool Improves => Hard < 0 || (Hard == 0 && Soft < 0);

    public static bool operator <(ScoreChange left, ScoreChange right) => left.CompareTo(right) < 0;

    public static bool operator >(ScoreChange left, ScoreChange right) => left.CompareTo(right) > 0;

    public static bool operator <=(ScoreChange left, ScoreChange right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ScoreChange left, ScoreChange right) => left.CompareTo(right) >= 0;

    public int CompareTo(ScoreChange other) => Hard != other.Hard ? Hard.CompareTo(other.Hard) : Soft.CompareTo(other.Soft);
}
