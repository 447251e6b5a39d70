using System.Globalization;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>Dorfman pool-size advice: the pool size with the fewest expected tests per person.</summary>
/// <remarks>
/// <para>Expected tests per person for pool size k at prevalence p: exactly 1 for k = 1, and
/// 1/k + 1 - (1 - p)^k for k &gt;= 2 (one pooled test, plus k individual tests when the pool is positive).</para>
/// <para><see cref="Best"/> returns an allowed size that minimises that formula (the smallest such size on a tie),
/// and advises not to pool exactly when size 1 is that minimiser. With every size from 1 to 20 allowed the crossover is
/// near p = 0.31 (pools of 3); with the guideline sizes 1, 5, 10 and 20 it is near p = 0.28 (pools of 5).</para>
/// </remarks>
/// <param name="PoolSize">The advised size.</param>
/// <param name="ExpectedTestsPerPerson">Its expected tests per person.</param>
public sealed record PoolAdvice(int PoolSize, double ExpectedTestsPerPerson)
{
    /// <summary>True when pooling saves tests (the advised size is above 1).</summary>
    public bool Pool => PoolSize > 1;

    /// <summary>Expected tests per person for pool size <paramref name="k"/> at prevalence <paramref name="p"/>.</summary>
    /// <param name="k">Pool size, at least 1.</param>
    /// <param name="p">Prevalence in [0, 1].</param>
    /// <returns>The expected tests per person.</returns>
    public static double TestsPerPerson(int k, double p)
    {
        Guard.Against.NegativeOrZero(k);
        Guard.Against.InvalidInput(p, nameof(p), static x => x >= 0 && x <= 1, "Prevalence is a probability in [0, 1].");

        return k == 1 ? 1.0 : (1.0 / k) + 1.0 - Math.Pow(1.0 - p, k);
    }

    /// <summary>The best pool size among the allowed ones at prevalence <paramref name="p"/>.</summary>
    /// <param name="p">Prevalence in [0, 1].</param>
    /// <param name="allowedSizes">Allowed sizes (default 1, 5, 10, 20).</param>
    /// <returns>The advice.</returns>
    public static PoolAdvice Best(double p, IEnumerable<int>? allowedSizes = null)
    {
        var sizes = Guard.Against.InvalidInput((allowedSizes ?? PoolingPolicy.AllowedSizes).Distinct().Order().ToArray(), nameof(allowedSizes),
            static s => s.Length > 0 && s[0] >= 1, "Allowed sizes are positive and at least one is given.");

        var best = new PoolAdvice(sizes[0], TestsPerPerson(sizes[0], p));
        foreach (var k in sizes.Skip(1))
        {
            var expected = TestsPerPerson(k, p);
            if (expected < best.ExpectedTestsPerPerson)
            {
                best = new PoolAdvice(k, expected);
            }
        }

        return best;
    }

    /// <inheritdoc/>
    public override string ToString() => Pool
        ? string.Create(CultureInfo.InvariantCulture, $"pool {PoolSize}-in-1: {ExpectedTestsPerPerson:0.000} tests per person")
        : "do not pool: test individually";
}
