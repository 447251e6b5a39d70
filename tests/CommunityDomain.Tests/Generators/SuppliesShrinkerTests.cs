using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// The allocation and delivery shrinkers (issue 17) keep their generators' promises, make every candidate smaller,
/// end, and turn a failing case into a small one - the way FsCheck uses them: the first candidate that still fails wins.
/// </summary>
public sealed class SuppliesShrinkerTests
{
    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 100)]
    public void Every_shrunk_allocation_case_is_smaller_and_inside_the_generators_ranges(AllocationCase c)
    {
        var candidates = SuppliesShrinkers.ShrinkAllocation(c, slack: 3).ToList();

        Assert.All(candidates, s => Assert.True(Size(s) < Size(c), $"{s} is not smaller than {c}"));
        Assert.All(candidates, s => AssertInRange(s, slack: 3, maxNeed: 30, maxWeight: 6, tiers: 3));
        Assert.All(candidates, s => Assert.Equal(s.Specs.Length, s.Specs.Select(x => x.Household).Distinct().Count()));
    }

    [Property(Arbitrary = [typeof(TinyAllocationArbitraries)], MaxTest = 100)]
    public void Shrunk_tiny_allocation_cases_never_have_more_supply_than_need(AllocationCase c) =>
        Assert.All(SuppliesShrinkers.ShrinkAllocation(c, slack: 0), s => AssertInRange(s, slack: 0, maxNeed: 5, maxWeight: 4, tiers: 1));

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 50)]
    public void Shrinking_an_allocation_case_ends_on_one_empty_claim(AllocationCase c)
    {
        var steps = 0;
        while (SuppliesShrinkers.ShrinkAllocation(c, slack: 3).FirstOrDefault() is { } smaller)
        {
            c = smaller;
            Assert.True(++steps < 1000, "shrinking does not end");
        }

        var last = Assert.Single(c.Specs);
        Assert.Equal((0, 1, 0), (last.Need, last.Weight, last.Tier));
        Assert.Equal((0, 1, 0), (c.Supply, c.Extra, c.Seed));
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 50)]
    public void A_failing_allocation_case_shrinks_to_one_claim_and_the_smallest_failing_supply(AllocationCase c)
    {
        // A stand-in for a failing property: "no household gets 3 units or more under max-min".
        static bool Fails(AllocationCase x) => SupplyAllocator.Allocate(x.Claims, x.Supply, AllocationPolicy.MaxMin).Shares.Any(s => s.Allocated >= 3);
        if (!Fails(c))
        {
            return;
        }

        c = ScriptShrinkers.Greedy(c, x => SuppliesShrinkers.ShrinkAllocation(x, slack: 3), Fails);

        var last = Assert.Single(c.Specs);
        Assert.Equal(3, c.Supply);
        Assert.InRange(last.Need, 3, 5);
    }

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 100)]
    public void Every_shrunk_delivery_case_is_smaller_and_still_plannable(DeliveryCase c)
    {
        foreach (var s in SuppliesShrinkers.ShrinkDelivery(c))
        {
            Assert.True(Size(s) < Size(c), $"{s} is not smaller than {c}");
            Assert.All(s.Parcels, p => Assert.Contains(s.Sites, site => site.Building == p.Building));
            Assert.All(s.Parcels, p => Assert.InRange(p.WeightGrams, SuppliesShrinkers.MinWeightGrams, 9000));
            Assert.NotEmpty(s.Sites);
            Assert.NotNull(RunPlanner.Plan(s.Parcels, s.Sites, s.Options, ["a"]));
        }
    }

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 50)]
    public void Shrinking_a_delivery_case_ends_on_no_parcels_and_one_building_at_0(DeliveryCase c)
    {
        var steps = 0;
        while (SuppliesShrinkers.ShrinkDelivery(c).FirstOrDefault() is { } smaller)
        {
            c = smaller;
            Assert.True(++steps < 1000, "shrinking does not end");
        }

        Assert.Empty(c.Parcels);
        Assert.Equal(new Position(0, 0), Assert.Single(c.Sites).Position);
    }

    [Fact]
    public void A_delivery_case_that_needs_two_runs_shrinks_to_two_parcels_without_windows()
    {
        // Twelve parcels over four buildings 60 m apart in a row (neighbours within 50 m), 3 kg runners.
        var sites = Enumerable.Range(1, 4).Select(b => new BuildingSite(new Id<Building>(b), new Position(60 * b, 0))).ToArray();
        var parcels = Enumerable.Range(0, 12).Select(i => new Parcel(new Id<Household>(1 + i), new Id<Building>(1 + (i % 4)), $"1-{i + 1}01", "张*", $"item{i}", 500 + (700 * (i % 5)),
            i % 3 == 0 ? new NodaTime.Interval(Instant.FromUtc(2022, 8, 19, 1, 0), Instant.FromUtc(2022, 8, 19, 2, 0)) : null)).ToArray();
        var c = new DeliveryCase(parcels, sites, new RunOptions(3000, Duration.FromMinutes(60), neighbourMetres: 50));
        static bool Fails(DeliveryCase x) => RunPlanner.Plan(x.Parcels, x.Sites, x.Options, ["a"]).Runs.Count >= 2;
        Assert.True(Fails(c));

        c = ScriptShrinkers.Greedy(c, SuppliesShrinkers.ShrinkDelivery, Fails);

        Assert.Equal(2, c.Parcels.Length);
        Assert.All(c.Parcels, p => Assert.Null(p.Window));
        Assert.Equal(c.Parcels.Select(p => p.Building).Distinct().Count(), c.Sites.Length);
    }

    private static void AssertInRange(AllocationCase s, int slack, int maxNeed, int maxWeight, int tiers)
    {
        Assert.NotEmpty(s.Specs);
        Assert.InRange(s.Supply, 0, s.Specs.Sum(x => x.Need) + slack);
        Assert.All(s.Specs, x => Assert.InRange(x.Need, 0, maxNeed));
        Assert.All(s.Specs, x => Assert.InRange(x.Weight, 1, maxWeight));
        Assert.All(s.Specs, x => Assert.InRange(x.Tier, 0, tiers - 1));
        Assert.True(s.Extra >= 1 && s.Seed >= 0, s.ToString());
    }

    private static long Size(AllocationCase c) =>
        c.Specs.Length + c.Specs.Sum(s => (long)s.Need + s.Weight + s.Tier) + c.Supply + c.Extra + c.Seed;

    private static double Size(DeliveryCase c) =>
        c.Parcels.Length + c.Sites.Length + c.Parcels.Count(p => p.Window is not null) + c.Parcels.Sum(p => (long)p.WeightGrams)
        + c.Sites.Sum(s => Math.Abs(s.Position.X) + Math.Abs(s.Position.Y));
}
