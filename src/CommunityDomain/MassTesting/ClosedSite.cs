using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>What closing a sampling site did.</summary>
/// <param name="Site">The site.</param>
/// <param name="ClosedAt">When it closed (the earlier closing time when it was already closed).</param>
/// <param name="TubesClosed">The open tubes closed with it now, in barcode order; none when it was already closed.</param>
public sealed record ClosedSite(Id<SamplingSite> Site, Instant ClosedAt, IReadOnlyList<Tube> TubesClosed);
