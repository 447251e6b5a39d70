using BenchmarkDotNet.Attributes;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using NodaTime;

namespace CommunityDomain.Benchmarks.Communities;

/// <summary>
/// The effective-control-level query over every household of a community, against a brute-force
/// baseline that scans every order and tests whether its scope contains the household.
/// </summary>
[MemoryDiagnoser]
public class EffectiveLevelBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2022, 8, 17, 21, 0);
    private Community _community = null!;
    private Household[] _households = [];
    private ControlOrder[] _orders = [];
    private Instant _at;

    /// <summary>Households in the community.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Households { get; set; }

    /// <summary>100,000 households (1,000 under the CI switch).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([100_000], [1_000]);

    /// <summary>Builds a community of 20 compounds with ~1% of its buildings, units and households under their own orders.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _community = CommunityFactory.Generate(Households, compounds: 20, seed: 7, Start);
        _households = [.. _community.Households];
        _orders = [.. _community.ControlOrders];
        _at = Start.Plus(Duration.FromDays(3));
    }

    /// <summary>Brute force: for each household, scan every order.</summary>
    [Benchmark(Baseline = true)]
    public int BruteForceScan()
    {
        var sealedCount = 0;
        foreach (var household in _households)
        {
            var level = ControlLevel.None;
            foreach (var order in _orders)
            {
                if (order.Level > level && order.IsInForceAt(_at) && Covers(order.Scope, household))
                {
                    level = order.Level;
                }
            }

            sealedCount += level == ControlLevel.Sealed ? 1 : 0;
        }

        return sealedCount;
    }

    /// <summary>The library's indexed query, for each household.</summary>
    [Benchmark]
    public int IndexedQuery()
    {
        var sealedCount = 0;
        foreach (var household in _households)
        {
            sealedCount += _community.EffectiveLevel(household.Id, _at) == ControlLevel.Sealed ? 1 : 0;
        }

        return sealedCount;
    }

    /// <summary>The library's list of sealed households (expands only the sealed orders in force).</summary>
    [Benchmark]
    public int SealedHouseholdsList() => _community.SealedHouseholds(_at).Count;

    private static bool Covers(ControlScope scope, Household household) => scope.Kind switch
    {
        ControlScopeKind.Community => true,
        ControlScopeKind.Compound => scope.TargetId == household.CompoundId.Value,
        ControlScopeKind.Building => scope.TargetId == household.BuildingId.Value,
        ControlScopeKind.Unit => scope.TargetId == household.UnitId.Value,
        _ => scope.TargetId == household.Id.Value,
    };
}
