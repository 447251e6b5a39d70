namespace CommunityDomain.Benchmarks;

/// <summary>
/// Picks the sizes a benchmark runs: the full published sizes by default, small ones when the
/// environment variable <c>COMMUNITYDOMAIN_BENCH_SMALL=1</c> is set (the CI dry job sets it, because a
/// dry job still runs every size's setup).
/// </summary>
public static class BenchmarkSizes
{
    /// <summary>True when CI asked for small sizes.</summary>
    public static bool Small => Environment.GetEnvironmentVariable("COMMUNITYDOMAIN_BENCH_SMALL") == "1";

    /// <summary>Returns <paramref name="small"/> under the CI switch, else <paramref name="full"/>.</summary>
    public static IEnumerable<int> Pick(int[] full, int[] small) => Small ? small : full;
}
