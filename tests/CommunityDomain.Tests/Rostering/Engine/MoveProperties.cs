using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// Each search move on its own, over planted and lockdown-shaped problems: it never moves a pin, never adds a
/// choice the problem excludes, never adds a pair of overlapping duties of one worker (counted here from the
/// shifts' real intervals), the swaps keep cover as it was, and the evaluator's score after it equals a full
/// recomputation and, after the sequence, the independent checker.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 60)]
public sealed class MoveProperties
{
    public enum Kind
    {
        Reoptimise,
        RuinAndRecreate,
        Change,
        SwapDate,
        SwapBlock,
        Cover,
        Request,
        GuidedSwapDate,
        GuidedSwapBlock,
        WindowRuin,
        EjectionChain,
        WindowChain,
        NearWindowRuin,
    }

    [Property]
    public void Moves_keep_pins_and_allowed_choices(RosterCase c, Kind kind, int seed) =>
        MovesKeepTheRules(c.Problem, kind, seed);

    private static IMove Make(Kind kind) => kind switch
    {
        Kind.Reoptimise => new ReoptimiseWorkerMove(),
        Kind.RuinAndRecreate => new RuinAndRecreateMove(),
        Kind.Change => new ChangeMove(),
        Kind.SwapDate => new SwapBlockMove(oneDate: true),
        Kind.SwapBlock => new SwapBlockMove(oneDate: false),
        Kind.Cover => new CoverMove(),
        Kind.Request => new RequestMove(),
        Kind.GuidedSwapDate => new GuidedSwapMove(oneDate: true),
        Kind.WindowRuin => new WindowRuinMove(),
        Kind.EjectionChain => new EjectionChainMove(),
        Kind.WindowChain => new WindowChainMove(),
        Kind.NearWindowRuin => new WindowRuinMove(rebuildNearWindow: true),
        _ => new GuidedSwapMove(oneDate: false),
    };

    private static void MovesKeepTheRules(RosterProblem problem, Kind kind, int seed)
    {
        var p = problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing a move could touch
        }

        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var context = new MoveContext(ev, new Random(seed));
        var move = Make(kind);
        for (var i = 0; i < 30; i++)
        {
            var before = (int[])ev.Assign.Clone();
            var counts = Counts(p, before);
            var overlapsBefore = OverlappingPairs(problem, before);
            ev.Begin();
            move.Apply(context);
            ev.Commit();
            for (var cell = 0; cell < before.Length; cell++)
            {
                var (w, d) = (cell / p.Days, cell % p.Days);
                if (p.Pinned[cell] >= 0 && ev.Assign[cell] != p.Pinned[cell])
                {
                    Assert.Fail($"pin moved at worker {w} day {d}");
                }

                if (ev.Assign[cell] != before[cell] && !p.Allowed[p.ChoiceIndex(w, d, ev.Assign[cell] + 1)])
                {
                    Assert.Fail($"{kind} placed worker {w} on an excluded choice on day {d}");
                }
            }

            if (OverlappingPairs(problem, ev.Assign) > overlapsBefore)
            {
                Assert.Fail($"{kind} put a worker on two overlapping duties");
            }

            if (kind is Kind.SwapDate or Kind.SwapBlock or Kind.GuidedSwapDate or Kind.GuidedSwapBlock && !Counts(p, ev.Assign).SequenceEqual(counts))
            {
                Assert.Fail($"{kind} changed cover");
            }

            if (ev.Score != RosterEvaluator.FullScore(p, (int[])ev.Assign.Clone()))
            {
                Assert.Fail($"{kind}: incremental score differs from a full recomputation");
            }

            // Keep every other move, so later moves start from changed rosters too.
            if (i % 2 == 0)
            {
                ev.Accept();
            }
            else
            {
                ev.Undo();
            }
        }

        var check = RosterChecker.Check(problem, Assignments(problem, ev.Assign));
        Assert.Equal((check.Hard, check.Soft), (ev.Score.Hard, ev.Score.Soft));
    }

    /// <summary>The cells as public assignments (the slot's demand gives post, shift and qualification).</summary>
    internal static List<RosterAssignment> Assignments(RosterProblem problem, int[] assign)
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

    private static int OverlappingPairs(RosterProblem problem, int[] assign) => RosterChecker.OverlappingPairs(problem, Assignments(problem, assign)).Count();

    internal static int[] Counts(CompiledProblem p, int[] assign)
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
