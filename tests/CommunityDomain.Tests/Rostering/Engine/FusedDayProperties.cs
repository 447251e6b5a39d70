using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The one-worker DP's fused day step (issue 20, speed32: <c>ExtendDayPlain</c>, one loop per date where the plain path
/// called a method per state and transition) against the calls (<c>new WorkerScheduleDp(p, fusedDay: false)</c>): the
/// same sums in the same order and the same strict comparisons, so not only the same optimum but the same row, to the
/// bit the same priced cost, ties broken alike. With the others fixed at the greedy construction's roster: one pass per
/// worker at several minute prices, with and without the weekend pruning; and whole solves with price noise (the
/// per-shift and weekly prices, the fallbacks), the same seed. On long horizons with weekend maxima that bind
/// (<see cref="WeekendPruningProperties.WeekendYears"/>) and the lockdown shapes.
/// </summary>
[Properties(Arbitrary = new[] { typeof(FusedDayProperties) }, MaxTest = 200)]
public sealed class FusedDayProperties
{
    // Minute prices per minute worked: negative (work is rewarded), none (integer costs: many ties), positive.
    private static readonly double[] Lambdas = [-0.4, 0, 0.05, 0.3, 2];

    /// <summary>Year-long or months-long problems whose weekend maxima bind anywhere in the horizon.</summary>
    public static Arbitrary<WeekendYear> WeekendYears() => WeekendPruningProperties.WeekendYears();

    /// <summary>The lockdown generator's problems.</summary>
    public static Arbitrary<LockdownProblem> Lockdown() => LockdownRosterGenerators.Lockdown();

    [Property]
    public void The_fused_day_gives_the_calls_row_on_long_horizons(WeekendYear year) => SameRows(year.Problem, year.Seed);

    [Property]
    public void The_fused_day_gives_the_calls_row_on_lockdown_problems(LockdownProblem lockdown) => SameRows(lockdown.Problem, lockdown.Seed);

    private static void SameRows(RosterProblem problem, int seed)
    {
        var c = problem.Compiled;
        var ev = new RosterEvaluator(c);
        Construction.Greedy(ev);
        for (var w = 0; w < c.WorkerCount; w++)
        {
            foreach (var pruning in new[] { true, false })
            {
                foreach (var lambda in Lambdas)
                {
                    var (fused, calls) = (Pass(c, ev, w, lambda, pruning, fusedDay: true), Pass(c, ev, w, lambda, pruning, fusedDay: false));
                    Assert.True(fused.Found == calls.Found && fused.Priced.Equals(calls.Priced), $"worker {w} at {lambda}, pruning {pruning}: fused {fused.Priced}, calls {calls.Priced}");
                    Assert.Equal(calls.Row, fused.Row);
                }
            }

            var (a, b) = (new int[c.Days], new int[c.Days]);
            var foundFused = new WorkerScheduleDp(c, fusedDay: true).Solve(ev, w, a, new Random(seed + w));
            var foundCalls = new WorkerScheduleDp(c, fusedDay: false).Solve(ev, w, b, new Random(seed + w));
            Assert.Equal(foundCalls, foundFused);
            Assert.Equal(b, a);
        }
    }

    private static (bool Found, double Priced, int[] Row) Pass(CompiledProblem c, RosterEvaluator ev, int w, double lambda, bool pruning, bool fusedDay)
    {
        var row = new int[c.Days];
        var found = new WorkerScheduleDp(c, pruning, fusedDay: fusedDay).PricedPath(ev, w, lambda, row, out var priced);
        return (found, priced, row);
    }
}
