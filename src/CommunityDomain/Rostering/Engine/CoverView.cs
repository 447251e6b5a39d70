namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// What the one-worker re-optimisation (<see cref="WorkerScheduleDp"/>) reads of a roster: the people on each date-slot
/// and the worker's own row. The live roster (<see cref="RosterEvaluator"/>) is one; a <see cref="CoverSnapshot"/> taken
/// from it is another, so a row can be solved on another thread while the roster moves on.
/// </summary>
internal interface ICoverView
{
    /// <summary>The people on <paramref name="slot"/> of date <paramref name="day"/>.</summary>
    int Count(int day, int slot);

    /// <summary>Worker <paramref name="w"/>'s choice on date <paramref name="day"/> (slot, or -1 off).</summary>
    int Assigned(int w, int day);
}

/// <summary>
/// A copy of a roster's cover counts and one worker's row, taken when a lane's re-optimisation is drawn: the lane solves
/// against it while the search goes on changing the roster (docs/rostering.md, "One search on both cores", par28).
/// </summary>
internal sealed class CoverSnapshot : ICoverView
{
    private readonly CompiledProblem _p;
    private readonly int[] _count;
    private readonly int[] _row;

    public CoverSnapshot(CompiledProblem p)
    {
        _p = p;
        _count = new int[p.Days * p.SlotCount];
        _row = new int[p.Days];
    }

    /// <summary>The worker whose row this snapshot holds.</summary>
    public int Worker { get; private set; } = -1;

    /// <summary>Copies <paramref name="ev"/>'s cover and worker <paramref name="w"/>'s row (O(days x slots), no allocation).</summary>
    public void Take(RosterEvaluator ev, int w)
    {
        ev.CopyCountsTo(_count);
        Array.Copy(ev.Assign, _p.WorkerDay(w, 0), _row, 0, _p.Days);
        Worker = w;
    }

    public int Count(int day, int slot) => _count[_p.DaySlot(day, slot)];

    public int Assigned(int w, int day)
    {
        System.Diagnostics.Debug.Assert(w == Worker, "a cover snapshot holds one worker's row");
        return _row[day];
    }
}
