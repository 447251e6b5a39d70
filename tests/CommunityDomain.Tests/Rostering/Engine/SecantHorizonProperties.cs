using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The walk prices a minute window with the secant only from <see cref="SearchTuning.SecantFromDays"/> dates (issue 20,
/// session 33: on 28 dates it cost Instances 6 and 12 a person on two seeds of three). The walk's re-optimiser
/// (<see cref="MoveContext.Dp"/>) gives, for every worker of a tiny problem with a narrow window (the others at the greedy
/// construction's roster, the same price noise), the outcome and the row of the bisection alone on a shorter horizon and
/// those of the secant from that many dates on. The two pricings part on about one worker in 300 of these problems, so
/// the examples are problems where they do (found by scanning seeds), either side of the threshold.
/// </summary>
[Properties(MaxTest = 200)]
public sealed class SecantHorizonProperties
{
    [Property]
    public void The_walk_prices_with_the_secant_exactly_from_SecantFromDays_dates(NonNegativeInt seed, bool longHorizon) =>
        AssertWalkPricesAsItsHorizon(longHorizon
            ? ExactMinutesProperties.Narrow(seed.Get, fewestDays: SearchTuning.SecantFromDays, mostDays: SearchTuning.SecantFromDays + 14).Compiled
            : ExactMinutesProperties.Narrow(seed.Get, fewestDays: 2, mostDays: SearchTuning.SecantFromDays - 1).Compiled, seed.Get);

    [Theory]
    [InlineData(840, 2, 6, 4)]
    [InlineData(435, 20, 41, 41)]
    [InlineData(176, 42, 42, 42)]
    [InlineData(2336, 42, 56, 43)]
    [InlineData(72, 42, 56, 47)]
    public void Where_the_two_pricings_part_the_walk_takes_its_horizon_s(int seed, int fewestDays, int mostDays, int days)
    {
        var c = ExactMinutesProperties.Narrow(seed, fewestDays: fewestDays, mostDays: mostDays).Compiled;
        Assert.Equal(days, c.Days);
        var ev = Greedy(c);
        Assert.Contains(Enumerable.Range(0, c.WorkerCount), w =>
            Price(new WorkerScheduleDp(c, secant: true), ev, w, seed) != Price(new WorkerScheduleDp(c, secant: false), ev, w, seed));
        AssertWalkPricesAsItsHorizon(c, seed);
    }

    private static void AssertWalkPricesAsItsHorizon(CompiledProblem c, int seed)
    {
        var ev = Greedy(c);
        var walk = new MoveContext(ev, new Random(seed)).Dp;
        var expected = new WorkerScheduleDp(c, secant: c.Days >= SearchTuning.SecantFromDays);
        for (var w = 0; w < c.WorkerCount; w++)
        {
            Assert.Equal(Price(expected, ev, w, seed), Price(walk, ev, w, seed));
        }
    }

    private static RosterEvaluator Greedy(CompiledProblem c)
    {
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        return ev;
    }

    /// <summary>Whether the minute price's rounds found a row in the window for worker <paramref name="w"/>, and the row (comma-separated slots).</summary>
    private static (bool Found, string Row) Price(WorkerScheduleDp dp, RosterEvaluator ev, int w, int seed)
    {
        var row = new int[ev.P.Days];
        var found = dp.SearchMinutePrices(ev, w, row, new Random(seed + w));
        return (found, string.Join(",", row));
    }
}
