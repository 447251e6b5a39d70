namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// Guided local search on cover (Voudouris &amp; Tsang 1999; the breakout method, Morris 1993), for the cover-first walk:
/// after a plateau every date-slot still under its required people weighs more (its under-cover weight raised by
/// <see cref="SearchTuning.HolePenaltyPercent"/> of its own), so the walk, which accepts on this augmented score, moves
/// the holes it keeps meeting and reaches rosters a plain walk on a plateau of equal scores finds by chance
/// (docs/rostering.md, "Holes that weigh more", session 47). The walk's best is judged on the true score
/// (<see cref="TrueScore"/>). The weights live in the search's own copy of the problem: other searches never see them.
/// </summary>
internal sealed class HolePenalties
{
    private readonly CompiledProblem _p;
    private readonly int[] _baseUnder;
    private readonly int[] _added;
    private readonly List<int> _raised = [];

    /// <summary>
    /// Penalties over <paramref name="own"/>, whose <see cref="CompiledProblem.Under"/> array this object owns and raises,
    /// after plateaus of <paramref name="period"/> moves.
    /// </summary>
    public HolePenalties(CompiledProblem own, long period)
    {
        _p = own;
        Period = period;
        _baseUnder = (int[])own.Under.Clone();
        _added = new int[own.Under.Length];
    }

    /// <summary>Moves without a record of the raised score before the next raise (<see cref="SearchTuning.HolePenaltyPeriod"/>).</summary>
    public long Period { get; }

    /// <summary>The under-cover weights before any penalty (for a fork's own copy).</summary>
    public int[] BaseUnder => _baseUnder;

    /// <summary>Plateaus at which <see cref="Raise"/> was called so far (tests).</summary>
    public long Raises { get; private set; }

    /// <summary>
    /// Raises the weight of every date-slot under its required people on <paramref name="ev"/>'s roster and rescores it;
    /// false (nothing changed) when no date-slot is short or every short one's weight is already int.MaxValue.
    /// </summary>
    public bool Raise(RosterEvaluator ev)
    {
        var any = false;
        for (var ds = 0; ds < _added.Length; ds++)
        {
            // In long and saturating: a user's weight may be near int.MaxValue (arithmetic is checked).
            var add = Missing(ev, ds) > 0
                ? (int)Math.Min((long)int.MaxValue - _p.Under[ds], Math.Max(1L, (long)_baseUnder[ds] * SearchTuning.HolePenaltyPercent / 100))
                : 0;
            if (add > 0)
            {
                if (_added[ds] == 0)
                {
                    _raised.Add(ds);
                }

                _added[ds] += add;
                _p.Under[ds] += add;
                any = true;
            }
        }

        Raises++;
        if (any)
        {
            ev.Recompute();
        }

        return any;
    }

    /// <summary>The score of <paramref name="ev"/>'s roster without the penalties: the problem's own (O(date-slots ever raised)).</summary>
    public ScorePart TrueScore(RosterEvaluator ev)
    {
        long extra = 0;
        foreach (var ds in _raised)
        {
            extra += (long)_added[ds] * Missing(ev, ds);
        }

        return new ScorePart(ev.Hard, ev.Soft - extra);
    }

    private int Missing(RosterEvaluator ev, int ds) =>
        _p.Required[ds] <= 0 ? 0 : Math.Max(0, _p.Required[ds] - ev.Count(ds / _p.SlotCount, ds % _p.SlotCount));
}
