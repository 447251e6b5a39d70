namespace CommunityDomain.Rostering.Engine;

/// <summary>What one worker's exact path needs while it is solved: the path solver and its scratch (one set per thread).</summary>
internal sealed class BoundLane(CompiledProblem p)
{
    /// <summary>The one-worker shortest path.</summary>
    public BoundPath Solver { get; } = new(p);

    /// <summary>Scratch: per day * ShiftCount + type, the cheapest priced slot's cost.</summary>
    public double[] SlotCost { get; } = new double[p.Days * p.ShiftCount];

    /// <summary>Scratch: per day * ShiftCount + type, the cheapest priced slot (-1: none).</summary>
    public int[] SlotOf { get; } = new int[p.Days * p.ShiftCount];

    /// <summary>Scratch: per day, the path's shift type (-1: off).</summary>
    public int[] Path { get; } = new int[p.Days];
}
