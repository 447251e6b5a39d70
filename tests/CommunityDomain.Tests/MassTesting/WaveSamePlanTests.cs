using System.Globalization;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Conventions;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// Waves28 cut the planner's CPU on small compounds (the household walk resumes a site's replay where a change begins and
/// stops it once the change fails; the branch and bound counts pairs only after the cheaper counts and decides once per
/// household profile whether it can still be placed) and promised the same plans.
/// Every third compound of <see cref="Compounds"/> (1,200 generated, 400 checked: the verifier's small compounds, uneven
/// sites with care homes and binding queues, the verifier's mix, one building on walk-downs that differ, tiny ones and
/// 31-60 households) is planned and its fingerprint (finish, bound, and every call's site, time and households in order) compared with the one
/// lead b4733ce gave, written to <see cref="Relative"/> before the change.
/// </summary>
public sealed class WaveSamePlanTests
{
    /// <summary>The stored fingerprints, from the repository's root.</summary>
    public const string Relative = "tests/CommunityDomain.Tests/MassTesting/Fixtures/waves28-plans.txt";

    private const int CheckedEvery = 4;

    [Fact]
    public void Every_fingerprinted_compound_plans_exactly_as_before_waves28()
    {
        // Every fourth compound of each set (300 of the 1,200; all 1,200 took 88 s of CI's 2-core budget, every
        // third 32 s): the helper compared all 1,200 before merging (docs/testing-rounds.md, waves28); this keeps every shape.
        var all = File.ReadAllLines(Path.Combine(SourceTree.Root, Relative));
        Assert.Equal(1200, all.Length);
        var expected = all.Where((_, i) => i % CheckedEvery == 0).ToList();
        var actual = Compounds().Where((_, i) => i % CheckedEvery == 0).Select(c => Fingerprint(c.Set, c.Index, c.Problem)).ToList();
        var differ = expected.Zip(actual).Where(x => x.First != x.Second).Select(x => $"before {x.First}\nnow    {x.Second}").Take(10).ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
        Assert.Equal(300, actual.Count);
    }

    [Fact]
    public void A_fingerprint_changes_when_one_call_moves_to_another_site_or_time()
    {
        // The check above could pass on a fingerprint that reads too little: one household's call moved must change it.
        var problem = WaveGenerators.SmallMixed(7, 9, 12).Problem;
        var plan = WavePlanner.Plan(problem);
        var site = plan.Sites.First(s => s.Calls.Count > 0);
        var call = site.Calls[0];
        var later = plan with { Sites = [.. plan.Sites.Select(s => s != site ? s : s with { Calls = [call with { At = call.At + Duration.FromSeconds(1) }, .. s.Calls.Skip(1)] })] };
        var elsewhere = plan with { Sites = [.. plan.Sites.Select(s => s != site ? s : s with { Calls = [call with { SiteId = call.SiteId + 1 }, .. s.Calls.Skip(1)] })] };
        Assert.NotEqual(Hash(plan), Hash(later));
        Assert.NotEqual(Hash(plan), Hash(elsewhere));
        Assert.Equal(Hash(plan), Hash(WavePlanner.Plan(problem)));
    }

    /// <summary>The fingerprinted compounds, in a fixed order: 300 of <see cref="WaveGenerators.SmallMixedSet"/>, 300 of
    /// <see cref="WaveGenerators.UnevenSiteSet"/>, 300 of <see cref="WaveGenerators.VerifierMixedSet"/> (seed 2026 each), 100 of
    /// <see cref="WaveGenerators.OneBuildingWalkDowns"/>, 100 of <see cref="WaveGenerators.Tiny"/> and 100 small mixed
    /// compounds of 31-60 households (the walk's larger compounds).</summary>
    public static IEnumerable<(string Set, int Index, WaveProblem Problem)> Compounds()
    {
        var small = WaveGenerators.SmallMixedSet(2026).Select((c, i) => ("small", i, c.Problem));
        var uneven = WaveGenerators.UnevenSiteSet(2026).Select((c, i) => ("uneven", i, c.Problem));
        var verifier = WaveGenerators.VerifierMixedSet(2026).Select((c, i) => ("verifier", i, c.Problem));
        var walkDowns = Enumerable.Range(0, 100).Select(i => ("walkdowns", i, WaveGenerators.OneBuildingWalkDowns(2800 + i).Problem));
        var tiny = Enumerable.Range(0, 100).Select(i => ("tiny", i, WaveGenerators.Tiny(2800 + i).Problem));
        var larger = Enumerable.Range(0, 100).Select(i => ("larger", i, WaveGenerators.SmallMixed(2800 + i, 31, 60).Problem));
        return small.Concat(uneven).Concat(verifier).Concat(walkDowns).Concat(tiny).Concat(larger);
    }

    /// <summary>One line: set, index, finish and bound in ticks from the start, and a hash of every call (site, time, households).</summary>
    public static string Fingerprint(string set, int index, WaveProblem problem)
    {
        var plan = WavePlanner.Plan(problem);
        return string.Create(CultureInfo.InvariantCulture,
            $"{set} {index} {(plan.ExpectedFinish - problem.Start).BclCompatibleTicks} {(plan.LowerBound - problem.Start).BclCompatibleTicks} {Hash(plan):x16}");
    }

    // FNV-1a over every site's calls in calling order: the site, the call's time and its households' ids in order.
    private static ulong Hash(WavePlan plan)
    {
        var hash = 14695981039346656037UL;
        void Add(long x)
        {
            for (var b = 0; b < 8; b++)
            {
                hash = unchecked((hash ^ (byte)(x >> (8 * b))) * 1099511628211UL);
            }
        }

        foreach (var site in plan.Sites)
        {
            Add(site.Site.SiteId);
            foreach (var call in site.Calls)
            {
                Add(call.SiteId);
                Add(call.At.ToUnixTimeTicks());
                Add(call.Households.Count);
                foreach (var h in call.Households)
                {
                    Add(h.HouseholdId);
                }
            }

            Add(-1);
        }

        return hash;
    }
}
