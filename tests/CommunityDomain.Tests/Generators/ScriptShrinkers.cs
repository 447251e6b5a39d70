using System.Numerics;
using CommunityDomain.Tests.MassTesting;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Shrinkers for command scripts (testing-round ops, ledger steps; issue 17): a failing script shrinks to the few
/// steps that matter, each with its smallest numbers, as the community scripts do. Every candidate is strictly
/// smaller (fewer steps, or the same steps with a number closer to its lower end), so shrinking always ends.
/// </summary>
public static class ScriptShrinkers
{
    /// <summary>Drops the second half, the first half, then each step; then shrinks one step at a time.</summary>
    public static IEnumerable<T[]> Shrink<T>(T[] script, Func<T, IEnumerable<T>> shrinkStep)
    {
        foreach (var fewer in Fewer(script))
        {
            yield return fewer;
        }

        for (var i = 0; i < script.Length; i++)
        {
            foreach (var smaller in shrinkStep(script[i]))
            {
                yield return Replace(script, i, smaller);
            }
        }
    }

    /// <summary>
    /// Shorter arrays, the boldest first: the first half and the second half (when there are two or more items), then
    /// runs of items dropped together (each quarter, each eighth, ... down to runs of two), then the array without one
    /// item, for each of the first <paramref name="singles"/> items. The runs let a failure that needs two items far
    /// apart lose everything between and around them, where halves alone stop at a local minimum. The one way every
    /// list-shaped generator here shrinks its items (scripts, claims, parcels, claim specs).
    /// </summary>
    public static IEnumerable<T[]> Fewer<T>(T[] items, int singles = int.MaxValue)
    {
        if (items.Length > 1)
        {
            yield return items[..(items.Length / 2)];
            yield return items[(items.Length / 2)..];
        }

        for (var run = items.Length / 4; run >= 2; run /= 2)
        {
            for (var at = 0; at + run <= items.Length; at += run)
            {
                yield return [.. items[..at], .. items[(at + run)..]];
            }
        }

        for (var i = 0; i < Math.Min(items.Length, singles); i++)
        {
            yield return [.. items[..i], .. items[(i + 1)..]];
        }
    }

    /// <summary>A copy of <paramref name="items"/> with <paramref name="item"/> at <paramref name="at"/> (the one way a shrinker replaces an item).</summary>
    public static T[] Replace<T>(T[] items, int at, T item)
    {
        var copy = (T[])items.Clone();
        copy[at] = item;
        return copy;
    }

    /// <summary>A whole number towards its lower end: the lower end itself, then halfway, then one less.</summary>
    public static IEnumerable<T> Towards<T>(T value, T lowest)
        where T : IBinaryInteger<T>
    {
        if (value <= lowest)
        {
            yield break;
        }

        yield return lowest;
        var two = T.One + T.One;
        var half = lowest + ((value - lowest) / two);
        if (half > lowest && half < value)
        {
            yield return half;
        }

        if (value - T.One > half)
        {
            yield return value - T.One;
        }
    }

    /// <summary>
    /// A whole number towards its lower end by round values: the lower end, the value cut to its first digit (7313 to
    /// 7000), then <see cref="Towards{T}"/>'s half and one less. A failure that holds from a round value on ends there
    /// (a capacity of 7313 that fails from 1000 up ends on 1000, not on 1001 or 1953).
    /// </summary>
    public static IEnumerable<T> TowardsRound<T>(T value, T lowest)
        where T : IBinaryInteger<T>
    {
        if (value <= lowest)
        {
            yield break;
        }

        yield return lowest;
        var ten = T.CreateChecked(10);
        var unit = T.One;
        while (value / ten >= unit)
        {
            unit *= ten;
        }

        var cut = value / unit * unit;
        if (cut > lowest && cut < value)
        {
            yield return cut;
        }

        foreach (var smaller in Towards(value, lowest).Skip(1).Where(x => x != cut))
        {
            yield return smaller;
        }
    }

