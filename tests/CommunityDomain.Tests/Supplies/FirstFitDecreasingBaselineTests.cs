using CommunityDomain.Benchmarks.Supplies;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Supplies;

/// <summary>
/// The benchmarks' fast first-fit decreasing (<see cref="FirstFitDecreasing"/>, the named baseline of
/// <see cref="DeliveryFirstFitBenchmarks"/>) opens exactly as many runs as the plain quadratic one written in the tests
/// (<see cref="RunPlannerBaselineProperties.FirstFitDecreasing"/>), so the benchmark measures the baseline the
/// "never more runs" property checks against.
/// </summary>
public sealed class FirstFitDecreasingBaselineTests
{
    [Property(Arbitrary = [typeof(DeliveryInputArbitraries)], MaxTest = 450)]
    public void The_fast_first_fit_opens_as_many_runs_as_the_plain_one(DeliveryInput c) =>
        Assert.Equal(RunPlannerBaselineProperties.FirstFitDecreasing(c.Parcels, c.Sites, c.Options), FirstFitDecreasing.CountRuns(c.Parcels, c.Sites, c.Options));

    [Theory]
    [InlineData(1_500, 1)]
    [InlineData(2_500, 2)]
    [InlineData(2_000, 15)]
    public void The_fast_first_fit_opens_as_many_runs_as_the_plain_one_on_the_benchmark_compounds(int parcels, int seed)
    {
        var (items, sites) = SupplyFactory.WindowedCompounds(parcels, seed);
        var options = DeliveryFirstFitBenchmarks.Options;

        var plain = RunPlannerBaselineProperties.FirstFitDecreasing(items, sites, options);

        Assert.Equal(plain, FirstFitDecreasing.CountRuns(items, sites, options));
        Assert.Contains(items, p => p.Window is not null);
        Assert.True(plain >= DeliveryFirstFitBenchmarks.LowerBound(items), $"{plain} runs below the bound");
    }

    [Fact]
    public void CountRuns_two_buildings_40_m_apart_one_run_and_100_m_apart_two()
    {
        // Issue 15's smallest case, and the same parcels beyond the 60 m neighbour distance.
        Parcel[] parcels = [new(new Id<Household>(1), new Id<Building>(1), "1-101", "张*", "rice", 1000), new(new Id<Household>(2), new Id<Building>(2), "1-101", "李*", "rice", 1000)];
        var options = new RunOptions(10_000, Duration.FromMinutes(60));

        Assert.Equal(1, FirstFitDecreasing.CountRuns(parcels, [new(new Id<Building>(1), new Position(0, 0)), new(new Id<Building>(2), new Position(40, 0))], options));
        Assert.Equal(2, FirstFitDecreasing.CountRuns(parcels, [new(new Id<Building>(1), new Position(0, 0)), new(new Id<Building>(2), new Position(100, 0))], options));
    }

    [Fact]
    public void CountRuns_a_parcel_in_a_building_without_a_site_throws_naming_the_parcels()
    {
        Parcel[] parcels = [new(new Id<Household>(1), new Id<Building>(9), "1-101", "张*", "rice", 1000)];

        var error = Assert.Throws<ArgumentException>(() => FirstFitDecreasing.CountRuns(parcels, [], new RunOptions(10_000, Duration.FromMinutes(60))));

        Assert.Equal("parcels", error.ParamName);
    }

    [Fact]
    public void The_windowed_benchmark_compounds_keep_the_plain_compounds_parcels()
    {
        var (plain, plainSites) = SupplyFactory.Compounds(3_000, 4);
        var (windowed, sites) = SupplyFactory.WindowedCompounds(3_000, 4);

        Assert.Equal(plainSites, sites);
        Assert.Equal(plain.Select(p => (p.Household, p.Building, p.WeightGrams)), windowed.Select(p => (p.Household, p.Building, p.WeightGrams)));
        Assert.All(windowed.GroupBy(p => p.Household), h => Assert.Single(h.Select(p => p.Window).Distinct()));
        var share = windowed.GroupBy(p => p.Household).Count(h => h.First().Window is null) / (double)windowed.Select(p => p.Household).Distinct().Count();
        Assert.InRange(share, 0.6, 0.8);
    }
}
