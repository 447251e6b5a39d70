using CommunityDomain.MassTesting.Planners;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

public sealed class PoolAdviceProperties
{
    private static readonly Gen<double> Prevalence = Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0);

    [Property(MaxTest = 300)]
    public Property Advice_matches_the_formula_and_minimises_it_over_the_allowed_sizes() =>
        Prop.ForAll(Prevalence.ToArbitrary(), Gen.Choose(1, 30).NonEmptyListOf().ToArbitrary(), (p, sizes) =>
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
        Prop.ForAll(Prevalence.ToArbitrary(), p =>
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
