using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Supplies;

/// <summary>
/// The shares against published and classic results: the 2020 US House apportionment (Huntington-Hill over state
/// populations of up to 39.6 million), the Alabama and population paradoxes of Hamilton, and the minimum share.
/// </summary>
public sealed class ApportionmentTableTests
{
    /// <summary>
    /// 2020 Census apportionment populations (resident population plus overseas federal employees allocated to a home
    /// state) and the seats apportioned among the 50 states. Source: U.S. Census Bureau, 2020 Census Apportionment
    /// Results, Table 1 (26 April 2021), https://www2.census.gov/programs-surveys/decennial/2020/data/apportionment/apportionment-2020-table01.pdf
    /// (https://www.census.gov/data/tables/2020/dec/2020-apportionment-data.html).
    /// </summary>
    private static readonly (string State, int Population, int Seats)[] Census2020 =
    [
        ("Alabama", 5_030_053, 7), ("Alaska", 736_081, 1), ("Arizona", 7_158_923, 9), ("Arkansas", 3_013_756, 4),
        ("California", 39_576_757, 52), ("Colorado", 5_782_171, 8), ("Connecticut", 3_608_298, 5), ("Delaware", 990_837, 1),
        ("Florida", 21_570_527, 28), ("Georgia", 10_725_274, 14), ("Hawaii", 1_460_137, 2), ("Idaho", 1_841_377, 2),
        ("Illinois", 12_822_739, 17), ("Indiana", 6_790_280, 9), ("Iowa", 3_192_406, 4), ("Kansas", 2_940_865, 4),
        ("Kentucky", 4_509_342, 6), ("Louisiana", 4_661_468, 6), ("Maine", 1_363_582, 2), ("Maryland", 6_185_278, 8),
        ("Massachusetts", 7_033_469, 9), ("Michigan", 10_084_442, 13), ("Minnesota", 5_709_752, 8), ("Mississippi", 2_963_914, 4),
        ("Missouri", 6_160_281, 8), ("Montana", 1_085_407, 2), ("Nebraska", 1_963_333, 3), ("Nevada", 3_108_462, 4),
        ("New Hampshire", 1_379_089, 2), ("New Jersey", 9_294_493, 12), ("New Mexico", 2_120_220, 3), ("New York", 20_215_751, 26),
        ("North Carolina", 10_453_948, 14), ("North Dakota", 779_702, 1), ("Ohio", 11_808_848, 15), ("Oklahoma", 3_963_516, 5),
        ("Oregon", 4_241_500, 6), ("Pennsylvania", 13_011_844, 17), ("Rhode Island", 1_098_163, 2), ("South Carolina", 5_124_712, 7),
        ("South Dakota", 887_770, 1), ("Tennessee", 6_916_897, 9), ("Texas", 29_183_290, 38), ("Utah", 3_275_252, 4),
        ("Vermont", 643_503, 1), ("Virginia", 8_654_542, 11), ("Washington", 7_715_946, 10), ("West Virginia", 1_795_045, 2),
        ("Wisconsin", 5_897_473, 8), ("Wyoming", 577_719, 1),
    ];

    [Fact]
    public void Allocate_huntington_hill_on_the_2020_census_gives_the_published_435_seats()
    {
        Assert.Equal(435, Census2020.Sum(s => s.Seats));
        var claims = Census2020.Select((s, i) => new Claim(new Id<Household>(i + 1), s.Population)).ToArray();

        var plan = SupplyAllocator.Allocate(claims, 435, AllocationPolicy.HuntingtonHill);

        Assert.Equal(Census2020.Select(s => s.Seats), plan.Shares.Select(s => s.Allocated));
    }

    [Theory]
    [InlineData(AllocationPolicy.Jefferson)]
    [InlineData(AllocationPolicy.Adams)]
    [InlineData(AllocationPolicy.Webster)]
    [InlineData(AllocationPolicy.HuntingtonHill)]
    public void Allocate_divisor_methods_on_the_2020_census_equal_a_seat_by_seat_count(AllocationPolicy policy)
    {
        // Seat by seat to the largest population / divisor, compared exactly as p_i x D(s_j) against p_j x D(s_i) with
        // D = 2 d (Jefferson s + 1, Adams s, Webster s + 1/2) or D^2 = s (s + 1) for Huntington-Hill; ties to the lower index.
        var claims = Census2020.Select((s, i) => new Claim(new Id<Household>(i + 1), s.Population)).ToArray();
        var seats = new long[claims.Length];
        for (var seat = 0; seat < 435; seat++)
        {
            var best = -1;
            for (var i = 0; i < claims.Length; i++)
            {
                if (best < 0 || Before(policy, Census2020[i].Population, seats[i], Census2020[best].Population, seats[best]))
                {
                    best = i;
                }
            }

            seats[best]++;
        }

        var plan = SupplyAllocator.Allocate(claims, 435, policy);
        Assert.Equal(seats, plan.Shares.Select(s => (long)s.Allocated));
    }

