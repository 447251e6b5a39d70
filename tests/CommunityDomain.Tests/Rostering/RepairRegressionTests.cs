using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Rostering;

/// <summary>Counterexamples the repair properties once found (night duties into a frozen date), replayed.</summary>
public sealed class RepairRegressionTests
{
    [Theory]
    [InlineData(1158791005, 10)]
    [InlineData(1730186905, 40)]
    public void Repair_found_counterexamples_no_longer_leave_more_hard_violations_than_the_frozen_past_plan(int seed, int pick) =>
        Assert.True(new RepairProperties().Repair_never_leaves_more_hard_violations_than_the_planner_on_the_changed_problem_with_the_past_frozen(
            RosterCase.Of(RosterGenerators.Create(seed)), NonNegativeInt.NewNonNegativeInt(pick)));
}
