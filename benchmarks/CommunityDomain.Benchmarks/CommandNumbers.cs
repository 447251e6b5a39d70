using System.Globalization;
using System.Numerics;

namespace CommunityDomain.Benchmarks;

/// <summary>
/// The number options of the <c>curtois</c> and <c>community</c> commands: a refused value is told as one clause that
/// names the option, the value and what the option expects (its accepted range).
/// </summary>
public static class CommandNumbers
{
    /// <summary>What an option that takes any 32-bit integer expects.</summary>
    public static readonly string AnyInteger = Range(int.MinValue, int.MaxValue);

    /// <summary>The expectation <c>a whole number from MIN to MAX</c>.</summary>
    /// <param name="min">The least accepted value.</param>
    /// <param name="max">The greatest accepted value.</param>
    public static string Range(int min, int max) => string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");

    /// <summary>Parses a whole number (invariant culture, optional sign) within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="option">The option, e.g. <c>--days</c>.</param>
    /// <param name="text">The value given.</param>
    /// <param name="min">The least accepted value.</param>
    /// <param name="max">The greatest accepted value.</param>
    /// <param name="expected">What the option expects, naming the range, e.g. <c>a whole number from 1 to 5000</c>.</param>
    /// <param name="value">The number when accepted.</param>
    /// <returns>Null when accepted, else the clause saying why not and what is expected.</returns>
    public static string? WholeNumber(string option, string text, int min, int max, string expected, out int value)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return value < min || value > max ? Refused(option, text, "is out of range", expected) : null;
        }

        // A whole number beyond int's range is out of range, not "not a whole number".
        return BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? Refused(option, text, "is out of range", expected)
            : Refused(option, text, "is not a whole number", expected);
    }

    /// <summary>Parses a finite number (invariant culture) within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="option">The option, e.g. <c>--tightness</c>.</param>
    /// <param name="text">The value given.</param>
    /// <param name="min">The least accepted value.</param>
    /// <param name="max">The greatest accepted value.</param>
    /// <param name="expected">What the option expects, naming the range.</param>
    /// <param name="value">The number when accepted.</param>
    /// <returns>Null when accepted, else the clause saying why not and what is expected.</returns>
    public static string? Number(string option, string text, double min, double max, string expected, out double value)
    {
        // NumberStyles.Float without its white space: " 0.5" is refused here as " 5" is by WholeNumber.
        if (!double.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return Refused(option, text, "is not a number", expected);
        }

        return value < min || value > max ? Refused(option, text, "is out of range", expected) : null;
    }

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The clause <c>OPTION 'TEXT' WHY: OPTION expects EXPECTED</c>.</summary>
    /// <param name="option">The option.</param>
    /// <param name="text">The value given.</param>
    /// <param name="why">What is wrong with it, e.g. <c>is out of range</c>.</param>
    /// <param name="expected">What the option expects.</param>
    public static string Refused(string option, string text, string why, string expected) =>
        $"{option} '{text}' {why}: {option} expects {expected}";
}
