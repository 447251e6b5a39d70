using CommunityDomain.Tests.MassTesting;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Round trips of the counterexample parsers added for issue 17 (v17g: round scripts and lockdown allocation cases printed
/// numbered kinds or a line nothing could read back): every generated value prints as text its parser reads back into
/// the same value, also from inside a failure message as FsCheck prints it (<c>[|Scan(0,0); CloseSite(0,4)|]</c>).
/// </summary>
public sealed class CounterexampleTextTests
{
    [Property(Arbitrary = [typeof(RoundScriptArbitraries)], MaxTest = 100)]
    public void A_round_script_prints_one_named_op_a_line_and_parses_back_to_the_same_script(RoundOp[] script)
    {
        var text = RoundOp.Write(script);

        Assert.Equal(script, RoundOp.ParseAll(text));
        Assert.Equal(script, RoundOp.ParseAll($"Shrunk: [|{string.Join("; ", script.AsEnumerable())}|]"));
        Assert.Equal(script.Length, text.Length == 0 ? 0 : text.Split('\n').Length);
        Assert.DoesNotContain("Kind", text, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(TimedRoundArbitraries)], MaxTest = 100)]
    public void A_dated_round_script_prints_its_times_and_parses_back_to_the_same_script(TimedRoundOp[] script)
    {
        var text = TimedRoundOp.Write(script);

        Assert.Equal(script, TimedRoundOp.ParseAll(text));
        Assert.Equal(script, TimedRoundOp.ParseAll($"[|{string.Join("; ", script.AsEnumerable())}|]"));
        Assert.All(script, op => Assert.EndsWith(Invariant($"@{(op.Minutes < 0 ? "-" : "+")}{Math.Abs(op.Minutes)}min"), op.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Round_ops_print_their_command_name_and_unknown_names_are_skipped()
    {
        Assert.Equal("CloseSite(0,4)", new RoundOp(5, 0, 4).ToString());
        Assert.Equal("Wait(59,0)", new RoundOp(7, 59, 0).ToString());
        Assert.Equal("RecordResult(3,1)@-30min", new TimedRoundOp(3, 3, 1, -30).ToString());
        Assert.Equal([new RoundOp(2, 1, 1)], RoundOp.ParseAll("Shrunk(1,2) Teleport(3,4) SampleAtDoor(1,1) Scan(1,2,3)"));
        Assert.Empty(TimedRoundOp.ParseAll("Scan(1,2)"));
    }

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 60)]
    public void A_lockdown_allocation_case_prints_one_claim_a_line_and_parses_back_to_the_same_case(LockdownAllocationCase c)
    {
        var text = c.ToString();
        var back = LockdownAllocationCase.Parse(text);

        Assert.Equal((c.Shape, c.Supply), (back.Shape, back.Supply));
        if (c.Claims.Length <= LockdownAllocationCase.MostClaimLines)
        {
            Assert.Equal(c.Claims.Select(Fields), back.Claims.Select(Fields));
            Assert.Equal(text, back.ToString());
        }
        else
        {
            Assert.Contains("cut: shrink further", text, StringComparison.Ordinal);
            Assert.Equal(c.Claims.Take(LockdownAllocationCase.MostClaimLines).Select(Fields), back.Claims.Select(Fields));
        }
    }

    [Fact]
    public void An_allocation_text_without_its_header_is_refused_with_a_format_error() =>
        Assert.Throws<FormatException>(() => LockdownAllocationCase.Parse("claim H1 need 3 weight 1 tier 0"));

    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 100)]
    public void A_pool_case_prints_one_line_and_parses_back_to_the_same_case(PoolCase c)
    {
        var back = PoolCase.Parse(c.ToString());

        Assert.Equal(c, back);
        Assert.Equal(c.Prevalence, back.Prevalence);
        Assert.Equal(c.Sizes, back.Sizes);
    }

    private static (int Household, int Need, int Weight, int Tier) Fields(CommunityDomain.Supplies.Allocation.Claim c) =>
        (c.Household.Value, c.Need, c.Weight, c.Tier);

    private static string Invariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
