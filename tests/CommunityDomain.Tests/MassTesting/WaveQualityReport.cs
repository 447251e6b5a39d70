using System.Globalization;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using Xunit.Abstractions;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// Quality, not speed: finish/bound over the mixed set of <see cref="WaveGenerators.Measured"/> (400 compounds),
/// each finish recomputed by the independent replay. The figures go to docs/testing-rounds.md.
/// </summary>
public sealed class WaveQualityReport(ITestOutputHelper output)
{
    [Fact]
    public void Plan_measured_compounds_finish_within_one_percent_of_the_bound_on_average_and_ten_percent_at_worst()
    {
        var rows = WaveGenerators.Measured(2026).Select(c =>
        {
            var plan = WavePlanner.Plan(c.Problem);
            var finish = QueueReplay.Replay(c.Problem, plan).Select(r => r.Finish).Append(c.Problem.Start).Max();
            Assert.Equal(plan.ExpectedFinish, finish);
            var ratio = plan.LowerBound > c.Problem.Start ? (finish - c.Problem.Start) / (plan.LowerBound - c.Problem.Start) : 1.0;
            return (c.Shape, Ratio: ratio, Case: c);
        }).ToList();
        foreach (var shape in rows.GroupBy(r => r.Shape))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shape.Key,-26} n {shape.Count(),4}  mean {shape.Average(r => r.Ratio):0.0000}  worst {shape.Max(r => r.Ratio):0.0000}"));
            output.WriteLine($"  worst: {shape.MaxBy(r => r.Ratio).Case}");
        }

        var worst = rows.MaxBy(r => r.Ratio);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all {rows.Count}: mean {rows.Average(r => r.Ratio):0.0000}, worst {worst.Ratio:0.0000}"));
        output.WriteLine($"worst case: {worst.Case}");
        Assert.True(rows.Average(r => r.Ratio) <= 1.01, $"mean {rows.Average(r => r.Ratio)}");

        Assert.True(worst.Ratio <= 1.10, $"worst {worst.Ratio}: {worst.Case}");
    }

    [Fact]
    public void Plan_one_building_of_109_residents_on_three_sites_is_split_across_the_sites()
    {
        var problem = WaveGenerators.OneBuilding109ThreeSites();
        var plan = WavePlanner.Plan(problem);
        output.WriteLine($"finish {(plan.ExpectedFinish - problem.Start).TotalSeconds} s, bound {(plan.LowerBound - problem.Start).TotalSeconds} s");
        Assert.Equal(3, plan.Sites.Count(s => s.Calls.Count > 0));
        Assert.True((plan.ExpectedFinish - problem.Start) / (plan.LowerBound - problem.Start) <= 1.10);
    }
}
