using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>The one-worker DP's single-number cover price puts one hard cover unit above any soft change of one day.</summary>
public sealed class CoverHardPriceTests
{
    [Fact]
    public void Ordinary_weights_keep_the_floor()
    {
        var p = ProblemCompiler.Compile(Problem());
        Assert.Equal(CompiledProblem.MinCoverHardPrice, p.CoverHardPrice);
    }

    [Fact]
    public void A_soft_weight_above_the_floor_raises_the_price_so_a_hard_gap_still_costs_more()
    {
        // Day 0: the gate's day shift has a hard minimum of 1 at a small weight; the far post's day shift wants one
        // person at a soft weight of 500 million, far above the floor of 1 million.
        const int heavy = 500_000_000;
        List<Demand> demands =
        [
            new(Gate, Home, Monday, "D", required: 1, underWeight: 1, minimum: 1, maximum: Open),
            new(Far, Home, Monday, "D", required: 1, underWeight: heavy, maximum: Open),
        ];
        var p = ProblemCompiler.Compile(Problem(demands: demands, days: 1));

        Assert.True(p.CoverHardPrice > heavy, $"price {p.CoverHardPrice}");
        var hardSlot = Enumerable.Range(0, p.SlotCount).Single(s => p.Minimum[p.DaySlot(0, s)] == 1);
        var softSlot = 1 - hardSlot;
        var hardGain = p.CoverPrice(p.DaySlot(0, hardSlot), 0) - p.CoverPrice(p.DaySlot(0, hardSlot), 1);
        var softGain = p.CoverPrice(p.DaySlot(0, softSlot), 0) - p.CoverPrice(p.DaySlot(0, softSlot), 1);
        Assert.True(hardGain > softGain, $"hard {hardGain}, soft {softGain}");
    }

    [Fact]
    public void The_largest_weights_fit_a_long()
    {
        int[] max = [int.MaxValue];
        Assert.Equal((3L * int.MaxValue) + 1, CompiledProblem.CoverHardPriceFor(max, max, max));
        Assert.Equal(CompiledProblem.MinCoverHardPrice, CompiledProblem.CoverHardPriceFor([], [], []));
    }
}
