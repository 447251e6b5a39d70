using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The window ruin-and-recreate (<see cref="WindowRuinMove"/>) over planted and lockdown-shaped problems: the ruin
/// clears exactly the window's unpinned duties of the workers it names, the move changes no other worker's row (with the
/// lanes' near rebuild, theirs only on the window and <see cref="SearchTuning.WindowRebuildMargin"/> dates either side),
/// and its rebuild never leaves the roster worse than the ruin did (recomputed from scratch here); pins, allowed choices,
/// overlaps and the score are checked with every other move in <see cref="MoveProperties"/>. And the walk's draws: a
/// horizon shorter than <see cref="SearchTuning.WindowRuinFromDays"/> draws exactly as before the move existed.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 60)]
public sealed class WindowRuinProperties
{
    [Property]
    public void The_ruin_clears_the_windows_unpinned_duties_of_the_workers_it_names_and_nothing_else(RosterCase c, int seed, byte start, byte length)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing to clear
        }

        var (from, to) = Window(p, start, length);
        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var before = (int[])ev.Assign.Clone();
        var move = new WindowRuinMove();
        ev.Begin();
        var count = move.Ruin(new MoveContext(ev, new Random(seed)), from, to);
        ev.Commit();
        var named = move.Ruined.ToArray();
        Assert.Equal(count, named.Length);
        Assert.True(count <= Math.Min(SearchTuning.MostRuinedWorkers, p.WorkerCount) && named.Distinct().Count() == count, $"named {string.Join(",", named)}");
        for (var cell = 0; cell < before.Length; cell++)
        {
            var (w, d) = (cell / p.Days, cell % p.Days);
            var cleared = named.Contains(w) && d >= from && d < to && p.Pinned[cell] < 0;
            Assert.Equal(cleared ? -1 : before[cell], ev.Assign[cell]);
        }

        foreach (var w in named)
        {
            Assert.Contains(Enumerable.Range(from, to - from), d => before[p.WorkerDay(w, d)] >= 0 && p.Pinned[p.WorkerDay(w, d)] < 0);
        }

        Assert.Equal(RosterEvaluator.FullScore(p, (int[])ev.Assign.Clone()), ev.Score);
    }

    [Property]
    public void The_move_rebuilds_only_the_workers_it_ruined_near_the_window_when_asked_and_never_ends_worse_than_its_ruin(RosterCase c, int seed, bool near)
    {
        var p = c.Problem.Compiled;
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return; // no worker or no date: nothing a move could touch
        }

        var ev = new RosterEvaluator(p);
        Construction.Greedy(ev);
        var before = (int[])ev.Assign.Clone();
        var move = new WindowRuinMove(rebuildNearWindow: near);
        ev.Begin();
        move.Apply(new MoveContext(ev, new Random(seed)));
        ev.Commit();
        var rebuilt = move.Ruined.ToArray();

        // The ruin alone, drawn from the same seed in the move's order (window length, first date, then the ruin).
        var ruined = new RosterEvaluator(p, before);
        var rng = new Random(seed);
        var length = Math.Min(p.Days, 2 + rng.Next(SearchTuning.LongestRuinWindow - 1));
        var from = rng.Next(p.Days - length + 1);
        var (first, end) = (Math.Max(0, from - SearchTuning.WindowRebuildMargin), Math.Min(p.Days, from + length + SearchTuning.WindowRebuildMargin));
        for (var cell = 0; cell < before.Length; cell++)
        {
            var (w, d) = (cell / p.Days, cell % p.Days);
            Assert.True(before[cell] == ev.Assign[cell] || rebuilt.Contains(w), $"worker {w} changed but was not ruined");
            Assert.True(!near || before[cell] == ev.Assign[cell] || (d >= first && d < end), $"worker {w} changed on date {d}, outside [{first}, {end})");
        }

        ruined.Begin();
        new WindowRuinMove().Ruin(new MoveContext(ruined, rng), from, from + length);
        ruined.Commit();
        Assert.True(RosterEvaluator.FullScore(p, (int[])ev.Assign.Clone()) <= RosterEvaluator.FullScore(p, (int[])ruined.Assign.Clone()), "the rebuild made the ruined roster worse");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Short_horizons_draw_as_before_and_long_ones_pay_the_window_ruin_from_ruin_and_block_swaps_more_on_lanes(bool guided)
    {
        // The shares before the window ruin existed (its range, third in the walk's list, empty).
        // (The ejection chain, ninth, is drawn on horizons under 42 dates only: 0 here, at 120 dates and beyond; the window
        // chain, tenth, is left out here: WindowChainProperties checks its share. The request chain, twelfth, is guided only.)
        int[] before = guided
            ? [SearchTuning.ReoptimiseWorkerPerMille, SearchTuning.RuinAndRecreatePerMille, 0, SearchTuning.GuidedChangePerMille, SearchTuning.CoverPerMille, SearchTuning.RequestPerMille, 0, SearchTuning.GuidedSwapDatePerMille, 0, 0, 0, SearchTuning.RequestChainPerMille, 1000]
            : [SearchTuning.ReoptimiseWorkerPerMille, SearchTuning.RuinAndRecreatePerMille, 0, SearchTuning.ChangePerMille, 0, 0, SearchTuning.SwapDatePerMille, 0, 0, 0, 1000, 0, 0];
        var shortEnds = SearchEngine.ShareEnds(guided, longHorizon: false, shortHorizon: false);
        Assert.Equal(Ends(before), shortEnds);

        var longRanges = Ranges(SearchEngine.ShareEnds(guided, longHorizon: true, shortHorizon: false));
        var shortRanges = Ranges(shortEnds);
        var blockSwaps = guided ? 12 : 10;
        Assert.Equal(SearchTuning.WindowRuinPerMille, longRanges[2]);
        Assert.Equal(SearchTuning.LongRuinAndRecreatePerMille, longRanges[1]);
        Assert.Equal(shortRanges[blockSwaps] - SearchTuning.WindowRuinPerMille - (SearchTuning.LongRuinAndRecreatePerMille - SearchTuning.RuinAndRecreatePerMille), longRanges[blockSwaps]);
        Assert.Equal(1000, longRanges.Sum());

        // On lanes the window ruin's share is the lanes' own, from the block swaps again; nothing else moves.
        var lanesRanges = Ranges(SearchEngine.ShareEnds(guided, longHorizon: true, shortHorizon: false, onLanes: true));
        Assert.Equal(SearchTuning.LanesWindowRuinPerMille, lanesRanges[2]);
        Assert.Equal(longRanges[blockSwaps] - (SearchTuning.LanesWindowRuinPerMille - SearchTuning.WindowRuinPerMille), lanesRanges[blockSwaps]);
        Assert.Equal(shortEnds, SearchEngine.ShareEnds(guided, longHorizon: false, shortHorizon: false, onLanes: true));
        for (var i = 0; i < lanesRanges.Length; i++)
        {
            Assert.True(i == 2 || i == blockSwaps || lanesRanges[i] == longRanges[i], $"move {i}'s share changed on lanes");
        }

        for (var i = 0; i < longRanges.Length; i++)
        {
            Assert.True(i is 1 or 2 || i == blockSwaps || longRanges[i] == shortRanges[i], $"move {i}'s share changed");
        }
    }

    private static (int From, int To) Window(CompiledProblem p, byte start, byte length)
    {
        var from = start % p.Days;
        return (from, Math.Min(p.Days, from + 1 + (length % SearchTuning.LongestRuinWindow)));
    }

    /// <summary>Each move's width of the roll out of 1000 (the ends capped at 1000).</summary>
    internal static int[] Ranges(int[] ends)
    {
        var ranges = new int[ends.Length];
        for (var i = 0; i < ends.Length; i++)
        {
            ranges[i] = Math.Min(1000, ends[i]) - (i == 0 ? 0 : Math.Min(1000, ends[i - 1]));
        }

        return ranges;
    }

    internal static int[] Ends(int[] shares)
    {
        var sum = 0;
        return shares.Select(s => sum += s).ToArray();
    }
}
