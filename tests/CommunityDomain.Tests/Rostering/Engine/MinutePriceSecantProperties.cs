using CommunityDomain.Rostering.Engine;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The minute price's secant in the one-worker DP (issue 20, gap31), the others fixed at the greedy construction's roster:
/// before a row in the window, the price at which the nearest rows below and above it cost the same. A row the bisection
/// alone finds in the window is optimal at some price, so it lies on or below the line through those two rows, and with
/// price noise never exactly on it: the secant's rounds, the same noise, find a row in the window whenever the
/// bisection's do (they stop without one only when no row lies below that line). On tiny problems with narrow windows and
/// mixed shift lengths (<see cref="ExactMinutesProperties"/>' generator), where the price often jumps over the window.
/// </summary>
[Properties(Arbitrary = new[] { typeof(MinutePriceSecantProperties) }, MaxTest = 300)]
public sealed class MinutePriceSecantProperties
{
    /// <summary>Tiny problems with narrow minute windows and mixed shift lengths (<see cref="ExactMinutesProperties.NarrowWindows"/>).</summary>
    public static Arbitrary<TinyProblem> NarrowWindows() => ExactMinutesProperties.NarrowWindows();

    [Property]
    public void The_secant_finds_a_row_in_the_window_whenever_the_bisection_does(TinyProblem tiny)
    {
        var c = tiny.Problem.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        for (var w = 0; w < c.WorkerCount; w++)
        {
            var row = new int[c.Days];
            var bisection = new WorkerScheduleDp(c, secant: false).SearchMinutePrices(ev, w, row, new Random(tiny.Seed + w));
            var secant = new WorkerScheduleDp(c, secant: true).SearchMinutePrices(ev, w, row, new Random(tiny.Seed + w));
            Assert.True(secant || !bisection, $"worker {w}: the bisection priced a row into the window, the secant did not");
        }
    }
}
