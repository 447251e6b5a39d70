using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The windowed re-optimisation (<see cref="MoveContext.Reoptimise(int, int, int)"/>, issue 20, long23) over planted and
/// lockdown-shaped problems and long horizons: it changes only its worker's dates inside the window, the evaluator's
/// score after it equals the independent <see cref="RosterChecker"/>, and the roster is never worse by the checker (hard
/// violations first); on long horizons the walk's re-optimisation and the window ruin's rebuild stay inside their windows,
/// and shorter horizons re-optimise whole rows exactly as before.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 60)]
public sealed class WindowReoptimiseProperties
{
    [Property]
    public void A_windowed_reoptimisation_changes_only_its_window_and_never_makes_the_roster_worse(RosterCase c, int seed, byte start, byte length)
    {
        WindowKeepsTheRest(c.Problem, seed, start, length);
    }

    [Property(Arbitrary = new[] { typeof(LockdownRosterGenerators) }, MaxTest = 12)]
    public void On_long_horizons_a_windowed_reoptimisation_changes_only_its_window_and_never_makes_the_roster_worse(int seed, byte start, byte length)
    {
        WindowKeepsTheRest(LockdownRosterGenerators.Create(Math.Abs(seed % 100_000), LockdownShape.LongHorizon).Problem, seed, start, length);
    }

    [Property(Arbitrary = new[] { typeof(LockdownRosterGenerators) }, MaxTest = 10)]
    public void On_long_horizons_the_walks_reoptimisation_of_a_worker_inside_their_rules_changes_at_most_a_window(int seed)
    {
        var problem = LockdownRosterGenerators.Create(Math.Abs(seed % 100_000), LockdownShape.LongHorizon).Problem;
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days < SearchTuning.ReoptimiseWindowFromDays)
        {
            return; // a short horizon re-optimises whole rows (the next property)
        }

        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var context = new MoveContext(ev, new Random(seed));
        for (var i = 0; i < 6; i++)
        {
            var before = (int[])ev.Assign.Clone();
            var hardBefore = Enumerable.Range(0, p.WorkerCount).Select(ev.WorkerHard).ToArray();
            var checkBefore = RosterChecker.Check(problem, Assignments(problem, before));
            ev.Begin();
            new ReoptimiseWorkerMove().Apply(context);
            ev.Commit();
            ev.Accept();
            var changed = Enumerable.Range(0, before.Length).Where(cell => before[cell] != ev.Assign[cell]).ToList();
            var workers = changed.Select(cell => cell / p.Days).Distinct().ToList();
            Assert.True(workers.Count <= 1, $"rows of {workers.Count} workers changed");
            if (workers.Count == 1 && hardBefore[workers[0]] == 0)
            {
                var dates = changed.Select(cell => cell % p.Days).ToList();
                Assert.True(dates.Max() - dates.Min() < SearchTuning.ReoptimiseWindowDays, $"dates {dates.Min()}-{dates.Max()} changed");
            }

            var check = RosterChecker.Check(problem, Assignments(problem, ev.Assign));
            Assert.Equal((check.Hard, check.Soft), (ev.Score.Hard, ev.Score.Soft));
            Assert.True(check.Hard < checkBefore.Hard || (check.Hard == checkBefore.Hard && check.Soft <= checkBefore.Soft), "the roster got worse");
        }
    }

    [Property]
    public void Shorter_horizons_reoptimise_whole_rows_as_before(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0 || p.Days >= SearchTuning.ReoptimiseWindowFromDays)
        {
            return; // nothing to move, or a long horizon (the property above)
        }

        // The move against the whole-row re-optimisation of the worker it draws, from the same seed.
        var moved = new RosterEvaluator(p);
        Construction.Greedy(moved);
        var whole = new RosterEvaluator(p, (int[])moved.Assign.Clone());
        moved.Begin();
        new ReoptimiseWorkerMove().Apply(new MoveContext(moved, new Random(seed)));
        moved.Commit();
        var context = new MoveContext(whole, new Random(seed));
        whole.Begin();
        context.Reoptimise(context.WorkerToReoptimise());
        whole.Commit();
        Assert.Equal(whole.Assign, moved.Assign);
    }

    [Property]
    public void The_window_ruin_rebuilds_only_its_window_and_margin(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing a move could touch
        }

        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var before = (int[])ev.Assign.Clone();
        ev.Begin();
        new WindowRuinMove().Apply(new MoveContext(ev, new Random(seed)));
        ev.Commit();

        // The window the move drew, from the same seed in its order (length, then first date).
        var rng = new Random(seed);
        var length = Math.Min(p.Days, 2 + rng.Next(SearchTuning.LongestRuinWindow - 1));
        var from = rng.Next(p.Days - length + 1);
        var (first, end) = WindowRuinMove.RebuildWindow(p.Days, from, from + length);
        Assert.Equal((Math.Max(0, from - SearchTuning.RebuildMarginDays), Math.Min(p.Days, from + length + SearchTuning.RebuildMarginDays)), (first, end));
        for (var cell = 0; cell < before.Length; cell++)
        {
            var d = cell % p.Days;
            Assert.True(before[cell] == ev.Assign[cell] || (d >= first && d < end), $"worker {cell / p.Days} changed on date {d}, outside {first}-{end - 1}");
        }
    }

    private static void WindowKeepsTheRest(RosterProblem problem, int seed, byte start, byte length)
    {
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing to re-optimise
        }

        var from = start * p.Days / 256;
        var to = Math.Min(p.Days, from + 1 + (length % 35));
        var w = Math.Abs(seed % p.WorkerCount);
        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var before = (int[])ev.Assign.Clone();
        var checkBefore = RosterChecker.Check(problem, Assignments(problem, before));
        ev.Begin();
        new MoveContext(ev, new Random(seed)).Reoptimise(w, from, to);
        ev.Commit();
        for (var cell = 0; cell < before.Length; cell++)
        {
            var (cw, d) = (cell / p.Days, cell % p.Days);
            Assert.True(before[cell] == ev.Assign[cell] || (cw == w && d >= from && d < to), $"worker {cw} changed on date {d}; window of worker {w}: {from}-{to - 1}");
        }

        var check = RosterChecker.Check(problem, Assignments(problem, ev.Assign));
        Assert.Equal((check.Hard, check.Soft), (ev.Score.Hard, ev.Score.Soft));
        Assert.True(check.Hard < checkBefore.Hard || (check.Hard == checkBefore.Hard && check.Soft <= checkBefore.Soft), $"worse: {checkBefore.Hard}/{checkBefore.Soft} -> {check.Hard}/{check.Soft}");
    }

    /// <summary>The cells as public assignments (the slot's demand gives post, shift and qualification).</summary>
    private static List<RosterAssignment> Assignments(RosterProblem problem, int[] assign)
    {
        var p = problem.Compiled;
        var list = new List<RosterAssignment>();
        for (var cell = 0; cell < assign.Length; cell++)
        {
            if (assign[cell] >= 0)
            {
                var d = problem.Demands[p.SlotDemand[assign[cell]]];
                list.Add(new RosterAssignment(problem.Workers[cell / p.Days].Id, problem.Horizon.Start.PlusDays(cell % p.Days), d.Post, d.ShiftCode, d.Qualification));
            }
        }

        return list;
    }
}
