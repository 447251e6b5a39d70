using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>The pool advice's inputs, each with a shrinker (CONTRIBUTING: every planner-input arbitrary shrinks).</summary>
public static class PoolAdviceArbitraries
{
    private const double Millionths = 1_000_000.0;

    /// <summary>
    /// A prevalence 0 to 1 in millionths; shrinks towards 0: 0, then less by half the distance, a quarter, ... one
    /// millionth (a boundary is found in about 20 steps, not one millionth at a time).
    /// </summary>
    public static Arbitrary<double> Prevalences() => Arb.From(
        Gen.Choose(0, (int)Millionths).Select(i => i / Millionths),
        p => Closer((int)Math.Round(p * Millionths)).Select(i => i / Millionths));

    private static IEnumerable<int> Closer(int value)
    {
        if (value > 0)
        {
            yield return 0;
        }

        for (var step = value / 2; step > 0; step /= 2)
        {
            yield return value - step;
        }
    }

    /// <summary>One or more allowed pool sizes 1-30 (repeats allowed); shrinks to fewer sizes (never none), then each size towards 1.</summary>
    public static Arbitrary<int[]> Sizes() => Arb.From(
        Gen.Choose(1, 30).NonEmptyListOf().Select(sizes => sizes.ToArray()),
        sizes => ScriptShrinkers.Shrink(sizes, s => ScriptShrinkers.Towards(s, 1)).Where(s => s.Length > 0));
}

public sealed class PoolAdviceProperties
{

    [Property(MaxTest = 300)]
    public Property Advice_matches_the_formula_and_minimises_it_over_the_allowed_sizes() =>
        Prop.ForAll(PoolAdviceArbitraries.Prevalences(), PoolAdviceArbitraries.Sizes(), (p, sizes) =>
        {
            var advice = PoolAdvice.Best(p, sizes);
            var k = advice.PoolSize;
            var formula = k == 1 ? 1.0 : (1.0 / k) + 1 - Math.Pow(1 - p, k);
            Assert.Contains(k, sizes);
            Assert.Equal(formula, advice.ExpectedTestsPerPerson, 12);
            Assert.All(sizes, s => Assert.True(PoolAdvice.TestsPerPerson(s, p) >= advice.ExpectedTestsPerPerson));
            Assert.All(sizes.Where(s => s < k), s => Assert.True(PoolAdvice.TestsPerPerson(s, p) > advice.ExpectedTestsPerPerson));
            Assert.Equal(k > 1, advice.Pool);
        });

    [Property(MaxTest = 300)]
    public Property Do_not_pool_exactly_when_individual_testing_is_cheapest() =>
        Prop.ForAll(PoolAdviceArbitraries.Prevalences(), p =>
        {
            var all = Enumerable.Range(1, 20).ToList();
            var cheapest = all.Skip(1).Min(k => PoolAdvice.TestsPerPerson(k, p));
            Assert.Equal(cheapest < 1.0, PoolAdvice.Best(p, all).Pool);
            // The crossover sits near 0.31 (k = 3): below 0.30 pooling always helps, above 0.31 never.
            if (p < 0.30)
            {
                Assert.True(PoolAdvice.Best(p, all).Pool);
            }
            else if (p > 0.31)
            {
                Assert.False(PoolAdvice.Best(p, all).Pool);
            }

            // With the guideline sizes 1, 5, 10, 20 the crossover is near 0.28 (1 - 0.2^(1/5) = 0.275).
            if (p < 0.27)
            {
                Assert.True(PoolAdvice.Best(p).Pool);
            }
            else if (p > 0.28)
            {
                Assert.False(PoolAdvice.Best(p).Pool);
            }
        });

    [Fact]
    public void TestsPerPerson_examples()
    {
        Assert.Equal(1.0, PoolAdvice.TestsPerPerson(1, 0.5));
        Assert.Equal(0.1 + 1 - Math.Pow(0.99, 10), PoolAdvice.TestsPerPerson(10, 0.01), 12);
        Assert.Equal(10, PoolAdvice.Best(0.01).PoolSize);
        Assert.False(PoolAdvice.Best(0.4).Pool);
        Assert.Equal("k", Assert.ThrowsAny<ArgumentException>(() => PoolAdvice.TestsPerPerson(0, 0.1)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => PoolAdvice.TestsPerPerson(5, -0.1)).ParamName);
    }
}
