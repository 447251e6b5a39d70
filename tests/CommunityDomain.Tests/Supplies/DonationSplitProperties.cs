using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Supplies;

public sealed class DonationSplitProperties
{
    [Property(MaxTest = 300)]
    public void Shares_add_up_stay_within_the_exact_quota_and_ignore_order(NonNegativeInt units, PositiveInt[] seconds, int seed)
    {
        if (seconds.Length == 0)
        {
            return;
        }

        // Staff time in seconds (not whole minutes): the quota is exact, so sub-minute times count.
        var posts = seconds.Select((h, i) => new PostHours(new Id<Post>(i + 1), Duration.FromSeconds(h.Get % 5 == 0 ? 0 : h.Get % 36_000))).ToArray();
        var total = posts.Sum(p => (long)p.StaffTime.TotalSeconds);
        if (total == 0)
        {
            Assert.Throws<ArgumentException>(() => DonationSplit.Split(units.Get, posts));
            return;
        }

        var n = units.Get % 5000;
        var split = DonationSplit.Split(n, posts);
        Assert.Equal(n, split.Sum(s => s.Units));
        for (var i = 0; i < posts.Length; i++)
        {
            var q = (long)n * (long)posts[i].StaffTime.TotalSeconds;
            Assert.InRange(split[i].Units, q / total, (q + total - 1) / total);
        }

        var shuffled = posts.ToArray();
        new Random(seed).Shuffle(shuffled);
        var again = DonationSplit.Split(n, shuffled).ToDictionary(s => s.Post, s => s.Units);
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

    [Fact]
    public void Split_sub_minute_staff_time_keeps_the_exact_quota()
    {
        // Issue 15: whole minutes turned 299 s / 1,485 s into 4 / 24 minutes and 14 / 87 units; the exact quotas are 16.93 / 84.07.
        var split = DonationSplit.Split(101, [new PostHours(new Id<Post>(1), Duration.FromSeconds(299)), new PostHours(new Id<Post>(2), Duration.FromSeconds(1485))]);
        Assert.Equal([17, 84], split.Select(s => s.Units));
    }

    [Fact]
    public void Split_only_seconds_of_staff_time_is_not_no_staff_time()
    {
        // Regression (issue 11 generators): 59 s in total used to throw "no staff time" because it truncated to 0 minutes.
        var split = DonationSplit.Split(500, [new PostHours(new Id<Post>(26), Duration.FromSeconds(59)), new PostHours(new Id<Post>(27), Duration.Epsilon)]);
        Assert.Equal([500, 0], split.Select(s => s.Units));
    }

    [Fact]
    public void Split_the_longest_durations_and_most_units_stays_exact()
    {
        var split = DonationSplit.Split(int.MaxValue, [new PostHours(new Id<Post>(1), Duration.MaxValue), new PostHours(new Id<Post>(2), Duration.MaxValue), new PostHours(new Id<Post>(3), Duration.Epsilon)]);
        Assert.Equal(int.MaxValue, split.Sum(s => (long)s.Units));
        Assert.Equal([1_073_741_824, 1_073_741_823, 0], split.Select(s => s.Units));
    }
}
