using CommunityDomain.Tests.MassTesting;

namespace CommunityDomain.Tests.Generators;

/// <summary>Command scripts shrink to the steps that matter with their smallest numbers, and shrinking ends.</summary>
public sealed class ScriptShrinkerTests
{
    private static T[] Shrunk<T>(T[] script, Func<T, IEnumerable<T>> step, Func<T[], bool> fails) =>
        ScriptShrinkers.Greedy(script, s => ScriptShrinkers.Shrink(s, step), fails);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void A_round_script_failing_on_a_closed_site_then_a_scan_shrinks_to_those_two_ops_printed_by_name(int seed)
    {
        var random = new Random(seed);
        var script = Enumerable.Range(0, 60).Select(_ => new RoundOp(random.Next(11), random.Next(61), random.Next(6))).ToArray();
        script[10] = new RoundOp(5, 33, 4);
        script[40] = new RoundOp(0, 17, 3);
        static bool Fails(RoundOp[] ops) =>
            ops.Select((op, i) => (op, i)).Any(x => x.op.Kind == 5 && ops.Skip(x.i + 1).Any(o => o.Kind == 0));

        var shrunk = Shrunk(script, ScriptShrinkers.ShrinkRoundOp, Fails);

        // The counterexample as it is printed (named ops, one a line, issue 17) reads back into the same script.
        Assert.Equal([new RoundOp(5, 0, 0), new RoundOp(0, 0, 0)], shrunk);
        Assert.Equal("CloseSite(0,0)\nScan(0,0)", RoundOp.Write(shrunk));
        Assert.Equal(shrunk, RoundOp.ParseAll(RoundOp.Write(shrunk)));
    }

    [Fact]
    public void A_ledger_script_shrinks_to_one_step_with_the_smallest_numbers_the_failure_allows()
    {
        var random = new Random(3);
        var script = Enumerable.Range(0, 40).Select(_ => new LedgerStep(random.Next(9), random.Next(41), 1 + random.Next(25), random.Next(10))).ToArray();
        script[25] = new LedgerStep(1, 30, 20, 9);
        static bool Fails(LedgerStep[] steps) => steps.Any(s => s.Kind == 1 && s.B >= 12);

        Assert.Equal([new LedgerStep(1, 0, 12, 0)], Shrunk(script, ScriptShrinkers.ShrinkLedgerStep, Fails));
    }

    [Fact]
    public void Every_candidate_is_strictly_smaller_and_within_the_generator_ranges()
    {
        LedgerStep[] script = [new(2, 5, 3, 1), new(0, 0, 1, 0)];
        foreach (var smaller in ScriptShrinkers.Shrink(script, ScriptShrinkers.ShrinkLedgerStep))
        {
            Assert.True(smaller.Length < script.Length || smaller.Zip(script).Sum(x => x.First.A + x.First.B + x.First.C) < script.Sum(s => s.A + s.B + s.C));
            Assert.All(smaller, s => Assert.True(s.A >= 0 && s.B >= 1 && s.C >= 0));
        }

        Assert.Empty(ScriptShrinkers.Shrink(Array.Empty<LedgerStep>(), ScriptShrinkers.ShrinkLedgerStep));
    }

    [Fact]
    public void Greedy_shrinking_of_a_double_ends_when_the_shrinker_offers_the_value_itself_NaN_and_minus_zero()
    {
        // A careless double shrinker: the value itself, NaN and -0.0 every time, and a property that always fails. The
        // step count is the timeout: more calls than this means the loop would run on (no wall clock in tests).
        var calls = 0;
        IEnumerable<double> Careless(double x)
        {
            Assert.True(++calls < 100, "the greedy loop does not end");
            return [x, double.NaN, -0.0, 0.0];
        }

        var shrunk = ScriptShrinkers.Greedy(3.5, Careless, _ => true);

        Assert.True(shrunk is 0.0 || double.IsNaN(shrunk), shrunk.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(calls, 1, 4);
    }

    [Fact]
    public void Greedy_shrinking_ends_on_a_shrinker_that_cycles_and_keeps_the_last_new_value()
    {
        var calls = 0;
        IEnumerable<int> Cycle(int x)
        {
            Assert.True(++calls < 100, "the greedy loop does not end");
            return [x == 1 ? 2 : 1];
        }

        Assert.Equal(2, ScriptShrinkers.Greedy(1, Cycle, _ => true));
    }

    [Fact]
    public void Greedy_shrinking_of_a_value_type_stops_at_the_last_failing_value_not_its_default() =>
        Assert.Equal(3, ScriptShrinkers.Greedy(40, x => ScriptShrinkers.Towards(x, 0), x => x >= 3));

    [Fact]
    public void Greedy_shrinking_that_never_runs_out_of_new_candidates_fails_at_its_step_cap_naming_the_last_value()
    {
        var failure = Assert.ThrowsAny<Exception>(() => ScriptShrinkers.Greedy(0.0, x => [x + 1], _ => true, mostSteps: 50));

        Assert.Contains("within 50 steps", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(last value 51)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_numbers_move_towards_their_lower_end_in_any_integer_type()
    {
        Assert.Equal([0L, 4_611_686_018_427_387_903L, long.MaxValue - 1], ScriptShrinkers.Towards(long.MaxValue, 0L));
        Assert.Equal([1, 5, 9], ScriptShrinkers.Towards(10, 1));
        Assert.Empty(ScriptShrinkers.Towards(1, 1));
    }
}