    /// <summary>
    /// A fraction towards 0 by round values: 0, the value cut to 1, 2, ... 6 significant digits (0.734512 to 0.7, 0.73,
    /// ...), then less by half the distance, a quarter, ... to the millionth. Each candidate is strictly smaller and not
    /// negative; none for 0 (or anything not above it).
    /// </summary>
    public static IEnumerable<double> TowardsZero(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            yield break;
        }

        yield return 0;
        var seen = new HashSet<double> { 0, value };
        var exponent = (int)Math.Floor(Math.Log10(value));
        for (var digits = 1; digits <= 6; digits++)
        {
            var places = digits - 1 - exponent;
            if (places is >= 0 and <= 28 && (double)decimal.Round((decimal)value, places, MidpointRounding.ToZero) is var cut && cut < value && seen.Add(cut))
            {
                yield return cut;
            }
        }

        for (var step = value / 2; step >= 1e-6; step /= 2)
        {
            if (Math.Round(value - step, 6) is var less && less < value && less > 0 && seen.Add(less))
            {
                yield return less;
            }
        }
    }

    /// <summary>A round op with smaller indexes (its kind stays: another kind is another command).</summary>
    public static IEnumerable<RoundOp> ShrinkRoundOp(RoundOp op) =>
        Towards(op.A, 0).Select(a => op with { A = a }).Concat(Towards(op.B, 0).Select(b => op with { B = b }));

    /// <summary>A dated round op with smaller indexes and a time closer to the round's start (its kind stays).</summary>
    public static IEnumerable<TimedRoundOp> ShrinkTimedRoundOp(TimedRoundOp op) =>
        Towards(op.A, 0).Select(a => op with { A = a })
            .Concat(Towards(op.B, 0).Select(b => op with { B = b }))
            .Concat(Towards(op.Minutes, 0).Select(m => op with { Minutes = m }));

    /// <summary>The most steps <see cref="Greedy"/> takes unless told otherwise (the demonstrations end within a few hundred).</summary>
    public const int MostSteps = 10_000;

    /// <summary>
    /// Greedy shrinking as FsCheck does it after a failure: take the first smaller candidate that still fails, until
    /// none does. Used by the shrink demonstrations to show where a counterexample ends. It always ends: a candidate
    /// equal to one already taken (the value itself, NaN again, -0.0 for 0.0) is skipped, so a shrinker that cycles
    /// cannot hold it, and after <paramref name="mostSteps"/> steps it fails naming the last value rather than run on.
    /// Works for value types too (a default <typeparamref name="T"/> is never mistaken for a candidate).
    /// </summary>
    /// <param name="value">The failing value.</param>
    /// <param name="shrink">The shrinker: smaller candidates, the boldest first.</param>
    /// <param name="fails">The failing property.</param>
    /// <param name="mostSteps">The step cap.</param>
    /// <returns>The value no candidate of which fails.</returns>
    public static T Greedy<T>(T value, Func<T, IEnumerable<T>> shrink, Func<T, bool> fails, int mostSteps = MostSteps)
    {
        var taken = new HashSet<T>(EqualityComparer<T>.Default) { value };
        for (var steps = 0; Next(value, shrink, fails, taken) is (true, var smaller); steps++)
        {
            Assert.True(steps < mostSteps, $"shrinking does not end within {mostSteps} steps (last value {smaller})");
            taken.Add(smaller);
            value = smaller;
        }

        return value;
    }

    private static (bool Found, T Value) Next<T>(T value, Func<T, IEnumerable<T>> shrink, Func<T, bool> fails, HashSet<T> taken)
    {
        foreach (var candidate in shrink(value))
        {
            if (!taken.Contains(candidate) && fails(candidate))
            {
                return (true, candidate);
            }
        }

        return (false, value);
    }

    /// <summary>A ledger step with smaller numbers within the generator's ranges (B is at least 1).</summary>
    public static IEnumerable<LedgerStep> ShrinkLedgerStep(LedgerStep step) =>
        Towards(step.A, 0).Select(a => step with { A = a })
            .Concat(Towards(step.B, 1).Select(b => step with { B = b }))
            .Concat(Towards(step.C, 0).Select(c => step with { C = c }));
}
