using CommunityDomain.Benchmarks.CommunityProblems;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Peer;
using CommunityDomain.Tests.Curtois;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Peer;

/// <summary>
/// The CP-SAT peer is checked against the independent <see cref="CurtoisEvaluator"/>: by brute force on
/// instances small enough to enumerate every roster, and on published and generated instances.
/// </summary>
public sealed class CpSatPeerTests
{
    // Generous: these models are tiny; the limit only keeps a starved machine from hanging the suite.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Random tiny instances (often infeasible: random minimum minutes and blocks) with at most 2^14 rosters.</summary>
    public static class Tiny
    {
        // Shrinks like every Curtois case (one employee, day or shift type fewer, then fewer requests).
        public static Arbitrary<CurtoisCase> Cases() => Arb.From(
            from staff in Gen.Choose(1, 2)
            from shifts in Gen.Choose(1, staff == 1 ? 2 : 1)
            from days in Gen.Choose(1, 7)
            from seed in Gen.Choose(0, int.MaxValue)
            select CurtoisArbitraries.Build(days, shifts, staff, seed),
            CurtoisArbitraries.Shrink);
    }

    [Property(Arbitrary = new[] { typeof(Tiny) }, MaxTest = 40)]
    public void Peer_finds_the_brute_force_optimum_or_proves_there_is_no_roster(CurtoisCase c)
    {
        var best = BruteForce(c.Instance);

        var result = CpSatPeer.Solve(c.Instance, Limit, seed: 1, CancellationToken.None);

        if (best is null)
        {
            Assert.Equal("INFEASIBLE", result.Status);
            Assert.Null(result.Solution);
        }
        else
        {
            Assert.Equal("OPTIMAL", result.Status);
            var evaluation = CurtoisEvaluator.Evaluate(c.Instance, result.Solution!);
            Assert.Equal(0, evaluation.HardViolations);
            Assert.Equal(best.Value, evaluation.Objective);
            Assert.Equal<long?>(best.Value, result.SolverObjective);
            Assert.Equal<long?>(best.Value, result.Bound);
        }
    }

    [Fact]
    public void Tiny_cases_hold_both_instances_with_rosters_and_instances_without()
    {
        var outcomes = Enumerable.Range(0, 40)
            .Select(seed => BruteForce(CurtoisArbitraries.Build(7, 1, 2, seed).Instance) is not null)
            .ToList();

        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }

    [Fact]
    public void Peer_proves_the_best_known_optimum_of_Instance1()
    {
        var path = RosterBenchmarkFolder.PathOf("Instance1");
        var instance = CurtoisParser.Load(path);
        Assert.True(CurtoisBestKnown.TryFindFor(path, out var known));

        var result = CpSatPeer.Solve(instance, Limit, seed: 1, CancellationToken.None);

        Assert.Equal("OPTIMAL", result.Status);
        Assert.Equal(known.BestKnownObjective, CurtoisEvaluator.Evaluate(instance, result.Solution!).Objective);
        Assert.Equal<long?>(known.BestKnownObjective, result.Bound);
    }

    [Theory]
    [InlineData(12, 7, 8, 1)]
    [InlineData(25, 14, 16, 2)]
    public void Peer_roster_on_a_generated_community_breaks_no_rule_and_its_model_agrees_with_the_evaluator(int workers, int days, int types, int seed)
    {
        var instance = CommunityInstanceGenerator.Create(new CommunityShape(workers, days, types, seed));

        var result = CpSatPeer.Solve(instance, Limit, seed: 1, CancellationToken.None);

        Assert.Contains(result.Status, new[] { "OPTIMAL", "FEASIBLE" });
        var evaluation = CurtoisEvaluator.Evaluate(instance, result.Solution!);
        Assert.Equal(0, evaluation.HardViolations);
        Assert.Equal<long?>(evaluation.Objective, result.SolverObjective);
        Assert.True(result.Bound <= evaluation.Objective, $"bound {result.Bound} above objective {evaluation.Objective}");
    }

    [Fact]
    public void Peer_cancelled_before_it_starts_returns_no_roster_and_no_bound()
    {
        var instance = CommunityInstanceGenerator.Create(new CommunityShape(150, 14, 22, seed: 5));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = CpSatPeer.Solve(instance, Limit, seed: 1, cancelled.Token);

        Assert.Equal("UNKNOWN", result.Status);
        Assert.Null(result.Solution);
        Assert.Null(result.Bound);
    }

    /// <summary>The best objective over every roster without hard violations, or null when there is none.</summary>
    private static int? BruteForce(CurtoisInstance instance)
    {
        var staff = instance.Staff.Count;
        var days = instance.Days;
        var choices = instance.Shifts.Count + 1;
        var cells = new int[staff, days];
        var total = (long)Math.Pow(choices, staff * days);
        Assert.True(total <= 20_000, $"{total} rosters are too many to enumerate");
        int? best = null;
        for (long code = 0; code < total; code++)
        {
            var rest = code;
            for (var e = 0; e < staff; e++)
            {
                for (var d = 0; d < days; d++)
                {
                    cells[e, d] = (int)(rest % choices) - 1;
                    rest /= choices;
                }
            }

            var evaluation = CurtoisEvaluator.Evaluate(instance, new CurtoisSolution(cells));
            if (evaluation.HardViolations == 0 && (best is null || evaluation.Objective < best))
            {
                best = evaluation.Objective;
            }
        }

        return best;
    }
}
