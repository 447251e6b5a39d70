using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Communities;
using CommunityDomain.Tests.Contracts;
using CommunityDomain.Tests.Kernel;
using CommunityDomain.Tests.MassTesting;
using CommunityDomain.Tests.Passes;
using CommunityDomain.Tests.Rostering;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Shrink demonstrations (issue 17, CONTRIBUTING: every planner-input arbitrary shrinks): each arbitrary's own shrinker,
/// the one FsCheck calls after a failure, is run greedily on generated inputs against a deliberately failing stand-in
/// property, "more than three items" (households, visits, claims, parcels, posts, pool sizes or script steps). A failing
/// input ends on exactly four items, with its other numbers at their smallest where the shrinker lowers them; an input
/// that passes is left as it is.
/// </summary>
public sealed class ShrinkDemonstrationTests(ITestOutputHelper output)
{
    private const int Most = 3;

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 25)]
    public void A_wave_problem_with_more_than_three_households_shrinks_to_four_at_one_site_and_prints_a_rebuildable_case(WaveCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Waves(), c, Households, s =>
        {
            Assert.Single(s.Problem.Sites);

            // The counterexample as it would be reported: text that WaveCase.Parse reads back into the same case.
            var text = s.ToString();
            output.WriteLine(text);
            var back = WaveCase.Parse(text);
            Assert.Null(DeepEquality.Difference(s.Problem, back.Problem));
            Assert.Equal(text, back.ToString());
        });

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 25)]
    public void A_sizing_case_with_more_than_three_households_shrinks_to_four_and_one_station(SizerCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Sizers(), c, s => Households(s.Wave), s => Assert.Equal(1, s.MaxStations));

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 40)]
    public void A_door_to_door_case_with_more_than_three_visits_shrinks_to_four_for_one_team(DoorCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Doors(), c, s => s.Problem.Visits.Count, s => Assert.Equal(1, s.Problem.Teams));

    [Property(Arbitrary = [typeof(DoorArbitraries)], MaxTest = 40)]
    public void A_door_problem_with_more_than_three_visits_shrinks_to_four_for_one_team(DoorToDoorProblem p) =>
        ShrinksToFour(DoorArbitraries.Problems(), p, s => s.Visits.Count, s => Assert.Equal(1, s.Teams));

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 40)]
    public void A_pool_case_with_more_than_three_sizes_shrinks_to_four(PoolCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Pools(), c, s => s.Sizes?.Length ?? 0, _ => { });

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 25)]
    public void A_lockdown_allocation_with_more_than_three_claims_shrinks_to_four_empty_first_tier_claims_and_no_supply(LockdownAllocationCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Allocations(), c, s => s.Claims.Length, s =>
        {
            Assert.Equal(0, s.Supply);
            Assert.All(s.Claims, x => Assert.Equal((0, 1, 0), (x.Need, x.Weight, x.Tier)));
        });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_huge_allocation_failing_on_a_large_need_in_a_late_tier_shrinks_to_that_one_claim_at_the_boundary(int seed)
    {
        // A stand-in failure that depends on the numbers, not the count: "a claim of 1,000 units or more in tier 2 or later".
        // Shrinking only dropped claims before; now it also lowers need, tier and weight, so the claim ends on the boundary.
        var huge = PlannerGenerators.AllocationOf(seed, 5);
        var planted = new Claim(new Id<Household>(2), 5000, 900, 700);
        var c = huge with { Claims = [.. huge.Claims.Take(30), planted, .. huge.Claims.Skip(30)] };
        static bool Fails(LockdownAllocationCase x) => x.Claims.Any(k => k.Need >= 1000 && k.Tier >= 2);

        var shrunk = ScriptShrinkers.Greedy(c, PlannerGenerators.ShrinkAllocation, Fails);

        var last = Assert.Single(shrunk.Claims);
        Assert.Equal((1000, 1, 2), (last.Need, last.Weight, last.Tier));
        Assert.Equal(0, shrunk.Supply);
        Assert.Equal("lockdown allocation [huge]: supply 0 units, 1 claims\nclaim H1 need 1000 weight 1 tier 2", shrunk.ToString());
        Assert.Equal(shrunk.ToString(), LockdownAllocationCase.Parse(shrunk.ToString()).ToString());
    }

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 40)]
    public void A_donation_split_over_more_than_three_posts_shrinks_to_four_staffed_ones_and_no_units(DonationCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Donations(), c, s => s.Posts.Length, s =>
        {
            Assert.Equal(0, s.Units);
            Assert.Contains(s.Posts, p => p.StaffTime > Duration.Zero);
        });

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 25)]
    public void A_lockdown_delivery_with_more_than_three_parcels_shrinks_to_four_at_their_own_sites_at_0_and_prints_a_rebuildable_case(LockdownDeliveryCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Deliveries(), c, s => s.Parcels.Length, s =>
        {
            AtTheirOwnSitesAt0(s.Parcels, s.Sites);
            var back = LockdownDeliveryCase.Parse(s.ToString());
            Assert.Equal(s.Shape, back.Shape);
            Assert.Equal(s.Parcels, back.Parcels);
            Assert.Equal(s.Sites, back.Sites);
        });

    [Property(Arbitrary = [typeof(DeliveryInputArbitraries)], MaxTest = 40)]
    public void A_delivery_input_with_more_than_three_parcels_shrinks_to_four_light_ones_at_their_own_sites_at_0_and_prints_a_rebuildable_case(DeliveryInput d) =>
        ShrinksToFour(DeliveryInputArbitraries.Inputs(), d, s => s.Parcels.Length, s =>
        {
            AtTheirOwnSitesAt0(s.Parcels, s.Sites);
            Assert.All(s.Parcels, p => Assert.Null(p.Window));
            Assert.All(s.Parcels, p => Assert.Equal(s.Ordinary is null ? 1 : SuppliesShrinkers.MinWeightGrams, p.WeightGrams));
            Assert.True(s.ToString().Split('\n').Length <= 10, s.ToString());
            Assert.Equal(s.ToString(), DeliveryInput.Parse(s.ToString()).ToString());
        });

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void An_extreme_delivery_failing_on_two_far_buildings_shrinks_to_them_at_a_small_round_distance(int seed)
    {
        // Lockdown "extremes": buildings 1e15 m out. The stand-in failure needs two buildings farther apart than the
        // neighbour distance (60 m), so two runs; the shrunk case keeps two parcels at two sites, every coordinate 0 or a
        // round number (one significant digit) of at most 100 m, and still fails.
        var extreme = PlannerGenerators.DeliveryOf(seed, 5);
        Parcel Small(int b) => new(new Id<Household>(b * 100), new Id<Building>(b), "1-101", "张*", $"item{b}", 1);
        var c = extreme with
        {
            Sites = [new BuildingSite(new Id<Building>(1), new Position(1e15, 1e12)), new BuildingSite(new Id<Building>(2), new Position(-1e15, 1e12)), .. extreme.Sites.Skip(2)],
            Parcels = [Small(1), .. extreme.Parcels.Where(p => p.Building.Value > 2), Small(2)],
            Options = new RunOptions(100, Duration.FromHours(20), CapacityKind.Weight, Duration.FromMinutes(2), 60, 60),
        };
        static bool Fails(LockdownDeliveryCase x) => RunPlanner.Plan(x.Parcels, x.Sites, x.Options, ["a"]).Runs.Count >= 2;
        Assert.True(Fails(c));

        var shrunk = ScriptShrinkers.Greedy(c, PlannerGenerators.ShrinkDelivery, Fails);

        Assert.True(Fails(shrunk));
        Assert.Equal(2, shrunk.Parcels.Length);
        Assert.Equal(2, shrunk.Sites.Length);
        Assert.All(shrunk.Sites.SelectMany(s => new[] { s.Position.X, s.Position.Y }), v =>
        {
            Assert.InRange(Math.Abs(v), 0, 100);
            var unit = v == 0 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(v))));
            Assert.Equal(v, Math.Truncate(v / unit) * unit);
        });
        Assert.True(shrunk.ToString().Split('\n').Length == 6, shrunk.ToString());
    }

    [Property(Arbitrary = [typeof(CommunityArbitraries)], MaxTest = 40)]
    public void A_community_script_of_more_than_three_ops_shrinks_to_four(CommunityOp[] ops) =>
        ShrinksToFour(CommunityArbitraries.Ops(), ops, s => s.Length, _ => { });

    [Property(Arbitrary = [typeof(TimedRoundArbitraries)], MaxTest = 40)]
    public void A_dated_round_script_of_more_than_three_ops_shrinks_to_four_with_the_smallest_numbers(TimedRoundOp[] ops) =>
        ShrinksToFour(TimedRoundArbitraries.Scripts(), ops, s => s.Length, s => Assert.All(s, op =>
        {
            Assert.Equal((0, 0), (op.A, op.B));
            Assert.True(op.Minutes <= 0, op.ToString());
        }));

    [Property(Arbitrary = [typeof(WingRoleArbitraries)], MaxTest = 40)]
    public void A_wing_role_script_of_more_than_three_commands_shrinks_to_four(WingCommand[] script) =>
        ShrinksToFour(WingRoleArbitraries.Commands(), script, s => s.Length, _ => { });

    [Property(Arbitrary = [typeof(WingRoleArbitraries)], MaxTest = 40)]
    public void A_ledger_role_script_of_more_than_three_steps_shrinks_to_four_with_the_smallest_numbers((LedgerStep Step, Actor By)[] script) =>
        ShrinksToFour(WingRoleArbitraries.LedgerScripts(), script, s => s.Length,
            s => Assert.All(s, x => Assert.Equal((0, 1, 0), (x.Step.A, x.Step.B, x.Step.C))));

    [Property(Arbitrary = [typeof(PassOfficeRoleArbitraries)], MaxTest = 40)]
    public void A_pass_office_script_of_more_than_three_commands_shrinks_to_four(PassOfficeCommand[] script) =>
        ShrinksToFour(PassOfficeRoleArbitraries.Scripts(), script, s => s.Length, _ => { });

    [Property(Arbitrary = [typeof(PassOfficeRoleArbitraries)], MaxTest = 40)]
    public void An_evening_batch_of_more_than_three_requests_shrinks_to_four(int[] batch) =>
        ShrinksToFour(PassOfficeRoleArbitraries.Batches(), batch, s => s.Length, _ => { });

    [Property(Arbitrary = [typeof(RoleArbitraries)], MaxTest = 40)]
    public void A_community_role_script_of_more_than_three_commands_shrinks_to_four(RoleCommand[] script) =>
        ShrinksToFour(RoleArbitraries.Scripts(), script, s => s.Length, _ => { });

    [Property(Arbitrary = [typeof(RosterCaseArbitraries)], MaxTest = 25)]
    public void A_roster_case_with_more_than_three_workers_shrinks_to_four_without_wishes_or_pins_and_prints_a_rebuildable_case(RosterCase c) =>
        ShrinksToFour(RosterCaseArbitraries.Cases(), c, s => s.Problem.Workers.Count, s =>
        {
            Assert.Empty(s.Problem.Wishes);
            Assert.Empty(s.Problem.Pins);
            if (s.Lockdown is not null)
            {
                Assert.Equal(1, s.Problem.Horizon.Length);
                Assert.True(s.Problem.Demands.Count <= 1, s.ToString());
            }

            Rebuilds(s);
        });

    [Property(Arbitrary = [typeof(LowerBoundProperties)], MaxTest = 40)]
    public void A_tiny_lower_bound_problem_with_more_than_three_demands_shrinks_to_four_with_nobody_and_prints_a_rebuildable_problem(TinyProblem t) =>
        ShrinksToFour(LowerBoundProperties.TinyProblems(), t, s => s.Problem.Demands.Count, s =>
        {
            Assert.Empty(s.Problem.Workers);
            Assert.Empty(s.Problem.Wishes);
            Assert.Empty(s.Problem.Pins);
            Assert.Null(DeepEquality.Difference(s.Problem, RosterText.Read(s.ToString()).Problem));
        });

    [Property(Arbitrary = [typeof(RoundTripProperties)], MaxTest = 10)]
    public void A_set_of_more_than_three_sample_events_shrinks_to_four_each_printed_as_its_document(EventSamples e) =>
        ShrinksToFour(RoundTripProperties.Events(), e, s => s.Events.Length,
            s => Assert.Equal(Most + 1, s.ToString().Split('\n').Count(l => l.Contains("\"schema\"", StringComparison.Ordinal))));

    [Property(Arbitrary = [typeof(RoundTripProperties)], MaxTest = 40)]
    public void A_round_trip_door_problem_with_more_than_three_visits_shrinks_to_four_for_one_team(DoorProblemCase c) =>
        ShrinksToFour(RoundTripProperties.DoorProblems(), c, s => s.Problem.Visits.Count, s => Assert.Equal(1, s.Problem.Teams));

    [Property(MaxTest = 40)]
    public Property A_list_of_more_than_three_pool_sizes_shrinks_to_four_sizes_of_one() =>
        Prop.ForAll(PoolAdviceArbitraries.Sizes(), sizes =>
            ShrinksToFour(PoolAdviceArbitraries.Sizes(), sizes, s => s.Length, s => Assert.All(s, k => Assert.Equal(1, k))));

    [Fact]
    public void A_prevalence_above_three_tenths_run_through_FsCheck_shrinks_to_one_millionth_above()
    {
        // The stand-in property asserts rather than returns false: FsCheck prints a false property's missing exception
        // as "with exception: <null>"; an assertion prints a plain sentence with the value.
        var property = Prop.ForAll(PoolAdviceArbitraries.Prevalences(), p => Assert.True(p <= 0.3, Invariant($"prevalence {p} is above 0.3")));
        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
        var shrunk = failure.Message[failure.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        Assert.True(shrunk.Contains("0.300001", StringComparison.Ordinal), shrunk);
        Assert.Contains("prevalence 0.300001 is above 0.3", shrunk, StringComparison.Ordinal);
        Assert.DoesNotContain("<null>", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_script_run_through_FsCheck_reports_a_counterexample_of_four_steps()
    {
        // The same demonstration through FsCheck's own runner: a property that fails on more than three steps is
        // reported with its shrunk counterexample, four steps named by their command with the smallest numbers
        // ("Deliver(0,1,0)"), which LedgerStep.ParseAll reads back into the script.
        var property = Prop.ForAll(WingRoleArbitraries.LedgerScripts(), s => Assert.True(s.Length <= Most, $"{s.Length} steps"));
        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
        var shrunk = failure.Message[failure.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<null>", failure.Message, StringComparison.Ordinal);
        var steps = LedgerStep.ParseAll(shrunk);
        Assert.Equal(Most + 1, steps.Length);
        Assert.All(steps, s => Assert.Equal((0, 1, 0), (s.A, s.B, s.C)));
        Assert.All(steps, s => Assert.Contains($"{LedgerStep.Names[s.Kind]}(0,1,0)", shrunk, StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\(\d+,\d+,\d+,\d+\)", shrunk);
    }

    /// <summary>The case's text rebuilds the same problem and roster (a lockdown case's roster is the planner's, from the seed).</summary>
    private static void Rebuilds(RosterCase c)
    {
        var back = RosterCase.Parse(c.ToString());
        Assert.Null(DeepEquality.Difference(c.Problem, back.Problem));
        Assert.Equal(c.Planted?.Planted, back.Planted?.Planted);
        Assert.Equal((c.Lockdown?.Seed, c.Lockdown?.Shape), (back.Lockdown?.Seed, back.Lockdown?.Shape));
    }

    /// <summary>Only the sites the parcels name, each at 0 (nothing in the stand-in failure needs a distance).</summary>
    private static void AtTheirOwnSitesAt0(Parcel[] parcels, BuildingSite[] sites)
    {
        Assert.Equal(parcels.Select(p => p.Building).Distinct().Order(), sites.Select(s => s.Building).Order());
        Assert.All(sites, s => Assert.Equal(new Position(0, 0), s.Position));
    }

    private static string Invariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int Households(WaveCase c) => c.Problem.Buildings.Sum(b => b.Units.Sum(u => u.Households.Count));

    private static void ShrinksToFour<T>(Arbitrary<T> arbitrary, T value, Func<T, int> size, Action<T> smallest)
        where T : class
    {
        var shrunk = ScriptShrinkers.Greedy(value, arbitrary.Shrinker, x => size(x) > Most);
        if (size(value) > Most)
        {
            Assert.Equal(Most + 1, size(shrunk));
            smallest(shrunk);
        }
        else
        {
            Assert.Same(value, shrunk);
        }
    }
}
