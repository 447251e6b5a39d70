using BenchmarkDotNet.Attributes;
using CommunityDomain.Supplies.Allocation;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// Weighted max-min allocation of one item (two tiers, 60% of the need in stock) against the straightforward
/// unit-by-unit reference (a priority queue handing out one unit at a time), which gives identical shares.
/// </summary>
[MemoryDiagnoser]
public class MaxMinAllocationBenchmarks
{
    private Claim[] _claims = [];
    private int[] _allocated = [];
    private long _supply;

    /// <summary>Households (1,000 under the CI switch).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Households { get; set; }

    /// <summary>100,000 households (1,000 under the CI switch).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([100_000], [1_000]);

    /// <summary>Generates the claims with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _claims = SupplyFactory.Claims(Households, seed: 42);
        _allocated = new int[Households];
        _supply = _claims.Sum(c => (long)c.Need) * 6 / 10;
    }

    /// <summary>Baseline: one unit at a time to the poorest claim (O(S log n)), tier by tier.</summary>
    [Benchmark(Baseline = true)]
    public int UnitByUnit()
    {
        var tier0 = _claims.Where(c => c.Tier == 0).Sum(c => (long)c.Need);
        for (var i = 0; i < _claims.Length; i++)
        {
            _allocated[i] = _claims[i].Tier == 0 ? _claims[i].Need : 0;
        }

        UnitByUnitReference.Apportion(_claims, 1, weightIsNeed: false, delta2: 0, _supply - tier0, _allocated);
        return _allocated[0];
    }

    /// <summary>The library's water-filling into a buffer.</summary>
    [Benchmark]
    public int WaterFilling()
    {
        SupplyAllocator.AllocateInto(_claims, _supply, AllocationPolicy.MaxMin, _allocated);
        return _allocated[0];
    }

    /// <summary>The library's water-filling with the explained plan (one <see cref="Share"/> per household).</summary>
    [Benchmark]
    public int WaterFillingExplained() => SupplyAllocator.Allocate(_claims, _supply, AllocationPolicy.MaxMin).Shares.Count;
}
