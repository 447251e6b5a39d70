using CommunityDomain.Benchmarks.Curtois;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Curtois;

[Properties(Arbitrary = new[] { typeof(CurtoisArbitraries) }, MaxTest = 150)]
public sealed class CurtoisBaselinesTests
{
    // The construction never raises these counts from the empty roster's zero; only minimum minutes and
    // minimum working-block lengths can be left unmet.
    private static readonly CurtoisRule[] NeverBroken =
    [
        CurtoisRule.ShiftRotation, CurtoisRule.MaxShiftsPerType, CurtoisRule.MaxTotalMinutes, CurtoisRule.MaxConsecutiveShifts,
        CurtoisRule.MinConsecutiveDaysOff, CurtoisRule.MaxWeekends, CurtoisRule.DaysOff,
    ];

    [Property]
    public bool Greedy_breaks_only_minimum_minutes_and_minimum_working_blocks(CurtoisCase c)
    {
        var evaluation = CurtoisEvaluator.Evaluate(c.Instance, CurtoisBaselines.Greedy(c.Instance));

        return NeverBroken.All(rule => evaluation.CountOf(rule) == 0);
    }

    [Property]
    public bool Greedy_is_deterministic(CurtoisCase c) =>
        CurtoisBaselines.Greedy(c.Instance).ToArray().Cast<int>().SequenceEqual(CurtoisBaselines.Greedy(c.Instance).ToArray().Cast<int>());

    [Theory]
    [InlineData("Instance1")]
    [InlineData("Instance2")]
    public void Greedy_small_benchmark_instance_is_feasible_and_beats_the_empty_roster(string name)
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf(name));

        var greedy = CurtoisEvaluator.Evaluate(instance, CurtoisBaselines.Greedy(instance));
        var empty = CurtoisEvaluator.Evaluate(instance, CurtoisBaselines.Empty(instance));

        Assert.Empty(greedy.Violations);
        Assert.True(greedy.Objective < empty.Objective, $"{greedy} vs {empty}");
    }

    [Fact]
    public void Greedy_with_a_cancelled_token_still_returns_a_full_roster()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance3"));

        var roster = CurtoisBaselines.Greedy(instance, new CancellationToken(canceled: true));

        Assert.Equal((instance.Staff.Count, instance.Days), (roster.Employees, roster.Days));
        Assert.All(CurtoisEvaluator.Evaluate(instance, roster).Violations, v => Assert.Contains(v.Rule, new[] { CurtoisRule.MinTotalMinutes, CurtoisRule.MinConsecutiveShifts }));
    }
}
