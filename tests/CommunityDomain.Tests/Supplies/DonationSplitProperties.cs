using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Supplies;

public sealed class DonationSplitProperties
{
    [Property(MaxTest = 300)]
    public void Shares_add_up_stay_within_quota_and_ignore_order(NonNegativeInt units, PositiveInt[] hours, int seed)
    {
        if (hours.Length == 0)
        {
            return;
        }

        var posts = hours.Select((h, i) => new PostHours(new Id<Post>(i + 1), Duration.FromMinutes(h.Get % 5 == 0 ? 0 : h.Get % 600))).ToArray();
        var total = posts.Sum(p => (long)p.StaffTime.TotalMinutes);
        if (total == 0)
        {
            Assert.Throws<ArgumentException>(() => DonationSplit.Split(units.Get, posts));
            return;
        }

        var split = DonationSplit.Split(units.Get % 5000, posts);
        Assert.Equal(units.Get % 5000, split.Sum(s => s.Units));
        for (var i = 0; i < posts.Length; i++)
        {
            var q = (long)(units.Get % 5000) * (long)posts[i].StaffTime.TotalMinutes;
            Assert.InRange(split[i].Units, q / total, (q + total - 1) / total);
        }

        var shuffled = posts.ToArray();
        new Random(seed).Shuffle(shuffled);
        var again = DonationSplit.Split(units.Get % 5000, shuffled).ToDictionary(s => s.Post, s => s.Units);
        Assert.All(split, s => Assert.Equal(s.Units, again[s.Post]));
    }

    [Fact]
    public void Split_by_staff_hours_gives_more_to_busier_posts()
    {
        var split = DonationSplit.Split(100, [
            new PostHours(new Id<Post>(1), Duration.FromHours(48)),
            new PostHours(new Id<Post>(2), Duration.FromHours(24)),
            new PostHours(new Id<Post>(3), Duration.FromHours(24)),
            new PostHours(new Id<Post>(4), Duration.Zero)]);
        Assert.Equal([50, 25, 25, 0], split.Select(s => s.Units));
    }
}