    [Fact]
    public void Allocate_hamilton_shows_the_alabama_paradox_and_huntington_hill_does_not()
    {
        // Populations 6, 6, 2. 10 seats: quotas 4.29, 4.29, 1.43 -> floors 4, 4, 1, the largest remainder (0.43) to C: 4, 4, 2.
        // 11 seats: quotas 4.71, 4.71, 1.57 -> floors 4, 4, 1, remainders 0.71, 0.71 to A and B: 5, 5, 1. C loses a seat.
        var claims = new[] { new Claim(new Id<Household>(1), 6), new Claim(new Id<Household>(2), 6), new Claim(new Id<Household>(3), 2) };
        Assert.Equal([4, 4, 2], SupplyAllocator.Allocate(claims, 10, AllocationPolicy.Hamilton).Shares.Select(s => s.Allocated));
        Assert.Equal([5, 5, 1], SupplyAllocator.Allocate(claims, 11, AllocationPolicy.Hamilton).Shares.Select(s => s.Allocated));

        var before = SupplyAllocator.Allocate(claims, 10, AllocationPolicy.HuntingtonHill).Shares.Select(s => s.Allocated).ToArray();
        var after = SupplyAllocator.Allocate(claims, 11, AllocationPolicy.HuntingtonHill).Shares.Select(s => s.Allocated).ToArray();
        Assert.All(before.Zip(after), x => Assert.True(x.Second >= x.First));
    }

    [Fact]
    public void Allocate_hamilton_shows_the_population_paradox_and_huntington_hill_does_not()
    {
        // 10 seats. Before: 9, 35, 22 (total 66): quotas 1.364, 5.303, 3.333 -> floors 1, 5, 3; one seat to the largest
        // remainder, A's 0.364: 2, 5, 3. After: 13, 50, 25 (total 88): quotas 1.477, 5.682, 2.841 -> floors 1, 5, 2; two seats
        // to C (0.841) and B (0.682): 1, 6, 3. A grew by 44% and B by 43%, yet A lost a seat to B.
        Claim[] Claims(params int[] p) => [.. p.Select((x, i) => new Claim(new Id<Household>(i + 1), x))];
        Assert.Equal([2, 5, 3], SupplyAllocator.Allocate(Claims(9, 35, 22), 10, AllocationPolicy.Hamilton).Shares.Select(s => s.Allocated));
        Assert.Equal([1, 6, 3], SupplyAllocator.Allocate(Claims(13, 50, 25), 10, AllocationPolicy.Hamilton).Shares.Select(s => s.Allocated));

        var before = SupplyAllocator.Allocate(Claims(9, 35, 22), 10, AllocationPolicy.HuntingtonHill).Shares.Select(s => s.Allocated).ToArray();
        var after = SupplyAllocator.Allocate(Claims(13, 50, 25), 10, AllocationPolicy.HuntingtonHill).Shares.Select(s => s.Allocated).ToArray();
        Assert.False(after[0] < before[0] && after[1] > before[1], "A grew faster than B, so A may not lose a seat to B");
    }

    [Fact]
    public void Allocate_needs_at_the_largest_claim_stay_exact()
    {
        // Three claims of about two billion units: every product of the divisor walk is beyond 64 bits.
        var claims = new[]
        {
            new Claim(new Id<Household>(1), Claim.MaxUnits), new Claim(new Id<Household>(2), Claim.MaxUnits - 1), new Claim(new Id<Household>(3), 1_500_000_000),
        };
        foreach (var policy in Enum.GetValues<AllocationPolicy>())
        {
            var plan = SupplyAllocator.Allocate(claims, 1001, policy);
            Assert.Equal(1001, plan.Allocated);
            var total = claims.Sum(x => (double)x.Need);
            Assert.All(plan.Shares, s => Assert.True(policy == AllocationPolicy.MaxMin
                ? s.Allocated is 333 or 334
                : Math.Abs(s.Allocated - (1001.0 * s.Need / total)) < 2, $"{policy}: {s.Allocated} of {s.Need}"));
        }
    }

