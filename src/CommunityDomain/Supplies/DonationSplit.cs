using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies;

/// <summary>Splits a donation among duty posts in proportion to their staff-hours, in whole units.</summary>
/// <remarks>
/// Guarantees: the shares add up to the donation; every post's share is within floor and ceiling of its exact
/// quota units x staff time / total staff time, computed exactly to the nanosecond (largest remainder, ties to
/// the smaller post id); a post with no staff time gets nothing; the order of the posts does not matter.
/// </remarks>
public static class DonationSplit
{
    /// <summary>Splits <paramref name="units"/> among <paramref name="posts"/>.</summary>
    /// <param name="units">Units donated; not negative.</param>
    /// <param name="posts">The posts with their staff time; no post twice, some staff time in total.</param>
    /// <returns>Each post's units, in the order of <paramref name="posts"/>.</returns>
    /// <exception cref="ArgumentException">Negative units, no posts, a post twice, or no staff time at all.</exception>
    public static IReadOnlyList<(Id<Post> Post, int Units)> Split(int units, IReadOnlyList<PostHours> posts)
    {
        Guard.Against.Negative(units);
        Guard.Against.NullOrEmpty(posts);
        Guard.Against.InvalidInput(posts, nameof(posts), static p => p.Select(x => x.Post).Distinct().Count() == p.Count && p.All(x => !x.Post.IsDefault),
            "Every post must be named once.");

        // Exact quotas: staff time in nanoseconds (the Duration's own resolution) and Int128 products, so a post's
        // share is within floor/ceiling of units x staff time / total staff time however short or long the times.
        // A Duration is at most 2^24 days (~1.45e21 ns); units x that is ~3.1e30, far inside Int128.
        var nanos = posts.Select(p => Nanoseconds(p.StaffTime)).ToArray();
        Int128 total = 0;
        foreach (var n in nanos)
        {
            total += n;
        }

        Guard.Against.InvalidInput(total, nameof(posts), static t => t != 0, "The posts have no staff time on duty; there is nothing to split by.");

        var result = new int[posts.Count];
        var remainders = new List<(Int128 Remainder, int Id, int Index)>();
        long given = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var quota = (Int128)units * nanos[i];
            result[i] = (int)(quota / total);
            given += result[i];
            remainders.Add((quota % total, posts[i].Post.Value, i));
        }

        remainders.Sort(static (x, y) => x.Remainder != y.Remainder ? y.Remainder.CompareTo(x.Remainder) : x.Id.CompareTo(y.Id));
        for (var k = 0; k < units - given; k++)
        {
            result[remainders[k].Index]++;
        }

        return [.. posts.Select((p, i) => (p.Post, result[i]))];
    }

    private static Int128 Nanoseconds(Duration d) => ((Int128)d.Days * NodaConstants.NanosecondsPerDay) + d.NanosecondOfDay;

    /// <summary>A split as a log line with post ids, e.g. <c>Post#1: 12, Post#4: 8</c>; for people (post names, units, Chinese) see <c>Views.AllocationTable.Split</c>.</summary>
    /// <param name="split">The split.</param>
    /// <returns>The text.</returns>
    public static string Describe(IReadOnlyList<(Id<Post> Post, int Units)> split) =>
        string.Join(", ", Guard.Against.Null(split).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Post}: {s.Units}")));
}
