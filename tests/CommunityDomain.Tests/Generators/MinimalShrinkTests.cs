using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Contracts;
using CommunityDomain.Tests.MassTesting;
using CommunityDomain.Tests.Rostering;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Shrink demonstrations beside <see cref="ShrinkDemonstrationTests"/> for what the v17g verifier found not yet minimal
/// or not pasteable (issue 17): round scripts print named ops that parse back; a lockdown allocation failing on two claims
/// far apart ends on those two; a roster failing on "two duties" ends on at most two days, two workers and no rules; a
/// lockdown delivery's weights, capacity and budget come down; a pool request shrinks. Each runs the arbitrary's own
/// shrinker greedily (as FsCheck does after a failure) or FsCheck's own runner, and asserts where it ends.
/// </summary>
public sealed class MinimalShrinkTests(ITestOutputHelper output)
{
    [Fact]
    public void A_round_script_run_through_FsCheck_reports_four_named_ops_that_parse_back()
    {
        var property = Prop.ForAll(RoundScriptArbitraries.Scripts(), s => Assert.True(s.Length <= 3, $"{s.Length} ops"));
        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
        var shrunk = failure.Message[failure.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        output.WriteLine(shrunk);

        var ops = RoundOp.ParseAll(shrunk);
        Assert.Equal(4, ops.Length);
        Assert.All(ops, op => Assert.Equal((0, 0), (op.A, op.B)));
        Assert.All(ops, op => Assert.Contains(op.ToString(), shrunk, StringComparison.Ordinal));
        Assert.DoesNotContain("Kind =", shrunk, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dated_round_script_failing_on_a_late_op_run_through_FsCheck_reports_that_op_at_the_boundary()
    {
        var property = Prop.ForAll(TimedRoundArbitraries.Scripts(), s => Assert.True(s.All(op => op.Minutes <= 100), "an op after 100 minutes"));
        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
        var shrunk = failure.Message[failure.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        output.WriteLine(shrunk);

        var op = Assert.Single(TimedRoundOp.ParseAll(shrunk));
        Assert.Equal((0, 0, 101), (op.A, op.B, op.Minutes));
        Assert.Contains("(0,0)@+101min", shrunk, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_huge_allocation_failing_on_two_large_claims_far_apart_shrinks_to_those_two_and_parses_back(int seed)
    {
        // Halves alone lose one of the two claims and single drops reached only the first 20: the shrink stopped on
        // thousands of claims. Runs of claims dropped together, and every claim's numbers, end on the two at the boundary.
        var huge = PlannerGenerators.AllocationOf(seed, 6);
        var n = huge.Claims.Length;
        var claims = (Claim[])huge.Claims.Clone();
        claims[n / 10] = new Claim(claims[n / 10].Household, 5000, 9, 3);
        claims[n * 9 / 10] = new Claim(claims[n * 9 / 10].Household, 7000, 2, 0);
        var c = huge with { Claims = [.. claims.Select((k, i) => i == n / 10 || i == n * 9 / 10 ? k : new Claim(k.Household, Math.Min(k.Need, 999), k.Weight, k.Tier))] };
        static bool Fails(LockdownAllocationCase x) => x.Claims.Count(k => k.Need >= 1000) >= 2;
        Assert.True(Fails(c));

        var shrunk = ScriptShrinkers.Greedy(c, PlannerGenerators.ShrinkAllocation, Fails);

        var text = shrunk.ToString();
        output.WriteLine(text);
        Assert.Equal(2, shrunk.Claims.Length);
        Assert.All(shrunk.Claims, k => Assert.Equal((1000, 1, 0), (k.Need, k.Weight, k.Tier)));
        Assert.Equal([1, 2], shrunk.Claims.Select(k => k.Household.Value));
        Assert.Equal(0, shrunk.Supply);
        Assert.Equal(3, text.Split('\n').Length);
        Assert.Equal(text, LockdownAllocationCase.Parse(text).ToString());
    }

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 25)]
    public void A_lockdown_allocation_failing_when_the_allocator_leaves_a_claim_short_shrinks_to_a_few_claims_that_parse_back(LockdownAllocationCase c)
    {
        // A failure from the planner itself: "some claim gets less than it needs" (true whenever supply runs short).
        static bool Fails(LockdownAllocationCase x)
        {
            var plan = SupplyAllocator.Allocate(x.Claims, x.Supply, AllocationPolicy.MaxMin);
            return plan.Shares.Any(s => s.Allocated < s.Need);
        }

        if (!Fails(c))
        {
            return;
        }

        var shrunk = ScriptShrinkers.Greedy(c, PlannerGenerators.ShrinkAllocation, Fails);

        Assert.True(Fails(shrunk));
        Assert.Single(shrunk.Claims);
        Assert.Equal((1, 1, 0, 0L), (shrunk.Claims[0].Need, shrunk.Claims[0].Weight, shrunk.Claims[0].Tier, shrunk.Supply));
        Assert.Equal(shrunk.ToString(), LockdownAllocationCase.Parse(shrunk.ToString()).ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(1234)]
    [InlineData(99991)]
    public void A_planted_roster_failing_on_two_duties_shrinks_to_two_duties_on_at_most_two_days_without_rules(int seed)
    {
        var c = RosterCase.Of(RosterGenerators.Create(seed));
        static bool Fails(RosterCase x) => x.Roster.Count >= 2;
        Assert.True(Fails(c), c.ToString());

        var shrunk = ScriptShrinkers.Greedy(c, RosterCaseArbitraries.Shrink, Fails);

        output.WriteLine(shrunk.ToString());
        var p = shrunk.Problem;
        Assert.Equal(2, shrunk.Roster.Count);
        Assert.InRange(p.Horizon.Length, 1, 2);
        Assert.InRange(p.Workers.Count, 1, 2);
        Assert.InRange(p.Demands.Count, 1, 2);
        Assert.InRange(p.Shifts.Count, 1, 2);
        Assert.Equal(0, RosterShrinkers.RuleLimits(p));
        Assert.All(p.Workers, w => Assert.Null(w.Rules));
        Assert.Empty(p.Wishes);
        Assert.Empty(p.Pins);
        Assert.Equal(0, RosterChecker.Check(p, shrunk.Roster).Hard);
        Assert.True(shrunk.ToString().Split('\n').Length <= 10, shrunk.ToString());
        var back = RosterCase.Parse(shrunk.ToString());
        Assert.Null(DeepEquality.Difference(p, back.Problem));
        Assert.Equal(shrunk.Roster, back.Roster);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void A_lockdown_roster_failing_on_a_run_limit_and_a_double_demand_keeps_one_date_one_worker_and_only_that_rule(int seed)
    {
        // The failure needs a demand for two or more and a worker held to a longest run; everything else goes, the
        // worker's other limits one at a time and the problem's default limits too.
        var g = Enumerable.Range(seed, 200).Select(s => LockdownRosterGenerators.Create(s, LockdownShape.OverDemanded)).First(x => Fails(x.Problem));
        static bool Fails(RosterProblem p) =>
            p.Demands.Any(d => d.Required >= 2) && p.Workers.Any(w => p.RulesFor(w).MaxConsecutiveDays is not null);

        var shrunk = ScriptShrinkers.Greedy(RosterCase.Of(g), RosterCaseArbitraries.Shrink, x => Fails(x.Problem));

        output.WriteLine(shrunk.ToString());
        var p = shrunk.Problem;
        Assert.True(Fails(p));
        Assert.Equal(1, p.Horizon.Length);
        var worker = Assert.Single(p.Workers);
        Assert.Single(p.Demands);
        Assert.Single(p.Shifts);
        Assert.True(RosterShrinkers.RuleLimits(p) <= 2, shrunk.ToString());
        var rules = p.RulesFor(worker);
        Assert.Equal((0, 0, 1, 1, 0), (rules.MaxShiftsPerCode.Count, rules.MinTotalMinutes, rules.MinConsecutiveDays, rules.MinConsecutiveDaysOff, rules.ForbiddenSuccessions.Count));
        Assert.Equal((null, null, null, null), (rules.MaxTotalMinutes, rules.MaxMinutesPerWeek, rules.MaxWeekends, rules.MinRest));
        Assert.Null(DeepEquality.Difference(p, RosterCase.Parse(shrunk.ToString()).Problem));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void A_lockdown_roster_failing_on_two_staffed_demands_keeps_two_plain_demands(int seed)
    {
        // v17h: such a failure kept 15 demands with their weights, limits and zero requirements (demands only dropped
        // by halves or from the end). Now any demand goes, and a kept one loses its own weights and limits.
        var g = Enumerable.Range(seed, 200).Select(s => LockdownRosterGenerators.Create(s, LockdownShape.OverDemanded)).First(x => Fails(x.Problem));
        static bool Fails(RosterProblem p) => p.Demands.Count(d => d.Required >= 1) >= 2;

        var shrunk = ScriptShrinkers.Greedy(RosterCase.Of(g), RosterCaseArbitraries.Shrink, x => Fails(x.Problem));

        output.WriteLine(shrunk.ToString());
        var p = shrunk.Problem;
        Assert.True(Fails(p));
        Assert.Equal(2, p.Demands.Count);
        Assert.All(p.Demands, d => Assert.Equal((1, 100, 1, (int?)null, (int?)null), (d.Required, d.UnderWeight, d.OverWeight, d.Minimum, d.Maximum)));
        Assert.True(p.Workers.Count <= 1, shrunk.ToString());
        Assert.Null(DeepEquality.Difference(p, RosterCase.Parse(shrunk.ToString()).Problem));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void A_lockdown_delivery_failing_on_two_runs_lowers_weights_capacity_and_budget_to_small_round_values(int seed)
    {
        // One building, heavy parcels, a capacity and a budget far from round: two runs are needed. The shrunk case keeps
        // two parcels of 1 g, a capacity of 1 and a budget of whole round minutes no longer than before.
        var ordinary = PlannerGenerators.DeliveryOf(seed, 7);
        var site = ordinary.Sites[0];
        var parcels = Enumerable.Range(1, 9).Select(i => new Parcel(new Id<Household>(100 + i), site.Building, $"1-{i}01", "张*", $"item{i}", 1234 * i)).ToArray();
        var c = ordinary with { Sites = [site], Parcels = parcels, Options = new RunOptions(7313, Duration.FromMinutes(97), CapacityKind.Weight, Duration.FromSeconds(70), 60, 60) };
        static bool Fails(LockdownDeliveryCase x) => RunPlanner.Plan(x.Parcels, x.Sites, x.Options, ["a"]).Runs.Count >= 2;
        Assert.True(Fails(c));

        var shrunk = ScriptShrinkers.Greedy(c, PlannerGenerators.ShrinkDelivery, Fails);

        output.WriteLine(shrunk.ToString());
        Assert.True(Fails(shrunk));
        Assert.Equal(2, shrunk.Parcels.Length);
        Assert.All(shrunk.Parcels, p => Assert.Equal(1, p.WeightGrams));
        Assert.Equal(1, shrunk.Options.Capacity);
        Assert.Equal(Duration.Zero, shrunk.Options.PerStop);
        Assert.True(shrunk.Options.TimeBudget < c.Options.TimeBudget, shrunk.ToString());
        Assert.True(Round((long)shrunk.Options.TimeBudget.TotalMinutes) && shrunk.Options.TimeBudget.TotalMinutes % 1 == 0, shrunk.ToString());
        Assert.Equal(0, shrunk.Sites[0].Position.X);
        var back = LockdownDeliveryCase.Parse(shrunk.ToString());
        Assert.Equal((shrunk.Options.Capacity, shrunk.Options.TimeBudget, shrunk.Options.PerStop), (back.Options.Capacity, back.Options.TimeBudget, back.Options.PerStop));
    }

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 60)]
    public void A_pool_request_failing_above_three_tenths_shrinks_to_just_above_with_one_size_of_one(PoolCase c)
    {
        static bool Fails(PoolCase x) => x.Prevalence > 0.3;
        var shrunk = ScriptShrinkers.Greedy(c, PlannerGenerators.ShrinkPool, Fails);
        if (!Fails(c))
        {
            Assert.Same(c, shrunk);
            return;
        }

        output.WriteLine(shrunk.ToString());
        Assert.InRange(shrunk.Prevalence, 0.3000001, 0.300001);
        Assert.True(shrunk.Sizes is null or [1], shrunk.ToString());
        Assert.Equal(shrunk, PoolCase.Parse(shrunk.ToString()));
    }

    [Fact]
    public void A_pool_request_failing_on_a_large_pool_size_shrinks_to_that_size_at_the_boundary_and_a_round_prevalence()
    {
        var c = new PoolCase(0.734512, [3, 17, 40, 65_536, 9]);
        static bool Fails(PoolCase x) => x.Sizes is { } s && s.Any(k => k >= 20) && x.Prevalence >= 0.05;

        var shrunk = ScriptShrinkers.Greedy(c, PlannerGenerators.ShrinkPool, Fails);

        Assert.Equal("p = 0.05, sizes 20", shrunk.ToString());
    }

    [Fact]
    public void Round_values_come_before_halves_and_one_less()
    {
        Assert.Equal([1, 7000, 3657, 7312], ScriptShrinkers.TowardsRound(7313, 1));
        Assert.Equal([0L, 900_000_000_000L, 450_000_000_000L], ScriptShrinkers.TowardsRound(900_000_000_001L, 0L));
        Assert.Empty(ScriptShrinkers.TowardsRound(1, 1));
        Assert.Equal([0, 0.7, 0.73, 0.734, 0.7345, 0.73451], ScriptShrinkers.TowardsZero(0.734512).Take(6));
        Assert.All(ScriptShrinkers.TowardsZero(1e-300), x => Assert.True(x < 1e-300 && x >= 0));
        Assert.Empty(ScriptShrinkers.TowardsZero(0));
    }

    private static bool Round(long v) => v == 0 || v / (long)Math.Pow(10, Math.Floor(Math.Log10(v))) * (long)Math.Pow(10, Math.Floor(Math.Log10(v))) == v;
}
