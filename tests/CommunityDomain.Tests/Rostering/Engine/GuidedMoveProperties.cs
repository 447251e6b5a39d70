using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The guided moves do what their names say, over planted and lockdown-shaped problems (pins, confinement,
/// qualifications, understaffed and over-demanded cover), each step from a roster the earlier steps changed. Their
/// contract (pins, allowed choices, overlaps, score) is checked with every other move in <see cref="MoveProperties"/>;
/// the lists they draw from are checked here against the problem's allowed table.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 40)]
public sealed class GuidedMoveProperties
{
    private const int Steps = 40;

    [Property]
    public void The_cover_move_never_takes_a_person_from_a_cell_at_or_below_its_demand_and_always_moves_cover_closer(RosterCase c, int seed)
    {
        var (p, ev, context) = Start(c.Problem, seed);
        if (p is null)
        {
            return;
        }

        var move = new CoverMove();
        for (var i = 0; i < Steps; i++)
        {
            var before = Counts(p, ev.Assign);
            ev.Begin();
            move.Apply(context);
            ev.Commit();
            var after = Counts(p, ev.Assign);
            for (var cell = 0; cell < before.Length; cell++)
            {
                if (p.Required[cell] >= 0 && before[cell] <= p.Required[cell] && after[cell] < before[cell])
                {
                    Assert.Fail($"cell {cell} (demand {p.Required[cell]}) went from {before[cell]} to {after[cell]} people");
                }
            }

            if (!before.SequenceEqual(after) && Deviation(p, after) >= Deviation(p, before))
            {
                Assert.Fail($"cover moved but its distance to demand went from {Deviation(p, before)} to {Deviation(p, after)}");
            }

            ev.Accept();
        }
    }

    [Property]
    public void The_request_move_gives_one_worker_a_cheaper_choice_and_keeps_cover_when_it_swaps(RosterCase c, int seed)
    {
        var (p, ev, context) = Start(c.Problem, seed);
        if (p is null)
        {
            return;
        }

        var move = new RequestMove();
        for (var i = 0; i < Steps; i++)
        {
            var before = (int[])ev.Assign.Clone();
            ev.Begin();
            move.Apply(context);
            ev.Commit();
            var changed = Enumerable.Range(0, before.Length).Where(cell => before[cell] != ev.Assign[cell]).ToList();
            var cheaper = changed.Count(cell => Soft(p, cell, ev.Assign[cell]) < Soft(p, cell, before[cell]));
            var sameDate = changed.Select(cell => cell % p.Days).Distinct().Count() <= 1;
            var ok = changed.Count switch
            {
                0 => true,
                1 => cheaper == 1,
                2 => cheaper >= 1 && sameDate && Counts(p, before).SequenceEqual(Counts(p, ev.Assign)),
                _ => false,
            };
            Assert.True(ok, $"request move changed {changed.Count} cells, {cheaper} cheaper, same date {sameDate}");
            ev.Accept();
        }
    }

    [Property]
    public void The_search_index_lists_exactly_the_allowed_workers_of_each_date_slot_and_their_share(RosterCase c)
    {
        var p = c.Problem.Compiled;
        var index = new SearchIndex(p);
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                var cell = p.DaySlot(d, s);
                var listed = Enumerable.Range(0, index.EligibleCount(cell)).Select(i => index.Eligible(cell, i));
                var allowed = Enumerable.Range(0, p.WorkerCount).Where(w => p.Allowed[p.ChoiceIndex(w, d, s + 1)]);
                Assert.Equal(allowed, listed);
            }
        }

        var slotChoices = (long)p.WorkerCount * p.Days * p.SlotCount;
        var allowedSlots = Enumerable.Range(0, p.Allowed.Length).Count(i => i % p.Choices != 0 && p.Allowed[i]);
        Assert.Equal(slotChoices == 0 ? 1.0 : (double)allowedSlots / slotChoices, index.AllowedShare, 12);

        var wishes = Enumerable.Range(0, index.WishCellCount).Select(index.WishCell);
        var varying = Enumerable.Range(0, p.WorkerCount * p.Days).Where(wd => Enumerable.Range(0, p.Choices)
            .Where(ch => p.Allowed[(wd * p.Choices) + ch]).Select(ch => p.ChoiceSoft[(wd * p.Choices) + ch]).Distinct().Count() > 1);
        Assert.Equal(varying, wishes);
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

    private static int Soft(CompiledProblem p, int workerDay, int slot) => p.ChoiceSoft[(workerDay * p.Choices) + slot + 1];

    private static long Deviation(CompiledProblem p, int[] counts) =>
        Enumerable.Range(0, counts.Length).Where(cell => p.Required[cell] >= 0).Sum(cell => (long)Math.Abs(counts[cell] - p.Required[cell]));

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
