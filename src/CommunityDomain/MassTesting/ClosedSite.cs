using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>What closing a sampling site did.</summary>
/// <param name="Site">The site.</param>
/// <param name="ClosedAt">When it closed (the earlier closing time when it was already closed).</param>
/// <param name="TubesClosed">The open tubes closed with it now, in barcode order; none when it was already closed.</param>
public sealed record ClosedSite(Id<SamplingSite> Site, Instant ClosedAt, IReadOnlyList<Tube> TubesClosed)
{
    /// <summary>
    /// The site, when it closed in UTC said in words (the result knows no zone) and how many tubes closed with it, e.g.
    /// <c>SamplingSite#2 closed at 2022-08-18 03:00 UTC, tubes closed now: 4</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Site} closed at {LocalTimeText.Utc(ClosedAt)}, tubes closed now: {TubesClosed.Count}");
}
