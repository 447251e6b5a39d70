using System.Globalization;

namespace CommunityDomain.MassTesting;

/// <summary>Statistics of a round, compound or series.</summary>
/// <param name="Tests">Person-times sampled.</param>
/// <param name="Tubes">Tubes used.</param>
/// <param name="ResultsPending">Tubes without a result.</param>
/// <param name="Listed">Must-test entries.</param>
/// <param name="Accounted">Entries tested, exempt or away.</param>
/// <param name="AssistedRegistrations">Scans with assisted registration.</param>
/// <param name="Finish">The last sample's time, if any.</param>
public sealed record RoundStatistics(int Tests, int Tubes, int ResultsPending, int Listed, int Accounted, int AssistedRegistrations, Instant? Finish)
{
    /// <summary>Accounted / listed, in per cent (100 for an empty list).</summary>
    public double CompletionPercent => Listed == 0 ? 100 : 100.0 * Accounted / Listed;

    /// <summary>Adds statistics up (a series' total).</summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The sum; the finish is the latest.</returns>
    public static RoundStatistics Sum(IEnumerable<RoundStatistics> parts)
    {
        var list = Guard.Against.Null(parts).ToList();
        return new RoundStatistics(list.Sum(s => s.Tests), list.Sum(s => s.Tubes), list.Sum(s => s.ResultsPending), list.Sum(s => s.Listed),
            list.Sum(s => s.Accounted), list.Sum(s => s.AssistedRegistrations), list.Max(s => s.Finish));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Tests} tests, {Tubes} tubes, {ResultsPending} pending, {CompletionPercent:0.0}% complete");
}
