using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The cover chain (<see cref="CoverChainMove"/>) does what its name says, over planted and lockdown-shaped problems
/// (pins, confinement, understaffed and over-demanded cover, one date, 24-hour shifts), each step from a roster the
/// earlier steps changed. Its contract (pins, allowed choices, overlaps, score against a full recomputation and the
/// independent checker) is checked with every other move's in <see cref="MoveProperties"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 40)]
public sealed class CoverChainMoveProperties
{
    private const int Steps = 40;

    [Property]
    public void The_cover_chain_fills_an_under_covered_duty_through_at_most_two_workers_and_never_leaves_more_people_missing(RosterCase c, int seed)
    {
        var (p, ev, context) = Start(c.Problem, seed);
        if (p is null)
        {
            return;
        }

        var move = new CoverChainMove();
        for (var i = 0; i < Steps; i++)
        {
            var before = (int[])ev.Assign.Clone();
            ev.Begin();
            move.Apply(context);
            ev.Commit();
            var changed = ChangedWorkers(p, before, ev.Assign);
            Assert.True(changed.Count <= 2, $"the chain changed {changed.Count} workers");
            foreach (var w in changed)
            {
                var more = Duties(p, ev.Assign, w) - Duties(p, before, w);
                Assert.True(more is 0 or 1, $"worker {w} went from {Duties(p, before, w)} to {Duties(p, ev.Assign, w)} duties");
            }

            Assert.True(Missing(p, Counts(p, ev.Assign)) <= Missing(p, Counts(p, before)), "more people missing below demand after the chain");
            if (changed.Count > 0)
            {
                Assert.True(Missing(p, Counts(p, before)) > 0, "the chain moved although no duty was under its demand");
            }

            ev.Accept();
        }
    }

    private static (CompiledProblem? P, RosterEvaluator Ev, MoveContext Context) Start(RosterProblem problem, int seed)
    {
        var p = problem.Compiled;
        var ev = new RosterEvaluator(p);
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return (null, ev, null!); // no worker or no date: nothing a move could touch
        }

        Construction.Greedy(ev);
        return (p, ev, new MoveContext(ev, new Random(seed)));
    }

    private static List<int> ChangedWorkers(CompiledProblem p, int[] before, int[] after) =>
        Enumerable.Range(0, p.WorkerCount).Where(w => Enumerable.Range(0, p.Days).Any(d => before[p.WorkerDay(w, d)] != after[p.WorkerDay(w, d)])).ToList();

    private static int Duties(CompiledProblem p, int[] assign, int w) => Enumerable.Range(0, p.Days).Count(d => assign[p.WorkerDay(w, d)] >= 0);

    private static long Missing(CompiledProblem p, int[] counts) =>
        Enumerable.Range(0, counts.Length).Where(cell => p.Required[cell] > counts[cell]).Sum(cell => (long)(p.Required[cell] - counts[cell]));

    private static int[] Counts(CompiledProblem p, int[] assign)
    {
        var counts = new int[p.Days * p.SlotCount];
        for (var cell = 0; cell < assign.Length; cell++)
        {
            if (assign[cell] >= 0)
            {
                counts[(cell % p.Days * p.SlotCount) + assign[cell]]++;
            }
        }

        return counts;
    }
}
