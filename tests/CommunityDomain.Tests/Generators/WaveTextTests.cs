using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Contracts;
using CommunityDomain.Tests.MassTesting;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Generators;

/// <summary><see cref="WaveText"/> and <see cref="WaveCase.Parse"/>: a printed wave counterexample rebuilds the same case.</summary>
public sealed class WaveTextTests
{
    [Property(Arbitrary = [typeof(LockdownWaveArbitraries)], MaxTest = 80)]
    public void A_printed_lockdown_wave_case_rebuilds_the_same_problem(WaveCase c) => RoundTrips(c);

    [Property(Arbitrary = [typeof(SmallWalkDownArbitraries)], MaxTest = 40)]
    public void A_printed_walk_down_case_rebuilds_the_same_problem(WaveCase c) => RoundTrips(c);

    [Fact]
    public void Parse_names_with_a_newline_a_quote_and_chinese_and_fractional_seconds_rebuilds_them()
    {
        var home = new HouseholdLoad(7, 3, 2, 1, 1);
        var problem = new WaveProblem(WaveGenerators.Start,
            new ServiceTimes(Duration.FromMilliseconds(12_345), Duration.FromTicks(400_000_001), Duration.FromSeconds(60)),
            [new SiteSpec(2, "东门 \"north\"\ngate", new Position(0.1, -3.25), 2, 9, Duration.FromSeconds(90.5))],
            [new BuildingLoad(5, "7号楼\nB", new Position(1e-7, 123456.789), [new UnitLoad(1, "一 name=\"x\"", [home]), new UnitLoad(2, "2", [])])]);
        var c = new WaveCase(problem, "hand-made, with \"quotes\"");

        var back = WaveCase.Parse(c.ToString());

        Assert.Null(DeepEquality.Difference(c.Problem, back.Problem));
        Assert.Equal("东门 \"north\"\ngate", back.Problem.Sites[0].Name);
        Assert.Equal("一 name=\"x\"", back.Problem.Buildings[0].Units[0].Name);
        Assert.Equal(Duration.FromTicks(400_000_001), back.Problem.ServiceTimes.Typed);
        Assert.Equal(c.Shape, back.Shape);
    }

    [Fact]
    public void Parse_a_pasted_counterexample_rebuilds_every_member_it_names()
    {
        var c = WaveCase.Parse("""
            wave "one building, walk-downs differ"
            start 2022-04-01T05:00:00Z
            times qr=20 typed=40 assisted=60
            site 1 at=10,20 stations=3 queue=12 walk=60 name="S1"
            site 2 at=0,0 stations=1 queue=5 walk=0 name="S2"
            building 1 at=50,50.5 name="1"
            unit 1 households=1f1:2/0/1,2f2:0/1/0 name="1"
            """);
        var p = c.Problem;
        Assert.Equal("one building, walk-downs differ", c.Shape);
        Assert.Equal(Instant.FromUtc(2022, 4, 1, 5, 0), p.Start);
        Assert.Equal(ServiceTimes.Typical, p.ServiceTimes);
        Assert.Equal([(1, 3, 12, 60.0), (2, 1, 5, 0.0)], p.Sites.Select(s => (s.SiteId, s.Stations, s.QueueCapacity, s.WalkDown.TotalSeconds)));
        Assert.Equal(new Position(50, 50.5), Assert.Single(p.Buildings).Position);
        Assert.Equal([(1, 1, 2, 0, 1), (2, 2, 0, 1, 0)],
            p.Buildings[0].Units.Single().Households.Select(h => (h.HouseholdId, h.Floor, h.QrCode, h.Typed, h.Assisted)));
    }

    [Fact]
    public void Parse_text_without_a_start_line_throws_a_format_exception() =>
        Assert.Throws<FormatException>(() => WaveCase.Parse("wave \"x\"\ntimes qr=20 typed=40 assisted=60"));

    private static void RoundTrips(WaveCase c)
    {
        var text = c.ToString();
        var back = WaveCase.Parse(text);
        Assert.Null(DeepEquality.Difference(c.Problem, back.Problem));
        Assert.Equal(c.Shape, back.Shape);
        Assert.Equal(text, back.ToString());
    }
}
