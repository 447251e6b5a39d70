using BenchmarkDotNet.Attributes;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using NodaTime;

namespace CommunityDomain.Benchmarks.Supplies;

/// <summary>
/// A donation split among duty posts by staff time (issue 15): <see cref="DonationSplit.Split"/> (exact quotas, staff
/// time in nanoseconds, Int128 products) against the textbook largest remainder in doubles on whole minutes, the
/// named baseline (the split before issue 15 truncated to whole minutes and could leave a share outside its quota's
/// floor/ceiling; this measures what the exactness costs). 1,000 units per post, staff time 0 to 72 hours to the second.
/// </summary>
[MemoryDiagnoser]
public class DonationSplitBenchmarks
{
    private PostHours[] _posts = [];
    private int _units;

    /// <summary>Posts (10 and 100 under the CI switch).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Posts { get; set; }

    /// <summary>4 (the story's four compounds), 1,000 and 100,000 posts.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([4, 1_000, 100_000], [10, 100]);

    /// <summary>Generates the posts with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        _posts = [.. Enumerable.Range(1, Posts).Select(i => new PostHours(new Id<Post>(i), Duration.FromSeconds(random.Next(0, (72 * 3600) + 1))))];
        _units = checked(1_000 * Posts);
    }

    /// <summary>Baseline: largest remainder in doubles over whole minutes of staff time (ties to the earlier post).</summary>
    [Benchmark(Baseline = true)]
    public int WholeMinutesInDoubles()
    {
        var minutes = new double[_posts.Length];
        double total = 0;
        for (var i = 0; i < _posts.Length; i++)
        {
            minutes[i] = Math.Floor(_posts[i].StaffTime.TotalMinutes);
            total += minutes[i];
        }

        var shares = new int[_posts.Length];
        var remainders = new (double Remainder, int Index)[_posts.Length];
        long given = 0;
        for (var i = 0; i < _posts.Length; i++)
        {
            var quota = _units * minutes[i] / total;
            shares[i] = (int)Math.Floor(quota);
            given += shares[i];
            remainders[i] = (quota - shares[i], i);
        }

        Array.Sort(remainders, static (x, y) => x.Remainder != y.Remainder ? y.Remainder.CompareTo(x.Remainder) : x.Index.CompareTo(y.Index));
        for (var k = 0; k < _units - given; k++)
        {
            shares[remainders[k].Index]++;
        }

        return shares[0];
    }

    /// <summary>The library's exact split.</summary>
    [Benchmark]
    public int Exact() => DonationSplit.Split(_units, _posts)[0].Units;
}
