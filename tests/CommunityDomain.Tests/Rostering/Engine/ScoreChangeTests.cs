using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Tests.Rostering.Engine;

public sealed class ScoreChangeTests
{
    [Fact]
    public void One_hard_violation_removed_beats_any_soft_gain()
    {
        // The single weighted number (hard x 1,000,000 + soft) ranked these the other way round.
        var removesHard = new ScoreChange(-1, 5_000_000);
        var bigSoftGain = new ScoreChange(0, -50_000_000);
        Assert.True(removesHard < bigSoftGain);
        Assert.True(removesHard.Improves);
        Assert.True(bigSoftGain.Improves);
        Assert.False(new ScoreChange(1, -50_000_000).Improves);
        Assert.False(default(ScoreChange).Improves);
    }

    [Fact]
    public void Worst_is_above_every_change_a_move_can_make()
    {
        Assert.True(new ScoreChange(1_000, long.MaxValue - 1) < ScoreChange.Worst);
        Assert.Equal(0, ScoreChange.Worst.CompareTo(ScoreChange.Worst));
    }
}
