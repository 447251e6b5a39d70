using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

/// <summary><c>curtois --peer</c>: the peer runs after the planner, both are judged by the same evaluator, the last line stays the planner's.</summary>
public sealed class CurtoisPeerCommandTests
{
    private static readonly CurtoisSolve EmptyRoster = (instance, _, _, _) => CurtoisSolution.Empty(instance);
    private static readonly CurtoisSolve GreedyRoster = CurtoisBaselines.GreedySolve;

    [Fact]
    public void Peer_lines_come_before_the_planner_line_with_the_evaluated_objective_and_ratio()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance1"));
        var greedy = CurtoisEvaluator.Evaluate(instance, CurtoisBaselines.GreedySolve(instance, TimeSpan.FromSeconds(1), 1, CancellationToken.None));
        var empty = CurtoisEvaluator.Evaluate(instance, CurtoisSolution.Empty(instance));
        // The peer's roster is the empty one; its model claims a wrong objective, which must not be printed as the objective.
        CurtoisPeer peer = (i, _, _, _) => new CurtoisPeerResult("fake", "FEASIBLE", CurtoisSolution.Empty(i), 1, 500);

        var (code, stdout, stderr) = Run(GreedyRoster, peer, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "5", "--peer");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"objective={greedy.Objective} hard_violations={greedy.HardViolations} ", lines[^1], StringComparison.Ordinal);
        var peerLine = Assert.Single(lines, l => l.StartsWith("peer=", StringComparison.Ordinal));
        Assert.StartsWith($"peer=fake status=FEASIBLE objective={empty.Objective} hard_violations={empty.HardViolations} bound=500 model_objective=1 seconds=", peerLine, StringComparison.Ordinal);
        var versus = Assert.Single(lines, l => l.StartsWith("planner_vs_peer ", StringComparison.Ordinal));
        var ratio = ((double)greedy.Objective / empty.Objective).ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"planner_vs_peer ratio={ratio} planner={greedy.Objective} peer={empty.Objective} ", versus, StringComparison.Ordinal);
        Assert.True(Array.IndexOf(lines, peerLine) < lines.Length - 1);
    }

    [Fact]
    public void Peer_gets_the_planners_solver_seconds_and_seed()
    {
        TimeSpan? plannerLimit = null, peerLimit = null;
        int? peerSeed = null;
        CurtoisSolve solve = (i, limit, _, _) =>
        {
            plannerLimit = limit;
            return CurtoisSolution.Empty(i);
        };
        CurtoisPeer peer = (i, limit, seed, _) =>
        {
            (peerLimit, peerSeed) = (limit, seed);
            return new CurtoisPeerResult("fake", "UNKNOWN", null, null, null);
        };

        var (code, stdout, _) = Run(solve, peer, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "3", "--seed", "9", "--peer");

        Assert.Equal(0, code);
        Assert.Equal(plannerLimit, peerLimit);
        Assert.Equal(9, peerSeed);
        Assert.Contains("peer=fake status=UNKNOWN objective=none hard_violations=none bound=none seconds=", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("planner_vs_peer", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_peer_flag_the_peer_never_runs()
    {
        var ran = false;
        CurtoisPeer peer = (_, _, _, _) =>
        {
            ran = true;
            return new CurtoisPeerResult("fake", "UNKNOWN", null, null, null);
        };

        var (code, stdout, _) = Run(EmptyRoster, peer, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1");

        Assert.Equal(0, code);
        Assert.False(ran);
        Assert.DoesNotContain("peer=", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--peer", "--peer")]
    [InlineData("--check", "x.csv", "--peer")]
    public void Peer_flag_misused_is_an_argument_error(params string[] extra)
    {
        CurtoisPeer peer = (_, _, _, _) => throw new InvalidOperationException("must not run");
        var args = new[] { "--instance", RosterBenchmarkFolder.PathOf("Instance1") }
            .Concat(extra.Contains("--check") ? extra : new[] { "--seconds", "1" }.Concat(extra)).ToArray();

        var (code, _, stderr) = Run(EmptyRoster, peer, args);

        Assert.Equal(2, code);
        Assert.Contains("--peer", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Peer_flag_without_a_peer_is_an_argument_error()
    {
        var (code, stdout, stderr) = Run(EmptyRoster, null, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1", "--peer");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout); // refused before solving
        Assert.StartsWith("curtois: no peer", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_failing_peer_or_a_misshapen_peer_roster_is_exit_code_1(bool throws)
    {
        CurtoisPeer peer = (_, _, _, _) => throws
            ? throw new InvalidOperationException("boom")
            : new CurtoisPeerResult("fake", "FEASIBLE", new CurtoisSolution(new int[1, 1]), 0, 0);

        var (code, _, stderr) = Run(EmptyRoster, peer, "--instance", RosterBenchmarkFolder.PathOf("Instance1"), "--seconds", "1", "--peer");

        Assert.Equal(1, code);
        Assert.StartsWith(throws ? "curtois: the peer failed" : "curtois: the peer's roster does not fit", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(CurtoisSolve solve, CurtoisPeer? peer, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CurtoisCommand.Run(args, stdout, stderr, solve, peer);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
