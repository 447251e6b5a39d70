using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
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
    public void A_lockdown_allocation_with_more_than_three_claims_shrinks_to_four_and_no_supply(LockdownAllocationCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Allocations(), c, s => s.Claims.Length, s => Assert.Equal(0, s.Supply));

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 40)]
    public void A_donation_split_over_more_than_three_posts_shrinks_to_four_staffed_ones_and_no_units(DonationCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Donations(), c, s => s.Posts.Length, s =>
        {
            Assert.Equal(0, s.Units);
            Assert.Contains(s.Posts, p => p.StaffTime > Duration.Zero);
        });

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 25)]
    public void A_lockdown_delivery_with_more_than_three_parcels_shrinks_to_four(LockdownDeliveryCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Deliveries(), c, s => s.Parcels.Length, _ => { });

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
        var property = Prop.ForAll(PoolAdviceArbitraries.Prevalences(), p => p <= 0.3);
        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
        var shrunk = failure.Message[failure.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        Assert.True(shrunk.Contains("0.300001", StringComparison.Ordinal), shrunk);
    }

    [Fact]
    public void A_ledger_script_run_through_FsCheck_reports_a_counterexample_of_four_steps()
    {
        // The same demonstration through FsCheck's own runner: a property that fails on more than three steps is
        // reported with its shrunk counterexample, four steps with the smallest numbers ("(kind,0,1,0)" each).
        var property = Prop.ForAll(WingRoleArbitraries.LedgerScripts(), s => s.Length <= Most);
        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
        var shrunk = failure.Message[failure.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        Assert.Equal(4, shrunk.Split(",0,1,0)", StringSplitOptions.None).Length - 1);
    }

    /// <summary>The case's text rebuilds the same problem and roster (a lockdown case's roster is the planner's, from the seed).</summary>
    private static void Rebuilds(RosterCase c)
    {
        var back = RosterCase.Parse(c.ToString());
        Assert.Null(DeepEquality.Difference(c.Problem, back.Problem));
        Assert.Equal(c.Planted?.Planted, back.Planted?.Planted);
        Assert.Equal((c.Lockdown?.Seed, c.Lockdown?.Shape), (back.Lockdown?.Seed, back.Lockdown?.Shape));
    }

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
