using NodaTime;

namespace CommunityDomain.Benchmarks.Scale;

/// <summary>What one community's plans came to: enough to compare runs, not the plans themselves.</summary>
/// <param name="Index">The community's position in the city.</param>
/// <param name="TestingFinish">The testing day's expected finish.</param>
/// <param name="Assignments">Roster assignments made.</param>
/// <param name="Hard">Hard violations left in the roster (0 when feasible).</param>
/// <param name="Soft">The roster's soft penalty.</param>
public readonly record struct ScaleOutcome(int Index, Instant TestingFinish, int Assignments, int Hard, long Soft)
{
    /// <summary>An order-independent fingerprint of many outcomes: equal for equal plans, whatever the thread count.</summary>
    public static long Checksum(IEnumerable<ScaleOutcome> outcomes) =>
        outcomes.Aggregate(17L, (sum, o) => unchecked(sum + (((o.Index + 1) * 1_000_003L) ^ (o.TestingFinish.ToUnixTimeTicks() + (o.Assignments * 7919L) + (o.Hard * 104_729L) + (o.Soft * 31L)))));
}
