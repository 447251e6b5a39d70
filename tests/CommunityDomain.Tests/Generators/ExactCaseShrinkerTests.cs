using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Curtois;
using CommunityDomain.Tests.MassTesting;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// The arbitraries of the exact comparisons (tiny wave problems against brute force, random Curtois cases against the
/// integer programme) shrink: a failing property ends on a small case that still keeps the generator's promise.
/// </summary>
public sealed class ExactCaseShrinkerTests
{
    private static T Shrunk<T>(T value, Func<T, IEnumerable<T>> shrink, Func<T, bool> fails) => ScriptShrinkers.Greedy(value, shrink, fails);

    [Property(Arbitrary = [typeof(TinyWaveArbitraries)], MaxTest = 60)]
    public void A_tiny_wave_case_failing_on_two_households_shrinks_to_two_households_at_one_site(WaveCase c)
    {
        // A stand-in for a failing brute-force comparison that needs two households to go wrong.
        static bool Fails(WaveCase x) => Households(x.Problem) >= 2;
        if (!Fails(c))
        {
            return;
        }

        var shrunk = Shrunk(c, TinyWaveArbitraries.Cases().Shrinker, Fails);

        Assert.Equal(2, Households(shrunk.Problem));
        Assert.Single(shrunk.Problem.Sites);
        Assert.True(shrunk.Problem.Buildings.Count <= 2, shrunk.ToString());

        // Still a valid tiny problem: the planner's finish is the brute-force optimum.
        Assert.Equal(shrunk.Problem.Start + WaveExactSearchTests.BruteForce(shrunk.Problem), WavePlanner.Plan(shrunk.Problem).ExpectedFinish);
    }

    [Property(Arbitrary = [typeof(TinyWalkDownArbitraries)], MaxTest = 40)]
    public void A_tiny_walk_down_case_failing_on_two_households_shrinks_to_two_households_at_one_site_in_its_one_building(WaveCase c)
    {
        // A stand-in for a failing brute-force comparison that needs two households to go wrong.
        static bool Fails(WaveCase x) => Households(x.Problem) >= 2;
        Assert.All(TinyWalkDownArbitraries.Shrink(c), s => Assert.Single(s.Problem.Buildings));
        if (!Fails(c))
        {
            return;
        }

        var shrunk = Shrunk(c, TinyWalkDownArbitraries.Cases().Shrinker, Fails);

        Assert.Equal(2, Households(shrunk.Problem));
        Assert.Single(shrunk.Problem.Sites);
        Assert.Single(shrunk.Problem.Buildings);
        Assert.True(shrunk.Problem.Buildings[0].Units.Count <= 2, shrunk.ToString());
        Assert.Equal(shrunk.Problem.Start + WaveExactSearchTests.BruteForce(shrunk.Problem), WavePlanner.Plan(shrunk.Problem).ExpectedFinish);
    }

    [Property(Arbitrary = [typeof(CurtoisArbitraries)], MaxTest = 60)]
    public void Every_shrunk_Curtois_case_is_smaller_and_keeps_its_target_off_on_an_under_covered_shift(CurtoisCase c)
    {
        foreach (var s in CurtoisArbitraries.Cases().Shrinker(c))
        {
            Assert.True(Size(s) < Size(c), $"{s} is not smaller than {c}");
            Assert.Equal(CurtoisSolution.Off, s.Solution[s.Employee, s.Day]);
            Assert.Equal((s.Instance.Staff.Count, s.Instance.Days), (s.Solution.Employees, s.Solution.Days));
            var on = Enumerable.Range(0, s.Solution.Employees).Count(e => s.Solution[e, s.Day] == s.Shift);
            Assert.True(on < s.Instance.CoverAt(s.Day, s.Shift).Requirement, $"{s}: {on} on the target shift is not under-covered");
            Assert.All(Enumerable.Range(0, s.Solution.Employees), e => Assert.All(Enumerable.Range(0, s.Solution.Days),
                d => Assert.InRange(s.Solution[e, d], CurtoisSolution.Off, s.Instance.Shifts.Count - 1)));
        }
    }

    [Property(Arbitrary = [typeof(CurtoisArbitraries)], MaxTest = 30)]
    public void Shrinking_a_Curtois_case_ends_on_one_employee_one_day_and_one_shift_type(CurtoisCase c)
    {
        var shrunk = Shrunk(c, CurtoisArbitraries.Shrink, _ => true);

        Assert.Equal((1, 1, 1), (shrunk.Instance.Staff.Count, shrunk.Instance.Days, shrunk.Instance.Shifts.Count));
        Assert.Empty(shrunk.Instance.OnRequests);
        Assert.Empty(shrunk.Instance.OffRequests);
    }

    [Property(Arbitrary = [typeof(CurtoisArbitraries)], MaxTest = 60)]
    public void A_Curtois_case_failing_because_its_target_works_shrinks_to_that_employee_and_one_worked_day(CurtoisCase c)
    {
        // A stand-in for a failing property about the target employee's work: it needs one worked cell.
        static bool Fails(CurtoisCase x) => Enumerable.Range(0, x.Instance.Days).Any(d => x.Solution[x.Employee, d] != CurtoisSolution.Off);
        if (!Fails(c))
        {
            return;
        }

        var shrunk = Shrunk(c, CurtoisArbitraries.Shrink, Fails);

        Assert.Single(shrunk.Instance.Staff);
        Assert.Equal(2, shrunk.Instance.Days);
        Assert.InRange(shrunk.Instance.Shifts.Count, 1, 2);
        Assert.Empty(shrunk.Instance.OnRequests.Concat(shrunk.Instance.OffRequests));
        Assert.Equal(1, Enumerable.Range(0, 2).Count(d => shrunk.Solution[0, d] != CurtoisSolution.Off));
    }

    private static int Households(WaveProblem p) => p.Buildings.Sum(b => b.Units.Sum(u => u.Households.Count));

    private static int Size(CurtoisCase c) =>
        c.Instance.Staff.Count + c.Instance.Days + c.Instance.Shifts.Count + c.Instance.OnRequests.Count + c.Instance.OffRequests.Count;
}
