using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The construction scans each date-slot's allowed-worker list (<see cref="SearchIndex"/>) instead of every worker; this
/// must not change a single placement. The oracle here is the scan it replaced, written out from the documented rule
/// (from the rotation on, over every worker, skipping those taken, not allowed or overlapping a neighbour; among the
/// first <see cref="Construction.PricedCandidates"/> acceptable ones the cheapest), over planted and lockdown-shaped
/// problems: understaffed, over-demanded, pinned, one worker, empty.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 80)]
public sealed class ConstructionProperties
{
    [Property]
    public void The_allowed_lists_place_exactly_what_the_scan_over_every_worker_places(RosterCase c)
    {
        var p = c.Problem.Compiled;
        var fast = new RosterEvaluator(p);
        Construction.Greedy(fast, index: new SearchIndex(p));
        var oracle = new RosterEvaluator(p);
        ScanEveryWorker(oracle);
        Assert.Equal(oracle.Assign, fast.Assign);
        Assert.Equal(oracle.Score, fast.Score);
    }

    [Fact]
    public void A_post_with_a_minimum_is_filled_before_a_scarcer_post_without_one()
    {
        // Two workers, one date: the gate needs 1 (minimum 1), the far post 3 (no minimum). By allowed workers per person
        // the far post is scarcer (2 / 3 against 2 / 1), and filled first it took both workers and left the gate's
        // minimum short (a lockdown district: hard gate posts among over-demanded delivery teams, session 53).
        var demands = new List<Demand>
        {
            new(RosterExamples.Gate, RosterExamples.Home, RosterExamples.Monday, "D", 1, 100, 1, minimum: 1),
            new(RosterExamples.Far, RosterExamples.Other, RosterExamples.Monday, "D", 3, 100, 1),
        };
        var problem = RosterExamples.Problem(demands: demands, days: 1);
        var p = problem.Compiled;
        var ev = new RosterEvaluator(p);

        Construction.Greedy(ev);

        var gate = Enumerable.Range(0, p.SlotCount).Single(s => p.Minimum[p.DaySlot(0, s)] == 1);
        Assert.Equal(1, ev.Count(0, gate));
        Assert.Equal(1, ev.Count(0, 1 - gate));
        Assert.Equal(0, ev.Score.Hard);
    }

    private static void ScanEveryWorker(RosterEvaluator ev)
    {
        var p = ev.P;
        // Date-slots with a hard minimum first, then by allowed workers per required person, date, slot.
        var order = new List<(bool Soft, double, int Day, int Slot)>();
        for (var d = 0; d < p.Days; d++)
        {
            for (var s = 0; s < p.SlotCount; s++)
            {
                var req = p.Required[p.DaySlot(d, s)];
                var allowed = Enumerable.Range(0, p.WorkerCount).Count(w => p.Allowed[p.ChoiceIndex(w, d, s + 1)]);
                if (req > 0)
                {
                    order.Add((p.Minimum[p.DaySlot(d, s)] <= 0, (double)allowed / req, d, s));
                }
            }
        }

        order.Sort();
        var rotation = -1;
        foreach (var clean in new[] { true, false })
        {
            foreach (var (_, _, d, s) in order)
            {
                for (var need = p.Required[p.DaySlot(d, s)] - ev.Count(d, s); need > 0; need--)
                {
                    rotation = p.WorkerCount == 0 ? 0 : (rotation + 1) % p.WorkerCount;
                    var best = Cheapest(ev, d, s, clean, rotation);
                    if (best < 0)
                    {
                        break;
                    }

                    ev.Place(best, d, s);
                }
            }
        }
    }

    private static int Cheapest(RosterEvaluator ev, int d, int s, bool clean, int rotation)
    {
        var p = ev.P;
        var (best, bestDelta, acceptable) = (-1, ScoreChange.Worst, 0);
        for (var i = 0; i < p.WorkerCount && acceptable < Construction.PricedCandidates; i++)
        {
            var w = (rotation + i) % p.WorkerCount;
            if (ev.Assign[p.WorkerDay(w, d)] >= 0 || !p.Allowed[p.ChoiceIndex(w, d, s + 1)] || p.OverlapsNeighbour(ev.Assign, w, d, s))
            {
                continue;
            }

            var (fairness, minutes) = (ev.Fairness, ev.WorkerMinutes(w));
            ev.Begin();
            ev.Set(w, d, s);
            var delta = ev.Commit();
            var withoutFairness = delta with { Soft = delta.Soft - (ev.Fairness - fairness) };
            var min = p.Rules[p.WorkerRules[w]].MinMinutes;
            var otherBroken = delta.Hard + Short(min, minutes) - Short(min, ev.WorkerMinutes(w));
            ev.Undo();
            if (withoutFairness.Improves && !(clean && otherBroken > 0))
            {
                acceptable++;
                (best, bestDelta) = delta < bestDelta ? (w, delta) : (best, bestDelta);
            }
        }

        return best;
    }

    private static int Short(int min, int minutes) => minutes < min ? WorkerScoring.Hours(min - minutes) : 0;
}
