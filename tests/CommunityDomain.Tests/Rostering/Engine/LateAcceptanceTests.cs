using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine.Search;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>The search's acceptance on its own: hard before soft, then late acceptance on the history.</summary>
public sealed class LateAcceptanceTests
{
    [Property]
    public bool A_candidate_with_more_hard_violations_is_never_kept_whatever_it_saves(NonNegativeInt hard, PositiveInt more, long soft, long candidateSoft, NonNegativeInt iteration)
    {
        var current = new ScorePart(hard.Get, soft);
        var candidate = new ScorePart(hard.Get + more.Get, candidateSoft);
        var acceptance = new LateAcceptance(5, new ScorePart(int.MaxValue, long.MaxValue));
        return !acceptance.Accepts(iteration.Get, current, candidate);
    }

    [Property]
    public bool A_candidate_no_worse_than_the_current_roster_is_always_kept(NonNegativeInt hard, long soft, NonNegativeInt fewer, NonNegativeInt saves, NonNegativeInt iteration)
    {
        var s = Math.Max(soft, long.MinValue + 1000);
        var current = new ScorePart(hard.Get + fewer.Get, s);
        var candidate = fewer.Get > 0 ? new ScorePart(hard.Get, long.MaxValue) : new ScorePart(hard.Get, s - Math.Min(saves.Get, 1000));
        var acceptance = new LateAcceptance(5, new ScorePart(0, long.MinValue));
        return acceptance.Accepts(iteration.Get, current, candidate);
    }

    [Fact]
    public void A_worse_soft_candidate_is_kept_while_no_worse_than_the_roster_of_history_length_ago()
    {
        var acceptance = new LateAcceptance(3, new ScorePart(0, 100));
        var current = new ScorePart(0, 50);
        Assert.True(acceptance.Accepts(0, current, new ScorePart(0, 100)));
        Assert.False(acceptance.Accepts(0, current, new ScorePart(0, 101)));

        // Recording a better roster in slot 0 tightens that slot only.
        acceptance.Record(0, new ScorePart(0, 60));
        Assert.False(acceptance.Accepts(3, current, new ScorePart(0, 61)));
        Assert.True(acceptance.Accepts(1, current, new ScorePart(0, 61)));

        // A worse roster never loosens a slot.
        acceptance.Record(1, new ScorePart(0, 500));
        Assert.False(acceptance.Accepts(1, current, new ScorePart(0, 101)));
    }

    [Fact]
    public void A_candidate_that_trades_one_hard_violation_for_a_huge_soft_saving_is_refused()
    {
        // The old single-number cost (hard * 1,000,000 + soft) would have kept this move.
        var acceptance = new LateAcceptance(10, new ScorePart(5, 0));
        Assert.False(acceptance.Accepts(0, new ScorePart(0, 5_000_000), new ScorePart(1, 0)));
    }

    [Fact]
    public void Restart_forgets_the_history()
    {
        var acceptance = new LateAcceptance(2, new ScorePart(0, 10));
        Assert.False(acceptance.Accepts(0, new ScorePart(0, 5), new ScorePart(0, 20)));
        acceptance.Restart(new ScorePart(0, 30));
        Assert.True(acceptance.Accepts(0, new ScorePart(0, 5), new ScorePart(0, 20)));
    }
}
