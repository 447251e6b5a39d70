using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using FsCheck.Xunit;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The repair aimed at the hard violations a sweep leaves (helper hard17): the opening's repair passes (workers still
/// breaking their own rules re-optimised again, <see cref="SearchTuning.SweepRepairPasses"/>) never leave the roster
/// worse than the sweep alone did, hard violations first, by the independent checker (<see cref="RosterChecker"/>);
/// over planted and lockdown-shaped problems (understaffed, over-demanded, everything pinned, day-long shifts, a year's
/// horizon, 40+ shift types) and tiny problems whose minute windows are narrower than a shift, where the sweep often
/// leaves a worker outside their rules. The walk's draw of the worker to re-optimise (<c>MoveContext.WorkerToReoptimise</c>)
/// is checked on fixed examples.
/// </summary>
[Properties(Arbitrary = new[] { typeof(ReoptimiseCaseArbitraries) }, MaxTest = 40)]
public sealed class SweepRepairProperties
{
    [Property]
    public void The_repair_passes_never_make_the_swept_roster_worse(ReoptimiseCase c, int seed)
    {
        var problem = c.Problem;
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: no sweep to repair
        }

        // The sweep is one iteration per worker; the same seed with room for every repair pass runs the same sweep first.
        var swept = Open(p, seed, p.WorkerCount);
        var repaired = Open(p, seed, (long)p.WorkerCount * (1 + SearchTuning.SweepRepairPasses));
        var before = Check(problem, swept.BestAssign);
        var after = Check(problem, repaired.BestAssign);
        Assert.True(
            after.Hard < before.Hard || (after.Hard == before.Hard && after.Soft <= before.Soft),
            $"the sweep left ({before.Hard} hard, {before.Soft} soft), the repair ({after.Hard}, {after.Soft})");
        Assert.Equal(after.Hard, repaired.BestScore.Hard);
        Assert.Equal(after.Soft, repaired.BestScore.Soft);
    }

    [Fact]
    public void WorkerToReoptimise_no_hard_violation_draws_exactly_as_one_blind_draw()
    {
        var problem = Problem(workers: Staff(6), days: 14);
        var ev = new RosterEvaluator(problem.Compiled);
        Assert.Equal(0, ev.Hard);
        var context = new MoveContext(ev, new Random(5));
        var blind = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(blind.Next(6), context.WorkerToReoptimise());
        }
    }

    [Fact]
    public void WorkerToReoptimise_one_worker_short_of_their_minimum_is_drawn_about_half_the_time()
    {
        // Twenty workers, an empty roster: only worker 7 (a 40-hour minimum) breaks a rule of their own.
        var workers = Staff(20).Select(w => w.Id.Value == 8
            ? new Worker(w.Id, WorkerKind.Staff, Home, rules: new WorkRules(minTotalMinutes: 40 * 60))
            : w).ToList();
        var problem = Problem(workers: workers, days: 14);
        var ev = new RosterEvaluator(problem.Compiled);
        Assert.True(ev.WorkerHard(7) > 0);
        Assert.Equal(ev.Hard, ev.WorkerHard(7));
        var context = new MoveContext(ev, new Random(11));
        var drawn = Enumerable.Range(0, 1000).Count(_ => context.WorkerToReoptimise() == 7);

        // Aimed: 1/2 + 1/2 x 1/20 = 52.5 % expected; a blind draw alone would give 5 %.
        Assert.InRange(drawn, 450, 600);
    }

    private static List<Worker> Staff(int n) =>
        [.. Enumerable.Range(1, n).Select(i => new Worker(W(i), WorkerKind.Staff, Home))];

    private static SearchEngine Open(CompiledProblem p, int seed, long iterations)
    {
        var engine = new SearchEngine(p, new PlannerOptions(seed, iterationLimit: iterations) { DegreeOfParallelism = 1 }, progress: null);
        engine.Open(CancellationToken.None);
        return engine;
    }

    private static RosterChecker.Result Check(RosterProblem problem, int[] cells) =>
        RosterChecker.Check(problem, RosterBuilder.Build(problem.Compiled, (int[])cells.Clone()).Assignments);
}
