using System.Globalization;

using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>One loudspeaker call: a building (or a unit, or floors of a unit) called down to a site.</summary>
/// <param name="At">When it is announced.</param>
/// <param name="SiteId">The site.</param>
/// <param name="BuildingId">The building.</param>
/// <param name="UnitId">The unit, when only one unit is called.</param>
/// <param name="FirstFloor">The lowest floor called.</param>
/// <param name="LastFloor">The highest floor called.</param>
/// <param name="Households">The households called, in service order.</param>
/// <param name="People">People expected.</param>
/// <param name="Chinese">The announcement in Chinese with the stored names as they are (a log line); what a loudspeaker reads, with the office's names, is <c>Views.Announcements.Call</c>.</param>
/// <param name="English">The announcement in English with the stored names as they are; see <c>Views.Announcements.Call</c> for people.</param>
public sealed record WaveCall(Instant At, int SiteId, int BuildingId, int? UnitId, int FirstFloor, int LastFloor,
    IReadOnlyList<HouseholdLoad> Households, int People, string Chinese, string English)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{LocalTimeText.Utc(At)} site {SiteId}: {English}");
}
