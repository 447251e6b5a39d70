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

    [Property(Arbitrary = [typeof(OddDurationWaveArbitraries)], MaxTest = 80)]
    public void A_printed_case_with_durations_to_the_nanosecond_rebuilds_the_same_problem(WaveCase c) => RoundTrips(c);

    [Fact]
    public void Parse_a_one_nanosecond_and_a_one_tick_walk_down_and_a_service_a_nanosecond_over_a_millisecond_rebuilds_them()
    {
        var home = new HouseholdLoad(1, 1, 1, 0, 0);
        var problem = new WaveProblem(WaveGenerators.Start,
            new ServiceTimes(Duration.FromNanoseconds(1_000_001), Duration.FromSeconds(40), Duration.FromHours(1)),
            [new SiteSpec(1, "a", new Position(0, 0), 1, 5, Duration.FromNanoseconds(1)), new SiteSpec(2, "b", new Position(0, 0), 1, 5, Duration.FromTicks(1))],
            [new BuildingLoad(1, "1", new Position(0, 0), [new UnitLoad(1, "1", [home])])]);

        var text = new WaveCase(problem, "sub-tick").ToString();
        var back = WaveCase.Parse(text);

        Assert.Contains("walk=0.000000001 ", text, StringComparison.Ordinal);
        Assert.Equal(Duration.FromNanoseconds(1), back.Problem.Sites[0].WalkDown);
        Assert.Equal(Duration.FromTicks(1), back.Problem.Sites[1].WalkDown);
        Assert.Equal(Duration.FromNanoseconds(1_000_001), back.Problem.ServiceTimes.QrCode);
        Assert.Null(DeepEquality.Difference(problem, back.Problem));
    }

    [Fact]
    public void Parse_a_duration_finer_than_a_nanosecond_throws_a_format_exception() =>
        Assert.Throws<FormatException>(() => WaveCase.Parse("wave \"x\"\nstart 2022-04-01T05:00:00Z\ntimes qr=20.0000000001 typed=40 assisted=60"));

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

/// <summary>Wave cases whose service times and walk-downs are any whole number of nanoseconds in their ranges (1 ms to 1 h,
/// 0 to 2 h), the edges and sub-tick values included: the text form must carry them exactly.</summary>
public static class OddDurationWaveArbitraries
{
    private static readonly Gen<long> Service = Gen.OneOf(
        Gen.Elements(1_000_000L, 1_000_001L, 1_000_099L, 1_000_100L, 20_000_000_001L, 3_600_000_000_000L),
        Gen.Choose(0, int.MaxValue).Select(i => 1_000_000L + ((long)i * 1_000) + (i % 997)));

    private static readonly Gen<long> Walk = Gen.OneOf(
        Gen.Elements(0L, 1L, 99L, 100L, 101L, 7_200_000_000_000L),
        Gen.Choose(0, int.MaxValue).Select(i => ((long)i * 3_000) + (i % 1_009)));

    public static Arbitrary<WaveCase> Cases() => Arb.From(
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from qr in Service
        from typed in Service
        from assisted in Service
        from walk in Walk
        select Retimed(WaveGenerators.Tiny(seed), qr, typed, assisted, walk));

    private static WaveCase Retimed(WaveCase c, long qr, long typed, long assisted, long walk)
    {
        var p = c.Problem;
        var times = new ServiceTimes(Duration.FromNanoseconds(qr), Duration.FromNanoseconds(typed), Duration.FromNanoseconds(assisted));
        var sites = p.Sites.Select((s, i) => new SiteSpec(s.SiteId, s.Name, s.Position, s.Stations, s.QueueCapacity,
            Duration.FromNanoseconds(Math.Min(7_200_000_000_000L, walk + i)))).ToList();
        return new WaveCase(new WaveProblem(p.Start.PlusNanoseconds(qr % 1_000), times, sites, p.Buildings), "durations to the nanosecond");
    }
}
