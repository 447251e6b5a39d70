using BenchmarkDotNet.Attributes;
using CommunityDomain.Supplies.Allocation;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// Max-min allocation of 10 items to a million households, against a named floor: one plain pass over the
/// claims per item that only sums the needs (no allocator can be faster than reading its input).
/// </summary>
[MemoryDiagnoser]
public class MillionHouseholdBenchmarks
{
    private Claim[][] _items = [];
    private long[] _supplies = [];
    private int[] _allocated = [];

    /// <summary>Households (10,000 under the CI switch).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Households { get; set; }

    /// <summary>1,000,000 households (10,000 under the CI switch).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000_000], [10_000]);

    /// <summary>Ten items, each with its own generated claims and 40-85% of the need in stock.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _items = [.. Enumerable.Range(0, 10).Select(i => SupplyFactory.Claims(Households, seed: 100 + i))];
        _supplies = [.. _items.Select((claims, i) => claims.Sum(c => (long)c.Need) * (40 + (5 * i)) / 100)];
        _allocated = new int[Households];
    }

    /// <summary>Baseline floor: one pass per item summing the needs.</summary>
    [Benchmark(Baseline = true)]
    public long ReadClaimsOnly()
    {
        long total = 0;
        foreach (var claims in _items)
        {
            foreach (var c in claims)
            {
                total += c.Need;
            }
        }

        return total;
    }

    /// <summary>Water-filling for all ten items.</summary>
    [Benchmark]
    public int TenItemsWaterFilling()
    {
        for (var i = 0; i < _items.Length; i++)
        {
            SupplyAllocator.AllocateInto(_items[i], _supplies[i], AllocationPolicy.MaxMin, _allocated);
        }

        return _allocated[0];
    }
}
