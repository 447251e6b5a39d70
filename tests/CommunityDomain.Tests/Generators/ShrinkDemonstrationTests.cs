using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Communities;
using CommunityDomain.Tests.Kernel;
using CommunityDomain.Tests.MassTesting;
using CommunityDomain.Tests.Passes;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Shrink demonstrations (issue 17, CONTRIBUTING: every planner-input arbitrary shrinks): each arbitrary's own shrinker,
/// the one FsCheck calls after a failure, is run greedily on generated inputs against a deliberately failing stand-in
/// property, "more than three items" (households, visits, claims, parcels, posts, pool sizes or script steps). A failing
/// input ends on exactly four items, with its other numbers at their smallest where the shrinker lowers them; an input
/// that passes is left as it is.
/// </summary>
public sealed class ShrinkDemonstrationTests
{
    private const int Most = 3;

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 25)]
    public void A_wave_problem_with_more_than_three_households_shrinks_to_four_at_one_site(WaveCase c) =>
        ShrinksToFour(LockdownPlannerArbitraries.Waves(), c, Households, s => Assert.Single(s.Problem.Sites));

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
