namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// Late acceptance, hard before soft: a candidate is kept when it is no worse than the current roster, or
/// when it adds no hard violation and is no worse than the roster of the history's length in iterations ago
/// (<see cref="SearchTuning.HistoryLength"/>; a guided walk's is shorter: <see cref="SearchEngine.GuidedHistoryLength"/>).
/// Scores compare lexicographically (<see cref="ScorePart.CompareTo"/>), so no soft gain, however large, ever pays for a
/// hard violation.
/// </summary>
internal sealed class LateAcceptance
{
    private readonly ScorePart[] _history;

    /// <summary>Creates the list, every entry <paramref name="start"/>.</summary>
    /// <param name="length">History length (positive).</param>
    /// <param name="start">The score the walk starts from.</param>
    public LateAcceptance(int length, ScorePart start)
    {
        _history = new ScorePart[length];
        Restart(start);
    }

    /// <summary>Forgets the history: every entry becomes <paramref name="score"/> (after a kick).</summary>
    /// <param name="score">The score the walk restarts from.</param>
    public void Restart(ScorePart score) => Array.Fill(_history, score);

    /// <summary>Whether to keep <paramref name="candidate"/> in iteration <paramref name="iteration"/>.</summary>
    /// <param name="iteration">The iteration number (picks the history entry).</param>
    /// <param name="current">The score before the move.</param>
    /// <param name="candidate">The score after it.</param>
    /// <returns>True to keep the move.</returns>
    public bool Accepts(long iteration, ScorePart current, ScorePart candidate) =>
        candidate <= current || (candidate.Hard <= current.Hard && candidate <= _history[Slot(iteration)]);

    /// <summary>Records the score the walk stands on after iteration <paramref name="iteration"/>.</summary>
    /// <param name="iteration">The iteration number.</param>
    /// <param name="now">The score kept.</param>
    public void Record(long iteration, ScorePart now)
    {
        var slot = Slot(iteration);
        if (now < _history[slot])
        {
            _history[slot] = now;
        }
    }

    private int Slot(long iteration) => (int)(iteration % _history.Length);
}
