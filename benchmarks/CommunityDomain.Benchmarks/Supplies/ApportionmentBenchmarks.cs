using BenchmarkDotNet.Attributes;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// Proportional shares at population sizes: claims whose needs are populations of 50,000 to 40,000,000 (a census table
/// has 50 of them; a country's districts thousands), 10 units per claim to share, against the unit-by-unit reference
/// (one unit at a time to the largest need / divisor, Jefferson's divisors; same shares as the library's Jefferson).
/// Adams has its own unit-by-unit row (divisors 0, 1, 2, ...) in the same run.
/// </summary>
/// <remarks>10,000 claims, not 100,000 (until waves11): there one Huntington-Hill operation took seconds, and the short
/// job's three single-operation iterations on the shared machine gave an error larger than the mean (±369 s on 15 s).</remarks>
[MemoryDiagnoser]
public class ApportionmentBenchmarks
{
    private Claim[] _claims = [];
    private int[] _allocated = [];
    private long _supply;

    /// <summary>Claims (50 and 1,000 under the CI switch).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    /// <summary>50 (a census table) and 10,000 claims.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([50, 10_000], [50, 1_000]);

    /// <summary>Generates the populations with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2020);
        _claims = [.. Enumerable.Range(1, Claims).Select(i => new Claim(new Id<CommunityDomain.Communities.Household>(i), random.Next(50_000, 40_000_001)))];
        _allocated = new int[Claims];
        _supply = 10L * Claims;
    }

    /// <summary>Baseline: one unit at a time (O(S log n)).</summary>
    [Benchmark(Baseline = true)]
    public int UnitByUnitJefferson()
    {
        UnitByUnitReference.Apportion(_claims, 0, weightIsNeed: true, delta2: 2, _supply, _allocated);
        return _allocated[0];
    }

    /// <summary>Adams' reference: one unit at a time, divisors 0, 1, 2, ... (every claim's first unit before anyone's second).</summary>
    [Benchmark]
    public int UnitByUnitAdams()
    {
        UnitByUnitReference.Apportion(_claims, 0, weightIsNeed: true, delta2: 0, _supply, _allocated);
        return _allocated[0];
    }

    /// <summary>Adams (divisors 0, 1, 2, ...).</summary>
    [Benchmark]
    public int Adams() => Into(AllocationPolicy.Adams);

    /// <summary>Jefferson / D'Hondt (exact divisor walk).</summary>
    [Benchmark]
    public int Jefferson() => Into(AllocationPolicy.Jefferson);

    /// <summary>Webster / Sainte-Laguë.</summary>
    [Benchmark]
    public int Webster() => Into(AllocationPolicy.Webster);

    /// <summary>Huntington-Hill (the US House method).</summary>
    [Benchmark]
    public int HuntingtonHill() => Into(AllocationPolicy.HuntingtonHill);

    /// <summary>Hamilton / largest remainder.</summary>
    [Benchmark]
    public int Hamilton() => Into(AllocationPolicy.Hamilton);

    /// <summary>Huntington-Hill with a minimum share of 1 per claim (two rounds).</summary>
    [Benchmark]
    public int HuntingtonHillMinimumOne() => SupplyAllocator.AllocateWithMinimum(_claims, _supply, AllocationPolicy.HuntingtonHill, minimumShare: 1).Shares.Count;

    private int Into(AllocationPolicy policy)
    {
        SupplyAllocator.AllocateInto(_claims, _supply, policy, _allocated);
        return _allocated[0];
    }
}