    [Fact]
    public void Allocate_minimum_share_gives_everyone_one_unit_first_then_shares_the_rest()
    {
        // Needs 10, 1, 0, 5 with a minimum of 1: 3 units go first; 7 are left for the rest 9, 0, 0, 4 by max-min: 4, 0, 0, 3.
        var claims = new[] { new Claim(new Id<Household>(1), 10), new Claim(new Id<Household>(2), 1), new Claim(new Id<Household>(3), 0), new Claim(new Id<Household>(4), 5) };
        Assert.Equal([5, 1, 0, 4], SupplyAllocator.AllocateWithMinimum(claims, 10, AllocationPolicy.MaxMin, minimumShare: 1).Shares.Select(s => s.Allocated));

        // Without the minimum, Jefferson would give the small claim nothing; with it, it gets its one unit.
        Assert.Equal(0, SupplyAllocator.Allocate(claims, 4, AllocationPolicy.Jefferson).Shares[1].Allocated);
        Assert.Equal(1, SupplyAllocator.AllocateWithMinimum(claims, 4, AllocationPolicy.Jefferson, minimumShare: 1).Shares[1].Allocated);

        // Short of the minimums (2 units for 3): the minimums are rationed, ties to the smaller household id.
        Assert.Equal([1, 1, 0, 0], SupplyAllocator.AllocateWithMinimum(claims, 2, AllocationPolicy.MaxMin, minimumShare: 1).Shares.Select(s => s.Allocated));
    }

    [Fact]
    public void Allocate_negative_minimum_share_is_rejected_naming_the_parameter()
    {
        Assert.Equal("minimumShare", Assert.ThrowsAny<ArgumentException>(() => SupplyAllocator.AllocateWithMinimum([], 1, AllocationPolicy.MaxMin, minimumShare: -1)).ParamName);
    }

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 150)]
    public void Every_household_gets_its_minimum_when_stock_allows_and_never_more_than_the_minimum_when_it_does_not(LockdownAllocationCase c, byte k)
    {
        var minimum = k % 4;
        var need = c.Claims.Sum(x => (long)x.Need);
        var minimums = c.Claims.Sum(x => (long)Math.Min(minimum, x.Need));
        foreach (var policy in Enum.GetValues<AllocationPolicy>())
        {
            var plan = SupplyAllocator.AllocateWithMinimum(c.Claims, c.Supply, policy, minimum);
            Assert.Equal(Math.Min(c.Supply, need), plan.Shares.Sum(s => (long)s.Allocated));
            Assert.All(plan.Shares, s => Assert.InRange(s.Allocated, 0, s.Need));
            if (c.Supply >= minimums)
            {
                Assert.All(plan.Shares, s => Assert.True(s.Allocated >= Math.Min(minimum, s.Need)));
            }
            else
            {
                Assert.All(plan.Shares, s => Assert.True(s.Allocated <= Math.Min(minimum, s.Need)));
            }

            if (minimum == 0)
            {
                Assert.Equal(SupplyAllocator.Allocate(c.Claims, c.Supply, policy).Shares.Select(s => s.Allocated), plan.Shares.Select(s => s.Allocated));
            }
        }
    }

    // True when claim i (population pi, si seats so far) comes before claim j for the next seat.
    private static bool Before(AllocationPolicy policy, long pi, long si, long pj, long sj)
    {
        if (policy == AllocationPolicy.HuntingtonHill)
        {
            // pi / sqrt(si (si + 1)) > pj / sqrt(sj (sj + 1)), squared; a state without a seat comes first.
            if (si == 0 || sj == 0)
            {
                return si == 0 && (sj != 0 || pi > pj);
            }

            return (Int128)pi * pi * sj * (sj + 1) > (Int128)pj * pj * si * (si + 1);
        }

        long D(long s) => policy switch { AllocationPolicy.Jefferson => 2 * (s + 1), AllocationPolicy.Adams => 2 * s, _ => (2 * s) + 1 };
        if (D(si) == 0 || D(sj) == 0)
        {
            return D(si) == 0 && (D(sj) != 0 || pi > pj);
        }

        return (Int128)pi * D(sj) > (Int128)pj * D(si);
    }
}
