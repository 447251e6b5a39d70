using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Rostering;

namespace CommunityDomain.Tests.Generators;

/// <summary>The generators' shrinkers keep each generator's promise and end on small, readable problems.</summary>
public sealed class ShrinkerTests
{
    public static TheoryData<int> Seeds() => [1, 7, 42, 1234, 99991, 2_000_000_011];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_shrunk_planted_problem_still_has_a_planted_roster_that_breaks_no_hard_rule(int seed)
    {
        var g = RosterGenerators.Create(seed);
        var seen = 0;
        foreach (var smaller in RosterShrinkers.ShrinkPlanted(g))
        {
            seen++;
            Assert.Equal(0, RosterChecker.Check(smaller.Problem, smaller.Planted).Hard);
            Assert.True(Size(smaller.Problem) < Size(g.Problem), $"{smaller} is not smaller than {g}");
            Assert.All(smaller.Planted, a => Assert.Contains(smaller.Problem.Workers, w => w.Id == a.Worker));
        }

        Assert.True(seen > 0, $"{g} has no smaller problem");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shrinking_a_planted_problem_ends_on_one_worker_without_wishes_or_pins(int seed)
    {
        var g = RosterGenerators.Create(seed);
        var steps = 0;
        while (RosterShrinkers.ShrinkPlanted(g).FirstOrDefault() is { } smaller)
        {
            g = smaller;
            Assert.True(++steps < 100, "shrinking does not end");
        }

        Assert.Single(g.Problem.Workers);
        Assert.Empty(g.Problem.Wishes);
        Assert.Empty(g.Problem.Pins);
        Assert.Equal(0, RosterChecker.Check(g.Problem, g.Planted).Hard);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shrinking_a_lockdown_problem_ends_on_a_small_one(int seed)
    {
        foreach (var shape in Enum.GetValues<LockdownShape>())
        {
            var g = LockdownRosterGenerators.Create(seed, shape);
            var steps = 0;
            while (RosterShrinkers.ShrinkLockdown(g).FirstOrDefault() is { } smaller)
            {
                Assert.True(Size(smaller.Problem) < Size(g.Problem), $"{shape}: not smaller");
                g = smaller;
                Assert.True(++steps < 500, $"{shape}: shrinking does not end");
            }

            Assert.Empty(g.Problem.Workers);
            Assert.True(g.Problem.Demands.Count <= 1, $"{shape}: {g.Problem.Demands.Count} demands left");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shrunk_wave_problems_are_smaller_and_still_valid(int seed)
    {
        var problem = TestingGenerators.SmallProblemOf(seed, 1 + (seed % 12), 1 + (seed % 4));
        var candidates = WaveArbitraries.Problems().Shrinker(problem).Take(20).ToList();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.True(Households(c) < Households(problem) || c.Sites.Count < problem.Sites.Count || c.Buildings.Count < problem.Buildings.Count));
        Assert.All(candidates, c => Assert.NotNull(WavePlanner.Plan(c)));
    }

    private static int Households(WaveProblem p) => p.Buildings.Sum(b => b.Units.Sum(u => u.Households.Count));

    /// <summary>What a roster shrink step lowers: workers, demands (and what they ask for), wishes, pins, dates, shift types, rule limits.</summary>
    private static int Size(CommunityDomain.Rostering.RosterProblem p) =>
        p.Workers.Count + p.Demands.Count + p.Demands.Sum(d => d.Required) + p.Wishes.Count + p.Pins.Count + p.Horizon.Length + p.Shifts.Count + RosterShrinkers.RuleLimits(p);
}
