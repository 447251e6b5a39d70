namespace CommunityDomain.Rostering.Engine;

/// <summary>Receives score lines while a roster is scored; the hot path uses <see cref="NullSink"/>, which the JIT removes.</summary>
internal interface IScoreSink
{
    bool Enabled { get; }

    /// <summary>Adds a line; <paramref name="worker"/>, <paramref name="day"/> and <paramref name="slot"/> are -1 when not concerned.</summary>
    void Add(RuleKind rule, int worker, int day, int slot, int hard, long soft);

    /// <summary>Adds a worker's line about one shift type (<see cref="RuleKind.MaxShiftsOfCode"/>), which no slot names.</summary>
    void AddOfShift(RuleKind rule, int worker, int shift, int hard);
}

/// <summary>A sink that keeps nothing.</summary>
internal readonly struct NullSink : IScoreSink
{
    public bool Enabled => false;

    public void Add(RuleKind rule, int worker, int day, int slot, int hard, long soft)
    {
    }

    public void AddOfShift(RuleKind rule, int worker, int shift, int hard)
    {
    }
}
